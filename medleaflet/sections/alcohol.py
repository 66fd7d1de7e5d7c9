"""Section ``alcohol``: a red box on drinking alcohol with the medicine."""

from __future__ import annotations

from medleaflet.sections.blocks import render_blocks
from medleaflet.sections.registry import N_, Blocks, Kit, Section, Story, TextList, model


@model
class Alcohol:
    paragraphs: TextList
    more: Blocks


# TRANSLATORS: Section heading.
HEADING = N_("ui:section.alcohol", "Alcohol")
# TRANSLATORS: Title of the red alcohol warning box.
BOX_TITLE = N_("ui:alcohol.box_title", "Alcohol and this medicine")


def render(kit: Kit, section: Alcohol) -> Story:
    """The paragraphs in a red box under the layout's alcohol title, then any blocks of the leaflet's."""
    return [
        kit.box(
            [
                kit.p(kit.u(BOX_TITLE), "warning_title"),
                *[kit.p(kit.t(text), "warning") for text in section.paragraphs],
            ],
            "warning",
        ),
        *render_blocks(kit, section.more),
    ]


SECTION = Section.of("alcohol", HEADING, Alcohol, render, required=False)
