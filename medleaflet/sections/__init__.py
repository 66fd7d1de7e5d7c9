"""The sections of a leaflet, one module each, and their registry.

Each module declares one :class:`~medleaflet.sections.registry.Section`: its
schema fragment, model, builder, rules, heading, renderer and translator
notes, and the layout messages only it prints. :data:`SECTIONS` holds them
all by key, in the order a leaflet file lists them; a template's
``sections`` list chooses their order on the page.

Adding a section: write its module, add it to :data:`MODULES`, and test it.
"""

from __future__ import annotations

from types import ModuleType

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

#: The section modules, in the order a leaflet file lists the sections.
MODULES: tuple[ModuleType, ...] = (
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

#: Every section, by key, in the order a leaflet file lists them.
SECTIONS: dict[str, Section] = {module.SECTION.key: module.SECTION for module in MODULES}

__all__ = ["MODULES", "SECTIONS", "Section"]
