"""Section ``how_it_works``: how the medicine works, in a few paragraphs."""

from __future__ import annotations

from medleaflet.sections.blocks import render_blocks
from medleaflet.sections.registry import N_, Blocks, Kit, Section, Story, TextList, model


@model
class HowItWorks:
    paragraphs: TextList
    more: Blocks


def render(kit: Kit, section: HowItWorks) -> Story:
    """One paragraph each, then any blocks of the leaflet's."""
    return [kit.p(kit.t(text)) for text in section.paragraphs] + render_blocks(kit, section.more)


# TRANSLATORS: Section heading; "it" is the medicine.
SECTION = Section.of("how_it_works", N_("ui:section.how_it_works", "How it works"), HowItWorks, render, required=False)
