"""Section ``storage``: how to store the medicine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.sections.registry import BULLET, N_, Section, TextList

if TYPE_CHECKING:
    from medleaflet.layout.widgets import Kit

# TRANSLATORS: Section heading; "it" is the medicine.
HEADING = N_("ui:section", "How to store it")


@dataclass(frozen=True)
class Storage:
    items: TextList


def render(kit: Kit, section: Storage) -> list[Flowable]:
    """The storage advice as a list."""
    return kit.bullets(section.items)


SECTION = Section.of("storage", HEADING, Storage, render, notes=((r"^items\.", BULLET),))
