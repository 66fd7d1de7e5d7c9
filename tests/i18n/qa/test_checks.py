"""medleaflet.i18n.qa.checks on hand-made catalogues: plural forms, protected names, warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from medleaflet.i18n.catalogues import Catalogue, parse_catalogue
from medleaflet.i18n.qa.checks import check_catalogue
from medleaflet.i18n.sources import SourceMessage

PLURAL = SourceMessage("ui:test", "{count} medicine", plural="{count} medicines", brace_format=True)


#: The Plural-Forms headers of the locales these tests use (gettext's).
PLURALS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
}


def catalogue(locale: str, body: str) -> Catalogue:
    headers = f'"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {locale}\\n"\n'
    headers += f'"Plural-Forms: {PLURALS[locale]}\\n"\n'
    po = f'msgid ""\nmsgstr ""\n{headers}\n{body}'
    return parse_catalogue(po, locale, Path("x.po"), "x.po")


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
    assert [str(f) for f in findings] == ["x.po:9: leaf:x: keep 'Fleqsuvy' unchanged, as in the source"]


def test_doubled_words_are_only_a_warning() -> None:
    source = SourceMessage("leaf:x", "Take it with food.")
    entry = 'msgctxt "leaf:x"\nmsgid "Take it with food."\nmsgstr "Prenez-le avec avec de la nourriture."\n'
    findings = check_catalogue(catalogue("fr", entry), [source])
    assert findings and all(not f.blocking for f in findings)
    assert str(findings[0]).endswith("(warning)")


def test_fuzzy_header_blocks() -> None:
    po = '#, fuzzy\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n'
    po += f'"Plural-Forms: {PLURALS["fr"]}\\n"\n'
    findings = check_catalogue(parse_catalogue(po, "fr", Path("x.po"), "x.po"), [])
    assert [str(f) for f in findings] == ["x.po:1: the catalogue header is marked fuzzy; gettext would skip the file"]
