"""Section ``how_it_works``: how the medicine works, in a few paragraphs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.content.model import HowItWorks
from medleaflet.i18n import ui
from medleaflet.sections.registry import Section

if TYPE_CHECKING:
    from medleaflet.layout.leaflet import LeafletLayout


def render(kit: LeafletLayout, section: HowItWorks) -> list[Flowable]:
    """One paragraph each."""
    return [kit.p(kit.t(text)) for text in section.paragraphs]


SECTION = Section("how_it_works", ui.SECTION_TITLES["how_it_works"], render)
