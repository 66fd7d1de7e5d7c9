"""textengine.bidi: embedding levels (UAX #9), visual order (rule L2) and line reordering (L1 and L2).

Pure functions: no font and no ReportLab, so each test runs in milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textengine.bidi import embedding_levels, reorder, visual_order
from textengine.fpdf_bidi import FpdfBidiParagraph, TextDirection


def test_levels_follow_uax9_with_bracket_pairs() -> None:
    levels = embedding_levels("أ (Lioresal) 10", rtl=True)
    # Arabic 1; brackets resolve to the embedding direction (N0) -> 1; Latin and digits 2.
    assert levels == [1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 2, 2]


@pytest.mark.parametrize(
    ("text", "rtl", "expected"),
    [
        # N0: brackets around right-to-left text in a left-to-right paragraph,
        # with a strong L before them, take the paragraph's direction.
        ("a (ب) c", False, [0, 0, 0, 1, 0, 0, 0]),
        # N0 with the opposite direction inside: the brackets stay with the paragraph (R).
        ("ب (a) ج", True, [1, 1, 1, 2, 1, 1, 1]),
        # An unmatched bracket is an ordinary neutral (N1): between R and L it takes the embedding level.
        ("ب (a", True, [1, 1, 1, 2]),
        # W4: a full stop between digits joins the number; numbers go up to an even level (I2).
        ("ب 1.5 ج", True, [1, 1, 2, 2, 2, 1, 1]),
        # W7: digits after Latin letters are left to right at the paragraph level.
        ("abc 12", False, [0, 0, 0, 0, 0, 0]),
        # Digits after Arabic letters in a left-to-right paragraph stay a number (I1: up two).
        ("x ب 12 ج y", False, [0, 0, 1, 1, 2, 2, 1, 1, 0, 0]),
        ("عدد 25 mg", True, [1, 1, 1, 1, 2, 2, 1, 2, 2]),
    ],
)
def test_levels_with_brackets_and_numbers(text: str, rtl: bool, expected: list[int]) -> None:
    assert embedding_levels(text, rtl) == expected


def test_zero_width_non_joiner_keeps_its_place() -> None:
    text = "می\u200cخواهم"  # Persian needs ZWNJ between its letters
    assert len(embedding_levels(text, rtl=True)) == len(text)


def test_empty_text_has_no_levels() -> None:
    assert embedding_levels("", rtl=True) == []


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ([], []),
        ([0, 0, 0], [0, 1, 2]),
        ([1, 1, 1], [2, 1, 0]),
        # A number (2) inside Arabic (1) inside Latin (0): the Arabic stretch reverses, the number keeps its order.
        ([0, 0, 1, 1, 2, 2, 1, 0], [0, 1, 6, 4, 5, 3, 2, 7]),
        ([1, 1, 2, 2, 1], [4, 2, 3, 1, 0]),
        # A left-to-right number in a left-to-right line: reversed twice (levels 2 and 1), so in order.
        ([0, 2, 2, 0], [0, 1, 2, 3]),
    ],
)
def test_visual_order_of_mixed_levels(levels: list[int], expected: list[int]) -> None:
    assert visual_order(levels) == expected


@dataclass(frozen=True)
class Item:
    text: str
    level: int
    space: bool = False


def test_reorder_drops_spaces_at_the_ends_and_reverses_rtl_runs() -> None:
    line = [Item(" ", 1, True), Item("A", 1), Item(" ", 1, True), Item("25", 2), Item("B", 1), Item(" ", 1, True)]
    assert [item.text for item in reorder(line)] == ["B", "25", " ", "A"]


def test_reorder_of_only_spaces_is_empty() -> None:
    assert reorder([Item(" ", 0, True), Item(" ", 0, True)]) == []


def _full_algorithm(text: str, rtl: bool) -> list[int]:
    paragraph = FpdfBidiParagraph(
        text, base_direction=TextDirection.RTL if rtl else TextDirection.LTR, preserve_bn_chars=True
    )
    return [character.embedding_level for character in paragraph.get_characters_with_embedding_level()]


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",), max_codepoint=0x2FFFF), max_size=40), st.booleans())
def test_levels_are_the_full_algorithms_shortcut_or_not(text: str, rtl: bool) -> None:
    """The left-to-right shortcut (no right-to-left letter, Arabic digit or explicit control) and
    the per-process memory give what fpdf2's algorithm gives, for any text, twice in a row."""
    expected = _full_algorithm(text, rtl) if text else []
    assert embedding_levels(text, rtl) == expected
    again = embedding_levels(text, rtl)
    assert again == expected
    again.append(99)  # the caller's list is its own: the remembered levels do not change
    assert embedding_levels(text, rtl) == expected
