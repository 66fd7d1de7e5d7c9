"""medleaflet.render.balance: a nearly empty last page is saved by tightening, else by balancing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from medleaflet.render.balance import LAST_PAGE_SHARE, TIGHTER, Layout, settle


@dataclass
class FakePass:
    """A pass of a story: its page count and how full its last page is."""

    pages: int
    last: float
    lowest: dict[int, float] = field(default_factory=dict)

    def fill(self, page: int) -> float:
        return self.last if page == self.pages else 1.0


class FakeFurniture:
    def top_margin(self, page: int) -> float:
        return 40.0

    def bottom_margin(self) -> float:
        return 60.0


class FakeDocument:
    furniture = FakeFurniture()
    page_size = (600.0, 800.0)


def run(outcome: Any) -> tuple[FakePass, list[Layout]]:
    """Settle a fake document whose passes ``outcome(layout)`` gives; returns the pass and the layouts tried."""
    tried: list[Layout] = []

    def build(layout: Layout) -> FakePass:
        tried.append(layout)
        return outcome(layout)

    return settle(FakeDocument(), build), tried


def test_a_full_enough_last_page_is_laid_out_once() -> None:
    result, tried = run(lambda layout: FakePass(5, 0.5))
    assert result.last == 0.5 and len(tried) == 1 and tried[0].spacing == 1.0


def test_tighter_spacing_that_saves_the_last_page_is_taken() -> None:
    result, tried = run(lambda layout: FakePass(6, 0.1) if layout.spacing > TIGHTER[1] else FakePass(5, 0.9))
    assert result.pages == 5 and tried[-1].spacing == TIGHTER[1]


def test_else_the_page_before_the_last_ends_higher() -> None:
    def outcome(layout: Layout) -> FakePass:
        if layout.short_page:
            return FakePass(6, 0.3)
        return FakePass(6, 0.1, lowest={5: 70.0})

    result, tried = run(outcome)
    assert result.pages == 6 and result.last >= LAST_PAGE_SHARE
    assert tried[-1].short_page == 5 and tried[-1].short_bottom > 70.0 and tried[-1].spacing == 1.0


def test_a_short_last_page_is_printed_if_nothing_helps() -> None:
    result, tried = run(lambda layout: FakePass(7 if layout.short_page else 6, 0.1))
    assert result.pages == 6 and result.last == 0.1 and len(tried) > len(TIGHTER)
