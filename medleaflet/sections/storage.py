"""Section ``storage``: how to store the medicine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.content.load import PathKey
from medleaflet.content.model import TextList
from medleaflet.content.texts import TextReader
from medleaflet.i18n.ui import N_
from medleaflet.sections.registry import BULLET, TEXT_MAP, Section, fields

if TYPE_CHECKING:
    from medleaflet.layout.widgets import Kit

# TRANSLATORS: Section heading; "it" is the medicine.
HEADING = N_("ui:section", "How to store it")


@dataclass(frozen=True)
class Storage:
    items: TextList


def build(read: TextReader, path: PathKey) -> Storage:
    """The section's model from the schema-valid data at ``path``."""
    return read.build(Storage, path, items=read.text_map)


def render(kit: Kit, section: Storage) -> list[Flowable]:
    """The storage advice as a list."""
    return kit.bullets(section.items)


SECTION = Section(
    key="storage",
    heading=HEADING,
    schema=fields({"items": TEXT_MAP}),
    model=Storage,
    build=build,
    render=render,
    notes=((r"^items\.", BULLET),),
)
