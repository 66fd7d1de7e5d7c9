"""textengine.linebreak and CJK paragraphs: line-start and line-end rules hold at every width."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle

from tests.conftest import ROOT
from textengine.fonts import font_stack
from textengine.itemise import FontStack
from textengine.linebreak import CANNOT_END, CANNOT_START, break_opportunities, is_cjk
from textengine.paragraph import BidiParagraph

CHINESE = (
    "突然停药可能引起严重的停药反应（戒断症状）。医生会慢慢减少您的剂量，通常需要1到2周或更长时间。"
    "请注意不要让药用完。停药反应的表现包括：看到或听到实际上不存在的东西；意识模糊、焦虑或行为怪异；"
    "《注意》Fleqsuvy（25 mg/5 mL）的浓度是Ozobax（5 mg/5 mL）的5倍，每天3次。"
)


@pytest.fixture(scope="module")
def stack() -> FontStack:
    return font_stack("sans", ROOT / "fonts")


def test_break_opportunities() -> None:
    breaks = break_opportunities("巴氯芬（25 mg）。每天3次")
    text = "巴氯芬（25 mg）。每天3次"
    assert 3 in breaks  # before the opening bracket
    assert 4 not in breaks  # not after it
    assert text.index("。") not in breaks  # never before a full stop
    assert text.index("次") not in breaks  # a number keeps its counter
    assert not any(0 < i < len(text) and text[i - 1].isascii() and text[i].isascii() for i in breaks)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("你好。世界", {1, 3, 4}),  # never before the full stop
        ("「注意」です", {2, 4, 5}),  # never after an opening bracket, never before a closing one
        ("ちょっと", {3}),  # small kana do not start a line
        ("价格￥5", {1, 2}),  # a currency sign stays with its amount
        ("第3次", {1}),  # a number stays with its counter
        ("abc中文", {3, 4}),  # between Latin and CJK, but not inside the Latin word
        ("中 文", set()),  # spaces are the caller's breaks
        ("Latin words only", set()),
    ],
)
def test_cjk_line_start_and_line_end_rules(text: str, expected: set[int]) -> None:
    assert break_opportunities(text) == expected


def test_is_cjk() -> None:
    assert all(is_cjk(char) for char in "中かカㄅ。，（")
    assert not any(is_cjk(char) for char in "a1 한ب")


@pytest.mark.parametrize("width", range(80, 400, 7))
def test_no_line_starts_or_ends_with_forbidden_punctuation(stack: FontStack, width: int) -> None:
    style = ParagraphStyle("z", fontName=stack.base.regular, fontSize=11, leading=15)
    paragraph = BidiParagraph(CHINESE, style, stack, rtl=False)
    lines = ["".join(piece.run.text for piece in line.pieces) for line in paragraph.break_lines(width)]
    assert "".join(lines).replace(" ", "") == CHINESE.replace(" ", "")
    for line in lines[1:]:
        assert line[0] not in CANNOT_START, (width, line)
    for line in lines[:-1]:
        assert line[-1] not in CANNOT_END, (width, line)


def test_korean_wraps_at_spaces(stack: FontStack) -> None:
    style = ParagraphStyle("k", fontName=stack.base.regular, fontSize=11, leading=15)
    text = "바클로펜을 갑자기 중단하지 마십시오. 신장에 문제가 있으면 의사에게 알리십시오."
    lines = BidiParagraph(text, style, stack, rtl=False).break_lines(120)
    words = set(text.split())
    assert all(set("".join(p.run.text for p in line.pieces).split()) <= words for line in lines)
