"""The widget kit: the paragraphs, lists, boxes, headings and tables a leaflet is built of.

A :class:`Kit` is what every section renderer (``render(kit, section)`` in
:mod:`medleaflet.sections`) is given. It takes text from
:class:`~medleaflet.layout.text.LeafletText` (``t``, ``u``), styles from
:func:`~medleaflet.layout.styles.stylesheet`, and returns ReportLab
flowables, recording the structural role of each one in its
:class:`~medleaflet.layout.structure.StructureRecorder`.

All text passes through :mod:`medleaflet.layout.markup` before it meets a
Paragraph: leaflet and catalogue text is data, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, Paragraph, Spacer, Table, TableStyle

from medleaflet.content.clinic import Clinic
from medleaflet.content.model import Text
from medleaflet.content.templates import Template
from medleaflet.i18n import ui
from medleaflet.i18n.localise import LocalisedLeaflet
from medleaflet.layout.structure import Node, Role, StructureRecorder
from medleaflet.layout.text import LeafletText
from textengine.paragraph import BidiParagraph
from textengine.scripts import CJK_SCRIPTS, COMPLEX_SCRIPTS, RTL_SCRIPTS

#: Inner padding of highlighted boxes, in points (left and right each).
BOX_PADDING = 10
#: Table cells: a flowable, or several stacked.
Cell: TypeAlias = Flowable | list[Flowable]


class Kit:
    """The widgets of one leaflet in one language, for a text column ``width`` points wide.

    ``list_columns`` is how many columns a short list may run in (1 in a
    narrow column); ``frame_height`` is the height of the page's body frame.
    """

    def __init__(
        self,
        text: LeafletText,
        template: Template,
        styles: dict[str, ParagraphStyle],
        colour: dict[str, colors.Color],
        clinic: Clinic | None,
        width: float,
        frame_height: float,
        list_columns: int,
    ) -> None:
        self.text = text
        self.template = template
        self.styles = styles
        self.colour = colour
        self.clinic = clinic
        self.width = width
        self.frame_height = frame_height
        self.list_columns = list_columns
        self.fonts = text.fonts
        self.family = text.fonts.base
        self.rtl = text.rtl
        self.structure = StructureRecorder()
        #: The height of each box's unsplittable first row, for keeping a heading with it.
        self._box_starts: dict[Flowable, float] = {}

    # ----------------------------------------------------------------- text

    @property
    def loc(self) -> LocalisedLeaflet:
        """The localiser: dates, numbers, lists and country names in the output language."""
        return self.text.loc

    def t(self, text: Text) -> str:
        """A leaflet string in the output language (see :meth:`LeafletText.t`)."""
        return self.text.t(text)

    def u(self, item: ui.UIText, **params: str) -> str:
        """A layout string in the output language (see :meth:`LeafletText.u`)."""
        return self.text.u(item, **params)

    def caps(self, text: str) -> str:
        """``text`` in capitals, unless the template avoids them (large print)."""
        return text.upper() if self.template.uppercase_labels else text

    # ------------------------------------------------------------- widgets

    def p(self, text: str, style: str = "body", bullet: str | None = None) -> Flowable:
        """A paragraph of plain text, set in the fonts of its scripts.

        Simple left-to-right text uses ReportLab's Paragraph (escaped here).
        A right-to-left language, and any text in a right-to-left, CJK or
        complex (shaped) script, uses :class:`~textengine.paragraph.BidiParagraph`,
        which shapes each run itself, applies the CJK line-start and line-end
        rules, and marks each line with its logical text for copying.
        """
        sty = self.styles[style]
        scripts = {run.script for run in self.fonts.runs(text)}
        paragraph: Flowable
        if self.rtl or scripts & (RTL_SCRIPTS | CJK_SCRIPTS | COMPLEX_SCRIPTS):
            # A paragraph's own direction follows its first strong letters (UAX #9
            # P2): a clinic address in Latin letters stays left to right on an
            # Arabic page, aligned with the rest.
            rtl = self.rtl and bool(scripts & RTL_SCRIPTS)
            paragraph = BidiParagraph(text, sty, self.fonts, rtl=rtl, bullet=bullet, bullet_rtl=self.rtl)
        else:
            paragraph = Paragraph(self.text.markup(text, sty), sty, bulletText=bullet)
        self.structure.mark(paragraph, Node(Role.PARAGRAPH, text=text))
        return paragraph

    def bullets(
        self, items: Sequence[Text], style: str = "bullet", columns: int = 1, width: float = 0
    ) -> list[Flowable]:
        """One bulleted paragraph per item, then a little space.

        With ``columns=2``, a list of four or more items that each fit on one
        line of a column (``width`` is the space available, default the text
        width) runs in two columns, top to bottom: it saves space on symptom
        lists without breaking any item.
        """
        sty = self.styles[style]
        texts = [self.t(item) for item in items]
        paragraphs = [self.p(text, style, bullet="\u2022") for text in texts]
        listing = Node(Role.LIST, tuple(Node(Role.LIST_ITEM, text=text) for text in texts))
        for paragraph in paragraphs:
            self.structure.mark(paragraph, listing)
        gap = Spacer(1, sty.leading * 0.3)
        column_width = (width or self.width) / columns
        fits = all(self.text.width(text, sty) + sty.leftIndent + sty.rightIndent + 8 <= column_width for text in texts)
        if columns == 1 or not fits or len(paragraphs) < 4:
            return [*paragraphs, gap]
        per_column = -(-len(paragraphs) // columns)
        cells: list[Cell] = [paragraphs[start : start + per_column] for start in range(0, len(paragraphs), per_column)]
        table = self.table(
            [cells],
            [column_width] * columns,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ],
        )
        self.structure.mark(table, listing)
        return [table, gap]

    def intro(self, text: Text, style: str = "body") -> Flowable:
        """A paragraph that introduces a list: never left alone at a page foot."""
        paragraph = self.p(self.t(text), style)
        paragraph.keepWithNext = True
        return paragraph

    def subheading(self, text: str, level: int = 3) -> Flowable:
        """A heading inside a section (``level`` 3), kept with what follows it."""
        heading = self.p(text, "subheading")
        heading.keepWithNext = True
        self.structure.mark(heading, Node(Role.HEADING, level=level, text=text))
        return heading

    @property
    def box_width(self) -> float:
        """The width available for text inside a highlighted box."""
        return self.width - 2 * BOX_PADDING - 4

    def box(self, content: list[Flowable], kind: str) -> Table:
        """A highlighted box: tinted fill with a thick bar on the leading edge.

        ``kind`` is ``warning`` (red) or ``caution`` (amber). Each flowable
        gets its own row, so a long box can split across pages; the first two
        (a title and its first paragraph) share a row so they stay together.
        """
        edge = self.colour[kind]
        rows: list[list[Cell]] = [[content[:2]], *[[item] for item in content[2:]]]
        table = self.table(
            rows,
            [self.width],
            [
                ("BACKGROUND", (0, 0), (-1, -1), self.colour[f"{kind}_fill"]),
                ("LINEBEFORE" if not self.rtl else "LINEAFTER", (0, 0), (-1, -1), 4, edge),
                ("BOX", (0, 0), (-1, -1), 0.6, edge),
                ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, 0), 7),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
            ],
        )
        table.spaceBefore = 4
        table.spaceAfter = 8
        self.structure.mark(table, Node(Role.GROUP, self.structure.nodes(content)))
        start = 7 + sum(item.wrap(self.box_width, self.frame_height)[1] + item.getSpaceAfter() for item in content[:2])
        self._box_starts[table] = start
        return table

    def heading(self, text: str, first: Flowable) -> tuple[Flowable, list[Flowable]]:
        """A section's heading (level 2) and rule, kept on the page with the start of
        ``first`` (the section's first flowable). Returns the heading paragraph, where
        its bookmark goes, and the flowables to put before the section's content."""
        heading = self.p(text, "heading")
        heading.keepWithNext = True
        self.structure.mark(heading, Node(Role.HEADING, level=2, text=text))
        rule = HRFlowable(width="100%", thickness=1.2, color=self.colour["rule"], spaceBefore=0, spaceAfter=5)
        heading_height = heading.wrap(self.width, self.frame_height)[1] + heading.getSpaceBefore() + 6
        start = self._box_starts.get(first)
        if start is None:
            start = min(first.wrap(self.width, self.frame_height)[1], 3 * self.styles["body"].leading)
        return heading, [CondPageBreak(heading_height + start + 4), heading, rule]

    def figure(self, flowable: Flowable, alt: str) -> Flowable:
        """``flowable`` (a drawing or image) recorded as a figure; ``alt`` is what it says."""
        self.structure.mark(flowable, Node(Role.FIGURE, alt=alt))
        return flowable

    def table(
        self, rows: list[list[Cell]], widths: list[float], style: list[tuple], split_in_row: bool = False
    ) -> Table:
        """A table whose columns run in reading order (mirrored for RTL).

        The table's own font is the layout's font: ReportLab sets a cell font
        even for cells holding flowables, and its default is Helvetica. Its
        structure keeps the reading order: rows of cells, each cell's content.
        """
        structure = Node(
            Role.TABLE,
            tuple(
                Node(Role.ROW, tuple(Node(Role.CELL, self.structure.nodes(_flowables(cell))) for cell in row))
                for row in rows
            ),
        )
        if self.rtl:
            rows = [list(reversed(row)) for row in rows]
            widths = list(reversed(widths))
        style = [("FONTNAME", (0, 0), (-1, -1), self.family.regular), *style]
        # split_in_row: a cell taller than a page (a huge list of medicines) may split across pages.
        table = Table(
            rows,
            colWidths=widths,
            style=TableStyle(style),
            hAlign="RIGHT" if self.rtl else "LEFT",
            splitInRow=1 if split_in_row else 0,
        )
        self.structure.mark(table, structure)
        return table


def _flowables(cell: Cell) -> list[Flowable]:
    """The flowables of a table cell."""
    return cell if isinstance(cell, list) else [cell]
