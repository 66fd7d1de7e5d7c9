"""Section ``how_to_take``: instructions, the warning not to stop suddenly, missed doses."""

from __future__ import annotations

from medleaflet.sections.blocks import lines_to_write_on, render_blocks
from medleaflet.sections.registry import N_, Blocks, Bullets, Kit, Section, Story, Subsection, Text, WriteIn, model


@model
class HowToTake:
    instructions: Bullets
    #: The most important thing about taking it ("once a week"), in a red box after the instructions.
    warning: Subsection | None
    #: Lines for the prescriber to fill in ("My weekly dose").
    write_in: WriteIn
    #: What to do about a forgotten dose; a medicine taken once (a single dose) has none.
    missed_dose: Text | None
    do_not_stop: DoNotStop | None
    more: Blocks


@model
class DoNotStop:
    title: Text
    text: Text
    #: Withdrawal signs, if stopping suddenly causes any.
    signs: Bullets | None
    #: For people who get the medicine from an implanted pump, under its own sub-heading.
    pump: Subsection | None


# TRANSLATORS: Section heading; "it" is the medicine.
HEADING = N_("ui:section.how_to_take", "How to take it")
MISSED_DOSE_HEADING = N_("ui:how_to_take.missed_dose_heading", "If you forget a dose")


def render(kit: Kit, section: HowToTake) -> Story:
    """The instructions as a list, any warning in a red box and lines to write on, a red box on
    stopping, then what to do about a missed dose, and any blocks of the leaflet's."""
    story: Story = kit.bullets(section.instructions)
    if section.warning:
        warning = [kit.p(kit.t(section.warning.title), "warning_title"), kit.p(kit.t(section.warning.text), "warning")]
        story.append(kit.box(warning, "warning"))
    if section.write_in:
        story.append(lines_to_write_on(kit, [kit.t(label) for label in section.write_in]))
    stop = section.do_not_stop
    if stop:
        signs = (
            kit.bullets(stop.signs, "warning_bullet", columns=kit.list_columns, width=kit.box_width)
            if stop.signs
            else []
        )
        story.append(
            kit.box([kit.p(kit.t(stop.title), "warning_title"), kit.p(kit.t(stop.text), "warning"), *signs], "warning")
        )
        if stop.pump:
            story += [kit.subheading(kit.t(stop.pump.title)), kit.p(kit.t(stop.pump.text))]
    if section.missed_dose:
        story += [kit.subheading(kit.u(MISSED_DOSE_HEADING)), kit.p(kit.t(section.missed_dose))]
    return story + render_blocks(kit, section.more)


SECTION = Section.of(
    "how_to_take",
    HEADING,
    HowToTake,
    render,
    notes=(
        (r"^do_not_stop\.pump\.title$", "Sub-heading of a paragraph for people who get the medicine from a pump."),
        (r"^warning\.title$", "Title of a red warning box on how to take the medicine."),
    ),
)
