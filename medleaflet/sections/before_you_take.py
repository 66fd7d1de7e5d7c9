"""Section ``before_you_take``: what to tell the doctor first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.content.load import PathKey
from medleaflet.content.model import Text, TextList
from medleaflet.content.texts import TextReader
from medleaflet.i18n.ui import N_
from medleaflet.sections.registry import BULLET, TEXT, TEXT_MAP, Section, fields

if TYPE_CHECKING:
    from medleaflet.layout.widgets import Kit

# TRANSLATORS: Section heading; "it" is the medicine.
HEADING = N_("ui:section", "Before you take it")


@dataclass(frozen=True)
class BeforeYouTake:
    intro: Text
    conditions: TextList


def build(read: TextReader, path: PathKey) -> BeforeYouTake:
    """The section's model from the schema-valid data at ``path``."""
    return read.build(BeforeYouTake, path, intro=read.text, conditions=read.text_map)


def render(kit: Kit, section: BeforeYouTake) -> list[Flowable]:
    """An introduction and the conditions to mention, as a list."""
    return [kit.intro(section.intro), *kit.bullets(section.conditions)]


SECTION = Section(
    key="before_you_take",
    heading=HEADING,
    schema=fields({"intro": TEXT, "conditions": TEXT_MAP}),
    model=BeforeYouTake,
    build=build,
    render=render,
    notes=((r"^conditions\.", BULLET),),
)
