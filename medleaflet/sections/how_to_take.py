"""Section ``how_to_take``: instructions, the warning not to stop suddenly, missed doses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.sections.registry import BULLET, N_, Section, Subsection, Text, TextList

if TYPE_CHECKING:
    from medleaflet.layout.widgets import Kit

# TRANSLATORS: Section heading; "it" is the medicine.
HEADING = N_("ui:section", "How to take it")
MISSED_DOSE_HEADING = N_("ui:how_to_take", "If you forget a dose")


@dataclass(frozen=True)
class DoNotStop:
    title: Text
    text: Text
    signs: TextList
    #: For people who get the medicine from an implanted pump, under its own sub-heading.
    pump: Subsection | None


@dataclass(frozen=True)
class HowToTake:
    instructions: TextList
    missed_dose: Text
    do_not_stop: DoNotStop


def render(kit: Kit, section: HowToTake) -> list[Flowable]:
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
        story += [kit.subheading(kit.t(stop.pump.title)), kit.p(kit.t(stop.pump.text))]
    story += [kit.subheading(kit.u(MISSED_DOSE_HEADING)), kit.p(kit.t(section.missed_dose))]
    return story


SECTION = Section.of(
    "how_to_take",
    HEADING,
    HowToTake,
    render,
    notes=(
        (r"^(instructions|do_not_stop\.signs)\.", BULLET),
        (r"^do_not_stop\.pump\.title$", "Sub-heading of a paragraph for people who get the medicine from a pump."),
    ),
)
