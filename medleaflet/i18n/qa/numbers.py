"""Numbers, doses and units in text, compared across languages.

A translation must carry exactly the numbers of its source, each with an
equivalent unit: ``25 mg in 5 mL`` may become ``25 мг в 5 мл`` or
``٢٥ mg``, but never ``2,5 mg`` or ``25 mL``. This is a safety check, so a
number is read only when it can be read one way; anything else is a problem,
never a guess.

Reading a number
----------------
A number token is a run of digits with single separator characters between
digit runs. It is read strictly by the CLDR symbols of the locale (through
Babel), for the numbering system of its digits:

* all its digits are of one numbering system (one Unicode decimal-digit
  block); Latin digits use the ``latn`` symbols, other digits those of their
  own numbering system (``arab``, ``arabext``, ``deva``, ``beng``, ``mymr``...),
  or ``latn`` where Babel has none for the locale;
* the decimal mark is the locale's, or U+066B ARABIC DECIMAL SEPARATOR; the
  group mark the locale's, or U+066C ARABIC THOUSANDS SEPARATOR (these two are
  unambiguous, so they are accepted with any digits in any locale). Where the
  locale groups with a space-like character (U+00A0, U+202F), U+00A0, U+202F
  and a plain space all group;
* groups follow the locale's pattern (``#,##0`` gives threes, ``#,##,##0``
  gives 1,00,000): the group before the decimal mark has the primary size,
  the others the secondary size, the leftmost 1 to that size digits, and does
  not start with 0;
* there is at most one decimal mark, after every group mark, with digits on
  both sides; ``.5`` or ``,5`` after a space, a bracket or the start of the text
  is refused ("write 0.5");
* a separator not followed by a digit ("take 5 mg." / "5, 10 or 20 mg") is not
  part of the number;
* in a space-grouping locale, ``1 000`` is one number but ``5 10`` (invalid
  groups) is two.

A token that breaks these rules gives a problem naming it and the expected
form, e.g. ``'2,5' is not a valid number in hi: ',' groups digits as in
1,00,000; the decimal mark is '.'``. The English source is read with ``en``
rules.

Reading a unit
--------------
The unit of a number is the spelling right after it (spaces, U+00A0 and
U+202F may come between) that :mod:`medleaflet.i18n.qa.units` accepts for
the locale, the longest one that ends a word (``мг`` in ``5 мг``, nothing in
``5 мгновений``; in Chinese and Japanese a unit may be followed by any
character). Another capitalisation of an accepted spelling (``ml``, ``MG``)
is read as that unit, with a problem naming it; any other word after a
number is not a unit.

Comparing a translation's numbers with its source's, and the strengths bound
to each brand name, is :mod:`medleaflet.i18n.qa.doses`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import UnsupportedNumberingSystemError, get_decimal_symbol, get_group_symbol

from medleaflet.i18n.digits import NUMBERING_SYSTEM_ZEROS
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.i18n.qa.units import binding_spellings, recogniser, spelling_problem


@lru_cache(maxsize=64)
def unit_aliases(locale: str) -> dict[str, tuple[str, ...]]:
    """The spellings of each unit, by unit symbol, that the layout keeps next to their number in
    text of ``locale`` (:func:`medleaflet.layout.markup.bind_units`): those accepted in ``locale``
    and in the English source (a marked fallback is English), as
    :func:`~medleaflet.i18n.qa.units.binding_spellings` says. A translation may hold no other
    spelling: the unit check refuses it. Worked out on first use from CLDR's data of those two
    locales alone, so a build reads no other language's data."""
    return binding_spellings(dict.fromkeys((locale, SOURCE_LOCALE)))


_SYSTEM_BY_ZERO = {zero: system for system, zero in NUMBERING_SYSTEM_ZEROS.items()}

ARABIC_DECIMAL = "\u066b"
ARABIC_GROUP = "\u066c"
#: The space characters that may group digits (and may follow a brand name).
SPACES = frozenset(" \u00a0\u202f")
_LEADING = frozenset(".,\u066b\u066c")
_BIDI_MARKS = "\u200e\u200f\u061c"
_COUNT_WORDS = {2: "twos", 3: "threes", 4: "fours"}


