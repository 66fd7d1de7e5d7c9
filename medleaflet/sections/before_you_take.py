"""Section ``before_you_take``: what to tell the doctor first."""

from __future__ import annotations

from medleaflet.sections.registry import N_, Bullets, Kit, Section, Story, Text, model


@model
class BeforeYouTake:
    intro: Text
    conditions: Bullets


def render(kit: Kit, section: BeforeYouTake) -> Story:
    """An introduction and the conditions to mention, as a list."""
    return [kit.intro(section.intro), *kit.bullets(section.conditions)]


# TRANSLATORS: Section heading; "it" is the medicine.
SECTION = Section.of("before_you_take", N_("ui:section", "Before you take it"), BeforeYouTake, render)
