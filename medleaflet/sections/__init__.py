"""The sections of a leaflet, one module each, and their registry.

Each module declares one :class:`~medleaflet.sections.registry.Section`:
its key, its heading and its renderer. :data:`SECTIONS` holds them all by
key; a template's ``sections`` list chooses their order on the page.
"""

from __future__ import annotations

from medleaflet.sections import (
    alcohol,
    before_you_take,
    how_it_works,
    how_to_take,
    interactions,
    overdose,
    seek_help,
    side_effects,
    storage,
    uses,
)
from medleaflet.sections.registry import Section

#: Every section, by key, in the order a leaflet file lists them.
SECTIONS: dict[str, Section] = {
    module.SECTION.key: module.SECTION
    for module in (
        uses,
        how_it_works,
        before_you_take,
        how_to_take,
        interactions,
        alcohol,
        side_effects,
        overdose,
        seek_help,
        storage,
    )
}

__all__ = ["SECTIONS", "Section"]
