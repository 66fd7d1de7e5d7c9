"""Section ``side_effects``: common and serious side effects."""

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
HEADING = N_("ui:section", "Side effects")
COMMON_HEADING = N_("ui:side_effects", "Common side effects")
SERIOUS_HEADING = N_("ui:side_effects", "Serious side effects")


@dataclass(frozen=True)
class SideEffects:
    intro: Text
    common: TextList
    common_advice: Text | None
    driving: Text | None
    serious_intro: Text
    serious: TextList
    emergency_note: Text | None


def build(read: TextReader, path: PathKey) -> SideEffects:
    """The section's model from the schema-valid data at ``path``."""
    return read.build(
        SideEffects,
        path,
        intro=read.text,
        common=read.text_map,
        common_advice=read.optional,
        driving=read.optional,
        serious_intro=read.text,
        serious=read.text_map,
        emergency_note=read.optional,
    )


def render(kit: Kit, section: SideEffects) -> list[Flowable]:
    """Common effects (in two columns when short), advice, then serious effects and any emergency note."""
    story: list[Flowable] = [kit.p(kit.t(section.intro)), kit.subheading(kit.u(COMMON_HEADING))]
    story += kit.bullets(section.common, columns=kit.list_columns)
    if section.common_advice:
        story.append(kit.p(kit.t(section.common_advice)))
    if section.driving:
        story.append(kit.p(kit.t(section.driving), "body_bold"))
    story += [kit.subheading(kit.u(SERIOUS_HEADING)), kit.intro(section.serious_intro)]
    story += kit.bullets(section.serious)
    if section.emergency_note:
        story.append(kit.box([kit.p(kit.t(section.emergency_note), "warning_title")], "warning"))
    return story


SECTION = Section(
    key="side_effects",
    heading=HEADING,
    schema=fields(
        {"intro": TEXT, "common": TEXT_MAP, "serious_intro": TEXT, "serious": TEXT_MAP},
        {"common_advice": TEXT, "driving": TEXT, "emergency_note": TEXT},
    ),
    model=SideEffects,
    build=build,
    render=render,
    notes=((r"^(common|serious)\.", BULLET),),
)
