"""medleaflet.i18n.qa.units: the spellings of each unit per language, the check, and the guide's table.

Good and bad translations are derived from the table (:func:`spellings`),
never from a list copied from the code: every accepted spelling passes; its
other capitalisations, the spellings other languages use, and the Persian
spelling without its zero-width non-joiner are refused, naming the unit.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from medleaflet.i18n.catalogues import parse_catalogue
from medleaflet.i18n.qa.checks import check_catalogue
from medleaflet.i18n.qa.doses import compare
from medleaflet.i18n.qa.numbers import quantities, unit_aliases
from medleaflet.i18n.qa.units import (
    DOCUMENTED_LOCALES,
    UNITS,
    accepted,
    markdown_table,
    missing_problem,
    spelling_problem,
    spellings,
)
from medleaflet.i18n.sources import SourceMessage
from tests.conftest import ROOT
from textengine.characters import ZWNJ, disallowed

GUIDE = ROOT / "translations" / "README.md"
CATALOGUE_LOCALES = sorted(path.parent.parent.name for path in ROOT.glob("translations/*/LC_MESSAGES/leaflets.po"))
#: The documented locales, and one the guide does not list (the same rule applies to it).
LOCALES = [*DOCUMENTED_LOCALES, "pt_BR"]
PAIRS = [(locale, unit.symbol) for locale in LOCALES for unit in UNITS]
_CODE = re.compile(r"`([^`]*)`")


def _rows(header: str) -> list[list[str]]:
    """The cells of each row of the guide's table whose header row starts with ``header``."""
    lines = GUIDE.read_text("utf-8").splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith(header))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def guide_spellings() -> dict[str, dict[str, tuple[str, ...]]]:
    """The guide's table of spellings: locale -> unit symbol -> spellings, as written."""
    header = "| locale | " + " | ".join(unit.symbol for unit in UNITS) + " |"
    return {
        row[0]: {unit.symbol: tuple(_CODE.findall(cell)) for unit, cell in zip(UNITS, row[1:], strict=True)}
        for row in _rows(header)
    }


def test_the_guide_lists_exactly_what_the_check_accepts() -> None:
    table = guide_spellings()
    assert list(table) == list(DOCUMENTED_LOCALES)
    assert set(CATALOGUE_LOCALES) <= set(table), "every shipped language has a row"
    for locale, row in table.items():
        assert row == spellings(locale), locale


def test_the_guide_table_is_the_generated_one() -> None:
    assert markdown_table(DOCUMENTED_LOCALES) in GUIDE.read_text("utf-8")


def _examples() -> list[tuple[str, str, str, bool]]:
    rows = _rows("| locale | English | accepted | refused |")
    return [
        (row[0], _CODE.findall(row[1])[0], text, ok)
        for row in rows
        for ok, cell in ((True, row[2]), (False, row[3]))
        for text in _CODE.findall(cell)
    ]


@pytest.mark.parametrize(("locale", "english", "translation", "ok"), _examples())
def test_the_guide_examples_hold(locale: str, english: str, translation: str, ok: bool) -> None:
    problems = compare(english, translation, locale)
    assert (problems == []) == ok, problems


def _number(text: str, symbol: str) -> str:
    return f"Take 5 {text}." if symbol != "%" else f"5 {text} of it."


@pytest.mark.parametrize(("locale", "symbol"), PAIRS)
def test_every_accepted_spelling_passes(locale: str, symbol: str) -> None:
    source = _number(symbol, symbol)
    for spelling in spellings(locale)[symbol]:
        for written in (spelling, unicodedata.normalize("NFD", spelling)):
            assert compare(source, _number(written, symbol), locale) == [], (locale, written)
        assert [q.unit for q in quantities(f"5{spelling}", locale)] == [symbol]  # no space between


@pytest.mark.parametrize(("locale", "symbol"), PAIRS)
def test_other_capitalisations_are_refused_naming_the_unit(locale: str, symbol: str) -> None:
    names = spellings(locale)[symbol]
    variants = {variant for name in names for variant in (name.upper(), name.swapcase(), name.title())}
    wrong = sorted(variant for variant in variants if variant not in names)
    for variant in wrong:
        problems = compare(_number(symbol, symbol), _number(variant, symbol), locale)
        assert problems == [spelling_problem(variant, symbol, locale)], (variant, problems)


