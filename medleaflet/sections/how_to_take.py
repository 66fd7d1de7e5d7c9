"""Section ``how_to_take``: instructions, the warning not to stop suddenly, missed doses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.content.load import PathKey
from medleaflet.content.model import Subsection, Text, TextList
from medleaflet.content.texts import TextReader
from medleaflet.i18n.ui import N_
from medleaflet.sections.registry import BULLET, SUBSECTION, TEXT, TEXT_MAP, Section, fields

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


def build(read: TextReader, path: PathKey) -> HowToTake:
    """The section's model from the schema-valid data at ``path``."""
    return HowToTake(
        instructions=read.text_map((*path, "instructions")),
        missed_dose=read.text((*path, "missed_dose")),
        do_not_stop=read.build(
            DoNotStop,
            (*path, "do_not_stop"),
            title=read.text,
            text=read.text,
            signs=read.text_map,
            pump=read.subsection,
        ),
    )


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


SECTION = Section(
    key="how_to_take",
    heading=HEADING,
    schema=fields(
        {
            "instructions": TEXT_MAP,
            "missed_dose": TEXT,
            "do_not_stop": fields({"title": TEXT, "text": TEXT, "signs": TEXT_MAP}, {"pump": SUBSECTION}),
        }
    ),
    model=HowToTake,
    build=build,
    render=render,
    notes=(
        (r"^(instructions|do_not_stop\.signs)\.", BULLET),
        (r"^do_not_stop\.pump\.title$", "Sub-heading of a paragraph for people who get the medicine from a pump."),
    ),
)
