"""Bookmarks: the PDF outline, one entry per heading, from the blocks' outlines.

:class:`Bookmarks` takes the blocks of one render pass and, told each
flowable the moment it is drawn, on which page and where its top is
(:meth:`Bookmarks.drawn`), remembers the outline entry of every heading whose
anchor it is; when the page is written (:meth:`Bookmarks.place`) it bookmarks
that page and height: a section's heading at the top level, its sub-headings
under it. The flowables themselves carry nothing: the anchors are looked up by
identity.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from medleaflet.layout.document import Block, Outline


class Bookmarks:
    """The outline entries of one pass, keyed by the flowable that places each."""

    def __init__(self, blocks: Iterable[Block]) -> None:
        self._anchors: dict[Flowable, Outline] = {
            anchor: outline for block in blocks for anchor, outline in block.bookmarks()
        }
        #: The level of the entry added last (-1: none yet); an entry is at most one level below it.
        self._level = -1
        #: The entries of each page, with their heights, until the page is written.
        self._placed: dict[int, list[tuple[Outline, float]]] = {}

    def __contains__(self, flowable: Flowable) -> bool:
        return flowable in self._anchors

    def drawn(self, flowable: Flowable, page: int, top: float) -> None:
        """Remember the outline entry of ``flowable``, if it is an anchor, drawn on page ``page``
        with its top ``top`` points above the page's foot."""
        outline = self._anchors.get(flowable)
        if outline is not None:
            self._placed.setdefault(page, []).append((outline, top))

    def place(self, canvas: Canvas, page: int) -> None:
        """Bookmark page ``page`` (the canvas's current page) at each heading drawn on it, and add
        their outline entries, in the order they were drawn."""
        for outline, top in self._placed.pop(page, []):
            level = min(outline.level, self._level + 1)
            canvas.bookmarkPage(outline.key, fit="XYZ", top=top)
            canvas.addOutlineEntry(outline.title, outline.key, level=level, closed=False)
            self._level = level
