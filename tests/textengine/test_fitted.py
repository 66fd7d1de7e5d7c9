"""textengine.fitted: a paragraph's first fitting and its parse are shared, and change nothing."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle

from tests.conftest import ROOT
from textengine import fitted
from textengine.fitted import FittedParagraph
from textengine.fonts import font_stack
from textengine.hyphenate import Hyphenator

TEXTS = [
    "Take it with food.",
    "Antiinflammatorischeschmerzmittelkombination und Paracetamol 500 mg",
    "<b>Bold</b> words, then plain ones, then a long line that wraps over several lines of a column.",
]
WIDTHS = [30.0, 61.5, 140.0, 400.0]


def _state(paragraph: FittedParagraph) -> tuple[object, ...]:
    """What a wrap decides: the size, the lines, and the size the text is set at."""
    lines = [repr(line) for line in paragraph.blPara.lines]
    return (paragraph.width, paragraph.height, lines, paragraph.style.fontSize)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("width", WIDTHS)
def test_a_shared_first_wrap_is_the_wrap_of_a_new_paragraph(text: str, width: float) -> None:
    """A second paragraph of the same text takes the first one's parse and first line breaking;
    it ends as the first did, and so it does when fitted to another width afterwards (as a table
    measures a cell), as if nothing had been remembered."""
    stack = font_stack("sans", ROOT / "fonts")
    style = ParagraphStyle("body", fontName=stack.base.regular, fontSize=11, leading=14)
    hyphenator = Hyphenator("de")
    for other in WIDTHS:
        fitted._WRAPS.clear()
        fitted._PARSES.clear()
        first = FittedParagraph(text, style, hyphenator=hyphenator, min_size=8)
        first.wrap(width, 1000)
        after_first = _state(first)
        first.wrap(other, 1000)
        second = FittedParagraph(text, style, hyphenator=hyphenator, min_size=8)
        second.wrap(width, 1000)
        assert _state(second) == after_first
        second.wrap(other, 1000)
        assert _state(second) == _state(first)
