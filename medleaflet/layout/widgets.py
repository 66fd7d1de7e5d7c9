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
from reportlab.platypus import Flowable, HRFlowable, Spacer, Table, TableStyle

from medleaflet.content.clinic import Clinic
from medleaflet.content.model import Text
from medleaflet.content.templates import Template
from medleaflet.i18n import ui
from medleaflet.i18n.localise import LocalisedLeaflet
from medleaflet.layout.columns import fit_widths
from medleaflet.layout.document import Outline
from medleaflet.layout.keep import may_split
from medleaflet.layout.structure import Node, Role, StructureRecorder
from medleaflet.layout.text import LeafletText
from textengine.fitted import FittedParagraph
from textengine.hyphenate import Hyphenator
from textengine.itemise import scripts_of
from textengine.memos import remember
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
    ``spacing`` scales the space between blocks (the layout tightens it to
    save a nearly empty last page; the stylesheet is made with the same
    factor). ``hyphenator`` hyphenates words too long for their column;
    ``column_widths`` remembers the widths :meth:`table` fitted, across the
    kits of one layout (every render pass makes the tables afresh).
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
        spacing: float = 1.0,
        hyphenator: Hyphenator | None = None,
        column_widths: dict[tuple, list[float]] | None = None,
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
        self.spacing = spacing
        self.hyphenator = hyphenator
        self.column_widths = {} if column_widths is None else column_widths
        #: The smallest size a paragraph is set in to fit a long word: the template's small print.
        self.min_size = template.type_scale["small"].size
        self.structure = StructureRecorder()
        #: The outline entries of the sub-headings made so far, each with its heading.
        self.marks: list[tuple[Flowable, Outline]] = []
        self._headings = 0

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

        Simple left-to-right text uses ReportLab's Paragraph (escaped here), as
        a :class:`~textengine.fitted.FittedParagraph`. A right-to-left language,
        and any text in a right-to-left, CJK or complex (shaped) script, uses
        :class:`~textengine.paragraph.BidiParagraph`, which shapes each run
        itself, applies the CJK line-start and line-end rules, and marks each
        line with its logical text for copying. Either hyphenates a word too
        long for its column, or else sets the paragraph smaller (down to the
        template's small print), rather than cut the word without a hyphen.
        """
        sty = self.styles[style]
        # Each character's own script: a run's script is its first letters', so a run of Han
        # after a Latin brand name (a brand, then its countries in brackets) would pass for Latin.
        scripts = {run.script for run in self.fonts.runs(text)} | scripts_of(text)
        paragraph: Flowable
        if self.rtl or scripts & (RTL_SCRIPTS | CJK_SCRIPTS | COMPLEX_SCRIPTS):
            # A paragraph's own direction follows its first strong letters (UAX #9
            # P2): a clinic address in Latin letters stays left to right on an
            # Arabic page, aligned with the rest.
            rtl = self.rtl and bool(scripts & RTL_SCRIPTS)
            paragraph = BidiParagraph(
                text,
                sty,
                self.fonts,
                rtl=rtl,
                bullet=bullet,
                bullet_rtl=self.rtl,
                hyphenator=self.hyphenator,
                min_size=self.min_size,
            )
        else:
            markup = self.text.markup(text, sty)
            paragraph = FittedParagraph(markup, sty, bullet, hyphenator=self.hyphenator, min_size=self.min_size)
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
        gap = Spacer(1, sty.leading * 0.3 * self.spacing)
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
            fit=False,
        )
        self.structure.mark(table, listing)
        return [table, gap]

    def intro(self, text: Text, style: str = "body") -> Flowable:
        """A paragraph that introduces a list: never left alone at a page foot."""
        paragraph = self.p(self.t(text), style)
        paragraph.keepWithNext = True
        return may_split(paragraph)

    def subheading(self, text: str, level: int = 3) -> Flowable:
        """A heading inside a section (``level`` 3), kept with what follows it, with an outline
        entry under its section's (a level-2 heading's entry is at the top of the outline)."""
        heading = self.p(text, "subheading")
        heading.keepWithNext = True
        self.structure.mark(heading, Node(Role.HEADING, level=level, text=text))
        self._headings += 1
        self.marks.append((heading, Outline(f"heading-{self._headings}", text, max(level - 2, 0))))
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
        pad = self.spacing
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
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * pad),
                ("TOPPADDING", (0, 0), (-1, 0), 7 * pad),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 5 * pad),
            ],
            fit=False,
        )
        table.spaceBefore = 4 * pad
        table.spaceAfter = 8 * pad
        self.structure.mark(table, Node(Role.GROUP, self.structure.nodes(content)))
        return table

    def heading(self, text: str) -> list[Flowable]:
        """A section's heading (level 2) and its rule, both kept on the page with the start of
        what follows (:mod:`medleaflet.layout.keep`); the heading is the first flowable, where
        its bookmark goes."""
        heading = self.p(text, "heading")
        self.structure.mark(heading, Node(Role.HEADING, level=2, text=text))
        after = 5 * self.spacing
        rule = HRFlowable(width="100%", thickness=1.2, color=self.colour["rule"], spaceBefore=0, spaceAfter=after)
        heading.keepWithNext = rule.keepWithNext = True
        return [heading, rule]

    def figure(self, flowable: Flowable, alt: str) -> Flowable:
        """``flowable`` (a drawing or image) recorded as a figure; ``alt`` is what it says."""
        self.structure.mark(flowable, Node(Role.FIGURE, alt=alt))
        return flowable

    def table(
        self,
        rows: list[list[Cell]],
        widths: list[float],
        style: list[tuple],
        split_in_row: bool = False,
        fit: bool = True,
    ) -> Table:
        """A table whose columns run in reading order (mirrored for RTL).

        With ``fit`` (the default), ``widths`` is a proposal: the columns are
        sized to their content (:func:`~medleaflet.layout.columns.fit_widths`).
        The table's own font is the layout's font: ReportLab sets a cell font
        even for cells holding flowables, and its default is Helvetica. Its
        structure keeps the reading order: rows of cells, each cell's content.
        """
        if fit:
            widths = self._fitted(rows, widths, style)
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

    def _fitted(self, rows: list[list[Cell]], widths: list[float], style: list[tuple]) -> list[float]:
        """The column widths of a table of ``rows`` sized to their content, from the ``widths``
        proposed; remembered by the cells' text, for the next render pass, and, where every cell
        says all its height depends on (``layout_key``), for every later table of the process."""
        padding = sum(_padding(style, side) for side in ("LEFTPADDING", "RIGHTPADDING"))
        keys = [_layout_key(cell) for row in rows for cell in row]
        if all(key is not None for key in keys):
            shared = (tuple(widths), padding, len(rows), tuple(keys))
            fitted = _FITTED.get(shared)
            if fitted is None:
                fitted = remember(_FITTED, shared, fit_widths(rows, widths, padding), MAX_FITTED)
            return list(fitted)
        key = (tuple(widths), padding, tuple(tuple(_signature(cell) for cell in row) for row in rows))
        if key not in self.column_widths:
            self.column_widths[key] = fit_widths(rows, widths, padding)
        return list(self.column_widths[key])


def _flowables(cell: Cell) -> list[Flowable]:
    """The flowables of a table cell."""
    return cell if isinstance(cell, list) else [cell]


def _padding(style: list[tuple], side: str) -> float:
    """The ``side`` padding (``LEFTPADDING``...) a table style gives every cell: the last command
    for the whole table, else ReportLab's default of 6 points."""
    value = 6.0
    for command in style:
        if command[0] == side and command[1] == (0, 0) and command[2] == (-1, -1):
            value = float(command[3])
    return value


#: The most tables :data:`_FITTED` remembers before it is emptied.
MAX_FITTED = 5_000
#: Fitted column widths by the proposal, the padding and every cell's ``layout_key``, for the process.
_FITTED: dict[tuple, list[float]] = {}


def _layout_key(cell: Cell) -> tuple | None:
    """Everything a cell's height at any width depends on (its flowables' ``layout_key``), or None
    if one of them cannot say."""
    keys = []
    for flowable in _flowables(cell):
        layout_key = getattr(flowable, "layout_key", None)
        key = layout_key() if layout_key is not None else None
        if key is None:
            return None
        keys.append(key)
    return (isinstance(cell, list), tuple(keys))


def _signature(cell: Cell) -> tuple:
    """What a cell holds, for remembering fitted widths: each flowable's kind, text and style."""
    signature = []
    for flowable in _flowables(cell):
        style = getattr(flowable, "style", None)
        signature.append((type(flowable).__name__, getattr(flowable, "text", None), getattr(style, "name", None)))
    return tuple(signature)
