"""Section ``before_you_take``: what to tell the doctor first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.sections.registry import BULLET, N_, Section, Text, TextList

if TYPE_CHECKING:
    from medleaflet.layout.widgets import Kit

# TRANSLATORS: Section heading; "it" is the medicine.
HEADING = N_("ui:section", "Before you take it")


@dataclass(frozen=True)
class BeforeYouTake:
    intro: Text
    conditions: TextList


def render(kit: Kit, section: BeforeYouTake) -> list[Flowable]:
    """An introduction and the conditions to mention, as a list."""
    return [kit.intro(section.intro), *kit.bullets(section.conditions)]


SECTION = Section.of("before_you_take", HEADING, BeforeYouTake, render, notes=((r"^conditions\.", BULLET),))
