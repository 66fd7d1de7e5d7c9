"""Stage 5, render: lay a laid-out leaflet out on pages and produce the PDF bytes.

:func:`render_pdf` takes a :class:`~medleaflet.layout.document.LaidOutLeaflet`
and returns a :class:`RenderedPdf`. It:

* lays the story out twice, so the footer can say "page X of Y";
* adds a bookmark for every block that opens one (:mod:`medleaflet.render.bookmarks`);
* writes title, subject, author, keywords and ``/Lang`` (:mod:`medleaflet.render.metadata`);
* is reproducible: ReportLab's invariant mode fixes the document id, and the
  creation date is the leaflet's revision date, never the clock;
* sets the canvas's initial font to the layout's own font, so no Base-14
  font (Helvetica) is referenced anywhere.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from medleaflet.errors import InputError
from medleaflet.layout.document import LaidOutLeaflet
from medleaflet.render.bookmarks import Bookmarks
from medleaflet.render.metadata import document_options, pdf_date_formatter


@dataclass(frozen=True)
class RenderedPdf:
    """A finished PDF and its page count."""

    data: bytes
    pages: int


class _LeafletDoc(BaseDocTemplate):
    """A document template that tells the bookmarks each flowable it has drawn."""

    def __init__(self, buffer: io.BytesIO, bookmarks: Bookmarks, **options: Any) -> None:
        super().__init__(buffer, **options)
        self.bookmarks = bookmarks

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab hook
        self.bookmarks.drawn(self.canv, flowable)


def _build(document: LaidOutLeaflet, total_pages: int) -> tuple[bytes, int]:
    """Lay the story out once, for a ``total_pages``-page footer (0: not known yet);
    returns the PDF bytes and the page count."""
    top, right, _, left = document.margins
    bottom = document.furniture.bottom_margin(total_pages)
    width, height = document.page_size
    blocks = document.blocks()
    buffer = io.BytesIO()

    def make_canvas(*args: Any, **kwargs: Any) -> Canvas:
        canvas = Canvas(*args, **kwargs)
        canvas.setDateFormatter(pdf_date_formatter(document.info.date))  # the leaflet's date, not the clock
        return canvas

    doc = _LeafletDoc(
        buffer,
        Bookmarks(blocks),
        pagesize=(width, height),
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        initialFontName=document.font.name,
        initialFontSize=document.font.size,
        initialLeading=document.font.leading,
        displayDocTitle=True,
        pageCompression=1,
        **document_options(document.info),
    )
    frame = Frame(
        left,
        bottom,
        width - left - right,
        height - top - bottom,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def decorate(canvas: Canvas, template: BaseDocTemplate) -> None:
        document.furniture.draw(canvas, template.page, total_pages)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])
    story = [flowable for block in blocks for flowable in block.flowables]
    try:
        doc.build(story, canvasmaker=make_canvas)
    except LayoutError as exc:
        raise InputError(f"{document.source}: layout failed: {layout_problem(exc)}") from None
    return buffer.getvalue(), doc.page


def layout_problem(error: LayoutError) -> str:
    """ReportLab's layout error as one line, without the object addresses that differ on every run."""
    return " ".join(re.sub(r"(@| at )0x[0-9A-Fa-f]+", "", str(error)).split())


def render_pdf(document: LaidOutLeaflet) -> RenderedPdf:
    """The finished PDF. The story is laid out twice to learn the page count."""
    _, pages = _build(document, total_pages=0)
    data, final_pages = _build(document, total_pages=pages)
    if final_pages != pages:  # the footer never changes the flow, but be certain
        data, pages = _build(document, total_pages=final_pages)
    return RenderedPdf(data, pages)
