"""Section ``how_it_works``: how the medicine works, in a few paragraphs."""

from __future__ import annotations

from medleaflet.sections.registry import N_, Kit, Section, Story, TextList, model


@model
class HowItWorks:
    paragraphs: TextList


def render(kit: Kit, section: HowItWorks) -> Story:
    """One paragraph each."""
    return [kit.p(kit.t(text)) for text in section.paragraphs]


# TRANSLATORS: Section heading; "it" is the medicine.
SECTION = Section.of("how_it_works", N_("ui:section", "How it works"), HowItWorks, render)
