"""Bilingual pages: English beside the patient's language, block by block.

:class:`BilingualLayout` takes two :class:`~medleaflet.layout.leaflet.LeafletLayout`
objects of the same leaflet at half width -- English on the left, the
patient's language on the right, each in its own direction and script --
and pairs their blocks in two-column tables, one flowable of each language
per row. The two blocks almost always have the same shape, since one code
lays out both; where they do not (the patient's title block opens with a
notice that some text fell back to English), the flowables are aligned by
kind and style and a flowable without a counterpart gets a row of its own
beside an empty cell. Rows split between pages, so every page carries both
languages and the pharmacist sees what the patient reads. Header, footer,
bookmarks and metadata are the patient's language's.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from itertools import zip_longest

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from medleaflet.layout.document import Block, LaidOutLeaflet
from medleaflet.layout.leaflet import LeafletLayout
from medleaflet.layout.structure import Node, Role

#: Space between the two language columns, in points.
GUTTER = 6 * mm
#: Padding inside each column, in points.
PADDING = 3


def column_width(full_width: float) -> float:
    """The text width of each language column on a page whose text is ``full_width`` wide."""
    return (full_width - GUTTER) / 2 - 2 * PADDING


def _cells(flowables: tuple[Flowable, ...]) -> list[Flowable]:
    """Flowables fit for a table cell: page-flow controls dropped, groups opened."""
    cells: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, CondPageBreak):
            continue
        if isinstance(flowable, KeepTogether):
            cells += _cells(tuple(flowable._content))
        else:
            cells.append(flowable)
    return cells


def _kind(flowable: Flowable) -> str:
    """What a flowable is, for aligning two languages' blocks: for text its style's name
    (a right-to-left paragraph is another class), else its class."""
    name = getattr(getattr(flowable, "style", None), "name", None)
    return f"text:{name}" if isinstance(name, str) else type(flowable).__name__


def paired_rows(left: list[Flowable], right: list[Flowable]) -> list[list[Flowable]]:
    """Rows of two cells, the ``left`` flowables beside the ``right`` ones.

    Lists of the same length pair index by index. Otherwise they are aligned
    by :func:`_kind`: flowables that correspond share a row, and one without a
    counterpart sits beside an empty cell, so no row holds a whole block.
    """
    if len(left) == len(right):
        return [[a, b] for a, b in zip(left, right, strict=True)]
    matcher = SequenceMatcher(None, [_kind(f) for f in left], [_kind(f) for f in right], autojunk=False)
    rows: list[list[Flowable]] = []
    for _, left_start, left_end, right_start, right_end in matcher.get_opcodes():
        for a, b in zip_longest(left[left_start:left_end], right[right_start:right_end]):
            rows.append([a if a is not None else Spacer(1, 0), b if b is not None else Spacer(1, 0)])
    return rows


class BilingualLayout:
    """Pairs the blocks of an English and a patient-language layout of one leaflet."""

    def __init__(self, english: LeafletLayout, patient: LeafletLayout, full_width: float) -> None:
        self.english = english
        self.patient = patient
        self.full_width = full_width

    def blocks(self) -> tuple[Block, ...]:
        """One block per pair of blocks: a two-column table, after a zero-height anchor for
        the patient block's bookmark. Its structure is the English block, then the patient's."""
        blocks: list[Block] = []
        for english, patient in zip(self.english.blocks(), self.patient.blocks(), strict=True):
            rows = paired_rows(_cells(english.flowables), _cells(patient.flowables))
            structure = Node(Role.GROUP, (english.structure, patient.structure))
            if patient.outline is None:
                blocks.append(Block((self._table(rows),), structure))
            else:
                anchor = Spacer(1, 0)
                blocks.append(Block((anchor, self._table(rows)), structure, patient.outline, anchor))
        return tuple(blocks)

    def _table(self, rows: list[list[Flowable]]) -> Table:
        half = self.full_width / 2
        table = Table(
            rows,
            colWidths=[half, half],
            style=TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.patient.text.fonts.base.regular),
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

    def document(self) -> LaidOutLeaflet:
        """The paired leaflet, on the patient layout's pages, with its font, furniture and metadata."""
        return self.patient.document(compose=self.blocks)
