"""Section ``storage``: how to store the medicine."""

from __future__ import annotations

from medleaflet.sections.registry import N_, Bullets, Kit, Section, Story, model


@model
class Storage:
    items: Bullets


def render(kit: Kit, section: Storage) -> Story:
    """The storage advice as a list."""
    return kit.bullets(section.items)


# TRANSLATORS: Section heading; "it" is the medicine.
SECTION = Section.of("storage", N_("ui:section", "How to store it"), Storage, render)
