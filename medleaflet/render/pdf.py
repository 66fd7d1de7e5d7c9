"""Stage 5, render: lay a laid-out leaflet out on pages and produce the PDF bytes.

:func:`render_pdf` takes a :class:`~medleaflet.layout.document.LaidOutLeaflet`
and returns a :class:`RenderedPdf`. It:

* lays the story out once, holding every page back until the page count is
  known, then adds the furniture ("page X of Y") and the bookmarks to each
  (:class:`_HeldCanvas`); again, only to avoid a nearly empty last page
  (:mod:`medleaflet.render.balance`);
* gives each page a body frame between the furniture's top margin (room for the
  logo on page 1 and the running header on later pages) and its bottom margin
  (room for the footer);
* adds a bookmark for every heading, at its page and height (:mod:`medleaflet.render.bookmarks`);
* writes title, subject, author, keywords and ``/Lang`` (:mod:`medleaflet.render.metadata`);
* is reproducible: ReportLab's invariant mode fixes the document id, and the
  creation date is the leaflet's revision date, never the clock;
* sets the canvas's initial font to the layout's own font, so no Base-14
  font (Helvetica) is referenced anywhere;
* writes its streams zlib-compressed only, never ASCII85-encoded as well
  (ReportLab's ``rl_config.useA85``, switched off for the process on import):
  ASCII85 makes every stream a quarter larger and costs time to encode, and
  a PDF is a binary file anyway.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from medleaflet.errors import InputError
from medleaflet.layout.document import LaidOutLeaflet
from medleaflet.render.balance import Layout, settle
from medleaflet.render.bookmarks import Bookmarks
from medleaflet.render.metadata import document_options, pdf_date_formatter

rl_config.useA85 = 0


@dataclass(frozen=True)
class RenderedPdf:
    """A finished PDF and its page count."""

    data: bytes
    pages: int


@dataclass
class Pass:
    """One layout of the story: its page count, for each page its body frame's top and bottom
    and the lowest point drawn in it (points from the page's foot), and the PDF, written on
    first use (:attr:`data`): a pass :func:`~medleaflet.render.balance.settle` does not print is
    never written out (fonts subset, streams compressed)."""

    write: Callable[[], bytes]
    pages: int
    frames: dict[int, tuple[float, float]] = field(default_factory=dict)
    lowest: dict[int, float] = field(default_factory=dict)

    @functools.cached_property
    def data(self) -> bytes:
        """The PDF's bytes."""
        return self.write()

    def fill(self, page: int) -> float:
        """The share of page ``page``'s body frame, from its top, that its content uses."""
        top, bottom = self.frames[page]
        return (top - self.lowest.get(page, top)) / (top - bottom)


def _drawn_height(flowable: Flowable) -> float:
    """The height a flowable was last wrapped to (a table keeps it as ``_height``)."""
    height = getattr(flowable, "_height", None)
    return float(height if height is not None else getattr(flowable, "height", 0) or 0)


class _HeldCanvas(Canvas):
    """A canvas that holds every page back until the story is laid out, then calls ``finish``
    with each page, its number and the page count, before it is written (ReportLab's own
    recipe for "page X of Y" in one pass)."""

    def __init__(self, *args: Any, finish: Callable[[Canvas, int, int], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []
        self._finish = finish

    def showPage(self) -> None:  # noqa: N802 - ReportLab API
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Nothing yet: the layout is done, and :meth:`write` writes the PDF when it is wanted."""

    def write(self) -> None:
        """Add each held page's furniture and write the PDF out."""
        pages = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._finish(self, number, pages)
            super().showPage()
        super().save()


class _LeafletDoc(BaseDocTemplate):
    """A document template that gives each page its own body frame, tells the bookmarks each
    flowable it has drawn, and records how low each page is filled."""

    def __init__(self, buffer: io.BytesIO, layout: Layout, bookmarks: Bookmarks, **options: Any) -> None:
        super().__init__(buffer, **options)
        self.layout = layout
        self.bookmarks = bookmarks
        self.frames: dict[int, tuple[float, float]] = {}
        self.lowest: dict[int, float] = {}
        self._templates: dict[tuple[float, float], PageTemplate] = {}

    def template_for(self, page: int) -> PageTemplate:
        """The page template of page ``page``: a body frame between its top and bottom margins."""
        top, bottom = self.layout.margins(page)
        if (top, bottom) not in self._templates:
            width, height = self.pagesize
            left, right = self.leftMargin, self.rightMargin
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
            template = PageTemplate(id=f"page-{len(self._templates)}", frames=[frame])
            self._templates[(top, bottom)] = template
            self.addPageTemplates([template])
        return self._templates[(top, bottom)]

    def finish(self, canvas: Canvas, page: int, pages: int) -> None:
        """Draw page ``page``'s furniture and place its bookmarks, the page count known."""
        self.layout.document.furniture.draw(canvas, page, pages)
        self.bookmarks.place(canvas, page)

    def handle_pageBegin(self) -> None:  # noqa: N802 - ReportLab hook
        self.pageTemplate = self.template_for(self.page + 1)
        super().handle_pageBegin()
        top, bottom = self.layout.margins(self.page)
        self.frames[self.page] = (self.pagesize[1] - top, bottom)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab hook
        frame = self.frame
        if frame is None:
            return
        bottom = frame._y + flowable.getSpaceAfter()
        self.lowest[self.page] = min(self.lowest.get(self.page, bottom), bottom)
        if flowable in self.bookmarks:
            self.bookmarks.drawn(flowable, self.page, bottom + _drawn_height(flowable))


def _build(layout: Layout) -> Pass:
    """Lay the story out once, as ``layout`` says; returns the pass."""
    document = layout.document
    top, right, bottom, left = document.margins
    blocks = document.blocks(layout.spacing)
    buffer = io.BytesIO()
    canvases: list[_HeldCanvas] = []

    def make_canvas(*args: Any, **kwargs: Any) -> Canvas:
        canvas = _HeldCanvas(*args, finish=doc.finish, **kwargs)
        canvas.setDateFormatter(pdf_date_formatter(document.info.date))  # the leaflet's date, not the clock
        canvases.append(canvas)
        return canvas

    doc = _LeafletDoc(
        buffer,
        layout,
        Bookmarks(blocks),
        pagesize=document.page_size,
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
    doc.template_for(1)
    story = [flowable for block in blocks for flowable in block.flowables]
    try:
        doc.build(story, canvasmaker=make_canvas)
    except LayoutError as exc:
        raise InputError(f"{document.source}: layout failed: {layout_problem(exc)}") from None

    def write() -> bytes:
        canvases[-1].write()
        return buffer.getvalue()

    return Pass(write, doc.page, doc.frames, doc.lowest)


def layout_problem(error: LayoutError) -> str:
    """ReportLab's layout error as one line, without the object addresses that differ on every run."""
    return " ".join(re.sub(r"(@| at )0x[0-9A-Fa-f]+", "", str(error)).split())


def render_pdf(document: LaidOutLeaflet) -> RenderedPdf:
    """The finished PDF, laid out so its last page is not nearly empty
    (:func:`~medleaflet.render.balance.settle`)."""
    final = settle(document, _build)
    return RenderedPdf(final.data, final.pages)
