"""Section ``uses``: what the medicine is used for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.content.model import Uses
from medleaflet.i18n import ui
from medleaflet.sections.registry import Section

if TYPE_CHECKING:
    from medleaflet.layout.leaflet import LeafletLayout


def render(kit: LeafletLayout, uses: Uses) -> list[Flowable]:
    """The conditions it treats as a list, that it is not a cure, and any off-label use."""
    story: list[Flowable] = [kit.intro(uses.intro), *kit.bullets(uses.conditions)]
    story.append(kit.p(kit.t(uses.not_a_cure)))
    if uses.off_label:
        story += [kit.subheading(kit.u(ui.OFF_LABEL_HEADING)), kit.p(kit.t(uses.off_label))]
    return story


SECTION = Section("uses", ui.SECTION_TITLES["uses"], render)
