"""Section ``side_effects``: common and serious side effects."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.content.model import SideEffects
from medleaflet.i18n import ui
from medleaflet.sections.registry import Section

if TYPE_CHECKING:
    from medleaflet.layout.leaflet import LeafletLayout


def render(kit: LeafletLayout, section: SideEffects) -> list[Flowable]:
    """Common effects (in two columns when short), advice, then serious effects and any emergency note."""
    story: list[Flowable] = [kit.p(kit.t(section.intro)), kit.subheading(kit.u(ui.COMMON_SIDE_EFFECTS))]
    story += kit.bullets(section.common, columns=kit.list_columns)
    if section.common_advice:
        story.append(kit.p(kit.t(section.common_advice)))
    if section.driving:
        story.append(kit.p(kit.t(section.driving), "body_bold"))
    story += [kit.subheading(kit.u(ui.SERIOUS_SIDE_EFFECTS)), kit.intro(section.serious_intro)]
    story += kit.bullets(section.serious)
    if section.emergency_note:
        story.append(kit.box([kit.p(kit.t(section.emergency_note), "warning_title")], "warning"))
    return story


SECTION = Section("side_effects", ui.SECTION_TITLES["side_effects"], render)
