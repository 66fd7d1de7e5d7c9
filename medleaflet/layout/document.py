"""What the layout stage gives the render stage: a :class:`LaidOutLeaflet`.

It holds everything render needs and nothing it must ask back for: the page
size and margins, the body font (the canvas's initial font), the page
furniture (header and footer for page X of Y, and the bottom margin they
need), the PDF metadata (:class:`DocumentInfo`), and the leaflet's
:class:`Block` values -- each block's flowables, its structure tree
(:mod:`medleaflet.layout.structure`) and the bookmark it opens, if any.

ReportLab consumes flowables while it lays them out, and render lays the
story out more than once (to learn the page count, and to save a nearly empty
last page), so :meth:`LaidOutLeaflet.blocks` makes fresh blocks on every call,
with the space between them scaled by a factor render chooses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from medleaflet.layout.structure import Node, Role


@dataclass(frozen=True)
class Outline:
    """A bookmark: its unique key, its title and its level (0 is the top: a section; 1 a
    sub-heading under it)."""

    key: str
    title: str
    level: int = 0


@dataclass(frozen=True)
class Block:
    """One block of a leaflet: the title block, a section with its heading, or the end matter.

    ``outline`` is the bookmark the block opens; it is placed on the page,
    at the top of ``anchor`` (a flowable the page frame draws), where that is
    drawn. ``marks`` are the bookmarks of the block's sub-headings, each with
    its anchor. Layouts of one leaflet in two languages give blocks that
    correspond one to one.
    """

    flowables: tuple[Flowable, ...]
    structure: Node
    outline: Outline | None = None
    anchor: Flowable | None = None
    marks: tuple[tuple[Flowable, Outline], ...] = ()

    def bookmarks(self) -> list[tuple[Flowable, Outline]]:
        """Every bookmark of the block with its anchor: its own, then its sub-headings'."""
        own = [(self.anchor, self.outline)] if self.anchor is not None and self.outline is not None else []
        return [*own, *self.marks]


@dataclass(frozen=True)
class DocumentInfo:
    """What the PDF says about itself: its title, subject, author, keywords and
    language (BCP 47), and the date that becomes CreationDate and ModDate (midnight UTC)."""

    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    lang: str
    date: dt.date


@dataclass(frozen=True)
class BodyFont:
    """The body text's font: ReportLab's canvas starts in it, so no other font is referenced."""

    name: str
    size: float
    leading: float


class Furniture(Protocol):
    """What is drawn on every page around the body text."""

    structure: Node

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        """Draw the furniture of page ``page`` of ``pages``, once the body of every page is laid out."""

    def top_margin(self, page: int) -> float:
        """The top margin of page ``page``: room for the header, or the clinic's logo on page 1."""

    def bottom_margin(self) -> float:
        """The bottom margin of every page: room for the footer, whatever the page count."""


@dataclass(frozen=True)
class LaidOutLeaflet:
    """A leaflet laid out for one template and language (or pair of languages).

    ``margins`` are top, right, bottom, left in points; the top and bottom
    margins of the body frame are the furniture's :meth:`Furniture.top_margin`
    and :meth:`Furniture.bottom_margin`. ``compose`` makes the blocks, with the
    space between them scaled by its argument (1: the template's).
    ``source`` names the leaflet's file, for errors from the render stage.
    """

    source: str
    page_size: tuple[float, float]
    margins: tuple[float, float, float, float]
    font: BodyFont
    furniture: Furniture
    info: DocumentInfo
    compose: Callable[[float], tuple[Block, ...]]

    def blocks(self, spacing: float = 1.0) -> tuple[Block, ...]:
        """Fresh blocks of flowables, for one pass of the render stage; ``spacing`` scales the
        space between paragraphs, boxes and headings (never a size or a leading)."""
        return self.compose(spacing)

    def structure(self) -> Node:
        """The structure tree of the whole document: its blocks, then the page furniture."""
        blocks = self.blocks()
        return Node(
            Role.DOCUMENT, (*(block.structure for block in blocks), self.furniture.structure), lang=self.info.lang
        )
