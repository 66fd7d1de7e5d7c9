"""The text layer of shaped glyphs: the characters each drawn glyph stands for.

``pdftotext``, pdfminer, search, copy and screen readers read a PDF's text
from the glyphs drawn, through each font's ToUnicode CMap: a map from every
code drawn to the characters it stands for. ReportLab draws a TrueType font
by code point (each code of a subset is a character that the font's cmap maps
to a glyph) and writes the CMap from those code points, one character a code.
Shaped text breaks that in three ways:

- a ligature (lam-alef, a Devanagari conjunct) or another glyph that no
  character maps to has no code point; ReportLab's ``hbAddPrivate`` gives it
  a private-use one, and the text layer read U+E000, U+E001...;
- a contextual form (initial beh) is reached in the cmap only from an Arabic
  presentation form (U+FE91), which search and screen readers do not take
  for the letter;
- a mirrored bracket in right-to-left text is the glyph of the other bracket.

:func:`glyph_code` gives every glyph whose text is not the one character the
cmap maps to it a private-use code for that text: one code per glyph *and*
text in each font, so a glyph drawn for two texts (a vowel sign that HarfBuzz
put into the clusters of different consonants) reads right in both, where
a map by glyph alone would keep the first text for every use.
:func:`install` wraps ReportLab's ``ttfonts.makeToUnicodeCMap`` (which
``TTFont.addObjects`` calls for each subset) so that the ToUnicode CMap maps
those codes to their text. The CMap of a subset without such codes is
ReportLab's, byte for byte, except that a character outside the BMP is written
as a UTF-16 surrogate pair, as the PDF format wants, where ReportLab writes
five hexadecimal digits.

:func:`cluster_texts` shares the characters of a HarfBuzz cluster out over
its glyphs, in the order a reader meets them.

The codes, like ReportLab's own private ones, are numbered per process in the
order glyphs are first met. They never reach the PDF (a subset numbers its
glyphs in the order the document draws them), so the same inputs give the same
bytes whatever was shaped before; :func:`forget` undoes them for a font when the
Private Use Area runs short (:func:`textengine.shaping.forget_crowded_private_glyphs`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase import ttfonts

#: The Private Use Area of the BMP, where the codes of shaped glyphs are taken from.
FIRST_PRIVATE_CODE = 0xE000
LAST_PRIVATE_CODE = 0xF8FF


#: Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt, Unicode 15.1).
_DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)


@dataclass
class _FontCodes:
    """The private-use codes given in one font: by (glyph, text), and the text of each code."""

    by_glyph_text: dict[tuple[int, str], int] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)
    #: Where to look for the next free code.
    next_code: int = FIRST_PRIVATE_CODE


#: The codes of each font, by the name its subsets' ToUnicode CMaps are written under.
_fonts: dict[str, _FontCodes] = {}
#: ReportLab's own ``makeToUnicodeCMap``, once :func:`install` has wrapped it.
_reportlab_cmap: Callable[[str, Sequence[int]], str] | None = None


def cluster_texts(text: str, clusters: Sequence[int], advances: Sequence[float], rtl: bool) -> list[str]:
    """The characters of ``text`` that each glyph stands for, from the glyphs' HarfBuzz clusters.

    ``clusters`` are the glyphs' cluster values (indices into ``text``) and ``advances`` their
    advances, in the order HarfBuzz output them (visual order, clusters monotone). A cluster's
    text runs from its value to the next greater value of any glyph (or the end of ``text``).
    It is shared out, in logical order, over the cluster's glyphs in the order a reader meets
    them (left to right, or right to left in right to left text): a character each, the last
    glyph the rest. When a cluster has more glyphs than characters, its text is taken
    decomposed (NFD), and if that is still fewer characters than glyphs that advance, it is
    shared out together with the clusters after it (a Tamil two-part vowel sign is drawn as
    two glyphs around its consonant, one of them in the consonant's cluster: the three glyphs
    read as consonant and the sign's two parts). Glyphs that do not advance (marks) come last
    in taking characters, and may stand for ``""``. Default-ignorable characters (bidi
    isolates, joiners) are left out, but for ZWNJ, which spells Persian words.

    So every glyph that takes up room reads as something (``pdftotext`` and pdfplumber take a
    glyph that reads as nothing for a gap between words), and the text of a cluster reads in
    its order although HarfBuzz drew, say, a Devanagari vowel sign before its consonant.

    In right to left text a glyph that stands for several characters (lam-alef) has them in
    visual order, right to left, like the glyphs: readers turn a right to left line into
    logical order by reversing its characters (``pdftotext``, and whoever reverses a line
    that pdfminer gives in visual order), which would turn lam-alef written in logical
    order into alef-lam. (WeasyPrint writes such glyphs in logical order, and ``pdftotext``
    reads its "لا" as "ال".)
    """
    if not clusters:
        return []
    starts = sorted(set(clusters))
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    # Each cluster's glyphs in reading order; clusters are monotone, so reading the clusters
    # in logical order and each one's glyphs in reading order reads every glyph in order.
    order = range(len(clusters) - 1, -1, -1) if rtl else range(len(clusters))
    members: dict[int, list[int]] = {}
    for index in order:
        members.setdefault(clusters[index], []).append(index)
    texts = [""] * len(clusters)
    glyphs: list[int] = []
    chars = ""
    for number, start in enumerate(starts):
        glyphs += members[start]
        chars += "".join(char for char in text[start : ends[start]] if _in_text_layer(char))
        shared = chars if len(chars) >= len(glyphs) else unicodedata.normalize("NFD", chars)
        advancing = [index for index in glyphs if advances[index]]
        if len(shared) < len(advancing) and number + 1 < len(starts):
            continue  # too few characters for the glyphs that take room: take the next cluster too
        carriers = glyphs if len(shared) >= len(glyphs) else (advancing or glyphs)[: len(shared)]
        for position, index in enumerate(carriers):
            part = shared[position] if position < len(carriers) - 1 else shared[position:]
            texts[index] = part[::-1] if rtl else part
        glyphs, chars = [], ""
    return texts


def _in_text_layer(char: str) -> bool:
    """Whether ``char`` is read back from the glyphs: not a default-ignorable one (a bidi
    isolate, a joiner), except ZERO WIDTH NON-JOINER, which Persian spells words with
    (``میلی‌گرم``): search for the word must find it."""
    return char == "\u200c" or not is_default_ignorable(char)


def is_default_ignorable(char: str) -> bool:
    """Whether ``char`` is a Default_Ignorable_Code_Point (bidi controls, joiners, variation
    selectors...): drawn as nothing, and left out of the text layer."""
    code = ord(char)
    return any(first <= code <= last for first, last in _DEFAULT_IGNORABLE)


def glyph_code(font: Any, glyph: int, text: str, width: float) -> int:
    """The code to draw ``glyph`` of the ReportLab TrueType ``font`` with, so that it reads ``text``.

    That is the character's own code point when ``text`` is the one character that the font's
    cmap maps to ``glyph``; otherwise a private-use code for this glyph and text, added to
    the font's tables with the glyph's advance ``width`` (in thousandths of an em), whose
    ToUnicode entry is ``text`` (see the module docstring). Raises ``ValueError`` when the
    Private Use Area of the font is full.
    """
    face = font.face
    if len(text) == 1 and face.charToGlyph.get(ord(text)) == glyph:
        return ord(text)
    codes = _fonts.setdefault(_cmap_font_name(font), _FontCodes())
    key = (glyph, text)
    code = codes.by_glyph_text.get(key)
    if code is None:
        code = codes.next_code
        while code in face.charToGlyph:  # ReportLab's own private codes, or the font's
            code += 1
        if code > LAST_PRIVATE_CODE:
            raise ValueError(f"font {font.fontName}: no private-use code left for another shaped glyph")
        face.charToGlyph[code] = glyph
        face.charWidths[code] = width
        codes.by_glyph_text[key] = code
        codes.texts[code] = text
        codes.next_code = code + 1
    return code


def next_private_code(font: Any) -> int:
    """Where :func:`glyph_code` looks for the next free private-use code of ``font``."""
    codes = _fonts.get(_cmap_font_name(font))
    return FIRST_PRIVATE_CODE if codes is None else codes.next_code


def glyph_text(font: Any, code: int) -> str:
    """What the code ``code`` of ``font`` reads in the text layer."""
    codes = _fonts.get(_cmap_font_name(font))
    if codes is not None and code in codes.texts:
        return codes.texts[code]
    return chr(code)


def forget(font: Any) -> None:
    """Undo the codes :func:`glyph_code` gave in ``font`` (see the module docstring)."""
    codes = _fonts.pop(_cmap_font_name(font), None)
    if codes is None:
        return
    face = font.face
    for code in codes.texts:
        face.charToGlyph.pop(code, None)
        face.charWidths.pop(code, None)


def install() -> None:
    """Wrap ReportLab's ``ttfonts.makeToUnicodeCMap`` with :func:`to_unicode_cmap` (once).

    Importing this module does it, so that every PDF of the process gets the same CMaps
    whatever was shaped first.
    """
    global _reportlab_cmap
    if _reportlab_cmap is None:
        _reportlab_cmap = ttfonts.makeToUnicodeCMap
        ttfonts.makeToUnicodeCMap = to_unicode_cmap


def to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """The ToUnicode CMap of one subset of a TrueType font, as ReportLab writes it, but with each
    shaped glyph's code mapped to its text and characters outside the BMP as surrogate pairs.

    ``fontname`` is the subset's font name (``AAAAAA+`` and the font's PostScript name) and
    ``subset`` the code of each byte, as ``TTFont.addObjects`` passes them.
    """
    assert _reportlab_cmap is not None, "install() first"
    codes = _fonts.get(fontname.partition("+")[2])
    texts = codes.texts if codes is not None else {}
    if not any(code in texts or code > 0xFFFF for code in subset):
        return _reportlab_cmap(fontname, subset)
    lines = _reportlab_cmap(fontname, [0] * len(subset)).split("\n")
    first = lines.index(f"{len(subset)} beginbfchar") + 1
    lines[first : first + len(subset)] = [
        f"<{index:02X}> <{_utf16_hex(texts[code] if code in texts else chr(code))}>"
        for index, code in enumerate(subset)
    ]
    return "\n".join(lines)


def _utf16_hex(text: str) -> str:
    """``text`` in UTF-16BE, as the hexadecimal digits of a ToUnicode destination string."""
    return text.encode("utf-16-be", "surrogatepass").hex().upper()


def _cmap_font_name(font: Any) -> str:
    """The name after ``AAAAAA+`` in the font names of ``font``'s subsets (see ``TTFont.addObjects``)."""
    face = font.face
    parts = [part if isinstance(part, bytes) else part.encode("latin-1") for part in (face.name, face.subfontNameX)]
    return b"".join(parts).decode("pdfdoc")


install()
