"""Section ``overdose``: signs of taking too much, and what to do, in a red box."""

from __future__ import annotations

from medleaflet.sections.blocks import render_blocks
from medleaflet.sections.registry import N_, Blocks, Bullets, Kit, Section, Story, Text, model


@model
class Overdose:
    intro: Text
    signs: Bullets | None
    action: Text
    more: Blocks


def render(kit: Kit, section: Overdose) -> Story:
    """The introduction, the signs as a list and the action, all in one red box, then any blocks."""
    signs = section.signs or ()
    return [
        kit.box(
            [
                kit.p(kit.t(section.intro), "warning_title"),
                *kit.bullets(signs, "warning_bullet", columns=kit.list_columns, width=kit.box_width),
                kit.p(kit.t(section.action), "warning"),
            ],
            "warning",
        ),
        *render_blocks(kit, section.more),
    ]


# TRANSLATORS: Section heading.
SECTION = Section.of("overdose", N_("ui:section.overdose", "If you take too much (overdose)"), Overdose, render)
