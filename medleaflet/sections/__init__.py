"""The sections of a leaflet, one module each, and their registry.

Each module declares one :class:`~medleaflet.sections.registry.Section`
(or, like :mod:`~medleaflet.sections.topics`, a few made alike): its
schema fragment, model, builder, rules, heading, renderer and translator
notes, and the layout messages only it prints. :data:`SECTIONS` holds them
all by key, in the order a leaflet file lists them; a template's
``sections`` list chooses their order on the page.

Adding a section: write its module, add it to :data:`MODULES`, and test it.
A leaflet's own sections (``sections.custom``) are no registered section:
:mod:`~medleaflet.sections.custom` reads them and :mod:`~medleaflet.sections.order`
slots them in among the template's.
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
    topics,
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
    topics,
)


def _declared(module: ModuleType) -> tuple[Section, ...]:
    """The sections ``module`` declares: its ``SECTION``, or its ``SECTIONS`` if it declares several."""
    return tuple(getattr(module, "SECTIONS", ())) or (module.SECTION,)


#: Every section, by key, in the order a leaflet file lists them.
SECTIONS: dict[str, Section] = {section.key: section for module in MODULES for section in _declared(module)}

__all__ = ["MODULES", "SECTIONS", "Section"]
