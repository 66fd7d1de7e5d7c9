"""Bookmarks: the PDF outline, one entry per section, from the blocks' outlines.

:class:`Bookmarks` takes the blocks of one render pass and, told each
flowable the moment it is drawn (:meth:`Bookmarks.drawn`), adds the outline
entry of the block whose anchor it is, on the page where it was drawn. The
flowables themselves carry nothing: the anchors are looked up by identity.
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
            block.anchor: block.outline for block in blocks if block.anchor is not None and block.outline is not None
        }

    def drawn(self, canvas: Canvas, flowable: Flowable) -> None:
        """Bookmark the current page and add its outline entry if ``flowable`` is an anchor."""
        outline = self._anchors.get(flowable)
        if outline is None:
            return
        canvas.bookmarkPage(outline.key)
        canvas.addOutlineEntry(outline.title, outline.key, level=outline.level, closed=False)
