"""Lists joined the locale's way (CLDR list patterns), with no number run into a word.

:func:`join_list` takes items, a locale and a CLDR list style (``standard``:
``a, b and c``; ``unit``: ``a, b, c``, for parts of one thing) and returns one
string. It differs from :func:`babel.lists.format_list` in two ways:

* Babel's data holds only the patterns a locale overrides, so a style can lack
  some of ``start``, ``middle``, ``end`` and ``2`` (Thai, Tamil, Bangla,
  Punjabi, Urdu, Pashto and Somali ``unit`` lists raise ``KeyError`` in
  Babel). A missing ``standard`` pattern is taken from its ``middle``; a
  missing pattern of another style from that style's ``middle`` or ``start``,
  then from ``standard``'s, which never bring in "and"; the last resort is
  CLDR root's ``{0}, {1}``.
* Where a pattern joins without a space (Thai ``{0} และ{1}``, Chinese unit
  lists ``{0}{1}``), a digit would touch a letter or another digit:
  ``และ20 mg``, ``5 mg10 mg``, or a unit would touch a word of another script
  (``mg和``). A space is put at such a seam, so that every strength stays a
  number of its own; but not after a conjunction written as
  a prefix of the next word (Arabic ``و500``, Hebrew ``ו``), as those are
  written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from babel import Locale

ROOT_PATTERN = "{0}, {1}"
KEYS = ("start", "middle", "end", "2")


def _style(data: Mapping[str, Mapping[str, str]], style: str) -> dict[str, str]:
    """The patterns Babel holds for ``style`` (an alias of another style resolved), or none."""
    try:
        return dict(data[style])
    except KeyError:
        return {}


def list_patterns(locale: str | Locale, style: str) -> dict[str, str]:
    """The four patterns of ``style`` for ``locale``, each present (see the module's docstring)."""
    data = Locale.parse(locale).list_patterns
    own, standard = _style(data, style), _style(data, "standard")
    found: dict[str, str] = {}
    for key in KEYS:
        if style == "standard":
            inherited = [standard.get(key), standard.get("middle")]
        else:  # a pattern of another style or key could bring in "and"; start and middle never do
            inherited = [own.get("middle"), own.get("start"), standard.get("middle"), standard.get("start")]
        found[key] = next(pattern for pattern in (own.get(key), *inherited, ROOT_PATTERN) if pattern)
    return found


#: Scripts whose conjunction is a prefix written onto the next word, a number too (Arabic و500).
ATTACHING = ("ARABIC", "HEBREW")


def _touching(left: str, right: str) -> bool:
    """Whether the characters ``left`` and ``right``, side by side, run a number into a word or number,
    or a Latin word (``mg``) into a word of another script (``mg和``); not an attaching prefix
    (:data:`ATTACHING`)."""
    if not left or not right:
        return False
    kinds = {unicodedata.category(left)[0], unicodedata.category(right)[0]}
    if not kinds <= {"N", "L", "M"}:
        return False
    latin_beside_other = kinds == {"L"} and (left.isascii() != right.isascii())
    if "N" not in kinds and not latin_beside_other:
        return False
    return not any(unicodedata.name(char, "").startswith(ATTACHING) for char in (left, right))


def _glue(pattern: str, first: str, second: str) -> str:
    """``pattern`` (``{0}<between>{1}``) applied to ``first`` and ``second``, with a space at a seam
    where a digit would touch a letter or digit."""
    start, end = pattern.index("{0}"), pattern.index("{1}")
    before, between, after = pattern[:start], pattern[start + 3 : end], pattern[end + 3 :]
    if not between:
        between = " " if _touching(first[-1:], second[:1]) else ""
    else:
        if _touching(first[-1:], between[0]):
            between = " " + between
        if _touching(between[-1], second[:1]):
            between += " "
    return before + first + between + second + after


def join_list(items: Sequence[str], locale: str | Locale, style: str = "standard") -> str:
    """``items`` joined by ``locale``'s list ``style`` (``standard`` or ``unit``)."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    patterns = list_patterns(locale, style)
    if len(items) == 2:
        return _glue(patterns["2"], items[0], items[1])
    joined = _glue(patterns["start"], items[0], items[1])
    for item in items[2:-1]:
        joined = _glue(patterns["middle"], joined, item)
    return _glue(patterns["end"], joined, items[-1])
