"""Complex-script shaping across font runs inside one word.

ReportLab's Paragraph shapes text word by word with HarfBuzz
(``shaping=1``), but it shapes a whole word with the font of the word's
*first* fragment. A "word" such as ``(Baclocur)को`` -- Latin in Noto Sans,
then Devanagari in Noto Sans Devanagari, with no space between -- is shaped
with the wrong font for one of its parts, which prints missing-glyph boxes.

:func:`shape_frag_word` fixes that by shaping each run of one font
separately with ReportLab's own ``shapeFragWord`` and joining the results.
:func:`install` puts it in place of ReportLab's function in the Paragraph
module; it is idempotent.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Any

import uharfbuzz
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph

_original = ttfonts.shapeFragWord


def _font_key(pair: tuple[Any, str]) -> tuple[str, float] | None:
    fragment = pair[0]
    if hasattr(fragment, "cbDefn"):
        return None
    return fragment.fontName, fragment.fontSize


def shape_frag_word(word: list[Any], *args: Any, **kwargs: Any) -> list[Any]:
    """Shape a Paragraph frag word run by run; see the module docstring."""
    if isinstance(word, ttfonts.ShapedFragWord):
        return word
    groups = [list(pairs) for _, pairs in groupby(word[1:], key=_font_key)]
    if len(groups) < 2 or any(_font_key(group[0]) is None for group in groups):
        return _original(word, *args, **kwargs)
    pieces = []
    changed = False
    for group in groups:
        width = sum(pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize) for frag, text in group)
        shaped = _original([width, *group], *args, **kwargs)
        changed = changed or shaped[1:] != group
        pieces.append(shaped)
    if not changed:
        return word
    joined = ttfonts.makeShapedFragWord(word)([])
    joined.append(sum(piece[0] for piece in pieces))
    for piece in pieces:
        joined.extend(piece[1:])
    return joined


def install() -> None:
    """Make ReportLab's Paragraph use :func:`shape_frag_word`."""
    paragraph.shapeFragWord = shape_frag_word


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
    if script and script not in ("Zyyy", "Zinh", "Zzzz"):
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
