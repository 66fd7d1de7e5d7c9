"""Section ``storage``: how to store the medicine."""

from __future__ import annotations

from medleaflet.sections.blocks import render_blocks
from medleaflet.sections.registry import N_, Blocks, Bullets, Kit, Section, Story, model


@model
class Storage:
    items: Bullets
    more: Blocks


def render(kit: Kit, section: Storage) -> Story:
    """The storage advice as a list, then any blocks of the leaflet's."""
    return kit.bullets(section.items) + render_blocks(kit, section.more)


# TRANSLATORS: Section heading; "it" is the medicine.
SECTION = Section.of("storage", N_("ui:section.storage", "How to store it"), Storage, render)
