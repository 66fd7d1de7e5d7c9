"""Units of measure: the spellings each language may write after a number, in one table.

A dose is a number and a unit, and a unit misread is a dose misread, so a
translation may write a unit only in a spelling this table accepts for its
language. :data:`UNITS` lists the units the check knows; for each, the
spellings accepted in a locale are, in this order:

1. the unit's own symbols (:attr:`Unit.symbols`: ``mg``, ``mL``...), accepted
   in every language;
2. the names CLDR gives the unit in that locale, through Babel
   (``babel.units.format_unit`` with the lengths ``short``, ``narrow`` and
   ``long``, in every plural form: ``мг``, ``миллиграмм``, ``миллиграмма``
   in Russian), where the name follows the number; for ``%``, the locale's
   percent sign;
3. the customary abbreviations CLDR lacks (:data:`CUSTOMARY`: ``ملغ`` in
   Arabic, where CLDR has ``مغم``).

Spellings are compared exactly, after Unicode normalisation (NFC): ``ml`` is
not ``mL``, and the zero-width non-joiner inside the Persian ``میلی‌گرم``
(U+200C, allowed there by :mod:`textengine.characters`) is part of the
spelling, so ``میلیگرم`` and ``میلی گرم`` are other spellings. A spelling
counts only where it ends a word: not followed by a combining mark, a joiner,
an apostrophe, or a letter of its own script (``л`` is not a unit in
``5 лет``), except in scripts written without spaces (``5 mL中``, ``25毫克的``).

:func:`spellings` gives a locale's accepted spellings of every unit;
:func:`recogniser` the matcher :mod:`medleaflet.i18n.qa.numbers` reads units
with (it also recognises the wrong capitalisation of an accepted spelling,
such as ``ml`` or ``MG``, to name the unit in the problem); :func:`binding_spellings`
the spellings the layout keeps next to their number; :func:`markdown_table`
writes the table of the translator guide (``translations/README.md``), which
a test compares with this module.

Words for time (hours, days, weeks) are not units here: they are words of
the language, and only their numbers are compared.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal
from babel.units import UnknownUnitError, format_unit
from fontTools.unicodedata import script

#: CLDR's lengths of a unit's name, in the order their spellings are listed.
LENGTHS: tuple[Literal["short", "narrow", "long"], ...] = ("short", "narrow", "long")


@dataclass(frozen=True)
class Unit:
    """A unit the check knows: ``symbol`` names it in findings and translator notes; ``symbols``
    are accepted in every language; ``cldr`` is its CLDR unit id (None: the percent sign)."""

    symbol: str
    cldr: str | None
    symbols: tuple[str, ...]


#: Every unit the check knows, in the order the guide's table lists them. ``µ`` is written
#: both ways Unicode has it: U+00B5 MICRO SIGN and U+03BC GREEK SMALL LETTER MU (CLDR's).
UNITS: tuple[Unit, ...] = (
    Unit("mg", "mass-milligram", ("mg",)),
    Unit("g", "mass-gram", ("g",)),
    Unit("mcg", "mass-microgram", ("mcg", "\u00b5g", "\u03bcg")),
    Unit("mL", "volume-milliliter", ("mL",)),
    Unit("L", "volume-liter", ("L",)),
    Unit("%", None, ("%",)),
)

#: The locales the translator guide's table lists (the source and every shipped language, and Persian).
DOCUMENTED_LOCALES: tuple[str, ...] = (
    "en", "am", "ar", "bn", "es", "fa", "fil", "fr", "hi", "ht", "ja", "ko", "my", "pa", "ps", "pt", "ru", "so", "ta",
    "th", "uk", "ur", "vi", "zh", "zh_Hant",
)  # fmt: skip

#: Customary abbreviations CLDR does not give, by language and unit symbol.
CUSTOMARY: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "ar": {"mg": ("ملغ", "ملجم"), "mL": ("مل",)},
    "hi": {"mg": ("मि.ग्रा.",), "mL": ("मि.ली.",)},
    "ja": {"%": ("\uff05",)},
    "zh": {"%": ("\uff05",)},
}

#: Characters that may stand between a number and its unit, and that CLDR puts around names.
SPACES = " \u00a0\u202f"
_MARKS = "\u200e\u200f\u061c"
#: Scripts written without spaces: a unit may be followed by a letter of its own script.
_UNSPACED = frozenset({"Hani", "Hira", "Kana", "Thai", "Laoo", "Khmr", "Mymr", "Tibt"})
#: Characters that continue a word: a spelling followed by one of them is part of a longer word.
_CONTINUING = frozenset("\u200c\u200d'\u2019\u02bc")
#: Numbers tried to find one of each plural form of a locale.
_SAMPLES = [Decimal(n) for n in range(111)] + [Decimal(1000000)] + [Decimal(text) for text in ("0.5", "1.5", "2.5")]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _locale(locale_id: str) -> Locale | None:
    try:
        return Locale.parse(locale_id)
    except (ValueError, UnknownLocaleError):
        return None


@lru_cache(maxsize=128)
def _samples(locale: Locale) -> tuple[Decimal, ...]:
    """One number of each plural form of ``locale`` (found once per locale: every unit asks)."""
    found: dict[str, Decimal] = {}
    for sample in _SAMPLES:
        found.setdefault(locale.plural_form(sample), sample)
    return tuple(found.values())


def _cldr_names(unit: Unit, locale: Locale) -> list[str]:
    """The names CLDR writes after a number for ``unit`` in ``locale``, in every length and plural form."""
    if unit.cldr is None:
        systems = {"latn", locale.default_numbering_system, locale.other_numbering_systems.get("native", "latn")}
        signs = (locale.number_symbols.get(system, {}).get("percentSign", "") for system in sorted(systems))
        return [sign.strip(_MARKS + SPACES) for sign in signs]
    names: list[str] = []
    for length in LENGTHS:
        for sample in _samples(locale):
            try:
                written = format_unit(sample, unit.cldr, length, locale=locale)
            except UnknownUnitError:
                return names
            number = format_decimal(sample, locale=locale)
            at = written.find(number)
            if at > 0 and written[:at].strip(_MARKS + SPACES):
                continue  # the name comes before the number: not a unit after a number
            names.append(written[at + len(number) :] if at >= 0 else written)
    return [name.strip(_MARKS + SPACES) for name in names]


@lru_cache(maxsize=128)
def spellings(locale_id: str) -> dict[str, tuple[str, ...]]:
    """Every accepted spelling of each unit of :data:`UNITS` in ``locale_id``, by unit symbol
    (NFC, each once, in the order of the module docstring)."""
    locale = _locale(locale_id)
    language = locale.language if locale else locale_id.split("_")[0]
    customary = CUSTOMARY.get(locale_id) or CUSTOMARY.get(language, {})
    table = {}
    for unit in UNITS:
        found = [*unit.symbols, *(_cldr_names(unit, locale) if locale else []), *customary.get(unit.symbol, ())]
        table[unit.symbol] = tuple(dict.fromkeys(_nfc(name) for name in found if name))
    return table


def accepted(locale_id: str, symbol: str) -> str:
    """The accepted spellings of the unit ``symbol`` in ``locale_id``, for a message: ``mL, mililít``."""
    return ", ".join(spellings(locale_id)[symbol])


def spelling_problem(written: str, symbol: str, locale_id: str) -> str:
    """The problem of a unit written ``written`` that is no accepted spelling of ``symbol``."""
    return f"unit: '{written}' is not a spelling of {symbol} in {locale_id} (accepted: {accepted(locale_id, symbol)})"


def missing_problem(number: str, symbol: str, locale_id: str) -> str:
    """The problem of a number the English writes with ``symbol`` and a translation without it."""
    return (
        f"unit: {number} {symbol} in the English, but no accepted spelling of {symbol} next to {number} here "
        f"(accepted: {accepted(locale_id, symbol)})"
    )


@dataclass(frozen=True)
class UnitMatch:
    """A unit found after a number: its symbol, where it ends, how it is written, and whether
    that spelling is accepted in the locale."""

    symbol: str
    end: int
    written: str
    ok: bool


def _ends_word(text: str, end: int) -> bool:
    """Whether a spelling ending at ``end`` ends there, rather than starting a longer word."""
    if end >= len(text):
        return True
    after, last = text[end], text[end - 1]
    if after in _CONTINUING or unicodedata.category(after).startswith("M"):
        return False
    if not unicodedata.category(after).startswith("L"):
        return True
    return script(last) in _UNSPACED or script(after) != script(last)


class Recogniser:
    """Reads the unit right after a number in one locale (see :func:`recogniser`)."""

    def __init__(self, table: Mapping[str, Sequence[str]]) -> None:
        self.exact = {spelling: symbol for symbol, names in table.items() for spelling in names}
        self.folded: dict[str, str] = {}
        for spelling, symbol in self.exact.items():
            self.folded.setdefault(spelling.casefold(), symbol)
        # A spelling in the text may be longer than its NFC form: decomposed accents, and a Hangul
        # syllable decomposes into up to three jamo.
        self.longest = 3 * max((len(spelling) for spelling in self.exact), default=0)

    def after(self, text: str, end: int) -> UnitMatch | None:
        """The unit after the number ending at ``end`` in ``text`` (spaces may come between),
        the longest spelling that ends a word; None if there is none."""
        start = end
        while start < len(text) and text[start] in SPACES:
            start += 1
        best: UnitMatch | None = None
        for stop in range(start + 1, min(len(text), start + self.longest) + 1):
            written = text[start:stop]
            normal = _nfc(written)
            if normal in self.exact and _ends_word(text, stop):
                best = UnitMatch(self.exact[normal], stop, written, True)
            elif (best is None or not best.ok) and normal.casefold() in self.folded and _ends_word(text, stop):
                best = UnitMatch(self.folded[normal.casefold()], stop, written, False)
        return best


@lru_cache(maxsize=128)
def recogniser(locale_id: str) -> Recogniser:
    """The unit reader of ``locale_id``: its accepted spellings, and their other capitalisations."""
    return Recogniser(spellings(locale_id))


def every_spelling(locales: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each unit's spellings accepted in any of ``locales``, by unit symbol."""
    table: dict[str, dict[str, None]] = {unit.symbol: {} for unit in UNITS}
    for locale_id in locales:
        for symbol, names in spellings(locale_id).items():
            table[symbol].update(dict.fromkeys(names))
    return {symbol: tuple(names) for symbol, names in table.items()}


def binding_spellings(locales: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The spellings of :func:`every_spelling` the layout keeps next to their number: a unit's own
    symbols, and every other spelling of two or more characters. A single letter (``л``, ``l``,
    ``ل``) also starts words, and the layout's binding cannot tell a word from a unit."""
    own = {unit.symbol: unit.symbols for unit in UNITS}
    return {
        symbol: tuple(name for name in names if len(name) > 1 or name in own[symbol])
        for symbol, names in every_spelling(locales).items()
    }


def markdown_table(locales: Iterable[str]) -> str:
    """The guide's table of accepted spellings: a row per locale, a column per unit."""
    header = ["locale", *(unit.symbol for unit in UNITS)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for locale_id in locales:
        cells = [", ".join(f"`{name}`" for name in names) for names in spellings(locale_id).values()]
        lines.append("| " + " | ".join([locale_id, *cells]) + " |")
    return "\n".join(lines)
