"""Section ``side_effects``: common and serious side effects."""

from __future__ import annotations

from medleaflet.sections.registry import N_, Bullets, Kit, Section, Story, Text, model


@model
class SideEffects:
    intro: Text
    common: Bullets
    common_advice: Text | None
    driving: Text | None
    serious_intro: Text
    serious: Bullets
    emergency_note: Text | None


# TRANSLATORS: Section heading.
HEADING = N_("ui:section", "Side effects")
COMMON_HEADING = N_("ui:side_effects", "Common side effects")
SERIOUS_HEADING = N_("ui:side_effects", "Serious side effects")


def render(kit: Kit, section: SideEffects) -> Story:
    """Common effects (in two columns when short), advice, then serious effects and any emergency note."""
    story: Story = [kit.p(kit.t(section.intro)), kit.subheading(kit.u(COMMON_HEADING))]
    story += kit.bullets(section.common, columns=kit.list_columns)
    if section.common_advice:
        story.append(kit.p(kit.t(section.common_advice)))
    if section.driving:
        story.append(kit.p(kit.t(section.driving), "body_bold"))
    story += [kit.subheading(kit.u(SERIOUS_HEADING)), kit.intro(section.serious_intro)]
    story += kit.bullets(section.serious)
    if section.emergency_note:
        story.append(kit.box([kit.p(kit.t(section.emergency_note), "warning_title")], "warning"))
    return story


SECTION = Section.of("side_effects", HEADING, SideEffects, render)
