"""Bilingual pages: English beside the patient's language, block by block.

:class:`BilingualLayout` lays the same leaflet out twice at half width --
English on the left, the patient's language on the right, each in its own
direction and script -- and pairs them in one two-column table: row by row
where the two blocks have the same shape (they almost always do, since one
code lays out both), else block by block. Rows split between pages, so every
page carries both languages and the pharmacist sees what the patient reads.
Header, footer and metadata are the patient's language's.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from medleaflet.layout.leaflet import LeafletLayout

#: Space between the two language columns, in points.
GUTTER = 6 * mm
#: Padding inside each column, in points.
PADDING = 3


def _cells(flowables: list[Flowable]) -> list[Flowable]:
    """Flowables fit for a table cell: page-flow controls dropped, groups opened."""
    cells: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, CondPageBreak):
            continue
        if isinstance(flowable, KeepTogether):
            cells += _cells(list(flowable._content))
        else:
            cells.append(flowable)
    return cells


class BilingualLayout:
    """Two :class:`~medleaflet.layout.leaflet.LeafletLayout` objects side by side.

    It offers what :func:`~medleaflet.render.pdf.render_pdf` needs of a layout:
    ``template``, ``family``, ``leaflet``, ``story()`` and ``draw_page()``.
    """

    def __init__(self, english: LeafletLayout, patient: LeafletLayout, full_width: float) -> None:
        self.english = english
        self.patient = patient
        self.full_width = full_width
        self.template = patient.template
        self.family = patient.family
        self.leaflet = patient.leaflet
        self.loc = patient.loc

    @staticmethod
    def column_width(full_width: float) -> float:
        """The text width of each language column."""
        return (full_width - GUTTER) / 2 - 2 * PADDING

    def __getattr__(self, name: str) -> object:
        # Everything else (medicine name, strings for metadata) is the patient's.
        return getattr(self.patient, name)

    def story(self) -> list[Flowable]:
        """One two-column table per block, each after a bookmark anchor for its section."""
        story: list[Flowable] = []
        for left, right in zip(self.english.blocks(), self.patient.blocks(), strict=True):
            left, right = _cells(left), _cells(right)
            outline = next((getattr(f, "outline", None) for f in right if getattr(f, "outline", None)), None)
            if outline is not None:
                anchor = Spacer(1, 0)
                anchor.outline = outline  # type: ignore[attr-defined]  # read by render: a bookmark
                story.append(anchor)
            if len(left) == len(right):
                rows: list[list[Flowable | list[Flowable]]] = [[a, b] for a, b in zip(left, right, strict=True)]
            else:
                rows = [[left, right]]
            story.append(self._table(rows))
        return story

    def _table(self, rows: list[list[Flowable | list[Flowable]]]) -> Table:
        half = self.full_width / 2
        table = Table(
            rows,
            colWidths=[half, half],
            style=TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.family.regular),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PADDING + GUTTER / 2),
                    ("LEFTPADDING", (1, 0), (1, -1), PADDING + GUTTER / 2),
                    ("RIGHTPADDING", (1, 0), (1, -1), PADDING),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("LINEAFTER", (0, 0), (0, -1), 0.5, self.patient.colour["rule"]),
                ]
            ),
        )
        table.splitByRow = 1
        return table

    def draw_page(self, canvas, page: int, pages: int) -> None:  # type: ignore[no-untyped-def]
        self.patient.draw_page(canvas, page, pages)
