"""Section ``uses``: what the medicine is used for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.sections.registry import BULLET, N_, Section, Subsection, Text, TextList

if TYPE_CHECKING:
    from medleaflet.layout.widgets import Kit

# TRANSLATORS: Section heading; "it" is the medicine.
HEADING = N_("ui:section", "What it is used for")


@dataclass(frozen=True)
class Uses:
    intro: Text
    conditions: TextList
    not_a_cure: Text
    #: A use the medicine is not officially approved for, under its own sub-heading.
    off_label: Subsection | None


def render(kit: Kit, uses: Uses) -> list[Flowable]:
    """The conditions it treats as a list, that it is not a cure, and any off-label use."""
    story: list[Flowable] = [kit.intro(uses.intro), *kit.bullets(uses.conditions)]
    story.append(kit.p(kit.t(uses.not_a_cure)))
    if uses.off_label:
        story += [kit.subheading(kit.t(uses.off_label.title)), kit.p(kit.t(uses.off_label.text))]
    return story


SECTION = Section.of(
    "uses",
    HEADING,
    Uses,
    render,
    notes=(
        (r"^conditions\.", BULLET),
        (r"^off_label\.title$", "Sub-heading of a paragraph on a use the medicine is not officially approved for."),
    ),
)
