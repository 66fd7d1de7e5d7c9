"""Unicode bidi (UAX #9): embedding levels of a paragraph, and visual order of a line.

Pure functions, no ReportLab:

* :func:`embedding_levels` resolves the level of every character of a
  paragraph (rules P, X, W, N, including bracket pairs N0, and I), with
  fpdf2's implementation (see :mod:`textengine.fpdf_bidi`);
* :func:`visual_order` applies rule L2 to the levels of one line;
* :func:`reorder` puts the items of one line (pieces of one level each) in
  visual order, dropping white space at the line's ends (rule L1).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar
from unicodedata import bidirectional

from textengine.memos import remember

#: Bidi classes that can put a character of a left-to-right paragraph above level 0: strong
#: right-to-left letters, Arabic digits and the explicit embeddings, overrides and isolates.
_RAISING_CLASSES = frozenset({"R", "AL", "AN", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"})
#: The most paragraphs :func:`embedding_levels` remembers before it forgets them all.
MAX_CACHED = 20_000


def embedding_levels(text: str, rtl: bool) -> list[int]:
    """The resolved embedding level of each character of ``text`` (UAX #9 up to rule I).

    ``rtl`` sets the paragraph level (1 if true, else 0); even levels run left
    to right, odd ones right to left. Format characters such as ZWNJ keep
    their place (and a level), so Persian keeps its non-joiners.

    A left-to-right paragraph with no character of a class in :data:`_RAISING_CLASSES`
    is all level 0 (every rule of UAX #9 leaves it there), and is not run through the
    algorithm. Results are remembered per process (a new list is returned each time).
    """
    if not text:
        return []
    key = (text, rtl)
    levels = _levels.get(key)
    if levels is None:
        levels = remember(_levels, key, _resolve(text, rtl), MAX_CACHED)
    return list(levels)


#: Levels by paragraph text and direction, for the process.
_levels: dict[tuple[str, bool], tuple[int, ...]] = {}


def _resolve(text: str, rtl: bool) -> tuple[int, ...]:
    """The levels of :func:`embedding_levels`, computed."""
    if not rtl and not any(bidirectional(char) in _RAISING_CLASSES for char in set(text)):
        return (0,) * len(text)
    # Loaded on the first paragraph that needs it: an all left-to-right document never does.
    from textengine.fpdf_bidi import FpdfBidiParagraph, TextDirection

    direction = TextDirection.RTL if rtl else TextDirection.LTR
    paragraph = FpdfBidiParagraph(text, base_direction=direction, preserve_bn_chars=True)
    # get_characters_with_embedding_level also applies rule L1 for the whole
    # paragraph as if it were one line; lines are handled again in reorder().
    return tuple(character.embedding_level for character in paragraph.get_characters_with_embedding_level())


def visual_order(levels: Sequence[int]) -> list[int]:
    """The indices of ``levels`` (one line, logical order) in visual order, left to right.

    Rule L2: from the highest level down to the lowest odd level, reverse
    every maximal stretch at that level or higher.
    """
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min((level for level in levels if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        result: list[int] = []
        stretch: list[int] = []
        for index in order:
            if levels[index] >= level:
                stretch.append(index)
            else:
                result.extend(reversed(stretch))
                stretch = []
                result.append(index)
        result.extend(reversed(stretch))
        order = result
    return order


class LevelledItem(Protocol):
    """A stretch of a line at one embedding level; ``space`` marks white space."""

    @property
    def level(self) -> int: ...

    @property
    def space(self) -> bool: ...


Item = TypeVar("Item", bound=LevelledItem)


def reorder(items: Sequence[Item]) -> list[Item]:
    """The items of one line in visual order (UAX #9 rules L1 and L2).

    L1 gives white space at the ends of a line the paragraph level; since it
    is never drawn, it is dropped here instead.
    """
    start, end = 0, len(items)
    while end > start and items[end - 1].space:
        end -= 1
    while start < end and items[start].space:
        start += 1
    kept = items[start:end]
    return [kept[index] for index in visual_order([item.level for item in kept])]