@dataclass(frozen=True, order=True)
class Quantity:
    """A number and its unit (canonical symbol, or None), as found in a text.

    ``display`` is the number as written (digits made ASCII) with its unit;
    ``start`` and ``end`` locate the number and its unit in the text.
    """

    value: Decimal
    unit: str | None
    display: str
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Reading:
    """What :func:`read_numbers` found in a text: the numbers it could read, a
    problem for each token it could not (and the token, in ``unread``), and
    one for each unit written in a spelling the locale does not accept (``units``)."""

    quantities: list[Quantity]
    problems: list[str]
    units: list[str] = field(default_factory=list)
    #: Each token that could not be read, as written.
    unread: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Rules:
    """How numbers are written in one locale with one numbering system."""

    locale: str
    system: str
    decimal: str
    group: str
    primary: int
    secondary: int

    @property
    def decimals(self) -> frozenset[str]:
        return frozenset({self.decimal, ARABIC_DECIMAL})

    @property
    def groups(self) -> frozenset[str]:
        spaces = SPACES if self.group in SPACES else frozenset()
        return frozenset({self.group, ARABIC_GROUP}) | spaces

    def expected(self, zero: int) -> str:
        """The expected form, e.g. "',' groups digits in threes (1,000); the decimal mark is '.'"."""
        group = " " if self.group in SPACES else self.group
        if self.primary == self.secondary:
            sample = "1" + group + "0" * self.primary
            how = f"in {_COUNT_WORDS.get(self.primary, f'groups of {self.primary}')} ({_digits(sample, zero)})"
        else:
            sample = "1" + group + "0" * self.secondary + group + "0" * self.primary
            how = f"as in {_digits(sample, zero)}"
        return f"{_mark_name(self.group)} groups digits {how}; the decimal mark is {_mark_name(self.decimal)}"


def _mark_name(mark: str) -> str:
    return "a space" if mark in SPACES else repr(mark)


def _digits(ascii_text: str, zero: int) -> str:
    """``ascii_text`` with its ASCII digits written in the numbering system whose zero is ``zero``."""
    return "".join(chr(zero + int(char)) if char.isascii() and char.isdigit() else char for char in ascii_text)


def _to_ascii_digits(text: str) -> str:
    return "".join(
        str(unicodedata.decimal(char)) if unicodedata.decimal(char, None) is not None else char for char in text
    )


def _symbol(text: str) -> str:
    return text.strip(_BIDI_MARKS)


@lru_cache(maxsize=256)
def _rules(locale_id: str, system: str) -> _Rules:
    """The rules of ``locale_id`` for ``system``, or for ``latn`` where Babel has no symbols for it."""
    locale = Locale.parse(locale_id)
    try:
        decimal = get_decimal_symbol(locale, numbering_system=system)
        group = get_group_symbol(locale, numbering_system=system)
    except UnsupportedNumberingSystemError:
        system = "latn"
        decimal, group = get_decimal_symbol(locale), get_group_symbol(locale)
    pattern = locale.decimal_formats[None]
    primary, secondary = pattern.grouping if pattern is not None else (3, 3)
    return _Rules(locale_id, system, _symbol(decimal), _symbol(group), int(primary), int(secondary))


@lru_cache(maxsize=64)
def digit_systems(locale_id: str) -> tuple[str, ...]:
    """The numbering systems whose digits a translation into ``locale_id`` may use: Latin (and its
    full-width form, the same shapes), the locale's default and its native digits, as CLDR gives them
    (Arabic-Indic in ``ar``, Devanagari in ``hi``, Extended Arabic-Indic in ``fa``)."""
    locale = Locale.parse(locale_id)
    found = ["latn", locale.default_numbering_system, locale.other_numbering_systems.get("native", "latn")]
    return tuple(dict.fromkeys(name for name in [*found, "fullwide"] if name in NUMBERING_SYSTEM_ZEROS))


def _system(locale_id: str, zero: int) -> str:
    """The numbering system of digits whose zero is ``zero``; the locale's default for an unknown block."""
    system = _SYSTEM_BY_ZERO.get(zero)
    return system if system is not None else Locale.parse(locale_id).default_numbering_system


