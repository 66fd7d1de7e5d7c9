"""Section ``storage``: how to store the medicine."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.content.model import Storage
from medleaflet.i18n import ui
from medleaflet.sections.registry import Section

if TYPE_CHECKING:
    from medleaflet.layout.leaflet import LeafletLayout


def render(kit: LeafletLayout, section: Storage) -> list[Flowable]:
    """The storage advice as a list."""
    return kit.bullets(section.items)


SECTION = Section("storage", ui.SECTION_TITLES["storage"], render)
