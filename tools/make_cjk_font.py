#!/usr/bin/env python3
"""Make fonts/NotoSansSC-{Regular,Bold}.ttf: Noto Sans CJK SC as TrueType outlines.

ReportLab cannot load CFF (PostScript-outline) fonts, and Noto Sans CJK is
CFF. This script takes the SC (Simplified Chinese) face from Debian's
fonts-noto-cjk collection, keeps the characters of GB 2312, JIS X 0208 and
KS X 1001 (the national standards for Chinese, Japanese and Korean), every
Hangul syllable, kana, CJK and full-width punctuation and ASCII,
and converts the outlines to quadratic TrueType with fontTools' cu2qu. Each
face gets a unique PostScript name. Run it once after `apt-get install
fonts-noto-cjk`; the results are committed, under the SIL Open Font License
(fonts/OFL.txt). A character outside the subset is reported by the coverage
check, never printed as a box.

Usage: python tools/make_cjk_font.py [--source-dir /usr/share/fonts/opentype/noto]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent


def _double_byte_set(codec: str) -> set[int]:
    """Every character of a two-byte national standard (EUC form)."""
    found = set()
    for high in range(0xA1, 0xFF):
        for low in range(0xA1, 0xFF):
            try:
                found |= {ord(char) for char in bytes([high, low]).decode(codec)}
            except UnicodeDecodeError:
                pass
    return found


def wanted_characters() -> set[int]:
    """ASCII, punctuation, CJK symbols, kana, Hangul, full-width forms, and the
    characters of GB 2312 (Chinese), JIS X 0208 (Japanese) and KS X 1001 (Korean)."""
    chars = set(range(0x20, 0x7F)) | set(range(0x2000, 0x2070)) | set(range(0x3000, 0x3100))
    chars |= set(range(0x3130, 0x3190)) | set(range(0xAC00, 0xD7A4))  # Hangul jamo and syllables
    chars |= set(range(0xFF00, 0xFFEF))
    for codec in ("gb2312", "euc_jp", "euc_kr"):
        chars |= _double_byte_set(codec)
    return chars


def to_truetype(font: TTFont) -> None:
    """Replace the CFF table of ``font`` with glyf outlines, in place."""
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
        "maxPoints",
        "maxContours",
        "maxCompositePoints",
        "maxCompositeContours",
        "maxComponentDepth",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 0
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 2.0, [], {}
    font.sfntVersion = "\x00\x01\x00\x00"


def convert(source: Path, target: Path, weight: str) -> None:
    collection = TTCollection(str(source))
    full_name = "Noto Sans CJK SC" + ("" if weight == "Regular" else f" {weight}")
    font = next(face for face in collection.fonts if face["name"].getDebugName(4) == full_name)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted_characters())
    subsetter.subset(font)
    to_truetype(font)
    name = font["name"]
    postscript = f"NotoSansSC-TT-{weight}"
    for record in name.names:
        if record.nameID == 6:
            record.string = postscript
    font.save(str(target))
    print(f"wrote {target} ({target.stat().st_size} bytes, {len(font.getGlyphOrder())} glyphs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, default=Path("/usr/share/fonts/opentype/noto"))
    args = parser.parse_args()
    for weight in ("Regular", "Bold"):
        convert(args.source_dir / f"NotoSansCJK-{weight}.ttc", ROOT / "fonts" / f"NotoSansSC-{weight}.ttf", weight)


if __name__ == "__main__":
    main()
