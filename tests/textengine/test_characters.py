"""textengine.characters: no bidi control, invisible or control character gets through."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textengine.characters import disallowed, has_content

#: Every code point in the refused general categories that is not a script's joiner or word break.
REFUSED = [
    chr(code)
    for code in range(sys.maxunicode + 1)
    if unicodedata.category(chr(code)) in {"Cc", "Cf", "Co", "Zl", "Zp"} and chr(code) not in "\u200b\u200c\u200d"
]
BIDI_CONTROLS = [chr(code) for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]]


@pytest.mark.parametrize("char", BIDI_CONTROLS, ids=lambda char: f"U+{ord(char):04X}")
def test_every_bidi_control_is_refused_with_its_name(char: str) -> None:
    found = disallowed(f"Take {char}25{char} mg.")
    assert found and str(found[0]) == f"U+{ord(char):04X} {unicodedata.name(char)} is not allowed here"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("می\u200cخواهم", "Persian ZWNJ inside a word"),
        ("क्\u200dष", "Devanagari ZWJ after a virama"),
        ("ภาษา\u200bไทย", "Thai word break"),
        ("25\u00a0mg and 1\u202f000", "no-break spaces are ordinary spaces"),
        ("مرحبا ١٢٣", "Arabic letters and digits"),
    ],
)
def test_what_a_script_needs_is_allowed(text: str, why: str) -> None:
    assert disallowed(text) == [], why


@pytest.mark.parametrize(
    "text",
    [
        "Avoid\u200calcohol",  # ZWNJ between Latin letters
        "\u200cمی",  # ZWNJ at the start of the text
        "25\u200d mg",  # ZWJ next to digits
        "Take\u200bcare",  # ZWSP in a spaced script
        "\u200b",  # a translation of only a zero-width space
        "Text\ufffd",  # damaged by a wrong encoding
        "\udfff",  # a lone surrogate
        "\ufdd0",  # a noncharacter
        "\U000e0041",  # a tag character
        "\u0378",  # unassigned
    ],
)
def test_invisible_and_damaged_characters_are_refused(text: str) -> None:
    assert disallowed(text)


@given(
    before=st.text(alphabet=st.characters(categories=["L", "N", "Zs", "P"]), max_size=30),
    char=st.sampled_from(REFUSED),
    after=st.text(alphabet=st.characters(categories=["L", "N", "Zs", "P"]), max_size=30),
)
def test_a_refused_character_anywhere_is_caught(before: str, char: str, after: str) -> None:
    found = disallowed(before + char + after)
    assert [bad.char for bad in found] == [char]
    assert found[0].index == len(before)


@pytest.mark.parametrize(
    ("text", "content"),
    [("", False), (" ", False), ("\u200b", False), ("...", False), ("—", False), ("a", True), ("٥", True)],
)
def test_has_content(text: str, content: bool) -> None:
    assert has_content(text) is content
