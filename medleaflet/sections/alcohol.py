"""Section ``alcohol``: a red box on drinking alcohol with the medicine."""

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

# TRANSLATORS: Section heading.
HEADING = N_("ui:section", "Alcohol")
# TRANSLATORS: Title of the red alcohol warning box.
BOX_TITLE = N_("ui:alcohol", "Alcohol and this medicine")


@dataclass(frozen=True)
class Alcohol:
    paragraphs: TextList


def build(read: TextReader, path: PathKey) -> Alcohol:
    """The section's model from the schema-valid data at ``path``."""
    return read.build(Alcohol, path, paragraphs=read.text_map)


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


SECTION = Section(
    key="alcohol",
    heading=HEADING,
    schema=fields({"paragraphs": TEXT_MAP}),
    model=Alcohol,
    build=build,
    render=render,
)