@pytest.mark.parametrize(("locale", "symbol"), PAIRS)
def test_other_languages_spellings_are_refused_naming_the_unit(locale: str, symbol: str) -> None:
    names = spellings(locale)[symbol]
    folded = {name.casefold() for name in names}
    foreign = {name for other in LOCALES for name in spellings(other)[symbol] if name.casefold() not in folded}
    for name in sorted(foreign):
        problems = compare(_number(symbol, symbol), _number(name, symbol), locale)
        assert problems == [missing_problem("5", symbol, locale)], (name, problems)


@pytest.mark.parametrize("locale", LOCALES)
def test_another_unit_is_a_changed_dose(locale: str) -> None:
    table = spellings(locale)
    for unit in UNITS:
        for other in (other for other in UNITS if other != unit):
            problems = compare(
                _number(unit.symbol, unit.symbol), _number(table[other.symbol][-1], other.symbol), locale
            )
            assert f"number '5 {unit.symbol}' of the source is missing or changed" in problems, (unit, other)


def test_the_three_examples_of_the_issue() -> None:
    # A Persian unit word is a unit, not a number problem.
    persian = next(name for name in spellings("fa")["mg"] if ZWNJ in name)
    assert compare("Take 5 mg.", f"۵ {persian} بخورید.", "fa") == []
    # Arabic's customary abbreviation passes, and the guide says so.
    assert "ملغ" in spellings("ar")["mg"] and "ملغ" in guide_spellings()["ar"]["mg"]
    assert compare("Take 5 mg.", "تناول ٥ ملغ.", "ar") == []
    # 5 ml where the table says mL.
    assert "ml" not in spellings("vi")["mL"]
    assert compare("Take 5 mL.", "Uống 5 ml.", "vi") == [
        f"unit: 'ml' is not a spelling of mL in vi (accepted: {accepted('vi', 'mL')})"
    ]


@pytest.mark.parametrize("written", ["میلیگرم", "میلی گرم", "ميلی‌گرم"])
def test_the_persian_spelling_keeps_its_non_joiner(written: str) -> None:
    """Without the ZWNJ, with a space for it, or with an Arabic yeh, it is another spelling."""
    problems = compare("Take 5 mg.", f"۵ {written}", "fa")
    assert problems == [
        f"unit: 5 mg in the English, but no accepted spelling of mg next to 5 here (accepted: {accepted('fa', 'mg')})"
    ]
    assert "(accepted: mg, میلی‌گرم)" in problems[0]


def test_a_persian_catalogue_with_its_unit_word_has_no_finding() -> None:
    spelling = next(name for name in spellings("fa")["mg"] if ZWNJ in name)
    translation = f"۵ {spelling} بخورید."
    assert disallowed(translation) == []  # the ZWNJ inside a Persian word is allowed
    po = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fa\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        f'msgctxt "leaf:dose"\nmsgid "Take 5 mg."\nmsgstr "{translation}"\n'
    )
    catalogue = parse_catalogue(po, "fa", Path("x.po"), "x.po")
    assert check_catalogue(catalogue, [SourceMessage("leaf:dose", "Take 5 mg.")]) == []


@pytest.mark.parametrize(
    ("locale", "english", "translation"),
    [
        ("ru", "You are 65 years old.", "Вам 65 лет."),
        ("vi", "Take it 3 times a day.", "Uống 3 lần mỗi ngày."),
        ("ru", "in 5 moments", "через 5 мгновений"),
        ("ar", "5 spoons", "٥ ملاعق"),
        ("fr", "at 1 o'clock", "à 1 l'après-midi"),
    ],
)
def test_a_word_that_starts_like_a_unit_is_not_a_unit(locale: str, english: str, translation: str) -> None:
    assert compare(english, translation, locale) == []


def test_a_unit_may_touch_chinese_text() -> None:
    assert [q.unit for q in quantities("5 mL中含25毫克的", "zh")] == ["mL", "mg"]


def test_the_layout_binds_every_spelling_longer_than_a_letter() -> None:
    for locale in DOCUMENTED_LOCALES:
        for symbol, names in spellings(locale).items():
            assert {name for name in names if len(name) > 1} <= set(unit_aliases(locale)[symbol]), (locale, symbol)
