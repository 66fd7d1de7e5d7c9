"""Stage 5, render: lay a leaflet out on pages and produce the PDF bytes.

:func:`render_pdf` takes a :class:`~medleaflet.layout.leaflet.LeafletLayout` and a
:class:`DocumentInfo` and returns the PDF as bytes. It:

* builds the story twice, so the footer can say "page X of Y";
* turns every flowable that carries an ``outline`` (section headings) into a bookmark;
* writes title, subject, author, keywords and ``/Lang``;
* is reproducible: ReportLab's invariant mode fixes the document id, and the
  creation date is the leaflet's revision date, never the clock;
* sets the canvas's initial font to the layout's own font, so no Base-14
  font (Helvetica) is referenced anywhere.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import time
from dataclasses import dataclass
from typing import Any

from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from medleaflet import __version__
from medleaflet.errors import InputError
from medleaflet.layout.leaflet import LeafletLayout, Outline


@dataclass(frozen=True)
class DocumentInfo:
    """PDF metadata. ``date`` becomes CreationDate and ModDate (midnight UTC)."""

    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    lang: str
    date: dt.date


def _timestamp(date: dt.date) -> TimeStamp:
    """A ReportLab TimeStamp for midnight UTC on ``date``."""
    stamp = TimeStamp(invariant=True)
    seconds = calendar.timegm(date.timetuple())
    stamp.t = seconds
    stamp.lt = time.gmtime(seconds)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


class _LeafletDoc(BaseDocTemplate):
    """A document template that adds an outline entry for each section heading."""

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab hook
        outline = getattr(flowable, "outline", None)
        if isinstance(outline, Outline):
            key, title = outline.key, outline.title
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=0, closed=False)


def _build(layout: LeafletLayout, info: DocumentInfo, total_pages: int) -> tuple[bytes, int]:
    """Lay the story out once; returns the PDF bytes and the page count."""
    template = layout.template
    top, right, _, left = template.margins
    # Before the page count is known, leave room for a footer of a long leaflet.
    bottom = layout.bottom_margin(total_pages or 99)
    width, height = template.page_size
    buffer = io.BytesIO()
    stamp = _timestamp(info.date)

    def make_canvas(*args: Any, **kwargs: Any) -> Canvas:
        canvas = Canvas(*args, **kwargs)
        canvas._doc._timeStamp = stamp  # creation date from the leaflet, not the clock
        return canvas

    doc = _LeafletDoc(
        buffer,
        pagesize=(width, height),
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=info.title,
        subject=info.subject,
        author=info.author,
        keywords=list(info.keywords),
        creator=f"medleaflet {__version__}",
        producer=f"medleaflet {__version__} (ReportLab)",
        lang=info.lang,
        invariant=True,
        initialFontName=layout.family.regular,
        initialFontSize=template.type_scale["body"].size,
        initialLeading=template.type_scale["body"].leading,
        displayDocTitle=True,
        pageCompression=1,
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

    def decorate(canvas: Canvas, document: BaseDocTemplate) -> None:
        layout.draw_page(canvas, document.page, total_pages)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])
    try:
        doc.build(layout.story(), canvasmaker=make_canvas)
    except LayoutError as exc:
        raise InputError(f"{layout.leaflet.source}: layout failed: {exc}") from None
    return buffer.getvalue(), doc.page


@dataclass(frozen=True)
class RenderedPdf:
    """A finished PDF and its page count."""

    data: bytes
    pages: int


def render_pdf(layout: LeafletLayout, info: DocumentInfo) -> RenderedPdf:
    """The finished PDF. The story is laid out twice to learn the page count."""
    _, pages = _build(layout, info, total_pages=0)
    data, final_pages = _build(layout, info, total_pages=pages)
    if final_pages != pages:  # the footer never changes the flow, but be certain
        data, pages = _build(layout, info, total_pages=final_pages)
    return RenderedPdf(data, pages)
