"""Section ``how_to_take``: instructions, the warning not to stop suddenly, missed doses."""

from __future__ import annotations

from medleaflet.sections.registry import N_, Bullets, Kit, Section, Story, Subsection, Text, model


@model
class HowToTake:
    instructions: Bullets
    missed_dose: Text
    do_not_stop: DoNotStop


@model
class DoNotStop:
    title: Text
    text: Text
    signs: Bullets
    #: For people who get the medicine from an implanted pump, under its own sub-heading.
    pump: Subsection | None


# TRANSLATORS: Section heading; "it" is the medicine.
HEADING = N_("ui:section", "How to take it")
MISSED_DOSE_HEADING = N_("ui:how_to_take", "If you forget a dose")


def render(kit: Kit, section: HowToTake) -> Story:
    """The instructions as a list, a red box on stopping, then what to do about a missed dose."""
    story: Story = kit.bullets(section.instructions)
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
    notes=((r"^do_not_stop\.pump\.title$", "Sub-heading of a paragraph for people who get the medicine from a pump."),),
)
