"""The section registry: what every leaflet section declares, in one place.

A :class:`Section` names its key (the field under ``sections:`` in a leaflet
file) and declares everything the pipeline needs to know about it:

* ``schema``: the JSON schema of ``sections.<key>`` (assembled into the leaflet
  schema by :mod:`medleaflet.content.schema`);
* ``build``: schema-valid data -> the section's model, with a
  :class:`~medleaflet.content.texts.TextReader`;
* ``rules``: checks the schema cannot express (optional);
* ``heading``: its heading, a layout message;
* ``render``: model -> a :data:`Story` of flowables, with a :class:`Kit` of widgets;
* ``notes``: what each of its fields is, for translators.

A section whose model is made of the field kinds of :mod:`medleaflet.sections.kinds`
is declared with :meth:`Section.of`, which derives ``schema``, ``build`` and the notes of
its bulleted lists from the model's annotations; one that needs more (groups, severities,
slug keys) gives them all.

This module also gives a section module all it imports from the package: the
:func:`model` decorator and the text types of its fields (``Text``, ``TextList``,
``Bullets``, ``Subsection``, ``WriteIn``, ``Blocks``), ``N_`` for its messages, the
:class:`~medleaflet.sections.kit.Kit` its renderer is given and the :data:`~medleaflet.sections.kit.Story` it returns,
and the schema fragments.

The validate stage builds every registered section, the layout numbers them
in the template's order and calls each renderer; neither knows any section
by name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar, dataclass_transform

from medleaflet.content.load import Document, PathKey
from medleaflet.content.model import Subsection, Text, TextList
from medleaflet.content.texts import TextReader
from medleaflet.errors import Problem
from medleaflet.i18n.ui import N_, UIText
from medleaflet.sections.kinds import (
    BLOCKS,
    BULLET,
    KEY,
    SUBSECTION,
    TEXT,
    TEXT_MAP,
    Blocks,
    Bullets,
    WriteIn,
    fields,
    model_builder,
    model_notes,
    model_schema,
)
from medleaflet.sections.kit import Cell, Kit, Story

T = TypeVar("T")

__all__ = [
    "BLOCKS",
    "BULLET",
    "KEY",
    "N_",
    "SUBSECTION",
    "TEXT",
    "TEXT_MAP",
    "Blocks",
    "Builder",
    "Bullets",
    "Cell",
    "Kit",
    "Renderer",
    "Rules",
    "Section",
    "Story",
    "Subsection",
    "Text",
    "TextList",
    "WriteIn",
    "fields",
    "model",
    "no_rules",
]

#: ``render(kit, section)``: the section's flowables, after its heading.
Renderer = Callable[[Kit, Any], Story]
#: ``build(reader, path)``: the section's model from the schema-valid data at ``path``.
Builder = Callable[[TextReader, PathKey], Any]
#: ``rules(document, path)``: problems the schema cannot find in the data at ``path``. The data
#: may break the schema too: a rule skips whatever is missing or of the wrong type.
Rules = Callable[[Document, PathKey], list[Problem]]
#: ``(pattern, note)``: a field's role for translators (see :attr:`Section.notes`).
Notes = tuple[tuple[str, str], ...]


@dataclass_transform(frozen_default=True)
def model(cls: type[T]) -> type[T]:
    """``cls`` as a section model (or a part of one): a frozen dataclass of its annotated fields."""
    return dataclass(frozen=True)(cls)


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
    #: ``pattern`` is searched in the key below the section (``groups.opioids.advice``);
    #: the first match wins, before generic notes.
    notes: Notes = ()
    rules: Rules = no_rules
    #: Whether every leaflet must have it; an optional section a leaflet leaves out is not printed.
    required: bool = True

    @classmethod
    def of(
        cls,
        key: str,
        heading: UIText,
        model: type,
        render: Renderer,
        notes: Notes = (),
        rules: Rules = no_rules,
        required: bool = True,
    ) -> Section:
        """The section whose schema fragment, builder and list-item notes follow from ``model``'s
        field annotations (:mod:`medleaflet.sections.kinds`), with ``notes`` after those;
        :class:`TypeError` if a field is of no kind."""
        derived = model_notes(model) + notes
        return cls(key, heading, model_schema(model), model, model_builder(model), render, derived, rules, required)
