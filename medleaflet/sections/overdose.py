"""Section ``overdose``: signs of taking too much, and what to do, in a red box."""

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

# TRANSLATORS: Section heading.
HEADING = N_("ui:section", "If you take too much (overdose)")


@dataclass(frozen=True)
class Overdose:
    intro: Text
    signs: TextList
    action: Text


def build(read: TextReader, path: PathKey) -> Overdose:
    """The section's model from the schema-valid data at ``path``."""
    return read.build(Overdose, path, intro=read.text, signs=read.text_map, action=read.text)


def render(kit: Kit, section: Overdose) -> list[Flowable]:
    """The introduction, the signs as a list and the action, all in one red box."""
    return [
        kit.box(
            [
                kit.p(kit.t(section.intro), "warning_title"),
                *kit.bullets(section.signs, "warning_bullet", columns=kit.list_columns, width=kit.box_width),
                kit.p(kit.t(section.action), "warning"),
            ],
            "warning",
        )
    ]


SECTION = Section(
    key="overdose",
    heading=HEADING,
    schema=fields({"intro": TEXT, "signs": TEXT_MAP, "action": TEXT}),
    model=Overdose,
    build=build,
    render=render,
    notes=((r"^signs\.", BULLET),),
)
