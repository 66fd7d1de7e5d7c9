"""Page furniture: the clinic's logo, the running header and the footer of every page.

:class:`PageFurniture` draws them on a ReportLab canvas for page X of Y
(:meth:`~PageFurniture.draw`, once the page count is known) and says how much
room they need above and below
the body text (:meth:`~PageFurniture.top_margin`, :meth:`~PageFurniture.bottom_margin`).
It is laid out with the widget kit, so it mirrors for right-to-left languages
and uses the fonts of every script in it. In the structure tree it is an
artifact: not content.

Nothing is printed nearer a page's edge than :data:`HEADER_CLEARANCE` at the
top and :data:`PRINTER_MARGIN` at the foot. The footer is planned line by line
(:mod:`medleaflet.layout.footer`), so it never wraps; the clinic's logo sits
above page 1's body frame, which starts below it, so it never covers text.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from medleaflet.i18n import ui
from medleaflet.layout.footer import FooterLine, plan_footer
from medleaflet.layout.review_statement import review_lines
from medleaflet.layout.structure import Node, Role
from medleaflet.layout.widgets import Kit
from textengine.paragraph import BidiParagraph

#: Space kept clear below the footer: many printers cannot print closer to the paper's edge.
PRINTER_MARGIN = 10 * mm
#: Space kept clear above the running header.
HEADER_CLEARANCE = 6 * mm
#: Gap between the body text and the footer rule, and between the rule and the footer text.
RULE_GAP, FOOTER_GAP = 2.5 * mm, 1.5 * mm
#: The header rule's distance above the body frame, and the running title's above the rule.
HEADER_RULE, TITLE_GAP = 3.5 * mm, 1.5 * mm
#: The box the clinic's logo is fitted into, at the top of page 1 on the trailing side, and the
#: space between it and the text below.
LOGO_WIDTH, LOGO_HEIGHT, LOGO_GAP = 40 * mm, 14 * mm, 3 * mm
#: Page count assumed before the real one is known: room for the footer of a long leaflet.
UNKNOWN_PAGES = 99
#: Added to a measured line's width, so that rounding never wraps it.
_SLACK = 1.0


def line_width(paragraph: Flowable) -> float:
    """The width ``paragraph`` takes set on one line (its widest line at a very wide measure)."""
    paragraph.wrap(100_000, 100_000)
    if isinstance(paragraph, BidiParagraph):
        return max(line.width for line in paragraph.break_lines(100_000)) + _SLACK
    if isinstance(paragraph, Paragraph):
        return max(paragraph.getActualLineWidths0(), default=0.0) + _SLACK
    return float(paragraph.width)


class PageFurniture:
    """The header and footer of one leaflet in one language, drawn with ``kit``."""

    #: What the furniture is in the structure tree.
    structure = Node(Role.ARTIFACT)

    def __init__(self, kit: Kit) -> None:
        self.kit = kit
        self.template = kit.template
        self.clinic = kit.clinic
        self._plans: dict[int, list[FooterLine]] = {}
        self._widths: dict[tuple[str, str], float] = {}

    # ------------------------------------------------------------ header

    def _running_title(self) -> Flowable:
        return self.kit.p(self.kit.u(ui.RUNNING_TITLE, medicine=self.kit.text.medicine), "furniture_bold")

    def top_margin(self, page: int) -> float:
        """The top margin of page ``page``: the template's, or more for the clinic's logo on
        page 1 and, on later pages, so the running header stays :data:`HEADER_CLEARANCE` from the edge."""
        top = self.template.margins[0]
        if page == 1:
            return top + LOGO_HEIGHT + LOGO_GAP if self.clinic and self.clinic.logo else top
        if not self.template.running_title:
            return top
        _, height = self._running_title().wrap(self.template.text_width, top)
        return max(top, HEADER_CLEARANCE + self._overshoot() + height + TITLE_GAP + HEADER_RULE)

    def _overshoot(self) -> float:
        """How much higher than the base family's the running title's glyphs may rise: a font with
        a taller ascent (Arabic's is 1.37 em, Latin's 1.07) reaches above the room the header has."""
        fonts = self.kit.text.fonts
        text = self.kit.u(ui.RUNNING_TITLE, medicine=self.kit.text.medicine)
        base = pdfmetrics.getFont(fonts.base.bold).face.ascent
        tallest = max((pdfmetrics.getFont(run.family.bold).face.ascent for run in fonts.runs(text)), default=base)
        return max(0.0, (tallest - base) / 1000 * self.kit.styles["furniture_bold"].fontSize)

    # ------------------------------------------------------------ footer

    def _width(self, text: str, style: str) -> float:
        if (text, style) not in self._widths:
            self._widths[(text, style)] = line_width(self.kit.p(text, style))
        return self._widths[(text, style)]

    def _page_label(self, page: int, pages: int) -> str:
        return self.kit.u(ui.FOOTER_PAGE, page=self.kit.loc.number(page), pages=self.kit.loc.number(pages))

    def plan(self, pages: int) -> list[FooterLine]:
        """The footer's lines in a ``pages``-page leaflet (0: not known yet), with the widest
        page number (page ``pages`` of ``pages``); every page's footer has these lines."""
        pages = pages or UNKNOWN_PAGES
        if pages not in self._plans:
            kit = self.kit
            metadata = kit.text.leaflet.metadata
            version = kit.u(
                ui.FOOTER_VERSION,
                leaflet=kit.text.medicine,
                version=kit.loc.version(metadata.version),
                date=kit.loc.date(metadata.revised),
            )
            trailing: list[tuple[str, str]] = []
            if self.template.page_numbers:
                trailing.append((self._page_label(pages, pages), "furniture_end"))
            if self.clinic:
                trailing.append((self.clinic.name, "furniture_end"))
                trailing.append((kit.u(ui.CLINIC_PHONE_LINE, phone=self.clinic.phone), "furniture_end_regular"))
            leading = [version, *review_lines(kit.text)]
            self._plans[pages] = plan_footer(leading, trailing, self.template.text_width, self._width)
        return self._plans[pages]

    def footer_height(self, pages: int) -> float:
        """The height of the footer's text in a ``pages``-page leaflet."""
        return len(self.plan(pages)) * self.kit.styles["furniture"].leading

    def bottom_margin(self) -> float:
        """The bottom margin of every page: the template's, or more when the footer needs it, so
        the footer always ends :data:`PRINTER_MARGIN` above the paper's edge. It is known before
        the page count: it has room for the footer of a long leaflet (page 99 of 99), and a
        shorter page number never takes more lines."""
        bottom = self.template.margins[2]
        return max(bottom, self.footer_height(UNKNOWN_PAGES) + RULE_GAP + FOOTER_GAP + PRINTER_MARGIN)

    # -------------------------------------------------------------- draw

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        """Draw the logo (page 1), the running header (pages after the first) and the footer
        of page ``page`` of ``pages``."""
        kit = self.kit
        width, height = self.template.page_size
        top, right, _, left = self.template.margins
        text_width = self.template.text_width
        canvas.saveState()
        canvas.setStrokeColor(kit.colour["rule"])
        canvas.setLineWidth(0.6)
        if page == 1 and self.clinic and self.clinic.logo:
            # The clinic's logo at the top of the trailing side of page 1, above the body frame.
            canvas.drawImage(
                str(self.clinic.logo),
                left if kit.rtl else width - right - LOGO_WIDTH,
                height - top - LOGO_HEIGHT,
                LOGO_WIDTH,
                LOGO_HEIGHT,
                preserveAspectRatio=True,
                anchor="w" if kit.rtl else "e",
                mask="auto",
            )
        if page > 1 and self.template.running_title:
            title = self._running_title()
            title.wrapOn(canvas, text_width, top)
            rule_y = height - self.top_margin(page) + HEADER_RULE
            title.drawOn(canvas, left, rule_y + TITLE_GAP)
            canvas.line(left, rule_y, width - right, rule_y)
        rule_y = self.bottom_margin() - RULE_GAP  # as render laid the frame out
        canvas.line(left, rule_y, width - right, rule_y)
        leading = kit.styles["furniture"].leading
        count = pages or UNKNOWN_PAGES
        planned_label = self._page_label(count, count)  # the plan holds the widest page number
        for number, line in enumerate(self.plan(pages)):
            line_top = rule_y - FOOTER_GAP - number * leading
            trailing = line.trailing
            if self.template.page_numbers and trailing == planned_label:
                trailing = self._page_label(page, count)
            for text, style in ((line.leading, line.leading_style), (trailing, line.trailing_style)):
                if text is None:
                    continue
                paragraph = kit.p(text, style)
                _, paragraph_height = paragraph.wrapOn(canvas, text_width, leading)
                paragraph.drawOn(canvas, left, line_top - paragraph_height)
        canvas.restoreState()
