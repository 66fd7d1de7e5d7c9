"""Characters that must never reach a page from input text.

Text typed by a translator, a leaflet author or a clinic is data. It may not
carry its own layout instructions: a right-to-left override around ``25``
prints ``52``, a zero-width space can make a heading vanish, and a NUL or ESC
can upset a printer driver. The layout inserts the bidi isolates it needs
itself (:mod:`textengine.bidi`), so input never needs them.

:func:`disallowed` takes a string and returns a :class:`BadCharacter` for
each character that is not allowed, with its position. Refused:

* controls (``Cc``: NUL, ESC, TAB, LINE FEED...) and line or paragraph
  separators (``Zl``, ``Zp``);
* format characters (``Cf``): bidi embeddings, overrides, isolates and marks
  (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C), zero-width spaces and
  joiners, the word joiner, soft hyphens, BOMs, tag characters...;
* private-use, surrogate and unassigned code points, noncharacters, and
  U+FFFD (the mark of text damaged by a wrong encoding).

Allowed exceptions, only inside a word of a script that uses them:

* ZERO WIDTH NON-JOINER and ZERO WIDTH JOINER (U+200C, U+200D) between two
  letters or marks of a script with joining or conjunct forms (Arabic and
  Persian, the Indic scripts, Sinhala, Myanmar, Khmer...);
* ZERO WIDTH SPACE (U+200B) between two letters of a script written without
  spaces (Thai, Lao, Khmer, Myanmar, Tibetan), where it marks a word break.

This module knows nothing about leaflets: it is the engine's rule for what
may be printed, which the YAML loader and the catalogue checks both apply.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from fontTools.unicodedata import script

from textengine.scripts import UNSPACED_SCRIPTS  # where ZWSP marks a word break

ZWSP, ZWNJ, ZWJ = "\u200b", "\u200c", "\u200d"

#: Scripts whose shaping uses ZWNJ and ZWJ inside words.
JOINER_SCRIPTS = frozenset(
    {
        "Arab", "Syrc", "Mong", "Nkoo", "Deva", "Beng", "Guru", "Gujr", "Orya", "Taml", "Telu", "Knda", "Mlym",
        "Sinh", "Tibt", "Mymr", "Khmr", "Thaa",
    }
)  # fmt: skip

_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})


@dataclass(frozen=True)
class BadCharacter:
    """A character that is not allowed, at ``index`` in the text."""

    index: int
    char: str

    @property
    def name(self) -> str:
        """``U+202E RIGHT-TO-LEFT OVERRIDE``, or a description for unnamed code points."""
        code = f"U+{ord(self.char):04X}"
        name = unicodedata.name(self.char, "")
        if name:
            return f"{code} {name}"
        category = unicodedata.category(self.char)
        kind = {"Cc": "CONTROL CHARACTER", "Co": "PRIVATE-USE CHARACTER", "Cs": "SURROGATE"}.get(
            category, "NONCHARACTER" if _is_noncharacter(self.char) else "UNASSIGNED CODE POINT"
        )
        return f"{code} {kind}"

    def __str__(self) -> str:
        return f"{self.name} is not allowed here"


def _is_noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM"


def _inside_word_of(text: str, index: int, scripts: frozenset[str]) -> bool:
    """Whether ``text[index]`` stands between two letters (or marks) of one of ``scripts``."""
    if index == 0 or index + 1 >= len(text):
        return False
    before, after = text[index - 1], text[index + 1]
    return _word_char(before) and _word_char(after) and script(before) in scripts and script(after) in scripts


def _allowed(text: str, index: int) -> bool:
    char = text[index]
    if char in (ZWNJ, ZWJ):
        return _inside_word_of(text, index, JOINER_SCRIPTS)
    if char == ZWSP:
        return _inside_word_of(text, index, UNSPACED_SCRIPTS)
    return False


def disallowed(text: str) -> list[BadCharacter]:
    """Every character of ``text`` that input may not contain, in order."""
    found = []
    for index, char in enumerate(text):
        if char == "\ufffd" or (unicodedata.category(char) in _REFUSED_CATEGORIES and not _allowed(text, index)):
            found.append(BadCharacter(index, char))
    return found


def has_content(text: str) -> bool:
    """Whether ``text`` has at least one letter or digit (anything else prints as blank or as noise)."""
    return any(unicodedata.category(char)[0] in "LN" for char in text)
