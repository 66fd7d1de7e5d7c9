"""medleaflet.qa.checks on hand-made catalogues: plural forms, protected names, warnings."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from medleaflet.catalogues import Catalogue, Review
from medleaflet.qa.checks import check_catalogue
from medleaflet.sources import SourceMessage

PLURAL = SourceMessage("ui:test", "{count} medicine", plural="{count} medicines", brace_format=True)


def catalogue(locale: str, body: str) -> Catalogue:
    po = f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {locale}\\n"\n\n{body}'
    catalog = read_po(io.StringIO(po), locale=locale)
    return Catalogue(locale, Path("x.po"), "x.po", catalog, Review(False, None, None))


def plural_entry(forms: list[str]) -> str:
    strings = "".join(f'msgstr[{i}] "{form}"\n' for i, form in enumerate(forms))
    head = '#, python-brace-format\nmsgctxt "ui:test"\nmsgid "{count} medicine"\nmsgid_plural "{count} medicines"\n'
    return head + strings


@pytest.mark.parametrize(
    ("locale", "forms", "ok"),
    [
        ("ar", ["{count} دواء"] * 6, True),
        ("ar", ["{count} دواء"] * 5, False),
        ("ar", ["{count} دواء"] * 5 + [""], False),
        ("ru", ["{count} лекарство", "{count} лекарства", "{count} лекарств"], True),
        ("ru", ["{count} лекарство", "{count} лекарства"], False),
    ],
)
def test_plural_forms_must_be_complete(locale: str, forms: list[str], ok: bool) -> None:
    findings = [f for f in check_catalogue(catalogue(locale, plural_entry(forms)), [PLURAL]) if f.blocking]
    assert (findings == []) == ok, findings
    if not ok:
        assert any("plural forms" in f.message for f in findings)


def test_protected_names_survive() -> None:
    source = SourceMessage("leaf:x", "Fleqsuvy is 5 times stronger than Ozobax.")
    entry = (
        'msgctxt "leaf:x"\nmsgid "Fleqsuvy is 5 times stronger than Ozobax."\n'
        'msgstr "Флексуви в 5 раз сильнее, чем Ozobax."\n'
    )
    findings = check_catalogue(catalogue("ru", entry), [source], protected=["Fleqsuvy", "Ozobax"])
    assert [str(f) for f in findings] == ["x.po:7: leaf:x: keep 'Fleqsuvy' unchanged, as in the source"]


def test_doubled_words_are_only_a_warning() -> None:
    source = SourceMessage("leaf:x", "Take it with food.")
    entry = 'msgctxt "leaf:x"\nmsgid "Take it with food."\nmsgstr "Prenez-le avec avec de la nourriture."\n'
    findings = check_catalogue(catalogue("fr", entry), [source])
    assert findings and all(not f.blocking for f in findings)
    assert str(findings[0]).endswith("(warning)")


def test_fuzzy_header_blocks() -> None:
    po = '#, fuzzy\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n'
    catalog = read_po(io.StringIO(po), locale="fr")
    findings = check_catalogue(Catalogue("fr", Path("x.po"), "x.po", catalog, Review(False, None, None)), [])
    assert [str(f) for f in findings] == ["x.po:1: the catalogue header is marked fuzzy; gettext would skip the file"]
