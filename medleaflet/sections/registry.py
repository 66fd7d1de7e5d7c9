"""The section registry: what every leaflet section declares, in one place.

A :class:`Section` names its key (the field under ``sections:`` in a leaflet
file) and declares everything the pipeline needs to know about it:

* ``schema``: the JSON schema of ``sections.<key>`` (assembled into the leaflet
  schema by :mod:`medleaflet.content.schema`);
* ``build``: schema-valid data -> the section's model, with a
  :class:`~medleaflet.content.texts.TextReader`;
* ``rules``: checks the schema cannot express (optional);
* ``heading``: its heading, a layout message;
* ``render``: model -> flowables, with the layout's kit;
* ``notes``: what each of its fields is, for translators.

The validate stage builds every registered section, the layout numbers them
in the template's order and calls each renderer; neither knows any section
by name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable

from medleaflet.content.load import Document, PathKey
from medleaflet.content.texts import TextReader
from medleaflet.errors import Problem
from medleaflet.i18n.ui import UIText

if TYPE_CHECKING:
    from medleaflet.layout.widgets import Kit

#: ``render(kit, section)``: the section's flowables, after its heading.
Renderer = Callable[["Kit", Any], list[Flowable]]
#: ``build(reader, path)``: the section's model from the schema-valid data at ``path``.
Builder = Callable[[TextReader, PathKey], Any]
#: ``rules(document, path)``: problems the schema cannot find in the data at ``path``. The data
#: may break the schema too: a rule skips whatever is missing or of the wrong type.
Rules = Callable[[Document, PathKey], list[Problem]]

#: Schema fragments shared by sections: one paragraph of plain text, and a mapping of stable keys
#: to paragraphs (``$defs`` of ``medleaflet/content/schemas/leaflet.schema.json``).
TEXT: Mapping[str, Any] = {"$ref": "#/$defs/text"}
TEXT_MAP: Mapping[str, Any] = {"$ref": "#/$defs/textmap"}
#: A stable key of lower-case letters, digits and underscores.
KEY: Mapping[str, Any] = {"$ref": "#/$defs/key"}
#: An optional sub-heading and the paragraph under it (:class:`~medleaflet.content.model.Subsection`).
SUBSECTION: Mapping[str, Any] = {"$ref": "#/$defs/subsection"}

#: The translator's note for one item of a bulleted list.
BULLET = "One bullet point in a list."


def fields(required: Mapping[str, Any], optional: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The JSON schema of a mapping with exactly these fields: ``required`` ones and ``optional`` ones."""
    return {
        "type": "object",
        "required": list(required),
        "additionalProperties": False,
        "properties": {**required, **(optional or {})},
    }


def no_rules(document: Document, path: PathKey) -> list[Problem]:
    """The rules of a section the schema describes completely: none."""
    return []


@dataclass(frozen=True)
class Section:
    """One leaflet section: its key, schema, model, builder, rules, heading, renderer and notes."""

    key: str
    heading: UIText
    schema: Mapping[str, Any]
    model: type
    build: Builder
    render: Renderer
    #: ``(pattern, note)``: a field's role for translators; ``pattern`` is searched in the key
    #: below the section (``groups.opioids.advice``). The first match wins, before generic notes.
    notes: tuple[tuple[str, str], ...] = ()
    rules: Rules = no_rules
