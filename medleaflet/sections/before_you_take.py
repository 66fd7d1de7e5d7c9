"""Section ``before_you_take``: what to tell the doctor first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.content.model import BeforeYouTake
from medleaflet.i18n import ui
from medleaflet.sections.registry import Section

if TYPE_CHECKING:
    from medleaflet.layout.leaflet import LeafletLayout


def render(kit: LeafletLayout, section: BeforeYouTake) -> list[Flowable]:
    """An introduction and the conditions to mention, as a list."""
    return [kit.intro(section.intro), *kit.bullets(section.conditions)]


SECTION = Section("before_you_take", ui.SECTION_TITLES["before_you_take"], render)
