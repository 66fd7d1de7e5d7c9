"""Reading located text out of loaded data: the builders' toolkit.

A :class:`TextReader` wraps a loaded :class:`~medleaflet.content.load.Document`
and turns the value at a path into a :class:`~medleaflet.content.model.Text`
that keeps its English source, its stable key and its ``file:line``. The
validate stage and every section's builder use it; it never checks anything
(the schema and the rules have done so before it runs).

:func:`value_at`, :func:`mapping_at` and :func:`list_at` read data that may
break the schema, for the rules that run beside it.
"""

from __future__ import annotations

import re
from typing import Any

from medleaflet.content.load import Document, PathKey, format_path
from medleaflet.content.model import Subsection, Text, TextBlock, TextBlocks, TextList


def value_at(data: Any, path: PathKey) -> Any:
    """The value at ``path`` in nested dicts and lists, or None when any step is missing."""
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def mapping_at(data: Any, path: PathKey) -> dict[str, Any]:
    """The mapping at ``path``, or an empty one if it is missing or not a mapping (rules skip it)."""
    value = value_at(data, path)
    return value if isinstance(value, dict) else {}


def list_at(data: Any, path: PathKey) -> list[Any]:
    """The list at ``path``, or an empty one if it is missing or not a list (rules skip it)."""
    value = value_at(data, path)
    return value if isinstance(value, list) else []


def slug(value: str) -> str:
    """A stable key for a list item: ``"Oral solution (liquid)"`` -> ``oral_solution_liquid``."""
    return re.sub(r"[^a-z0-9]+", "_", value.casefold()).strip("_") or "item"


class TextReader:
    """Builds model values from schema-valid data; every string becomes a located :class:`Text`."""

    def __init__(self, document: Document) -> None:
        self.document = document

    def value(self, path: PathKey) -> Any:
        """The plain value at ``path`` (a key, a severity, a mapping), or None."""
        return value_at(self.document.data, path)

    def text(self, path: PathKey, key: str | None = None) -> Text:
        """The string at ``path``; its key defaults to the path itself."""
        return Text(self.value(path), key or format_path(path), self.document.location(path))

    def optional(self, path: PathKey) -> Text | None:
        """The string at ``path``, or None if the field is absent."""
        return self.text(path) if self.value(path) is not None else None

    def text_map(self, path: PathKey) -> TextList:
        """A mapping of stable keys to strings, in file order."""
        return tuple(self.text((*path, key)) for key in self.value(path))

    def text_seq(self, path: PathKey) -> TextList:
        """A list of strings, each keyed by a slug of its own text, so that
        inserting an item does not change the keys of the others."""
        base = format_path(path)
        return tuple(self.text((*path, index), f"{base}.{slug(value)}") for index, value in enumerate(self.value(path)))

    def subsection(self, path: PathKey) -> Subsection | None:
        """An optional ``{title, text}`` block at ``path``, or None if absent."""
        if self.value(path) is None:
            return None
        return Subsection(self.text((*path, "title")), self.text((*path, "text")))

    def optional_map(self, path: PathKey) -> TextList | None:
        """An optional mapping of stable keys to strings at ``path``, or None if absent."""
        return self.text_map(path) if self.value(path) is not None else None

    def blocks(self, path: PathKey) -> TextBlocks:
        """The blocks at ``path`` (stable keys to blocks), in file order; none if absent."""
        return tuple(self.block((*path, key)) for key in self.value(path) or ())

    def block(self, path: PathKey) -> TextBlock:
        """The block at ``path``: its key, sub-heading, paragraphs, bullets, box and write-in labels."""
        data = self.value(path)
        return TextBlock(
            key=str(path[-1]),
            title=self.optional((*path, "title")),
            text=self.optional((*path, "text")),
            items=self.optional_map((*path, "items")) or (),
            after=self.optional((*path, "after")),
            box=data.get("box"),
            write_in=self.optional_map((*path, "write_in")) or (),
        )
