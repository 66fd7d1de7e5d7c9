"""Field kinds: how a field of a section's model is written in a leaflet file and read from it.

A section model is a frozen dataclass of located text. Each field's annotation
names its kind (:data:`FIELD_KINDS`):

=====================  ===========================================  ==============================
annotation             in the leaflet file                          read with
=====================  ===========================================  ==============================
``Text``               one paragraph, required                      :meth:`TextReader.text`
``Text | None``        one paragraph, optional                      :meth:`TextReader.optional`
``TextList``           stable keys to paragraphs, required          :meth:`TextReader.text_map`
``Bullets``            the same, printed as a bulleted list         :meth:`TextReader.text_map`
``Bullets | None``     the same, optional                           :meth:`TextReader.optional_map`
``WriteIn``            stable keys to labels of lines to write on,  :meth:`TextReader.optional_map`
                       optional (empty when absent)
``Blocks``             stable keys to blocks, optional (empty       :meth:`TextReader.blocks`
                       when absent)
``Subsection | None``  a ``{title, text}`` block, optional          :meth:`TextReader.subsection`
another model          a mapping of that model's fields, required   that model's builder
``Model | None``       the same, optional                           that model's builder, or None
=====================  ===========================================  ==============================

so :func:`model_schema` and :func:`model_builder` derive a simple section's
schema fragment and builder from its model alone, and :func:`model_notes` tells
translators that each item of a ``Bullets`` field is one bullet point. A field of any other kind
(a severity, a list keyed by slugs) needs the section's own schema and builder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, is_dataclass
from dataclasses import fields as dataclass_fields
from types import UnionType
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin, get_type_hints

from medleaflet.content.load import PathKey
from medleaflet.content.model import Subsection, Text, TextBlocks, TextList
from medleaflet.content.texts import TextReader

T = TypeVar("T")

#: The translator's note for one item of a bulleted list.
BULLET = "One bullet point in a list."
#: The translator's note for the label of a line to write on.
WRITE_IN_NOTE = "Label of a line the prescriber or patient writes on by hand, e.g. 'My weekly dose'."
#: Stable keys to paragraphs, printed one bullet point each.
Bullets = Annotated[TextList, BULLET]
#: Stable keys to the labels of lines to write on; optional (empty when absent).
WriteIn = Annotated[TextList, WRITE_IN_NOTE]
#: Stable keys to blocks (:class:`~medleaflet.content.model.TextBlock`); optional (empty when absent).
Blocks = Annotated[TextBlocks, "blocks"]

#: Schema fragments shared by sections: one paragraph of plain text, and a mapping of stable keys
#: to paragraphs (``$defs`` of ``medleaflet/content/schemas/leaflet.schema.json``).
TEXT: Mapping[str, Any] = {"$ref": "#/$defs/text"}
TEXT_MAP: Mapping[str, Any] = {"$ref": "#/$defs/textmap"}
#: A stable key of lower-case letters, digits and underscores.
KEY: Mapping[str, Any] = {"$ref": "#/$defs/key"}
#: An optional sub-heading and the paragraph under it (:class:`~medleaflet.content.model.Subsection`).
SUBSECTION: Mapping[str, Any] = {"$ref": "#/$defs/subsection"}
#: Stable keys to blocks, each a sub-heading and what goes under it (:class:`~medleaflet.content.model.TextBlock`).
BLOCKS: Mapping[str, Any] = {"$ref": "#/$defs/blocks"}
#: Stable keys to the labels of lines to write on.
WRITE_IN: Mapping[str, Any] = {"$ref": "#/$defs/writein"}


def fields(required: Mapping[str, Any], optional: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The JSON schema of a mapping with exactly these fields: ``required`` ones and ``optional`` ones."""
    return {
        "type": "object",
        "required": list(required),
        "additionalProperties": False,
        "properties": {**required, **(optional or {})},
    }


