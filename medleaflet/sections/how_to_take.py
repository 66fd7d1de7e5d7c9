"""Section ``how_to_take``: instructions, the warning not to stop suddenly, missed doses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.content.model import HowToTake
from medleaflet.i18n import ui
from medleaflet.sections.registry import Section

if TYPE_CHECKING:
    from medleaflet.layout.leaflet import LeafletLayout


def render(kit: LeafletLayout, section: HowToTake) -> list[Flowable]:
    """The instructions as a list, a red box on stopping, then what to do about a missed dose."""
    story: list[Flowable] = kit.bullets(section.instructions)
    stop = section.do_not_stop
    story.append(
        kit.box(
            [
                kit.p(kit.t(stop.title), "warning_title"),
                kit.p(kit.t(stop.text), "warning"),
                *kit.bullets(stop.signs, "warning_bullet", columns=kit.list_columns, width=kit.box_width),
            ],
            "warning",
        )
    )
    if stop.pump:
        story += [kit.subheading(kit.u(ui.PUMP_HEADING)), kit.p(kit.t(stop.pump))]
    story += [kit.subheading(kit.u(ui.MISSED_DOSE_HEADING)), kit.p(kit.t(section.missed_dose))]
    return story


SECTION = Section("how_to_take", ui.SECTION_TITLES["how_to_take"], render)
