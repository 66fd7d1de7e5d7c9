"""Column widths fitted to their content: the heights measured at fewer steps are the same."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle

from medleaflet.layout.columns import GRID, step_heights
from tests.conftest import ROOT
from textengine.fitted import FittedParagraph
from textengine.fonts import font_stack
from textengine.hyphenate import Hyphenator
from textengine.paragraph import BidiParagraph


@given(
    drops=st.lists(st.integers(min_value=0, max_value=3), min_size=GRID - 1, max_size=GRID - 1),
    below=st.lists(st.floats(min_value=0, max_value=500), min_size=GRID - 1, max_size=GRID - 1),
    monotone_from=st.integers(min_value=0, max_value=GRID + 1),
    first=st.integers(min_value=1, max_value=GRID - 1),
)
def test_step_heights_are_the_heights_at_every_step(
    drops: list[int], below: list[float], monotone_from: int, first: int
) -> None:
    """Whatever a height does below ``monotone_from`` (a paragraph set smaller), and however often
    it falls above it, every step gets the height measuring it there gives."""
    steps = list(range(first, GRID))
    lines = 12.0
    exact: dict[int, float] = {}
    for count in range(1, GRID):
        lines = max(lines - drops[count - 1], 1.0)
        exact[count] = below[count - 1] if count < monotone_from else lines * 14.0
    measured: list[int] = []

    def height(count: int) -> float:
        measured.append(count)
        return exact[count]

    assert step_heights(steps, height, monotone_from) == {count: exact[count] for count in steps}
    assert len(measured) == len(set(measured))  # each step measured once at most


def test_a_cell_whose_height_changes_twice_is_measured_at_few_steps() -> None:
    measured: list[int] = []

    def height(count: int) -> float:
        measured.append(count)
        return 42.0 if count < 10 else 28.0 if count < 25 else 14.0

    step_heights(list(range(1, GRID)), height, 0)
    assert len(measured) < GRID // 2


def test_equal_cells_have_equal_layout_keys_and_any_difference_in_setting_shows() -> None:
    """Fitted column widths are shared across documents by the cells' layout keys: equal for
    paragraphs set alike, different for another text, size, indent, direction or hyphenator."""
    stack = font_stack("sans", ROOT / "fonts")
    style = ParagraphStyle("a", fontName=stack.base.regular, fontSize=11, leading=14)
    other_name = ParagraphStyle("b", parent=style)
    bigger = ParagraphStyle("a", parent=style, fontSize=12)
    indented = ParagraphStyle("a", parent=style, leftIndent=4)
    english = Hyphenator("en")

    def bidi(text: str, given: ParagraphStyle = style, rtl: bool = True) -> object:
        return BidiParagraph(text, given, stack, rtl).layout_key()

    assert bidi("لا 5 mg") == bidi("لا 5 mg") == bidi("لا 5 mg", other_name)
    assert len({bidi("لا 5 mg"), bidi("لا 10 mg"), bidi("لا 5 mg", bigger), bidi("لا 5 mg", indented),
                bidi("لا 5 mg", rtl=False)}) == 5  # fmt: skip

    def fitted(text: str, given: ParagraphStyle = style, hyphenator: Hyphenator | None = english) -> object:
        return FittedParagraph(text, given, hyphenator=hyphenator).layout_key()

    assert fitted("Take 5 mg") == fitted("Take 5 mg") == fitted("Take 5 mg", other_name)
    assert len({fitted("Take 5 mg"), fitted("Take <b>5</b> mg"), fitted("Take 5 mg", bigger),
                fitted("Take 5 mg", indented), fitted("Take 5 mg", hyphenator=None)}) == 5  # fmt: skip
