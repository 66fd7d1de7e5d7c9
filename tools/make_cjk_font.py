#!/usr/bin/env python3
"""Make fonts/NotoSans{SC,TC}-{Regular,Bold}.ttf: Noto Sans CJK SC and TC as TrueType outlines.

ReportLab cannot load CFF (PostScript-outline) fonts, and Noto Sans CJK is
CFF. This script takes a face from Debian's fonts-noto-cjk collection, keeps
a subset of its characters, and converts the outlines to quadratic TrueType
with fontTools' cu2qu. Each face gets a unique PostScript name
(NotoSansSC-TT-Regular, NotoSansTC-TT-Bold, ...). Run it after `apt-get
install fonts-noto-cjk` (or point --source-dir at an unpacked package); the
results are committed, under the SIL Open Font License (fonts/OFL.txt), and
their sha256 is recorded in fonts/fonts.toml. A character outside the subset
is reported by the coverage check, never printed as a box.

The faces (--face, default: both):

* SC (Simplified Chinese): the characters of GB 2312, JIS X 0208 and
  KS X 1001 (the national standards for Chinese, Japanese and Korean), every
  Hangul syllable, kana, CJK and full-width punctuation and ASCII.
* TC (Traditional Chinese): the characters of Big5 and of HKSCS (every
  two-byte code of Python's big5hkscs codec), ASCII, general punctuation,
  CJK symbols and punctuation, Bopomofo and full-width forms; of the
  OpenType language systems only Taiwan's (ZHT) and Hong Kong's (ZHH) are
  kept, so its ``locl`` gives Hong Kong forms for zh-HK text but not the
  Japanese, Korean or Simplified forms (see LANGUAGES).

Each output's head.modified stamp is fixed (see MODIFIED), so a rebuild with
the same source package and fontTools version is byte-identical to the
committed file.

Usage: python tools/make_cjk_font.py [--face SC|TC] [--source-dir /usr/share/fonts/opentype/noto]
                                     [--output-dir fonts]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from fontTools import subset
from fontTools.misc.timeTools import epoch_diff
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
FACES = ("SC", "TC")
WEIGHTS = ("Regular", "Bold")

#: The head.modified stamp of each output (UTC). SC's are those of the files
#: first committed, so that rebuilding them reproduces those files exactly.
MODIFIED = {
    ("SC", "Regular"): "2026-11-25T06:45:29+00:00",
    ("SC", "Bold"): "2026-11-25T06:45:59+00:00",
    ("TC", "Regular"): "2026-12-03T12:00:00+00:00",
    ("TC", "Bold"): "2026-12-03T12:00:00+00:00",
}


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


def big5hkscs_characters() -> set[int]:
    """Every character of Big5 and HKSCS: all two-byte codes of Python's big5hkscs codec.

    Lead bytes 0x81-0xFE, trail bytes 0x40-0x7E and 0xA1-0xFE; a few HKSCS codes
    stand for two characters (a letter and a combining mark), and both are kept.
    """
    found = set()
    for high in range(0x81, 0xFF):
        for low in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            try:
                found |= {ord(char) for char in bytes([high, low]).decode("big5hkscs")}
            except UnicodeDecodeError:
                pass
    return found


def wanted_characters_tc() -> set[int]:
    """ASCII, general punctuation, CJK symbols and punctuation, Bopomofo, full-width
    forms, and the characters of Big5 and HKSCS (Traditional Chinese, Taiwan and Hong Kong)."""
    chars = set(range(0x20, 0x7F)) | set(range(0x2000, 0x2070)) | set(range(0x3000, 0x3040))
    chars |= set(range(0x3100, 0x3130)) | set(range(0x31A0, 0x31C0))  # Bopomofo and its extension
    chars |= set(range(0xFF00, 0xFFEF))
    chars |= big5hkscs_characters()
    return chars


#: The characters kept for each face.
CHARACTERS: dict[str, Callable[[], set[int]]] = {"SC": wanted_characters, "TC": wanted_characters_tc}
#: The OpenType language systems kept for each face (None: all). The TC face keeps its
#: Taiwan (ZHT) and Hong Kong (ZHH) forms and drops the Japanese, Korean and Simplified
#: Chinese glyph variants its ``locl`` feature reaches, which would add some 14,000 glyphs.
LANGUAGES: dict[str, tuple[str, ...] | None] = {"SC": None, "TC": ("ZHT ", "ZHH ")}


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


def keep_languages(font: TTFont, tags: tuple[str, ...]) -> None:
    """Drop every language system of GSUB and GPOS but ``tags`` (each script's default is kept), in place."""
    for table in ("GSUB", "GPOS"):
        if table not in font:
            continue
        for record in font[table].table.ScriptList.ScriptRecord:
            script = record.Script
            script.LangSysRecord = [lang for lang in script.LangSysRecord if lang.LangSysTag in tags]
            script.LangSysCount = len(script.LangSysRecord)


def font_timestamp(iso: str) -> int:
    """An ISO 8601 time as a font timestamp (seconds since 1904-01-01 UTC)."""
    return int(datetime.fromisoformat(iso).timestamp()) - epoch_diff


def convert(source: Path, target: Path, weight: str, face: str = "SC") -> None:
    """Write ``target``: face ``face`` (SC or TC) of the collection ``source``, subset and as TrueType."""
    collection = TTCollection(str(source))
    full_name = f"Noto Sans CJK {face}" + ("" if weight == "Regular" else f" {weight}")
    font = next(item for item in collection.fonts if item["name"].getDebugName(4) == full_name)
    languages = LANGUAGES[face]
    if languages is not None:
        keep_languages(font, languages)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=CHARACTERS[face]())
    subsetter.subset(font)
    to_truetype(font)
    name = font["name"]
    postscript = f"NotoSans{face}-TT-{weight}"
    for record in name.names:
        if record.nameID == 6:
            record.string = postscript
    font.recalcTimestamp = False
    font["head"].modified = font_timestamp(MODIFIED[face, weight])
    font.save(str(target))
    print(f"wrote {target} ({target.stat().st_size} bytes, {len(font.getGlyphOrder())} glyphs)")


def main() -> None:
    """Make the faces asked for on the command line (both by default), Regular and Bold."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--face", choices=FACES, action="append", help="SC or TC; repeatable (default: both)")
    parser.add_argument("--source-dir", type=Path, default=Path("/usr/share/fonts/opentype/noto"))
    parser.add_argument("--output-dir", type=Path, default=ROOT / "fonts")
    args = parser.parse_args()
    for face in args.face or FACES:
        for weight in WEIGHTS:
            source = args.source_dir / f"NotoSansCJK-{weight}.ttc"
            convert(source, args.output_dir / f"NotoSans{face}-{weight}.ttf", weight, face)


if __name__ == "__main__":
    main()
