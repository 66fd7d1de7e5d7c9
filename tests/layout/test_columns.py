"""Column widths fitted to their content: the heights measured at fewer steps are the same."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from medleaflet.layout.columns import GRID, step_heights


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
