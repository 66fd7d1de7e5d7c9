"""Section ``overdose``: signs of taking too much, and what to do, in a red box."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.content.model import Overdose
from medleaflet.i18n import ui
from medleaflet.sections.registry import Section

if TYPE_CHECKING:
    from medleaflet.layout.leaflet import LeafletLayout


def render(kit: LeafletLayout, section: Overdose) -> list[Flowable]:
    """The introduction, the signs as a list and the action, all in one red box."""
    return [
        kit.box(
            [
                kit.p(kit.t(section.intro), "warning_title"),
                *kit.bullets(section.signs, "warning_bullet", columns=kit.list_columns, width=kit.box_width),
                kit.p(kit.t(section.action), "warning"),
            ],
            "warning",
        )
    ]


SECTION = Section("overdose", ui.SECTION_TITLES["overdose"], render)
