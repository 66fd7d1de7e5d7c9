"""medleaflet.i18n.qa.language: a catalogue must be in its folder's language and script."""

from __future__ import annotations

from collections import Counter

import pytest
from babel import Locale
from fontTools import unicodedata as ucd

from medleaflet.i18n.catalogues import load_catalogue
from medleaflet.i18n.qa.language import (
    catalogue_script_problem,
    expected_scripts,
    header_problem,
    message_script_problem,
)
from medleaflet.project import Project
from tests.conftest import ROOT

PROJECT = Project(ROOT)
TRANSLATED = PROJECT.locales()[1:]


@pytest.mark.parametrize(
    ("header", "folder"),
    [("es", "es"), ("pt_BR", "pt"), ("pt-BR", "pt_BR"), ("zh_CN", "zh"), ("zh_Hans", "zh"), ("tl", "fil")],
)
def test_matching_language_headers(header: str, folder: str) -> None:
    assert header_problem(header, folder) is None


@pytest.mark.parametrize(
    ("header", "folder", "problem"),
    [
        ("ru", "es", "the Language header says 'ru'"),
        ("zh_Hant", "zh", "the Language header says 'zh_Hant'"),
        ("pt_PT", "pt_BR", "the Language header says 'pt_PT'"),
        (None, "es", "no Language header"),
        ("not a locale", "es", "is not a locale"),
    ],
)
def test_mismatched_language_headers(header: str | None, folder: str, problem: str) -> None:
    assert problem in (header_problem(header, folder) or "")


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_shipped_catalogue_is_in_its_own_script(locale: str) -> None:
    catalogue = load_catalogue(PROJECT, locale)
    assert header_problem(catalogue.language_header, locale) is None
    texts = [message.string for message in catalogue.messages() if isinstance(message.string, str)]
    assert catalogue_script_problem(texts, Locale.parse(locale)) is None


def _main_script(texts: list[str]) -> str:
    """The script most letters of ``texts`` are in."""
    letters = Counter(ucd.script(char) for text in texts for char in text if char.isalpha())
    return letters.most_common(1)[0][0]


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize("other", TRANSLATED)
def test_a_catalogue_copied_into_another_script_folder_is_refused(locale: str, other: str) -> None:
    """Each shipped catalogue, read as if it were another language's: refused when its main script is
    not one the other language writes (Japanese, mostly kana, in Chinese; but Chinese in Japanese passes)."""
    texts = [m.string for m in load_catalogue(PROJECT, other).messages() if isinstance(m.string, str)]
    target = Locale.parse(locale)
    differs = _main_script(texts) not in expected_scripts(target)
    assert (catalogue_script_problem(texts, target) is not None) == differs


@pytest.mark.parametrize(
    ("text", "locale", "foreign"),
    [
        ("Избегайте алкоголя.", "es", True),
        ("避免饮酒。", "ru", True),
        ("Не пейте алкоголь (Fleqsuvy 25 mg).", "ru", False),
        ("Lioresal (CA, GB)", "zh", False),
        ("아침에 드세요", "ko", False),
        ("朝に飲んでください", "ja", False),
        ("ok", "es", False),
    ],
)
def test_message_in_a_foreign_script(text: str, locale: str, foreign: bool) -> None:
    assert (message_script_problem(text, Locale.parse(locale)) is not None) == foreign
