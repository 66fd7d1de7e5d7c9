"""HarfBuzz shaping of one run of text, in an explicit direction, for ReportLab.

:func:`shape_run` turns a run of one font and one direction into a
:class:`ShapedRun`: the codes of its glyphs in the ReportLab font, where
HarfBuzz placed each, and the run's width (:mod:`textengine.pdf_text` draws
it). A glyph that does
not stand for the one character the font's cmap maps to it (a ligature, a
contextual form, a mirrored bracket) is drawn with a private-use code whose
ToUnicode entry is the text of its HarfBuzz cluster
(:mod:`textengine.text_layer`), so it is subset and embedded like any other
glyph, and ``pdftotext``, search and screen readers read its letters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeAlias

import uharfbuzz
from reportlab.pdfbase import pdfmetrics

from textengine.memos import remember
from textengine.scripts import NEUTRAL_SCRIPTS
from textengine.text_layer import (
    FIRST_PRIVATE_CODE,
    LAST_PRIVATE_CODE,
    cluster_texts,
    forget,
    glyph_code,
    next_private_code,
)

#: The most entries each shaping cache holds before it is emptied.
MAX_CACHED = 100_000

#: What a run is shaped from: font name, size, text, right to left, script, features, language.
_Key: TypeAlias = tuple[str, float, str, bool, "str | None", tuple[str, ...], "str | None"]
#: One glyph as HarfBuzz placed it: glyph id, the text it reads as, its advance in the font, and HarfBuzz's
#: x advance, y advance, x offset and y offset (PDF units, thousandths of an em).
_Glyph: TypeAlias = tuple[int, str, float, float, float, float, float]


@dataclass(frozen=True)
class ShapedRun:
    """Text shaped by HarfBuzz in one font and direction, ready to draw.

    ``glyphs`` holds one character per glyph, in visual order (right to left runs
    come out reversed, as HarfBuzz emits them): the code that draws the glyph in
    the ReportLab font ``font_name``. ``placement`` says, for each glyph, how far
    HarfBuzz moved it right, how far up, and how much further its advance goes
    past the font's own width for that code and the first shift, in thousandths
    of an em. ``width`` is in points.
    """

    text: str
    font_name: str
    font_size: float
    rtl: bool
    glyphs: str
    width: float
    placement: tuple[tuple[float, float, float], ...]


def shape_run(
    text: str,
    font_name: str,
    font_size: float,
    rtl: bool,
    script: str | None = None,
    features: tuple[str, ...] = (),
    language: str | None = None,
) -> ShapedRun:
    """Shape ``text`` with an explicit direction (and script, ISO 15924), switching on the
    OpenType ``features`` a font family declares, in ``language`` (a BCP 47 tag or locale such
    as ``ur``: HarfBuzz then uses the font's forms for it, ``locl``, such as Urdu's digits).

    Unlike ReportLab's own shaping, which guesses the direction from the
    text, this shapes neutral characters such as brackets in the direction
    the bidi algorithm resolved for them, so HarfBuzz mirrors them in
    right-to-left runs.
    """
    key: _Key = (font_name, font_size, text, rtl, script, features, language)
    run = _runs.get(key)
    if run is not None:
        return run
    font = pdfmetrics.getFont(font_name)
    hb_font, sized = _harfbuzz_font(font)
    # HarfBuzz's positions, in thousandths of an em, are the same at every size, unless the font
    # tracks by size ("trak"): then they are shaped, and remembered, per size.
    hb_key: _Key = key if sized else (font_name, 0.0, *key[2:])
    glyphs = _harfbuzz.get(hb_key)
    if glyphs is None:
        glyphs = _remember(_harfbuzz, hb_key, _shape(font, hb_font, key))
    chars: list[str] = []
    placement: list[tuple[float, float, float]] = []
    advance_total = 0.0
    char_widths = font.face.charWidths
    for _cluster, (gid, glyph_text, width, x_advance, _y_advance, x_offset, y_offset) in glyphs:
        code = glyph_code(font, gid, glyph_text, width)
        advance_total += x_advance
        chars.append(chr(code))
        placement.append((x_offset, y_offset, x_advance - char_widths.get(code, 0) - x_offset))
    run = ShapedRun(text, font_name, font_size, rtl, "".join(chars), advance_total * font_size / 1000, tuple(placement))
    return _remember(_runs, key, run)


#: HarfBuzz's output by what was shaped (at size 0 for a font that does not track by size), for the process.
_harfbuzz: dict[_Key, tuple[tuple[int, _Glyph], ...]] = {}
#: One HarfBuzz font per ReportLab font (by name, with the face it was made from), and whether
#: it tracks by size, for the process.
_harfbuzz_fonts: dict[str, tuple[Any, uharfbuzz.Font, bool]] = {}


def _harfbuzz_font(font: Any) -> tuple[uharfbuzz.Font, bool]:
    """The HarfBuzz font that shapes with the ReportLab TrueType ``font``, and whether its
    positions depend on the size (a "trak" table, applied by HarfBuzz from the size set in
    points, ``ptem``)."""
    known = _harfbuzz_fonts.get(font.fontName)
    if known is not None and known[0] is font.hbFace:
        return known[1], known[2]
    face = font.hbFace
    sized = "trak" in face.table_tags
    hb_font = uharfbuzz.Font(face)
    _harfbuzz_fonts[font.fontName] = (face, hb_font, sized)
    return hb_font, sized


#: Finished runs by what was shaped, while the private-use codes they hold stand.
_runs: dict[_Key, ShapedRun] = {}
#: How many times those codes were forgotten (:func:`forget_private_glyphs`).
_generation = 0


def shaping_generation() -> int:
    """A number that changes whenever :func:`forget_private_glyphs` runs: whatever holds shaped
    runs (their glyph codes) keeps them under it, as they are worthless after."""
    return _generation


def _remember(cache: dict[_Key, Any], key: _Key, value: Any) -> Any:
    """Keep ``value`` in ``cache`` under ``key`` (emptying a full cache first), and return it."""
    return remember(cache, key, value, MAX_CACHED)


def _shape(font: Any, hb_font: uharfbuzz.Font, key: _Key) -> tuple[tuple[int, _Glyph], ...]:
    """Shape with HarfBuzz as :func:`shape_run` says, in ``hb_font`` (``font``'s): each glyph's
    cluster and :data:`_Glyph`."""
    _, font_size, text, rtl, script, features, language = key
    if not text:
        return ()  # HarfBuzz gives no glyph positions at all (None) for an empty buffer
    hb_font.ptem = font_size
    buffer = uharfbuzz.Buffer()
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    # Bidi isolates, joiners and the like draw as nothing: left out, not drawn as an empty space
    # glyph, which the text layer would read as a space or as a word of nothing.
    buffer.flags = uharfbuzz.BufferFlags.REMOVE_DEFAULT_IGNORABLES
    buffer.add_str(text)
    buffer.direction = "rtl" if rtl else "ltr"
    if script and script not in NEUTRAL_SCRIPTS:
        buffer.script = script
    if language:
        buffer.language = language.replace("_", "-")
    buffer.guess_segment_properties()
    uharfbuzz.shape(hb_font, buffer, {"kern": True, "liga": True, **dict.fromkeys(features, True)})
    infos = buffer.glyph_infos
    positions = buffer.glyph_positions
    texts = cluster_texts(text, [info.cluster for info in infos], [position.x_advance for position in positions], rtl)
    scale = font.pdfScale
    advances = font.face.hmetrics
    return tuple(
        (
            info.cluster,
            (
                info.codepoint,
                glyph_text,
                scale(advances[info.codepoint][0]),
                scale(position.x_advance),
                scale(position.y_advance),
                scale(position.x_offset),
                scale(position.y_offset),
            ),
        )
        for info, position, glyph_text in zip(infos, positions, texts, strict=True)
    )


def forget_private_glyphs(font_names: Iterable[str]) -> None:
    """Undo the private-use codes given to shaped glyphs (ligatures, contextual forms,
    mirrored brackets) in these ReportLab fonts, and the text each stands for in the
    ToUnicode CMap, so that they are numbered afresh; every shaped run made before is
    then worthless (:func:`shaping_generation` changes).

    Those codes are handed out per font object, in the order glyphs are first shaped
    in the process, and kept. They never reach a PDF's bytes (a document numbers the
    glyphs of its subsets in the order it draws them, and the ToUnicode CMap gives each
    its text), so documents may share them, and the runs that hold them; but the
    Private Use Area holds 6,400 codes a font, so a long-lived process (a batch worker, a
    web server) calls :func:`forget_crowded_private_glyphs` before each document.
    This forgets the codes :func:`shape_run` gave (:func:`textengine.text_layer.forget`)
    and those of ReportLab's own shaping (its ``Paragraph`` of a shapable font): ReportLab
    has no public way to do that, so it resets the two private attributes its
    ``hbAddPrivate`` keeps, and removes the codes it added to the face's tables.
    """
    global _generation
    _runs.clear()
    _generation += 1
    for name in font_names:
        font = pdfmetrics.getFont(name)
        forget(font)
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
        font._TTFont__hbPrivate = FIRST_PRIVATE_CODE


#: Private-use codes a font must have left for another document to be laid out with the codes
#: in use: several times what one leaflet needs (an Urdu leaflet in Nastaliq uses about 520).
ROOM_FOR_A_DOCUMENT = 3_200


def forget_crowded_private_glyphs(font_names: Iterable[str]) -> bool:
    """:func:`forget_private_glyphs` for every font of ``font_names`` if any of them has fewer than
    :data:`ROOM_FOR_A_DOCUMENT` private-use codes left; returns whether it did."""
    names = list(font_names)
    for name in names:
        font = pdfmetrics.getFont(name)
        reportlab_next = getattr(font, "_TTFont__hbPrivate", FIRST_PRIVATE_CODE)
        if LAST_PRIVATE_CODE + 1 - max(next_private_code(font), reportlab_next) < ROOM_FOR_A_DOCUMENT:
            forget_private_glyphs(names)
            return True
    return False
