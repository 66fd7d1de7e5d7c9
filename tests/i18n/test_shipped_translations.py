"""The catalogues we ship: complete for every leaflet we ship, clean, unreviewed, and printable.

Unlike every other test, these expect each leaflet in ``leaflets/`` to be
translated into every language of ``translations/``: a leaflet not yet
translated fails here, and only here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from translate.storage import csvl10n

from medleaflet.i18n import ui
from medleaflet.i18n.catalogues import claims_review, load_catalogue, po_path
from medleaflet.i18n.language_check import check_language, project_messages
from medleaflet.i18n.locales import language_of
from medleaflet.i18n.review import load_record
from medleaflet.i18n.terms import GLOSSARY_FILE, glossary_path, load_glossary
from medleaflet.project import Project
from tests.conftest import ROOT, fonts_of, logical_text, pdf_text, run_cli

PROJECT = Project(ROOT)
REQUIRED = {"ar", "es", "fil", "fr", "hi", "ru", "vi", "zh"}
SHIPPED = [locale for locale in PROJECT.locales() if locale != "en"]
#: Languages in complex scripts, and the font their text must be set in.
SHAPED = {"hi": "NotoSansDevanagari", "ar": "NotoSansArabic"}


def test_required_languages_ship() -> None:
    assert REQUIRED <= set(SHIPPED)


@pytest.mark.parametrize("locale", SHIPPED)
def test_catalogue_passes_check(locale: str) -> None:
    findings = check_language(PROJECT, locale, project_messages(PROJECT)).blocking
    assert [str(finding) for finding in findings] == []


@pytest.mark.parametrize("locale", SHIPPED)
def test_review_is_only_what_the_signoff_record_says(locale: str) -> None:
    """No shipped catalogue claims a review in its header; its sign-off record, if any, is valid."""
    catalogue = load_catalogue(PROJECT, locale)
    assert not claims_review(catalogue.catalog)
    load_record(catalogue, PROJECT.root)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")
@pytest.mark.parametrize("locale", SHIPPED)
def test_msgfmt_check_and_statistics(locale: str) -> None:
    result = subprocess.run(
        ["msgfmt", "-c", "--statistics", "-o", "/dev/null", str(po_path(PROJECT, locale))],
        capture_output=True,
        text=True,
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"^\d+ translated messages\.$", result.stderr.strip().splitlines()[-1]), result.stderr


@pytest.mark.parametrize("locale", SHIPPED)
def test_catalogue_holds_every_message_of_every_leaflet(locale: str) -> None:
    """So that what msgfmt counts as translated is every shipped leaflet, in full."""
    catalogue = load_catalogue(PROJECT, locale)
    absent: dict[str, int] = {}
    for source in project_messages(PROJECT).sources:
        if catalogue.find(source.context, source.msgid) is None:
            group = source.context.partition(":")[0]
            absent[group] = absent.get(group, 0) + 1
    assert absent == {}, f"messages not in {catalogue.display} (run 'generate.py extract' and 'update'): {absent}"


@pytest.mark.parametrize("leaflet", PROJECT.leaflet_ids())
@pytest.mark.parametrize("locale", SHIPPED)
def test_translation_builds(locale: str, leaflet: str, tmp_path: Path) -> None:
    code, _, err = run_cli("build", leaflet, "--lang", locale, "--out", str(tmp_path))
    assert code == 0, err
    pdf = tmp_path / f"{leaflet}.{locale}.pdf"
    text = pdf_text(pdf)
    catalogue = load_catalogue(PROJECT, locale)
    disclaimer = catalogue.catalog.get(ui.DISCLAIMER.message, context=ui.DISCLAIMER.context)
    assert "[EN]" not in text
    assert disclaimer is not None and isinstance(disclaimer.string, str)
    # Shaped scripts read through the text layer (pdftotext); others extract directly. Poppler may
    # order two right-to-left sentences of one line oddly, so an RTL language's words are checked.
    # Scripts beyond Latin, Cyrillic and Greek are shaped: their text layer reads in pdftotext.
    logical = text if language_of(locale).script in ("Latn", "Cyrl", "Grek") else logical_text(pdf)
    expected = " ".join(disclaimer.string.split())
    if language_of(locale).direction == "rtl":
        words = {word.strip(".,،:;()«»") for word in "".join(logical).split()}
        wanted = {word.strip(".,،:;()«»") for word in expected.split()}
        # poppler groups Nastaliq's stacked words into lines imperfectly: most words, not all
        # (Urdu's text is read back in full by OCR in tests/test_every_language.py)
        assert len(wanted & words) >= 0.6 * len(wanted), sorted(wanted - words)
    else:
        assert expected.replace(" ", "") in "".join(logical.split())
    if locale in SHAPED:
        assert any(SHAPED[locale] in name for name in fonts_of(pdf))


def test_chinese_builds_with_embedded_cjk_font(tmp_path: Path) -> None:
    code, _, err = run_cli("build", "baclofen", "--lang", "zh", "--out", str(tmp_path))
    assert code == 0, err
    pdf = tmp_path / "baclofen.zh.pdf"
    assert "巴氯芬" in pdf_text(pdf).replace(" ", "")
    fonts = fonts_of(pdf)
    assert all(fonts.values()) and any("NotoSansSC" in name for name in fonts)


@pytest.mark.parametrize("locale", SHIPPED)
def test_catalogue_header_says_it_is_not_reviewed(locale: str) -> None:
    """What a page says about review comes from the sign-off record; the header only warns a reader
    of the file (``update`` keeps the note there)."""
    header = po_path(PROJECT, locale).read_text(encoding="utf-8").split('msgid ""')[0]
    assert "# NOT reviewed by a qualified medical translator." in header


def _glossary_sources(locale: str) -> list[str]:
    return [term.source for term in load_glossary(PROJECT, locale)]


@pytest.mark.parametrize("locale", SHIPPED)
def test_every_language_has_a_glossary_of_the_same_terms(locale: str) -> None:
    """The terms are the project's choice, so every language chooses a translation for each of them,
    whichever language holds the most."""
    assert glossary_path(PROJECT, locale).is_file(), f"no {GLOSSARY_FILE} for {locale}"
    every = {source for other in SHIPPED for source in _glossary_sources(other)}
    assert set(_glossary_sources(locale)) == every


@pytest.mark.parametrize("locale", SHIPPED)
def test_glossary_reads_in_translate_toolkit_as_in_weblate(locale: str) -> None:
    store = csvl10n.csvfile.parsestring(glossary_path(PROJECT, locale).read_bytes())
    pairs = [(unit.source, unit.target) for unit in store.units if unit.source]
    assert pairs == [(term.source, term.target) for term in load_glossary(PROJECT, locale)]


@pytest.mark.parametrize("locale", SHIPPED)
def test_catalogue_uses_its_glossary_terms(locale: str) -> None:
    check = check_language(PROJECT, locale, project_messages(PROJECT), glossary=True)
    assert [str(finding) for finding in check.findings if finding.kind == "glossary"] == []
