"""HarfBuzz shaping of one run of text, in an explicit direction, for ReportLab.

:func:`shape_run` turns a run of one font and one direction into a
:class:`ShapedRun`: glyphs as a ReportLab ``ShapedStr`` (which ReportLab's
canvas draws with HarfBuzz's positions) and the run's width. Glyphs that no
character maps to (ligatures, contextual forms) get private-use codes through
ReportLab's own ``hbAddPrivate``, so they are subset and embedded like any
other glyph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import uharfbuzz
from reportlab.pdfbase import pdfmetrics, ttfonts

from textengine.scripts import NEUTRAL_SCRIPTS

#: Where ReportLab starts numbering unmapped glyphs (the Private Use Area).
_FIRST_PRIVATE_CODE = 0xE000


@dataclass(frozen=True)
class ShapedRun:
    """Text shaped by HarfBuzz in one font and direction, ready to draw.

    ``glyphs`` is a ReportLab ``ShapedStr``: drawn with ``canvas.drawString``
    in a shapable TrueType font, it places every glyph where HarfBuzz put it,
    in visual order (right to left runs come out reversed, as HarfBuzz emits
    them). ``width`` is in points.
    """

    text: str
    font_name: str
    font_size: float
    rtl: bool
    glyphs: str
    width: float


def shape_run(text: str, font_name: str, font_size: float, rtl: bool, script: str | None = None) -> ShapedRun:
    """Shape ``text`` with an explicit direction (and script, ISO 15924).

    Unlike ReportLab's own shaping, which guesses the direction from the
    text, this shapes neutral characters such as brackets in the direction
    the bidi algorithm resolved for them, so HarfBuzz mirrors them in
    right-to-left runs.
    """
    font = pdfmetrics.getFont(font_name)
    hb_font = font.hbFont(font_size)
    buffer = uharfbuzz.Buffer()
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buffer.add_str(text)
    buffer.direction = "rtl" if rtl else "ltr"
    if script and script not in NEUTRAL_SCRIPTS:
        buffer.script = script
    buffer.guess_segment_properties()
    uharfbuzz.shape(hb_font, buffer, {"kern": True, "liga": True})
    chars: list[str] = []
    data: list[ttfonts.ShapeData] = []
    advance_total = 0.0
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        gid = info.codepoint
        try:
            code = font.face.glyphToChar[gid][0]
        except (KeyError, IndexError):
            code = font.hbAddPrivate(hb_font.glyph_to_string(gid), gid, position.x_advance)
        x_advance = font.pdfScale(position.x_advance)
        advance_total += x_advance
        chars.append(chr(code))
        data.append(
            ttfonts.ShapeData(
                info.cluster,
                x_advance,
                font.pdfScale(position.y_advance),
                font.pdfScale(position.x_offset),
                font.pdfScale(position.y_offset),
                font.face.charWidths.get(code, 0),
            )
        )
    glyphs = ttfonts.ShapedStr("".join(chars), shapeData=data)
    return ShapedRun(text, font_name, font_size, rtl, glyphs, advance_total * font_size / 1000)


def forget_private_glyphs(font_names: Iterable[str]) -> None:
    """Undo the private-use codes given to unmapped glyphs (ligatures, contextual forms)
    in these ReportLab fonts, so the next document numbers them afresh.

    ReportLab hands out those codes per font object, in the order glyphs are first
    shaped in the process, and keeps them: without this, a PDF would depend on what
    the process built before it (a batch worker, a test run, a web server), not only
    on its inputs. Call it before laying out each document. ReportLab has no public
    way to do this, so it resets the two private attributes its ``hbAddPrivate``
    keeps, and removes the codes it added to the face's tables.
    """
    for name in font_names:
        font = pdfmetrics.getFont(name)
        codes: dict[str, int] | None = getattr(font, "_TTFont__hbUnis", None)
        if not codes:
            continue
        face = font.face
        for code in codes.values():
            gid = face.charToGlyph.pop(code, None)
            face.charWidths.pop(code, None)
            chars = face.glyphToChar.get(gid, [])
            if code in chars:
                chars.remove(code)
                if not chars:
                    del face.glyphToChar[gid]
        codes.clear()
        font._TTFont__hbPrivate = _FIRST_PRIVATE_CODE
