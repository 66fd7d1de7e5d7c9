"""The layout passes of one PDF, and no nearly empty last page.

:func:`settle` takes a laid-out leaflet and a function that lays its story out
once as a :class:`Layout` says (the render stage's), and gives the pass to
print. If the last page's body uses less than :data:`LAST_PAGE_SHARE` of its
frame's height:

1. **tighten**: lay it out again with less space between paragraphs, boxes and
   headings (:data:`TIGHTER`; sizes and leading are never touched), and take
   the first that needs one page fewer;
2. **balance**: else end the page before the last one higher, so enough of it
   moves over (the first of :data:`MOVES` times the shortfall that keeps the
   page count).

If neither helps, the plain layout is printed: a short last page is a
blemish, and no text is ever set smaller for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from medleaflet.layout.document import LaidOutLeaflet

#: The least share of the last page's body frame its content must use.
LAST_PAGE_SHARE = 0.2
#: The share balancing aims at: a little more than the least, for the whole lines that move.
TARGET = 0.25
#: The factors the space between blocks is scaled by, in turn, to save the last page.
TIGHTER = (0.85, 0.7, 0.55)
#: How many times the shortfall the page before the last is shortened by, in turn.
MOVES = (1.0, 1.5, 2.0, 3.0)


@dataclass(frozen=True)
class Layout:
    """How one pass lays the story out: the factor on the space between blocks, and a page whose
    body frame ends higher (0: none), at ``short_bottom`` points above the paper's foot."""

    document: LaidOutLeaflet
    spacing: float = 1.0
    short_page: int = 0
    short_bottom: float = 0.0

    def margins(self, page: int) -> tuple[float, float]:
        """The top and bottom margins of page ``page``'s body frame."""
        furniture = self.document.furniture
        bottom = furniture.bottom_margin()
        if page == self.short_page:
            bottom = max(bottom, self.short_bottom)
        return furniture.top_margin(page), bottom


class Laid(Protocol):
    """What a pass says about its pages."""

    pages: int
    lowest: dict[int, float]

    def fill(self, page: int) -> float:
        """The share of page ``page``'s body frame its content uses."""
        ...


P = TypeVar("P", bound=Laid)


def settle(document: LaidOutLeaflet, build: Callable[[Layout], P]) -> P:
    """The pass to print (see the module docstring)."""
    result = build(Layout(document))
    if _full_enough(result):
        return result
    spacing = 1.0
    for factor in TIGHTER:
        tight = build(Layout(document, factor))
        if tight.pages >= result.pages:
            continue
        if _full_enough(tight):
            return tight
        result, spacing = tight, factor  # one page fewer, but a short last page again: balance it
        break
    return _balanced(document, build, result, spacing) or result


def _full_enough(laid: Laid) -> bool:
    return laid.pages < 2 or laid.fill(laid.pages) >= LAST_PAGE_SHARE


def _balanced(document: LaidOutLeaflet, build: Callable[[Layout], P], laid: P, spacing: float) -> P | None:
    """``laid`` again with the page before the last ending higher, so its last page is full
    enough; None if no shortening tried keeps the page count."""
    pages = laid.pages
    top, bottom = document.furniture.top_margin(pages), document.furniture.bottom_margin()
    height = document.page_size[1] - top - bottom
    shortfall = (TARGET - laid.fill(pages)) * height
    lowest = laid.lowest.get(pages - 1, bottom)
    for factor in MOVES:
        trial = build(Layout(document, spacing, pages - 1, lowest + shortfall * factor))
        if trial.pages == pages and _full_enough(trial):
            return trial
    return None
