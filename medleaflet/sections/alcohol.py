"""Section ``alcohol``: a red box on drinking alcohol with the medicine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.sections.registry import N_, Section, TextList

if TYPE_CHECKING:
    from medleaflet.layout.widgets import Kit

# TRANSLATORS: Section heading.
HEADING = N_("ui:section", "Alcohol")
# TRANSLATORS: Title of the red alcohol warning box.
BOX_TITLE = N_("ui:alcohol", "Alcohol and this medicine")


@dataclass(frozen=True)
class Alcohol:
    paragraphs: TextList


def render(kit: Kit, section: Alcohol) -> list[Flowable]:
    """The paragraphs in a red box under the layout's alcohol title."""
    return [
        kit.box(
            [
                kit.p(kit.u(BOX_TITLE), "warning_title"),
                *[kit.p(kit.t(text), "warning") for text in section.paragraphs],
            ],
            "warning",
        )
    ]


SECTION = Section.of("alcohol", HEADING, Alcohol, render)
