"""Doses compared across languages: the numbers and units of a translation against its source.

:func:`dose_problems` reads both texts with :mod:`medleaflet.i18n.qa.numbers` and
reports, each once, every number or (value, unit) pair missing or added, every
unit not written as the locale's table says (:mod:`medleaflet.i18n.qa.units`),
and every strength that moved from one protected name to another;
:func:`compare` gives the same problems as strings.

Numbers and protected names
---------------------------
Comparing the numbers as a multiset is not enough: in "Brandex (25 mg in
5 mL) is 5 times stronger than Brandol (5 mg in 5 mL)", swapping the two brand
names gives each the other's strength with the same numbers. So
:func:`compare` also takes the leaflet's protected names and checks that each
keeps the strengths *bound* to it: those in the bracket group right after the
name, or the number right after it (``Brandex 10 mg``).

We check this association in the text rather than filling the strengths from
structured data through placeholders because translators keep brand names
verbatim (another check already insists on it), so the check works for any
leaflet text with no schema change. Placeholders would force every medicine
author to write templates instead of prose, and a translator who swapped two
placeholders would still break the association, unseen.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale

from medleaflet.i18n.qa.numbers import SPACES, Quantity, read_numbers
from medleaflet.i18n.qa.units import missing_problem

#: Brackets that open and close the group of strengths after a name.
_OPEN, _CLOSE = "([（", ")]）"


@dataclass(frozen=True)
class DoseProblem:
    """One problem of :func:`dose_problems`: its ``kind`` (``number``, ``unit`` or ``strength``,
    a strength bound to another name) and its text."""

    kind: str
    text: str

    def __str__(self) -> str:
        return self.text


def compare(source: str, translation: str, locale: Locale | str, names: Iterable[str] = ()) -> list[str]:
    """The text of each of :func:`dose_problems` (empty if none)."""
    return [problem.text for problem in dose_problems(source, translation, locale, names)]


def dose_problems(source: str, translation: str, locale: Locale | str, names: Iterable[str] = ()) -> list[DoseProblem]:
    """Problems with the numbers of ``translation`` against the English ``source``, each once.

    ``locale`` is the translation's; ``names`` are the leaflet's protected
    names (brand names kept verbatim in every language). Reported: numbers
    that cannot be read (in either text) and units in a spelling the locale
    does not accept; a number the source writes with a unit and the
    translation without one it accepts (one ``unit`` problem, not a number
    missing and another added); other numbers or (value, unit) pairs missing
    (unless a token of the same digits could not be read: ``2.5`` in Spanish
    is one problem) or added; and, for each name, strengths bound to it in one text but not
    the other, among the pairs not already reported.
    """
    locale_id = str(Locale.parse(locale) if isinstance(locale, str) else locale)
    source_reading = read_numbers(source, "en")
    reading = read_numbers(translation, locale_id)
    problems = [DoseProblem("number", f"source: {problem}") for problem in source_reading.problems]
    problems += [DoseProblem("unit", f"source: {problem}") for problem in source_reading.units]
    problems += [DoseProblem("number", problem) for problem in reading.problems]
    problems += [DoseProblem("unit", problem) for problem in reading.units]
    wanted = Counter((q.value, q.unit) for q in source_reading.quantities)
    got = Counter((q.value, q.unit) for q in reading.quantities)
    missing, extra = wanted - got, got - wanted
    reported = set(missing) | set(extra)
    unread = Counter(_digits(token) for token in reading.unread)
    for (value, unit), count in sorted(missing.items(), key=str):
        bare = min(count, extra[(value, None)]) if unit is not None else 0
        if unit is not None and bare:
            extra[(value, None)] -= bare
            problems.append(DoseProblem("unit", missing_problem(str(value), unit, locale_id) + _times(bare)))
        # A number written with the wrong marks ('2.5' in Spanish) is reported once, as unreadable.
        explained = min(count - bare, unread[_digits(str(value))])
        unread[_digits(str(value))] -= explained
        if count > bare + explained:
            text = f"number '{_show(value, unit)}' of the source is missing or changed"
            problems.append(DoseProblem("number", text + _times(count - bare - explained)))
    for (value, unit), count in sorted((+extra).items(), key=str):
        problems.append(DoseProblem("number", f"number '{_show(value, unit)}' is not in the source" + _times(count)))
    ordered = list(dict.fromkeys(name for name in names if name))
    if ordered:
        problems += [
            DoseProblem("strength", text)
            for text in _association_problems(
                _unreported(bound_quantities(source, ordered, source_reading.quantities), reported),
                _unreported(bound_quantities(translation, ordered, reading.quantities), reported),
                ordered,
            )
        ]
    return problems


def _digits(number: str) -> str:
    """The digits of a number as written, in ASCII, without leading zeros: ``'٢٫٥'`` gives ``'25'``."""
    return "".join(
        str(unicodedata.decimal(char)) for char in number if unicodedata.decimal(char, None) is not None
    ).lstrip("0")


def _unreported(bound: dict[str, Counter[Pair]], reported: set[Pair]) -> dict[str, Counter[Pair]]:
    """``bound`` without the pairs already reported missing or added."""
    return {
        name: Counter({pair: n for pair, n in pairs.items() if pair not in reported}) for name, pairs in bound.items()
    }


Pair = tuple[Decimal, str | None]


def _name_spans(text: str, names: Sequence[str]) -> list[tuple[str, int, int]]:
    """Whole-word occurrences of ``names`` in ``text``, longer names first, never overlapping."""
    taken: list[tuple[str, int, int]] = []
    for name in sorted(set(names), key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            start, end = match.span()
            if any(start < other_end and other_start < end for _, other_start, other_end in taken):
                continue
            if start > 0 and _joins(text[start - 1], name[0]):
                continue
            if end < len(text) and _joins(text[end], name[-1]):
                continue
            taken.append((name, start, end))
    return sorted(taken, key=lambda span: span[1])


def _script(char: str) -> str:
    return unicodedata.name(char, "").split(" ")[0]


def _joins(neighbour: str, edge: str) -> bool:
    """Whether ``neighbour`` continues the word whose last (or first) character is ``edge``."""
    if unicodedata.category(neighbour).startswith("M"):
        return True
    if not neighbour.isalnum():
        return False
    return unicodedata.decimal(neighbour, None) is not None or _script(neighbour) == _script(edge)


def _closing(text: str, opening: int) -> int | None:
    """The index of the bracket closing the one at ``opening``, or None if it is never closed."""
    depth = 0
    for index in range(opening, len(text)):
        if text[index] in _OPEN:
            depth += 1
        elif text[index] in _CLOSE:
            depth -= 1
            if depth == 0:
                return index
    return None


def bound_quantities(text: str, names: Sequence[str], found: Sequence[Quantity]) -> dict[str, Counter[Pair]]:
    """For each of ``names``, the (value, unit) pairs of ``found`` bound to it in ``text``.

    A quantity is bound to a name when it lies in the bracket group (``()``,
    ``（）``, ``[]``) right after the name (spaces allowed before the bracket),
    or when it is the number right after the name, separated only by spaces.
    ``found`` are the quantities of ``text`` (from :func:`read_numbers`).
    """
    bound: dict[str, Counter[Pair]] = {name: Counter() for name in names}
    for name, _, end in _name_spans(text, names):
        after = end
        while after < len(text) and text[after] in SPACES:
            after += 1
        if after < len(text) and text[after] in _OPEN:
            closing = _closing(text, after)
            if closing is not None:
                bound[name].update((q.value, q.unit) for q in found if after < q.start < closing)
        else:
            bound[name].update((q.value, q.unit) for q in found if q.start == after)
    return bound


def _association_problems(
    wanted: dict[str, Counter[Pair]], got: dict[str, Counter[Pair]], names: Sequence[str]
) -> list[str]:
    missing = {name: wanted[name] - got[name] for name in names}
    extra = {name: got[name] - wanted[name] for name in names}
    problems = []
    for name in names:
        moved: dict[str, list[Pair]] = {}
        lost: list[Pair] = []
        for pair in sorted(missing[name].elements(), key=str):
            other = next((other for other in names if other != name and extra[other][pair] > 0), None)
            if other is None:
                lost.append(pair)
            else:
                extra[other][pair] -= 1
                moved.setdefault(other, []).append(pair)
        for other, pairs in moved.items():
            verb = "belongs" if len(pairs) == 1 else "belong"
            problems.append(f"{_pairs(pairs)} {verb} to {name!r} in the source, but to {other!r} here")
        if lost:
            verb = "is" if len(lost) == 1 else "are"
            problems.append(
                f"{_pairs(lost)} {verb} not next to {name!r} as in the source; "
                "write each strength right after the name it belongs to"
            )
    for name in names:
        left = sorted((+extra[name]).elements(), key=str)
        if left:
            verb = "is" if len(left) == 1 else "are"
            problems.append(f"{_pairs(left)} {verb} next to {name!r} here, but not in the source")
    return problems


def _pairs(pairs: Iterable[Pair]) -> str:
    return ", ".join(f"'{_show(value, unit)}'" for value, unit in pairs)


def _show(value: Decimal, unit: str | None) -> str:
    return f"{value} {unit}" if unit else str(value)


def _times(count: int) -> str:
    return f" ({count} times)" if count > 1 else ""
