"""Section ``side_effects``: common and serious side effects."""

from __future__ import annotations

from medleaflet.sections.blocks import render_blocks
from medleaflet.sections.registry import N_, Blocks, Bullets, Kit, Section, Story, Text, model


@model
class SideEffects:
    intro: Text
    common: Bullets | None
    common_advice: Text | None
    driving: Text | None
    serious_intro: Text | None
    serious: Bullets | None
    emergency_note: Text | None
    #: Further groups of effects (signs of bleeding, of infection...), each under its own sub-heading.
    more: Blocks


# TRANSLATORS: Section heading.
HEADING = N_("ui:section.side_effects", "Side effects")
COMMON_HEADING = N_("ui:side_effects.common_heading", "Common side effects")
SERIOUS_HEADING = N_("ui:side_effects.serious_heading", "Serious side effects")


def render(kit: Kit, section: SideEffects) -> Story:
    """Common effects (in two columns when short), advice, then serious effects, the leaflet's
    further groups and any emergency note."""
    story: Story = [kit.p(kit.t(section.intro))]
    if section.common:
        story.append(kit.subheading(kit.u(COMMON_HEADING)))
        story += kit.bullets(section.common, columns=kit.list_columns)
    if section.common_advice:
        story.append(kit.p(kit.t(section.common_advice)))
    if section.driving:
        story.append(kit.p(kit.t(section.driving), "body_bold"))
    if section.serious or section.serious_intro:
        story.append(kit.subheading(kit.u(SERIOUS_HEADING)))
    if section.serious_intro:
        story.append(kit.intro(section.serious_intro) if section.serious else kit.p(kit.t(section.serious_intro)))
    if section.serious:
        story += kit.bullets(section.serious)
    story += render_blocks(kit, section.more)
    if section.emergency_note:
        story.append(kit.box([kit.p(kit.t(section.emergency_note), "warning_title")], "warning"))
    return story


SECTION = Section.of("side_effects", HEADING, SideEffects, render)