@lru_cache(maxsize=64)
def _token_pattern(locale_id: str) -> tuple[re.Pattern[str], frozenset[str]]:
    """The number-token pattern of a locale, and its soft separators (spaces that may group)."""
    latn = _rules(locale_id, "latn")
    native = _rules(locale_id, Locale.parse(locale_id).default_numbering_system)
    soft = SPACES if latn.group in SPACES or native.group in SPACES else frozenset()
    separators = set(".,\u066b\u066c\u00a0\u202f") | {latn.decimal, latn.group, native.decimal, native.group} | soft
    separators = {mark for mark in separators if len(mark) == 1}
    chars = "".join(re.escape(mark) for mark in sorted(separators))
    return re.compile(rf"\d+(?:[{chars}]\d+)*"), frozenset(soft)


def _locale_id(locale: Locale | str) -> str:
    return str(Locale.parse(locale) if isinstance(locale, str) else locale)


def _read(token: str, locale_id: str) -> tuple[Decimal | None, str | None]:
    """The value of one number token, or None and the reason it cannot be read."""
    digits = [char for char in token if unicodedata.decimal(char, None) is not None]
    zeros = {ord(char) - unicodedata.decimal(char) for char in digits}
    if len(zeros) != 1:
        return None, f"{token!r} mixes digits of different scripts; write all digits of a number in one script"
    zero = zeros.pop()
    if _SYSTEM_BY_ZERO.get(zero) not in digit_systems(locale_id):
        script = unicodedata.name(digits[0]).partition(" DIGIT")[0].title()
        own = [_digits("0–9", NUMBERING_SYSTEM_ZEROS[name]) for name in digit_systems(locale_id) if name != "fullwide"]
        return (
            None,
            f"{token!r} is written in {script} digits, which {locale_id} does not use: write {' or '.join(own)}",
        )
    rules = _rules(locale_id, _system(locale_id, zero))
    invalid = f"{token!r} is not a valid number in {locale_id}: {rules.expected(zero)}"
    decimals, groups = rules.decimals, rules.groups
    if decimals & groups:
        return None, f"{token!r} could be read two ways in {locale_id}: {rules.expected(zero)}"
    marks = [(index, char) for index, char in enumerate(token) if unicodedata.decimal(char, None) is None]
    if any(char not in decimals | groups for _, char in marks):
        return None, invalid
    decimal_at = [index for index, char in marks if char in decimals]
    group_at = [index for index, char in marks if char in groups]
    if len(decimal_at) > 1 or (decimal_at and group_at and group_at[-1] > decimal_at[0]):
        return None, invalid
    if len({"space" if token[index] in SPACES else token[index] for index in group_at}) > 1:
        return None, invalid
    integer = token[: decimal_at[0]] if decimal_at else token
    fraction = token[decimal_at[0] + 1 :] if decimal_at else ""
    if group_at:
        sizes = [len(part) for part in re.split("[" + re.escape("".join(groups)) + "]", integer)]
        leftmost_zero = unicodedata.decimal(integer[0]) == 0
        if (
            sizes[-1] != rules.primary
            or any(size != rules.secondary for size in sizes[1:-1])
            or not 1 <= sizes[0] <= rules.secondary
            or leftmost_zero
        ):
            return None, invalid
    ascii_integer = "".join(char for char in _to_ascii_digits(integer) if char.isdigit())
    value = Decimal(ascii_integer + ("." + _to_ascii_digits(fraction) if fraction else ""))
    return value, None


def _leading_separator(text: str, start: int) -> str | None:
    """The separator glued to the front of the token at ``start`` with no digit before it, if any."""
    if start == 0 or text[start - 1] not in _LEADING:
        return None
    if start >= 2:
        before = text[start - 2]
        if before.isalnum() or unicodedata.category(before).startswith("M"):
            return None
    return text[start - 1]


