"""Where a line may break inside text that has no spaces (Chinese, Japanese).

Between two ideographs or kana a line may break anywhere, except where the
line-start and line-end rules of East Asian typesetting forbid it (JIS X 4051
"kinsoku shori"; the same classes are used for Chinese by GB/T 15834):

* a line must not *start* with closing brackets, full stops, commas, colons,
  small kana, the prolonged-sound mark or iteration marks;
* a line must not *end* with an opening bracket or quotation mark;
* a number stays with the counter or unit after it ("3次", "2周").

ReportLab's own CJK wrapping knows only some of the first set and none of the
second. :func:`break_opportunities` gives the positions where a break is
allowed; spaces are handled by the caller.
"""

from __future__ import annotations

from fontTools import unicodedata as ucd

# Korean (Hangul) is not among the CJK scripts: it puts spaces between words and wraps there.
from textengine.scripts import CJK_SCRIPTS

#: Characters that must not begin a line.
CANNOT_START = frozenset(
    "!%),.:;?]}¢°’”‰′″℃、。〃〆〉》」』】〕〗〙〛〞〟・ー゠ヽヾゝゞ々〻"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "！％），．：；？］｝～｡｣､･ｰ…‥–—"
)
#: Characters that must not end a line.
CANNOT_END = frozenset("([{£¥‘“〈《「『【〔〖〘〚〝（［｛｢＄￡￥")


def is_cjk(char: str) -> bool:
    """Whether ``char`` is an ideograph, kana, bopomofo or CJK/full-width punctuation."""
    code = ord(char)
    return (
        ucd.script(char) in CJK_SCRIPTS
        or 0x3000 <= code <= 0x303F  # CJK symbols and punctuation
        or 0xFF00 <= code <= 0xFFEF  # full-width and half-width forms
    )


def break_opportunities(text: str) -> set[int]:
    """Indices ``i`` such that a line may break between ``text[i-1]`` and ``text[i]``.

    Only breaks next to CJK characters are given; none inside Latin words or
    numbers, and none that would put a :data:`CANNOT_START` character at the
    start of a line or a :data:`CANNOT_END` character at its end.
    """
    allowed = set()
    for index in range(1, len(text)):
        before, after = text[index - 1], text[index]
        if before.isspace() or after.isspace():
            continue
        if not (is_cjk(before) or is_cjk(after)):
            continue
        if after in CANNOT_START or before in CANNOT_END:
            continue
        if before.isdigit() or (before.isascii() and before.isalpha() and after.isascii()):
            continue  # keep "3次" and "2周" together: a number stays with its counter
        allowed.add(index)
    return allowed
