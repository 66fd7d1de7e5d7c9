"""The order sections print in: the template's order, with the leaflet's own sections slotted in.

:func:`printed_sections` takes a template's ``sections`` list and a leaflet's
:class:`~medleaflet.content.model.Sections` and gives one
:class:`PrintedSection` per section the leaflet has, in page order: registered
sections as the template orders them (optional ones the leaflet leaves out
are skipped), and each custom section after the one its ``after`` names, or
before ``seek_help`` (last, if the template has no ``seek_help``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from medleaflet.content.model import Sections, Text
from medleaflet.sections import SECTIONS
from medleaflet.sections.blocks import render_blocks
from medleaflet.sections.custom import KEY_NAME, CustomSection
from medleaflet.sections.kit import Kit, Story

#: Where a custom section without ``after`` goes: before this section.
DEFAULT_BEFORE = "seek_help"


@dataclass(frozen=True)
class PrintedSection:
    """One section as the layout prints it: its anchor key, heading and content, given a kit."""

    #: Unique in the leaflet: the section's key, or ``custom-<key>``.
    key: str
    heading: Callable[[Kit], str]
    render: Callable[[Kit], Story]


def printed_sections(order: Sequence[str], sections: Sections) -> list[PrintedSection]:
    """The sections the leaflet has, in page order (see the module docstring)."""
    printed = [_registered(key, sections[key], sections.headings.get(key)) for key in order if key in sections]
    pending: list[CustomSection] = list(sections.get(KEY_NAME, ()))
    while pending:
        placed = False
        for custom in list(pending):
            index = _position(printed, custom)
            if index is not None:
                printed.insert(index, _custom(custom))
                pending.remove(custom)
                placed = True
        if not placed:  # after a section the template does not print: the default place
            custom = pending.pop(0)
            printed.insert(_default_position(printed), _custom(custom))
    return printed


def _position(printed: list[PrintedSection], custom: CustomSection) -> int | None:
    if custom.after is None:
        return _default_position(printed)
    for index, section in enumerate(printed):
        if section.key in (custom.after, f"{KEY_NAME}-{custom.after}"):
            return index + 1
    return None


def _default_position(printed: list[PrintedSection]) -> int:
    keys = [section.key for section in printed]
    return keys.index(DEFAULT_BEFORE) if DEFAULT_BEFORE in keys else len(printed)


def _registered(key: str, model: Any, heading: Text | None) -> PrintedSection:
    section = SECTIONS[key]

    def title(kit: Kit) -> str:
        return kit.t(heading) if heading else kit.u(section.heading)

    return PrintedSection(key, title, lambda kit: section.render(kit, model))


def _custom(custom: CustomSection) -> PrintedSection:
    return PrintedSection(
        f"{KEY_NAME}-{custom.key}", lambda kit: kit.t(custom.heading), lambda kit: render_blocks(kit, custom.blocks)
    )
