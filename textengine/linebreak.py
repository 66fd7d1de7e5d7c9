"""Where a line may break inside text without a space: Unicode line breaking (UAX #14) through ICU.

:func:`break_opportunities` asks ICU's line :class:`icu.BreakIterator`
(through PyICU) where a line may break, then keeps only the breaks this
project wants. The paragraph (:mod:`textengine.paragraph`) breaks at every
ASCII space by itself, so only breaks *without* a space are returned.

The rule, in order:

1. **Candidates** are the boundaries of ICU's line break iterator, with
   strict line breaking (``@lb=strict``; ICU's root locale is strict already,
   ``ja`` and ``zh`` are not). Thai, Lao, Khmer and Myanmar, written without
   spaces between words, get ICU's dictionary breaks at word boundaries.
2. **Never next to white space** (the caller's breaks), never at the start or
   end of the text.
3. **Never inside a character**: not inside a grapheme cluster, not before a
   combining mark (category ``M*``), not before or after ZWJ/ZWNJ, not after
   a subscript-forming virama (Myanmar U+1039, Khmer coeng U+17D2, Tai Tham
   U+1A60), and not before a Myanmar consonant that carries asat (U+103A) or
   U+1039, which closes the syllable before it.
4. **Spaced scripts break only at spaces.** A boundary counts as "unspaced"
   when the character on either side (the base of its grapheme cluster)
   belongs to CJK (Han, kana, bopomofo, CJK and full-width punctuation) or to
   :data:`textengine.scripts.UNSPACED_SCRIPTS` (Thai, Lao, Khmer, Myanmar,
   Tibetan). Every other boundary (Latin, Cyrillic, Greek, Arabic, Hebrew,
   Indic, Hangul, digits, symbols) is dropped, except
   the break after a hyphen (U+002D or U+2010) with a letter after it and at
   least two letters before it: "self-|care", but not "x-ray" or "COVID-19".
5. **Doses stay whole**: never a break right after a digit (a number keeps
   the counter or unit after it, "3次", "2周"), nor inside a unit of
   :data:`NUMBER_UNITS` right after a digit ("10毫克"), and never a break
   next to "/", "%" or "·" (or their full-width forms), so "mg/day" or
   "5 mg/天" never splits.
6. **Kinsoku** (JIS X 4051, also used for Chinese by GB/T 15834): a line must
   not *start* with a :data:`CANNOT_START` character (closing brackets, full
   stops, commas, small kana, the prolonged-sound mark, iteration marks) nor
   *end* with a :data:`CANNOT_END` character (opening brackets and quotation
   marks, currency signs). ICU's strict rules already forbid almost all of
   these; the sets filter the rest (ICU 72 allows a line to start with
   "—", "〃", "〆" or "～").
7. A ZERO WIDTH SPACE (U+200B) is the author's explicit break opportunity:
   the break right after it is kept in every script (rules 4 and 5 do not
   apply to it; rules 2, 3 and 6 still do).

ICU works in UTF-16 code units; the indices returned are Python ``str``
indices (code points), also for text with astral characters (𠀀, emoji).

PyICU needs the ICU library: ``apt-get install libicu-dev pkg-config g++``
and ``pip install PyICU``. There is no fallback without it.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate

from fontTools import unicodedata as ucd

try:
    import icu
except ImportError as error:  # pragma: no cover - depends on the machine
    raise ImportError(
        "PyICU is required for line breaking: apt-get install libicu-dev pkg-config g++ && pip install PyICU"
    ) from error

# Korean (Hangul) is not among the CJK scripts: it puts spaces between words and wraps there.
from textengine.scripts import CJK_SCRIPTS, UNSPACED_SCRIPTS

#: Characters that must not begin a line.
CANNOT_START = frozenset(
    "!%),.:;?]}¢°’”‰′″℃、。〃〆〉》」』】〕〗〙〛〞〟・ー゠ヽヾゝゞ々〻"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "！％），．：；？］｝～｡｣､･ｰ…‥–—"
)
#: Characters that must not end a line.
CANNOT_END = frozenset("([{£¥‘“〈《「『【〔〖〘〚〝（［｛｢＄￡￥")

#: Scripts whose lines may break without a space: CJK between characters, and the scripts
#: written without spaces between words (Thai, Lao, Khmer, Myanmar, Tibetan) between words.
_BREAK_WITHOUT_SPACE = CJK_SCRIPTS | UNSPACED_SCRIPTS

_ZWSP = "\u200b"
_JOINERS = frozenset("\u200c\u200d")  # ZWNJ, ZWJ
_HYPHENS = frozenset("-\u2010")
#: No break on either side of these: they sit inside a dose ("mg/day", "5%", "2·3").
_DOSE_SIGNS = frozenset("/%·／％")
#: Viramas that make the next consonant a subscript of the same syllable.
_STACKERS = frozenset("\u1039\u17d2\u1a60")
#: Myanmar asat and virama: the consonant carrying them ends the syllable before it.
_MYANMAR_FINALS = frozenset("\u103a\u1039")

#: Units and counters of more than one character that stay whole after a number ("10毫克", "5ミリグラム").
NUMBER_UNITS = frozenset(
    (
        "毫克 微克 纳克 千克 公斤 公克 毫升 微升 公升 毫米 厘米 小时 分钟 小時 分鐘 单位 單位 国际单位 國際單位 "
        "毫摩尔 微摩尔 毫当量 毫當量 "
        "グラム ミリグラム マイクログラム リットル ミリリットル ミリメートル センチ 単位 時間 分間 日間 週間 "
        "ヶ月 カ月 か月 箇月"
    ).split()
)
_UNIT_AFTER_NUMBER = re.compile(r"(?<=\d)(?:" + "|".join(sorted(NUMBER_UNITS, key=len, reverse=True)) + ")")

_local = threading.local()


def is_cjk(char: str) -> bool:
    """Whether ``char`` is an ideograph, kana, bopomofo or CJK/full-width punctuation."""
    code = ord(char)
    return (
        ucd.script(char) in CJK_SCRIPTS
        or 0x3000 <= code <= 0x303F  # CJK symbols and punctuation
        or 0xFF00 <= code <= 0xFFEF  # full-width and half-width forms
    )


def is_unspaced(char: str) -> bool:
    """Whether ``char`` belongs to a script whose lines break without spaces (CJK, Thai, Lao, Khmer, Myanmar, Tibetan).

    Characters shared by several scripts count by their script extensions,
    so the prolonged-sound mark "ー" is Japanese.
    """
    return is_cjk(char) or bool(ucd.script_extension(char) & _BREAK_WITHOUT_SPACE)


def _icu_locale_id(locale: str | None) -> str:
    """The ICU locale id with strict line breaking unless ``locale`` names its own ``lb``."""
    name = locale or ""
    if "lb=" in name:
        return name
    return name + (";" if "@" in name else "@") + "lb=strict"


def _iterators(locale: str | None) -> tuple[icu.BreakIterator, icu.BreakIterator]:
    """This thread's (line, grapheme cluster) break iterators for ``locale``; ICU's are not thread-safe."""
    cache: dict[str | None, tuple[icu.BreakIterator, icu.BreakIterator]] | None = getattr(_local, "iterators", None)
    if cache is None:
        cache = _local.iterators = {}
    if locale not in cache:
        icu_locale = icu.Locale(_icu_locale_id(locale))
        cache[locale] = (
            icu.BreakIterator.createLineInstance(icu_locale),
            icu.BreakIterator.createCharacterInstance(icu_locale),
        )
    return cache[locale]


def _boundaries(iterator: icu.BreakIterator, text: str, to_index: dict[int, int] | None) -> set[int]:
    """The boundaries of ``iterator`` over ``text`` as code point indices, without 0 and ``len(text)``."""
    iterator.setText(text)
    iterator.first()
    found = set(iterator)  # iterating yields every boundary after the current one (0)
    if to_index is not None:
        found = {to_index[unit] for unit in found}
    found.discard(len(text))
    return found


# Properties of one character, as bits (see :func:`_flags`).
_SPACE = 1  # white space: the caller's breaks
_NO_BREAK_BEFORE = 2  # combining mark or joiner: part of the character before
_NO_BREAK_AFTER = 4  # joiner or subscript-forming virama: part of the character after
_MYANMAR = 8
_NOT_AT_START = 16  # CANNOT_START
_NOT_AT_END = 32  # CANNOT_END
_ZERO_WIDTH_SPACE = 64
_KEEP_AFTER = 128  # digit or dose sign: no break after it
_KEEP_BEFORE = 256  # dose sign: no break before it
_UNSPACED = 512
_HYPHEN = 1024
_LETTER = 2048
_MARK = 4096


@lru_cache(maxsize=8192)
def _flags(char: str) -> int:
    """The properties of ``char`` that the rule looks at, as a bit mask."""
    category = unicodedata.category(char)
    flags = 0
    if char.isspace():
        flags |= _SPACE
    if category.startswith("M"):
        flags |= _MARK | _NO_BREAK_BEFORE
    if char in _JOINERS:
        flags |= _NO_BREAK_BEFORE | _NO_BREAK_AFTER
    if char in _STACKERS:
        flags |= _NO_BREAK_AFTER
    if ucd.script(char) == "Mymr":
        flags |= _MYANMAR
    if char in CANNOT_START:
        flags |= _NOT_AT_START
    if char in CANNOT_END:
        flags |= _NOT_AT_END
    if char == _ZWSP:
        flags |= _ZERO_WIDTH_SPACE
    if category == "Nd" or char in _DOSE_SIGNS:
        flags |= _KEEP_AFTER
    if char in _DOSE_SIGNS:
        flags |= _KEEP_BEFORE
    if is_unspaced(char):
        flags |= _UNSPACED
    if char in _HYPHENS:
        flags |= _HYPHEN
    if category.startswith("L"):
        flags |= _LETTER
    return flags


def _letters_before(text: str, end: int) -> int:
    """How many letters (combining marks skipped) come right before ``text[end]``, counting up to two."""
    count = 0
    index = end - 1
    while index >= 0 and count < 2:
        flags = _flags(text[index])
        if flags & _LETTER:
            count += 1
        elif not flags & _MARK:
            break
        index -= 1
    return count


def _code_point_index(text: str) -> dict[int, int] | None:
    """ICU's UTF-16 offsets into ``text`` as str indices; None where they are the same (no
    astral character)."""
    if max(text, default="") <= "\uffff":
        return None
    units = accumulate((2 if ord(char) > 0xFFFF else 1 for char in text), initial=0)
    return {unit: index for index, unit in enumerate(units)}


@lru_cache(maxsize=8192)
def grapheme_starts(text: str, *, locale: str | None = None) -> tuple[int, ...]:
    """Where each grapheme cluster of ``text`` starts (ICU's rules), in order, from 0: a letter
    and its marks, a consonant and its virama, are never cut apart. Empty for empty text."""
    if text.isascii():
        return tuple(range(len(text)))
    return tuple(sorted(_boundaries(_iterators(locale)[1], text, _code_point_index(text)) | {0}))


def break_opportunities(text: str, *, locale: str | None = None) -> set[int]:
    """Indices ``i`` such that a line may break between ``text[i-1]`` and ``text[i]`` without a space.

    ``locale`` is an ICU locale id ("th", "ja", "zh_Hant"; None is the root
    locale); strict line breaking is used unless it says otherwise
    ("ja@lb=loose"). See the module docstring for the rule. Positions next
    to white space are never given, and none puts a :data:`CANNOT_START`
    character at the start of a line or a :data:`CANNOT_END` character at its end.
    """
    if len(text) < 2:
        return set()
    candidates = _boundaries(_iterators(locale)[0], text, _code_point_index(text))
    if not candidates:
        return set()
    # Grapheme cluster starts; ASCII text has one character per cluster.
    starts = list(grapheme_starts(text, locale=locale)) if not text.isascii() else None
    cluster_starts = set(starts) if starts is not None else None

    inside_units = {
        index for unit in _UNIT_AFTER_NUMBER.finditer(text) for index in range(unit.start() + 1, unit.end())
    }
    allowed = set()
    for index in candidates - inside_units:
        if cluster_starts is not None and index not in cluster_starts:
            continue  # inside a grapheme cluster
        before = _flags(text[index - 1])
        after = _flags(text[index])
        if (before | after) & _SPACE or after & _NO_BREAK_BEFORE or before & _NO_BREAK_AFTER:
            continue
        if after & _MYANMAR and starts is not None:
            position = bisect_left(starts, index)
            cluster_end = starts[position + 1] if position + 1 < len(starts) else len(text)
            if not _MYANMAR_FINALS.isdisjoint(text[index + 1 : cluster_end]):
                continue  # a consonant with asat or virama closes the syllable before it
        if after & _NOT_AT_START or before & _NOT_AT_END:
            continue
        if before & _ZERO_WIDTH_SPACE:
            allowed.add(index)
            continue
        if before & _KEEP_AFTER or after & _KEEP_BEFORE:
            continue  # a number keeps its unit or counter; "mg/day" and "5%" stay whole
        if not after & _UNSPACED:
            base_before = before  # the base character of the grapheme cluster before the break
            if starts is not None:
                base_before = _flags(text[starts[bisect_left(starts, index) - 1]])
            if not base_before & _UNSPACED and not (
                before & _HYPHEN and after & _LETTER and _letters_before(text, index - 1) >= 2
            ):
                continue  # spaced scripts break at spaces, and after a hyphen between letters
        allowed.add(index)
    return allowed
