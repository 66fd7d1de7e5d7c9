"""Section ``alcohol``: a red box on drinking alcohol with the medicine."""

from __future__ import annotations

from medleaflet.sections.registry import N_, Kit, Section, Story, TextList, model


@model
class Alcohol:
    paragraphs: TextList


# TRANSLATORS: Section heading.
HEADING = N_("ui:section", "Alcohol")
# TRANSLATORS: Title of the red alcohol warning box.
BOX_TITLE = N_("ui:alcohol", "Alcohol and this medicine")


def render(kit: Kit, section: Alcohol) -> Story:
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


SECTION = Section.of("alcohol", HEADING, Alcohol, render)
