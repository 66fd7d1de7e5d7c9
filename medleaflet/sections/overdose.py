"""Section ``overdose``: signs of taking too much, and what to do, in a red box."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from medleaflet.sections.registry import BULLET, N_, Section, Text, TextList

if TYPE_CHECKING:
    from medleaflet.layout.widgets import Kit

# TRANSLATORS: Section heading.
HEADING = N_("ui:section", "If you take too much (overdose)")


@dataclass(frozen=True)
class Overdose:
    intro: Text
    signs: TextList
    action: Text


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


SECTION = Section.of("overdose", HEADING, Overdose, render, notes=((r"^signs\.", BULLET),))
