"""Section ``how_it_works``: how the medicine works, in a few paragraphs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.sections.registry import N_, Section, TextList

if TYPE_CHECKING:
    from medleaflet.layout.widgets import Kit

# TRANSLATORS: Section heading; "it" is the medicine.
HEADING = N_("ui:section", "How it works")


@dataclass(frozen=True)
class HowItWorks:
    paragraphs: TextList


def render(kit: Kit, section: HowItWorks) -> list[Flowable]:
    """One paragraph each."""
    return [kit.p(kit.t(text)) for text in section.paragraphs]


SECTION = Section.of("how_it_works", HEADING, HowItWorks, render)
