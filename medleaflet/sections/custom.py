"""The leaflet's own sections: ``sections.custom``, each with a heading written in the leaflet.

A medicine may need a section no other medicine has ("Sun and skin"). Under
``custom`` a leaflet declares any number of them, each with its ``heading``
(leaflet text, translated like any other), its ``blocks``
(:mod:`medleaflet.sections.blocks`) and, optionally, the key of the section it
follows (``after``; by default it goes before ``seek_help``, or last).
"""

from __future__ import annotations

from dataclasses import dataclass

from medleaflet.content.load import Document, PathKey
from medleaflet.content.model import Text, TextBlocks
from medleaflet.content.texts import TextReader, mapping_at
from medleaflet.errors import Problem
from medleaflet.sections.kinds import BLOCKS, KEY, TEXT, fields

#: The key of the leaflet's own sections under ``sections``.
KEY_NAME = "custom"

SCHEMA = {
    "type": "object",
    "minProperties": 1,
    "propertyNames": KEY,
    "additionalProperties": fields({"heading": TEXT, "blocks": BLOCKS}, {"after": KEY}),
}

#: Translators' notes for the fields of a custom section (patterns searched below ``custom``).
NOTES = ((r"^\w+\.heading$", "Section heading, written for this leaflet."),)


@dataclass(frozen=True)
class CustomSection:
    """One of the leaflet's own sections."""

    key: str
    heading: Text
    blocks: TextBlocks
    #: The key of the section it follows, or None for the default place.
    after: str | None


def build(read: TextReader, path: PathKey) -> tuple[CustomSection, ...]:
    """The leaflet's own sections at ``path``, in file order (none if absent)."""
    return tuple(
        CustomSection(
            key=key,
            heading=read.text((*path, key, "heading")),
            blocks=read.blocks((*path, key, "blocks")),
            after=section.get("after"),
        )
        for key, section in (read.value(path) or {}).items()
    )


def rules(document: Document, path: PathKey, known: set[str]) -> list[Problem]:
    """Each ``after`` names a section: one of ``known`` (the registered keys) or another custom one;
    and no custom section takes a registered section's key."""
    problems: list[Problem] = []
    custom = mapping_at(document.data, path)
    for key, section in custom.items():
        if key in known:
            problems.append(document.problem((*path, key), f"{key!r} is a standard section; choose another key"))
        after = section.get("after") if isinstance(section, dict) else None
        if isinstance(after, str) and after not in known | set(custom) - {key}:
            choices = ", ".join(sorted(known | set(custom) - {key}))
            problems.append(document.problem((*path, key, "after"), f"unknown section {after!r} (one of: {choices})"))
    return problems
