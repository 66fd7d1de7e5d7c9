"""Section ``before_you_take``: what to tell the doctor first."""

from __future__ import annotations

from medleaflet.sections.blocks import render_blocks
from medleaflet.sections.registry import N_, Blocks, Bullets, Kit, Section, Story, Text, model


@model
class BeforeYouTake:
    #: Who must not take it at all, printed in a red box first.
    do_not_take: Bullets | None
    intro: Text
    conditions: Bullets
    more: Blocks


# TRANSLATORS: Title of a red box listing who must not take the medicine; a list follows.
DO_NOT_TAKE_TITLE = N_("ui:before_you_take.do_not_take_title", "Do not take it if you:")


def render(kit: Kit, section: BeforeYouTake) -> Story:
    """Who must not take it (in a red box), an introduction and the conditions to mention, as a list,
    then any blocks of the leaflet's."""
    story: Story = []
    if section.do_not_take:
        title = kit.p(kit.u(DO_NOT_TAKE_TITLE), "warning_title")
        story.append(
            kit.box([title, *kit.bullets(section.do_not_take, "warning_bullet", width=kit.box_width)], "warning")
        )
    story += [kit.intro(section.intro), *kit.bullets(section.conditions)]
    return story + render_blocks(kit, section.more)


# TRANSLATORS: Section heading; "it" is the medicine.
SECTION = Section.of("before_you_take", N_("ui:section.before_you_take", "Before you take it"), BeforeYouTake, render)
