"""A paragraph's words and lines: shaped pieces, lines of them, and what paragraphs set alike share.

:class:`~textengine.paragraph.BidiParagraph` splits its text into
:class:`Piece` s (one font, one embedding level, shaped once), breaks them
into :class:`Line` s, and keeps both in a :class:`Memo` that every paragraph of
the same text set the same way shares, in this document and the next ones of
the process (:data:`MEMOS`). :func:`cut_between_clusters` cuts a piece too
wide for any line.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from textengine.linebreak import grapheme_starts
from textengine.shaping import ShapedRun, shape_run


@dataclass
class Piece:
    """A shaped stretch of one level and one font; ``space`` marks a word gap."""

    run: ShapedRun
    level: int
    space: bool = False

    @property
    def width(self) -> float:
        return self.run.width


@dataclass
class Line:
    """One line of a paragraph: its pieces in logical order."""

    pieces: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The line's logical text (the pieces are kept in logical order)."""
        return "".join(piece.run.text for piece in self.pieces)

    @property
    def width(self) -> float:
        return sum(piece.width for piece in self.pieces)


@dataclass
class Memo:
    """What a paragraph has shaped and broken, shared by every paragraph of the same text set the
    same way (:meth:`textengine.paragraph.BidiParagraph._shared`), in this and later documents of the process."""

    #: The shaped words at each font size tried.
    words: dict[float, list[list[Piece]]] = field(default_factory=dict)
    #: The width of each of those words, by size.
    widths: dict[float, list[float]] = field(default_factory=dict)
    #: Whether every word fits, whole or hyphenated, by size and width.
    fits: dict[tuple[float, float], bool] = field(default_factory=dict)
    #: The lines broken, by size and width.
    broken: dict[tuple[float, float], list[Line]] = field(default_factory=dict)


#: The most paragraphs :data:`MEMOS` remembers before it is emptied.
MAX_MEMOS = 20_000
#: Each paragraph's memo, by everything its words and lines depend on
#: (:meth:`textengine.paragraph.BidiParagraph._shared`).
MEMOS: dict[tuple, Memo] = {}


def cut_between_clusters(piece: Piece, available: float) -> list[Piece]:
    """``piece`` cut into pieces each narrower than ``available`` points where it can be (a
    single grapheme cluster wider than that stays whole), only between grapheme clusters: a
    vowel sign or a virama stays with its letter.

    Cut points come from the widths of single clusters (one shaping each), then every part is
    shaped whole and shortened if joining made it wider: linear in the piece's length, so a
    6,000-character "word" costs milliseconds, not minutes.
    """
    run = piece.run
    bounds = [*grapheme_starts(run.text), len(run.text)]
    clusters = [run.text[start:end] for start, end in itertools.pairwise(bounds)]
    widths = [shape_run(cluster, run.font_name, run.font_size, run.rtl).width for cluster in clusters]
    result: list[Piece] = []
    first = 0
    while first < len(clusters):
        last, total = first, 0.0
        while last < len(clusters) and (last == first or total + widths[last] <= available):
            total += widths[last]
            last += 1
        part = shape_run("".join(clusters[first:last]), run.font_name, run.font_size, run.rtl)
        while part.width > available and last - first > 1:
            last -= 1
            part = shape_run("".join(clusters[first:last]), run.font_name, run.font_size, run.rtl)
        result.append(Piece(part, piece.level))
        first = last
    return result
