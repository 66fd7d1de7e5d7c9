"""Section ``alcohol``: a red box on drinking alcohol with the medicine."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.content.model import Alcohol
from medleaflet.i18n import ui
from medleaflet.sections.registry import Section

if TYPE_CHECKING:
    from medleaflet.layout.leaflet import LeafletLayout


def render(kit: LeafletLayout, section: Alcohol) -> list[Flowable]:
    """The paragraphs in a red box under the layout's alcohol title."""
    return [
        kit.box(
            [
                kit.p(kit.u(ui.ALCOHOL_BOX_TITLE), "warning_title"),
                *[kit.p(kit.t(text), "warning") for text in section.paragraphs],
            ],
            "warning",
        )
    ]


SECTION = Section("alcohol", ui.SECTION_TITLES["alcohol"], render)
