"""Blocks: the leaflet-defined parts of a section, and the sections made only of them.

A block (:class:`~medleaflet.content.model.TextBlock`) is a sub-heading and what
goes under it: a paragraph, bullet points, a paragraph after them, lines to
write on, all optional, possibly in a warning or caution box. Any section may
end with blocks of its own (its ``more`` field, of kind
:data:`~medleaflet.sections.kinds.Blocks`); the optional sections on monitoring,
food and drink, pregnancy, driving and surgery are nothing but blocks, made by
:func:`blocks_section`; and the leaflet's own sections (:mod:`medleaflet.sections.custom`)
hold them under their own heading.

:func:`render_blocks` lays blocks out and :func:`lines_to_write_on` gives labelled
blank lines, for write-in fields and the clinic's details alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from medleaflet.content.model import TextBlock, TextBlocks
from medleaflet.content.texts import TextReader
from medleaflet.i18n.ui import UIText
from medleaflet.sections.kinds import BLOCKS, BULLET, WRITE_IN_NOTE
from medleaflet.sections.kit import Cell, Kit, Story
from medleaflet.sections.registry import Notes, Section

if TYPE_CHECKING:
    from reportlab.platypus import Table

#: What each field of a block is, for translators (patterns searched in the key below the block).
BLOCK_NOTES: Notes = (
    (r"\.items\.\w+$", BULLET),
    (r"\.write_in\.\w+$", WRITE_IN_NOTE),
    (r"\.after$", "A paragraph after the bullet points above it."),
)


def render_blocks(kit: Kit, blocks: Sequence[TextBlock]) -> Story:
    """Each block in turn: its sub-heading, paragraph, bullets, closing paragraph and lines to
    write on, inside a box when it asks for one."""
    story: Story = []
    for block in blocks:
        content: Story = []
        in_box = block.box is not None
        if block.text:
            introduces = bool(block.items)
            style = "warning" if in_box else "body"
            content.append(kit.intro(block.text, style) if introduces else kit.p(kit.t(block.text), style))
        if block.items:
            if in_box:
                content += kit.bullets(block.items, "warning_bullet", width=kit.box_width)
            else:
                content += kit.bullets(block.items)
        if block.after:
            content.append(kit.p(kit.t(block.after), "warning" if in_box else "body"))
        if block.write_in:
            width = kit.box_width if in_box else kit.width
            content.append(lines_to_write_on(kit, [kit.t(label) for label in block.write_in], width))
        if block.box is not None:
            if block.title:
                content.insert(0, kit.p(kit.t(block.title), "warning_title"))
            story.append(kit.box(content, block.box))
        else:
            if block.title:
                story.append(kit.subheading(kit.t(block.title)))
            story += content
    return story


def lines_to_write_on(kit: Kit, labels: Sequence[str], width: float = 0, label_share: float = 0.4) -> Table:
    """A labelled blank line for each of ``labels``, to write on by hand, ``width`` wide (the
    column's by default), the labels taking ``label_share`` of it."""
    from reportlab.platypus import Spacer  # rendering code: imported when a leaflet is laid out, not by list or status

    width = width or kit.width
    rows: list[list[Cell]] = [[kit.p(label, "table_bold"), Spacer(1, 1)] for label in labels]
    line_col = 0 if kit.rtl else 1
    table = kit.table(
        rows,
        [width * label_share, width * (1 - label_share)],
        [
            ("LINEBELOW", (line_col, 0), (line_col, -1), 0.8, kit.colour["muted"]),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("TOPPADDING", (0, 0), (-1, -1), 7),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ],
    )
    table.spaceAfter = 6
    return table


def blocks_section(key: str, heading: UIText) -> Section:
    """An optional section that is a mapping of blocks, under the tool's ``heading``."""
    return Section(
        key=key,
        heading=heading,
        schema=BLOCKS,
        model=tuple,
        build=TextReader.blocks,
        render=render_blocks,
        notes=BLOCK_NOTES,
        required=False,
    )


__all__ = ["BLOCK_NOTES", "TextBlocks", "blocks_section", "lines_to_write_on", "render_blocks"]
