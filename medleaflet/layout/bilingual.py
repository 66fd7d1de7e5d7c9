"""Bilingual pages: English beside the patient's language, block by block.

:class:`BilingualLayout` takes two :class:`~medleaflet.layout.leaflet.LeafletLayout`
objects of the same leaflet at half width -- English on the left, the
patient's language on the right, each in its own direction and script --
and pairs their blocks in two-column rows, one flowable of each language
per row, each row a table of its own. The two blocks almost always have the same shape, since one code
lays out both; where they do not (the patient's title block opens with a
notice that some text fell back to English), the flowables are aligned by
kind and style and a flowable without a counterpart gets a row of its own
beside an empty cell. Pages break between rows, so every page carries both
languages and the pharmacist sees what the patient reads; the row of a
heading moves on with the row after it. Header, footer, bookmarks and
metadata are the patient's language's.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from itertools import zip_longest

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from medleaflet.layout.document import Block, LaidOutLeaflet
from medleaflet.layout.keep import KeepWithStart, keep_with_next
from medleaflet.layout.leaflet import LeafletLayout
from medleaflet.layout.structure import Node, Role

#: Space between the two language columns, in points.
GUTTER = 6 * mm
#: Padding inside each column, in points.
PADDING = 3


def column_width(full_width: float) -> float:
    """The text width of each language column on a page whose text is ``full_width`` wide."""
    return (full_width - GUTTER) / 2 - 2 * PADDING


def _cells(flowables: tuple[Flowable, ...], leads: set[Flowable]) -> list[Flowable]:
    """Flowables fit for a table cell: page-flow controls dropped, groups opened. The lead of
    every keep-with-next group (a heading...) is added to ``leads``."""
    cells: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, CondPageBreak):
            continue
        if isinstance(flowable, KeepTogether):
            cells += _cells(tuple(flowable._content), leads)
        elif isinstance(flowable, KeepWithStart):
            leads.update(flowable.lead)
            cells += _cells(tuple(flowable.content), leads)
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

    def blocks(self, spacing: float = 1.0) -> tuple[Block, ...]:
        """One block per pair of blocks: a one-row table per pair of flowables, the rows of a
        heading kept with the row after them (:mod:`medleaflet.layout.keep`). Its structure is
        the English block, then the patient's; its bookmarks are the patient block's, each
        placed at the row that holds its heading."""
        blocks: list[Block] = []
        for english, patient in zip(self.english.blocks(spacing), self.patient.blocks(spacing), strict=True):
            leads: set[Flowable] = set()
            pairs = paired_rows(_cells(english.flowables, leads), _cells(patient.flowables, leads))
            rows = [self._row(pair) for pair in pairs]
            for row, pair in zip(rows, pairs, strict=True):
                row.keepWithNext = any(cell in leads for cell in pair)
            row_of = {cell: row for row, pair in zip(rows, pairs, strict=True) for cell in pair}
            structure = Node(Role.GROUP, (english.structure, patient.structure))
            marks = tuple((row_of[anchor], outline) for anchor, outline in patient.marks if anchor in row_of)
            anchor = row_of.get(patient.anchor) if patient.anchor is not None else None
            outline = patient.outline if anchor is not None else None
            blocks.append(Block(tuple(keep_with_next(rows)), structure, outline, anchor, marks))
        return tuple(blocks)

    def _row(self, cells: list[Flowable]) -> Table:
        """One row: an English flowable beside its patient-language counterpart."""
        half = self.full_width / 2
        return Table(
            [cells],
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

    def document(self) -> LaidOutLeaflet:
        """The paired leaflet, on the patient layout's pages, with its font, furniture and metadata."""
        return self.patient.document(compose=self.blocks)
