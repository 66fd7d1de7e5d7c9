"""What the layout stage gives the render stage: a :class:`LaidOutLeaflet`.

It holds everything render needs and nothing it must ask back for: the page
size and margins, the body font (the canvas's initial font), the page
furniture (header and footer for page X of Y, and the bottom margin they
need), the PDF metadata (:class:`DocumentInfo`), and the leaflet's
:class:`Block` values -- each block's flowables, its structure tree
(:mod:`medleaflet.layout.structure`) and the bookmark it opens, if any.

ReportLab consumes flowables while it lays them out, and render lays the
story out twice (to learn the page count), so :meth:`LaidOutLeaflet.blocks`
makes fresh blocks on every call.
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
    """A bookmark: its unique key, its title and its level (0 is the top)."""

    key: str
    title: str
    level: int = 0


@dataclass(frozen=True)
class Block:
    """One block of a leaflet: the title block, a section with its heading, or the end matter.

    ``outline`` is the bookmark the block opens; it is placed on the page
    where ``anchor`` (one of ``flowables``) is drawn. Layouts of one leaflet
    in two languages give blocks that correspond one to one.
    """

    flowables: tuple[Flowable, ...]
    structure: Node
    outline: Outline | None = None
    anchor: Flowable | None = None


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
        """Draw the furniture of page ``page`` of ``pages`` (0 while the count is unknown)."""

    def bottom_margin(self, pages: int) -> float:
        """The bottom margin the footer of a ``pages``-page document needs (0: not known yet)."""


@dataclass(frozen=True)
class LaidOutLeaflet:
    """A leaflet laid out for one template and language (or pair of languages).

    ``margins`` are top, right, bottom, left in points; the bottom margin of
    the body frame is the furniture's :meth:`Furniture.bottom_margin`.
    ``source`` names the leaflet's file, for errors from the render stage.
    """

    source: str
    page_size: tuple[float, float]
    margins: tuple[float, float, float, float]
    font: BodyFont
    furniture: Furniture
    info: DocumentInfo
    compose: Callable[[], tuple[Block, ...]]

    def blocks(self) -> tuple[Block, ...]:
        """Fresh blocks of flowables, for one pass of the render stage."""
        return self.compose()

    def structure(self) -> Node:
        """The structure tree of the whole document: its blocks, then the page furniture."""
        blocks = self.blocks()
        return Node(
            Role.DOCUMENT, (*(block.structure for block in blocks), self.furniture.structure), lang=self.info.lang
        )
