"""Table columns sized to their content.

:func:`fit_widths` takes a table's rows of cells (in reading order), the
column widths its maker proposed and the horizontal padding of each cell, and
gives widths with the same sum: those that make the table shortest, with no
column narrower than its longest word, and, among tables equally short, the
one nearest the proposal. Where the table is too narrow for every column's
longest word, columns may be narrower at a cost (:data:`SHORT`) for each point
short, their words then hyphenated or set smaller. A
strengths column then no longer wraps over six lines beside a half-empty
brands column, and a label column is as wide as its longest label needs.

Widths are tried in steps of a :data:`GRID`-th of the table's width, and the
sums are compared for every combination (tables of up to :data:`MAX_COLUMNS`
columns; wider ones keep the proposal). A cell is not wrapped at every step:
once every word of a cell fits whole (from its :func:`min_width` on), its
lines only get fewer as its column widens, so where it is as tall at two steps
it is as tall at every step between them, and only the ranges where its height
changes are halved until each step is known (:func:`step_heights`). Narrower
than that, where its words are hyphenated or set smaller, every step is measured.
Nothing is drawn, and the cells are left to be wrapped again at the widths chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import product
from typing import TypeAlias

from reportlab.platypus import Flowable

#: Table cells: a flowable, or several stacked.
Cell: TypeAlias = Flowable | list[Flowable]
#: How many steps of the table's width are tried for each column.
GRID = 40
#: Tables with more columns keep the widths proposed.
MAX_COLUMNS = 3
#: Points of table height one point of width away from the proposal is worth: the tie-break.
NEARNESS = 0.002
#: Points of table height one point of a column's width short of its longest word is worth.
SHORT = 3.0
#: Tallest a cell may be when measured, in points.
_TALL = 100_000.0


def _flowables(cell: Cell) -> list[Flowable]:
    return cell if isinstance(cell, list) else [cell]


def cell_height(cell: Cell, width: float) -> float:
    """The height of ``cell``'s flowables stacked in a column ``width`` wide, with their spacing."""
    height = 0.0
    for index, flowable in enumerate(_flowables(cell)):
        height += flowable.wrap(width, _TALL)[1] + flowable.getSpaceAfter()
        if index:
            height += flowable.getSpaceBefore()
    return height


def min_width(cell: Cell) -> float:
    """The narrowest ``cell`` can be without cutting a word: its widest flowable's ``minWidth``."""
    return max((float(flowable.minWidth()) for flowable in _flowables(cell)), default=0.0)


def fit_widths(rows: Sequence[Sequence[Cell]], proposed: Sequence[float], padding: float) -> list[float]:
    """Column widths for ``rows`` that add up to ``sum(proposed)``; see the module docstring.

    ``padding`` is the left and right padding of a cell together, in points.
    """
    columns = len(proposed)
    if columns < 2 or columns > MAX_COLUMNS or not rows or any(len(row) != columns for row in rows):
        return list(proposed)
    total = sum(proposed)
    step = total / GRID
    # Measured before any trial wrap: a paragraph wrapped too narrow may be set smaller.
    widest = [[min_width(cell) for cell in row] for row in rows]
    mins = [max(row[column] for row in widest) + padding for column in range(columns)]
    # Too narrow for every column's longest word: any column may be narrower, its paragraphs then
    # hyphenating or setting that word smaller (textengine.fitted), at a cost for each point short.
    squeezed = sum(mins) > total

    def allowed(column: int, steps: int) -> bool:
        return squeezed or steps * step >= mins[column] - 1e-6

    def heights_of(column: int) -> dict[int, list[float]]:
        """The height of each row's cell in ``column``, by the steps it may be wide."""
        tried = [steps for steps in range(1, GRID) if allowed(column, steps)]

        def measurer(cell: Cell) -> Callable[[int], float]:
            return lambda steps: cell_height(cell, max(steps * step - padding, 1.0))

        per_cell = [
            step_heights(tried, measurer(row[column]), (widest[row_index][column] + padding) / step)
            for row_index, row in enumerate(rows)
        ]
        return {steps: [cell[steps] for cell in per_cell] for steps in tried}

    heights = [heights_of(column) for column in range(columns)]
    best: tuple[float, list[int]] | None = None
    choices = [list(heights[column]) for column in range(columns - 1)]
    for head in product(*choices):
        last = GRID - sum(head)
        if last < 1 or last not in heights[-1]:
            continue
        steps = [*head, last]
        per_column = [heights[column][count] for column, count in enumerate(steps)]
        height = sum(max(cells) for cells in zip(*per_column, strict=True))
        height += SHORT * sum(max(0.0, wanted - count * step) for count, wanted in zip(steps, mins, strict=True))
        height += NEARNESS * sum(abs(count * step - wanted) for count, wanted in zip(steps, proposed, strict=True))
        if best is None or height < best[0] - 1e-9:
            best = (height, steps)
    if best is None:
        return list(proposed)
    return [count * step for count in best[1]]


def step_heights(steps: Sequence[int], height: Callable[[int], float], monotone_from: float) -> dict[int, float]:
    """``height`` at each of ``steps`` (ascending): measured at every step below ``monotone_from``;
    from there on, where ``height`` may only fall as steps grow, at the ends of a range and, where
    those differ, again at its middle, as the module docstring says. A cell whose height changes
    twice across 39 steps is wrapped about a dozen times, not 39."""
    known = {count: height(count) for count in steps if count < monotone_from - 1e-6}
    steps = [count for count in steps if count not in known]

    def measure(index: int) -> float:
        if steps[index] not in known:
            known[steps[index]] = height(steps[index])
        return known[steps[index]]

    def fill(low: int, high: int) -> None:
        if high - low < 2:
            return
        if measure(low) == measure(high):
            for index in range(low + 1, high):
                known[steps[index]] = known[steps[low]]
            return
        middle = (low + high) // 2
        measure(middle)
        fill(low, middle)
        fill(middle, high)

    if steps:
        measure(0)
        measure(len(steps) - 1)
        fill(0, len(steps) - 1)
    return known
