"""Section ``how_it_works``: how the medicine works, in a few paragraphs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.content.load import PathKey
from medleaflet.content.model import TextList
from medleaflet.content.texts import TextReader
from medleaflet.i18n.ui import N_
from medleaflet.sections.registry import TEXT_MAP, Section, fields

if TYPE_CHECKING:
    from medleaflet.layout.widgets import Kit

# TRANSLATORS: Section heading; "it" is the medicine.
HEADING = N_("ui:section", "How it works")


@dataclass(frozen=True)
class HowItWorks:
    paragraphs: TextList


def build(read: TextReader, path: PathKey) -> HowItWorks:
    """The section's model from the schema-valid data at ``path``."""
    return read.build(HowItWorks, path, paragraphs=read.text_map)


def render(kit: Kit, section: HowItWorks) -> list[Flowable]:
    """One paragraph each."""
    return [kit.p(kit.t(text)) for text in section.paragraphs]


SECTION = Section(
    key="how_it_works",
    heading=HEADING,
    schema=fields({"paragraphs": TEXT_MAP}),
    model=HowItWorks,
    build=build,
    render=render,
)