def _pieces(token: str, soft: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of ``token`` between soft separators."""
    if not soft:
        return [(0, len(token))]
    return [match.span() for match in re.finditer("[^" + re.escape("".join(sorted(soft))) + "]+", token)]


def _numbers(token: str, locale_id: str, soft: frozenset[str]) -> Iterator[tuple[int, int, Decimal | None, str | None]]:
    """Each number of one token as (start, end, value, problem), offsets within the token.

    A token whose soft separators (spaces) do not make valid groups is split
    into the longest runs that do (``5 10`` is two numbers). A run that cannot
    be read, with the pieces around it that look like its digit groups, is
    one problem.
    """
    value, problem = _read(token, locale_id)
    pieces = _pieces(token, soft)
    if value is not None or len(pieces) == 1:
        yield 0, len(token), value, problem
        return
    latn = _rules(locale_id, "latn")
    sizes = {latn.primary, latn.secondary}
    group_like = [index > 0 and _leading_digits(token[start:end]) in sizes for index, (start, end) in enumerate(pieces)]
    # A piece that cannot be read, or a digit group such as '000' that cannot stand alone.
    bad = [
        _read(token[start:end], locale_id)[0] is None or (group_like[index] and unicodedata.decimal(token[start]) == 0)
        for index, (start, end) in enumerate(pieces)
    ]
    clusters: list[tuple[int, int]] = []
    for index in (index for index, failed in enumerate(bad) if failed):
        low, high = index, index
        while low > 0 and group_like[low]:
            low -= 1
        while high + 1 < len(pieces) and group_like[high + 1]:
            high += 1
        if clusters and low <= clusters[-1][1]:
            clusters[-1] = (clusters[-1][0], max(high, clusters[-1][1]))
        else:
            clusters.append((low, high))
    index = 0
    for low, high in [*clusters, (len(pieces), len(pieces))]:
        while index < low:
            for last in range(low - 1, index - 1, -1):
                start, end = pieces[index][0], pieces[last][1]
                value, problem = _read(token[start:end], locale_id)
                if value is not None:
                    yield start, end, value, problem
                    index = last + 1
                    break
        if low < len(pieces):
            start, end = pieces[low][0], pieces[high][1]
            yield start, end, None, _read(token[start:end], locale_id)[1]
            index = high + 1


def _leading_digits(text: str) -> int:
    """How many digits ``text`` starts with."""
    count = 0
    while count < len(text) and unicodedata.decimal(text[count], None) is not None:
        count += 1
    return count


def read_numbers(text: str, locale: Locale | str = "en") -> Reading:
    """Every number of ``text`` read by the rules of ``locale``.

    Returns the readable numbers with the unit after each, in order, one
    problem string for each token that breaks the rules (see the module
    docstring; such a token gives no quantity), and one for each unit written
    in another capitalisation than ``locale`` accepts (``ml`` for ``mL``: the
    quantity keeps its unit, so it is reported once).
    """
    locale_id = _locale_id(locale)
    pattern, soft = _token_pattern(locale_id)
    units = recogniser(locale_id)
    found: list[Quantity] = []
    problems: list[str] = []
    spelling: list[str] = []
    unread: list[str] = []
    for match in pattern.finditer(text):
        lead = _leading_separator(text, match.start())
        if lead is not None:
            written = lead + match.group(0)
            zero = ord(written[1]) - unicodedata.decimal(written[1])
            decimal = _rules(locale_id, _system(locale_id, zero)).decimal
            problems.append(
                f"{written!r} starts with {lead!r}: write a digit before the decimal mark "
                f"(0{decimal}{match.group(0)}), not {written}"
            )
            unread.append(written)
            continue
        for start, end, value, problem in _numbers(match.group(0), locale_id, soft):
            if value is None:
                problems.append(problem or f"{match.group(0)!r} is not a valid number in {locale_id}")
                unread.append(match.group(0)[start:end])
                continue
            raw = match.group(0)[start:end]
            start += match.start()
            match_end = start + len(raw)
            unit = units.after(text, match_end)
            symbol = unit.symbol if unit else None
            if unit is not None and not unit.ok:
                spelling.append(spelling_problem(unit.written, unit.symbol, locale_id))
            display = f"{_to_ascii_digits(raw)} {symbol}" if symbol else _to_ascii_digits(raw)
            found.append(Quantity(value, symbol, display, start, unit.end if unit else match_end))
    return Reading(found, problems, list(dict.fromkeys(spelling)), unread)


def quantities(text: str, locale: Locale | str = "en") -> list[Quantity]:
    """Every readable number in ``text`` with the unit after it, in order.

    Tokens that cannot be read by the rules of ``locale`` are left out; use
    :func:`read_numbers` to have a problem for each.
    """
    return read_numbers(text, locale).quantities
