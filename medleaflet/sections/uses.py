"""Section ``uses``: what the medicine is used for."""

from __future__ import annotations

from medleaflet.sections.blocks import render_blocks
from medleaflet.sections.registry import N_, Blocks, Bullets, Kit, Section, Story, Subsection, Text, model


@model
class Uses:
    intro: Text
    conditions: Bullets | None
    not_a_cure: Text | None
    #: A use the medicine is not officially approved for, under its own sub-heading.
    off_label: Subsection | None
    more: Blocks


def render(kit: Kit, uses: Uses) -> Story:
    """The conditions it treats as a list, that it is not a cure, and any off-label use."""
    if uses.conditions:
        story: Story = [kit.intro(uses.intro), *kit.bullets(uses.conditions)]
    else:
        story = [kit.p(kit.t(uses.intro))]
    if uses.not_a_cure:
        story.append(kit.p(kit.t(uses.not_a_cure)))
    if uses.off_label:
        story += [kit.subheading(kit.t(uses.off_label.title)), kit.p(kit.t(uses.off_label.text))]
    return story + render_blocks(kit, uses.more)


SECTION = Section.of(
    "uses",
    # TRANSLATORS: Section heading; "it" is the medicine.
    N_("ui:section.uses", "What it is used for"),
    Uses,
    render,
    notes=(
        (r"^off_label\.title$", "Sub-heading of a paragraph on a use the medicine is not officially approved for."),
    ),
)