@dataclass(frozen=True)
class FieldKind:
    """One kind of model field: its schema fragment, whether the file must have it, its reader,
    and what each item of it is for translators (None: nothing the field's own notes do not say)."""

    schema: Mapping[str, Any]
    required: bool
    #: ``read(reader, path)``: the field's value from the schema-valid data at ``path``.
    read: Callable[[TextReader, PathKey], Any]
    item_note: str | None = None


#: The kind of each field annotation a section model may use, besides another model.
FIELD_KINDS: Mapping[object, FieldKind] = {
    Text: FieldKind(TEXT, True, TextReader.text),
    Text | None: FieldKind(TEXT, False, TextReader.optional),
    TextList: FieldKind(TEXT_MAP, True, TextReader.text_map),
    Bullets: FieldKind(TEXT_MAP, True, TextReader.text_map, BULLET),
    Bullets | None: FieldKind(TEXT_MAP, False, TextReader.optional_map, BULLET),
    WriteIn: FieldKind(WRITE_IN, False, lambda read, path: read.optional_map(path) or (), WRITE_IN_NOTE),
    Blocks: FieldKind(BLOCKS, False, TextReader.blocks),
    Subsection | None: FieldKind(SUBSECTION, False, TextReader.subsection),
}


def field_kinds(model: type) -> dict[str, FieldKind]:
    """Each field of the dataclass ``model``, in order, and its kind; :class:`TypeError` names a
    field whose annotation is no kind (that section declares its own schema and builder)."""
    hints = get_type_hints(model, include_extras=True)
    return {field.name: _kind(model, field.name, hints[field.name]) for field in dataclass_fields(model)}


def _kind(model: type, name: str, hint: Any) -> FieldKind:
    if hint in FIELD_KINDS:
        return FIELD_KINDS[hint]
    if _is_model(hint):
        return FieldKind(model_schema(hint), True, model_builder(hint))
    inner = _optional_model(hint)
    if inner is not None:
        build: Callable[[TextReader, PathKey], Any] = model_builder(inner)
        return FieldKind(model_schema(inner), False, lambda read, path: build(read, path) if read.value(path) else None)
    raise TypeError(f"{model.__name__}.{name}: {hint} is not a field kind; declare the section's schema and build")


def _is_model(hint: Any) -> bool:
    return is_dataclass(hint) and isinstance(hint, type)


def _optional_model(hint: Any) -> type | None:
    """``M`` if ``hint`` is ``M | None`` for a model ``M``, else None."""
    args = get_args(hint)
    if get_origin(hint) in (Union, UnionType) and len(args) == 2 and type(None) in args:
        inner = next(arg for arg in args if arg is not type(None))
        return inner if _is_model(inner) else None
    return None


def model_schema(model: type) -> dict[str, Any]:
    """The JSON schema of a mapping with ``model``'s fields (required ones first, as :func:`fields`)."""
    kinds = field_kinds(model)
    return fields(
        {name: kind.schema for name, kind in kinds.items() if kind.required},
        {name: kind.schema for name, kind in kinds.items() if not kind.required},
    )


def model_notes(model: type) -> tuple[tuple[str, str], ...]:
    """``(pattern, note)`` for the items of each field of ``model``, or of a model within it, whose
    kind has an item note: the pattern matches the keys below the field (``do_not_stop.signs.*``)."""
    return tuple((rf"^{re.escape(path)}\.", note) for path, note in _item_notes(model, ""))


def _item_notes(model: type, prefix: str) -> list[tuple[str, str]]:
    hints = get_type_hints(model, include_extras=True)
    found: list[tuple[str, str]] = []
    for name, kind in field_kinds(model).items():
        hint = hints[name]
        if kind.item_note:
            found.append((prefix + name, kind.item_note))
        elif hint not in FIELD_KINDS:
            found += _item_notes(_optional_model(hint) or hint, f"{prefix}{name}.")
    return found


def model_builder(model: type[T]) -> Callable[[TextReader, PathKey], T]:
    """``build(reader, path)``: ``model`` with each field read from the schema-valid data at ``path``."""
    kinds = field_kinds(model)

    def build(read: TextReader, path: PathKey) -> T:
        return model(**{name: kind.read(read, (*path, name)) for name, kind in kinds.items()})

    return build
