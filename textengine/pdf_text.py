"""Shaped runs as PDF text operators: one text object per line.

:func:`text_object` writes the shaped runs of one line, each at its own x, as a
single ``BT … ET`` text object for ReportLab's canvas (``canvas.addLiteral``):

- each change of font, size or font subset is one ``Tf``;
- the glyphs between two changes are one ``TJ`` array, whose numbers are
  HarfBuzz's offsets and advances where they differ from the font's own widths
  (kerning, mark placement, a gap between runs);
- a glyph HarfBuzz raises or lowers (a mark above or below its base) gets a
  ``Ts`` rise, set back to 0 before the object ends.

ReportLab's ``canvas.drawString`` draws one string per call, each in a text
object of its own, with a ``TJ`` array per HarfBuzz cluster. For a Chinese
page, where every character is a run of its own, that cost 57 bytes of page
content per glyph and most of the time spent drawing.

The text state a text object sets (font, rise) outlives its ``ET`` in PDF: call
this between ``canvas.saveState()`` and ``canvas.restoreState()``, so that
ReportLab's own text drawn afterwards is not in the last font used here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics

from textengine.shaping import ShapedRun

#: Per ReportLab document, the subsets and codes of each font's glyph strings drawn so far
#: (:meth:`_TextObject._subsets`): ReportLab gives a character its code in a subset once per
#: document, so the answer for a string never changes while the document is made.
_splits: WeakKeyDictionary[Any, dict[tuple[str, str], list[tuple[str, bytes]]]] = WeakKeyDictionary()
#: A shift smaller than this (in points) is not written: far below what any device shows.
_NEGLIGIBLE = 1e-4


def pdf_text_string(text: str) -> str:
    """``text`` as a PDF hexadecimal text string (UTF-16BE with a byte order mark)."""
    return "<" + ("\ufeff" + text).encode("utf-16-be").hex().upper() + ">"


def text_object(canvas: Any, baseline: float, runs: Iterable[tuple[float, ShapedRun]]) -> str:
    """The PDF operators that draw each ``(x, run)`` of ``runs`` with its glyphs starting at
    ``x`` on ``baseline`` (canvas coordinates, points), as one text object.

    ``canvas`` is the ReportLab canvas the operators are for: its document is where the
    fonts' subsets are numbered. Returns ``""`` when there is nothing to draw.
    """
    writer = _TextObject(canvas._doc)
    for x, run in runs:
        writer.run(x, baseline, run)
    return writer.finish()


class _TextObject:
    """The operators of one text object, written glyph by glyph (see :func:`text_object`)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.ops: list[str] = []
        self.array: list[str] = []  # the open TJ array
        self.chunk = bytearray()  # glyph codes not yet in the array
        self.font = ""  # the Tf operands in force
        self.size = 0.0
        self.rise = 0.0
        self.pen = 0.0  # where the next glyph goes, once ``shift`` is applied (points)
        self.shift = 0.0  # points right of the PDF's own text position

    def run(self, x: float, baseline: float, run: ShapedRun) -> None:
        """Add ``run``'s glyphs, the first at ``x`` on ``baseline``."""
        if not run.placement:
            return
        if not self.ops:
            self.ops.append(f"BT 1 0 0 1 {fp_str(x)} {fp_str(baseline)} Tm")
        else:
            self.shift += x - self.pen
        self.pen = x + run.width
        size = run.font_size
        scale = size / 1000
        placement = run.placement
        glyph = 0  # the index in ``placement`` of the next code
        chunk = self.chunk
        for name, codes in self._subsets(run):
            if name != self.font or size != self.size:
                self._end_array()
                self.ops.append(f"{name} {fp_str(size)} Tf")
                self.font, self.size = name, size
            for code in codes:
                before, rise, after = placement[glyph]
                glyph += 1
                rise *= scale
                if rise != self.rise:
                    self._end_array()
                    self.ops.append(f"{fp_str(rise)} Ts")
                    self.rise = rise
                self.shift += before * scale
                if abs(self.shift) > _NEGLIGIBLE:
                    self._end_chunk()
                    self.array.append(fp_str(-self.shift / scale))
                    self.shift = 0.0
                chunk.append(code)
                self.shift += after * scale

    def _subsets(self, run: ShapedRun) -> list[tuple[str, bytes]]:
        """``run``'s glyphs as ReportLab numbers them in this document: the font resource
        name of each subset they fall in, with their one-byte codes in it."""
        splits = _splits.setdefault(self.doc, {})
        key = (run.font_name, run.glyphs)
        known = splits.get(key)
        if known is None:
            font = pdfmetrics.getFont(run.font_name)
            known = splits[key] = [
                (font.getSubsetInternalName(subset, self.doc), codes)
                for subset, codes in font.splitString(run.glyphs, self.doc)
            ]
        return known

    def finish(self) -> str:
        """The whole text object (``""`` if no glyph was added)."""
        if not self.ops:
            return ""
        self._end_array()
        if self.rise:
            self.ops.append("0 Ts")
        self.ops.append("ET")
        return "\n".join(self.ops)

    def _end_chunk(self) -> None:
        if self.chunk:
            self.array.append(f"({escapePDF(bytes(self.chunk))})")
            self.chunk.clear()

    def _end_array(self) -> None:
        self._end_chunk()
        if self.array:
            self.ops.append(f"[{' '.join(self.array)}] TJ")
            self.array.clear()
