"""Page furniture: the clinic's logo, the running header and the footer of every page.

:class:`PageFurniture` draws them on a ReportLab canvas for page X of Y
(:meth:`~PageFurniture.draw`) and says how much room the footer needs
(:meth:`~PageFurniture.bottom_margin`). It is laid out with the widget kit,
so it wraps, mirrors for right-to-left languages and uses the fonts of
every script in it. In the structure tree it is an artifact: not content.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer, Table

from medleaflet.i18n import ui
from medleaflet.layout.review_statement import review_lines
from medleaflet.layout.structure import Node, Role
from medleaflet.layout.widgets import Kit

#: Space kept clear below the footer: many printers cannot print closer to the paper's edge.
PRINTER_MARGIN = 10 * mm
#: Gap between the body text and the footer rule, and between the rule and the footer text.
RULE_GAP, FOOTER_GAP = 2.5 * mm, 1.5 * mm
#: Page count assumed before the real one is known: room for the footer of a long leaflet.
UNKNOWN_PAGES = 99


class PageFurniture:
    """The header and footer of one leaflet in one language, drawn with ``kit``."""

    #: What the furniture is in the structure tree.
    structure = Node(Role.ARTIFACT)

    def __init__(self, kit: Kit) -> None:
        self.kit = kit
        self.template = kit.template
        self.clinic = kit.clinic
        self._bottom_margins: dict[int, float] = {}

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        """Draw the logo (page 1), the running header (pages after the first) and the footer
        of page ``page`` of ``pages`` (0 while the page count is not known yet)."""
        kit = self.kit
        width, height = self.template.page_size
        top, right, _, left = self.template.margins
        canvas.saveState()
        canvas.setStrokeColor(kit.colour["rule"])
        canvas.setLineWidth(0.6)
        if page == 1 and self.clinic and self.clinic.logo:
            # The clinic's logo at the top of the trailing side of page 1.
            logo_height = 14 * mm
            x = left if kit.rtl else width - right - 40 * mm
            canvas.drawImage(
                str(self.clinic.logo),
                x,
                height - top - logo_height,
                40 * mm,
                logo_height,
                preserveAspectRatio=True,
                anchor="w" if kit.rtl else "e",
                mask="auto",
            )
        if page > 1 and self.template.running_title:
            title = kit.p(kit.u(ui.RUNNING_TITLE, medicine=kit.text.medicine), "furniture_bold")
            title.wrapOn(canvas, self.template.text_width, top)
            rule_y = height - top + 3.5 * mm
            title.drawOn(canvas, left, rule_y + 1.5 * mm)
            canvas.line(left, rule_y, width - right, rule_y)
        rule_y = self.bottom_margin(pages) - RULE_GAP  # as render laid the frame out
        canvas.line(left, rule_y, width - right, rule_y)
        footer = self.footer(page, pages)
        _, footer_height = footer.wrapOn(canvas, self.template.text_width, height)
        footer.drawOn(canvas, left, rule_y - FOOTER_GAP - footer_height)
        canvas.restoreState()

    def footer(self, page: int, pages: int) -> Table:
        """The footer of page ``page`` of ``pages``: version and review on the leading side,
        page number and clinic on the trailing side."""
        kit = self.kit
        metadata = kit.text.leaflet.metadata
        version = kit.u(
            ui.FOOTER_VERSION, leaflet=kit.text.medicine, version=metadata.version, date=kit.loc.date(metadata.revised)
        )
        details = [kit.p(line, "furniture") for line in [version, *review_lines(kit.text)]]
        trailing: list[Flowable] = []
        if self.template.page_numbers:
            label = kit.u(ui.FOOTER_PAGE, page=kit.loc.number(page), pages=kit.loc.number(pages))
            trailing.append(kit.p(label, "furniture_end"))
        if self.clinic:
            trailing.append(kit.p(self.clinic.name, "furniture_end"))
            trailing.append(kit.p(kit.u(ui.CLINIC_PHONE_LINE, phone=self.clinic.phone), "furniture_end_regular"))
        trailing_width = self.template.text_width * 0.38 if self.clinic else 30 * mm if trailing else 0
        return kit.table(
            [[details, trailing or Spacer(1, 1)]],
            [self.template.text_width - trailing_width, trailing_width],
            [("VALIGN", (0, 0), (-1, -1), "TOP")]
            + [(f"{side}PADDING", (0, 0), (-1, -1), 0) for side in ("LEFT", "RIGHT", "TOP", "BOTTOM")],
        )

    def bottom_margin(self, pages: int) -> float:
        """The bottom margin of every page: the template's, or more when the footer of a
        ``pages``-page leaflet needs it, so the footer always ends :data:`PRINTER_MARGIN`
        above the paper's edge. With ``pages`` 0 (not known yet), room for a long leaflet's footer."""
        pages = pages or UNKNOWN_PAGES
        if pages not in self._bottom_margins:
            bottom = self.template.margins[2]
            _, footer_height = self.footer(pages, pages).wrap(self.template.text_width, self.template.page_size[1])
            self._bottom_margins[pages] = max(bottom, footer_height + RULE_GAP + FOOTER_GAP + PRINTER_MARGIN)
        return self._bottom_margins[pages]
