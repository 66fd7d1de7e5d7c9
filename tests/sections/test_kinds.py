"""Field kinds: a section model's annotations give its schema fragment and its builder."""

from __future__ import annotations

import dataclasses

import jsonschema
import pytest

from medleaflet.content.load import parse_yaml
from medleaflet.content.schema import load_schema
from medleaflet.content.texts import TextReader
from medleaflet.sections import SECTIONS
from medleaflet.sections.kinds import BULLET, FIELD_KINDS, Bullets, model_builder, model_notes, model_schema
from medleaflet.sections.registry import SUBSECTION, TEXT, TEXT_MAP, Subsection, Text, TextList, fields


@dataclasses.dataclass(frozen=True)
class Inner:
    title: Text
    items: TextList
    points: Bullets


@dataclasses.dataclass(frozen=True)
class Outer:
    intro: Text
    aside: Text | None
    inner: Inner
    extra: Subsection | None


@dataclasses.dataclass(frozen=True)
class Unsupported:
    severity: str


OUTER_YAML = """outer:
  intro: An introduction.
  inner:
    title: A title.
    items:
      first: One.
      second: Two.
    points:
      only: A point.
"""


def test_each_annotation_gives_its_fragment_required_fields_first() -> None:
    assert model_schema(Outer) == fields(
        {"intro": TEXT, "inner": fields({"title": TEXT, "items": TEXT_MAP, "points": TEXT_MAP})},
        {"aside": TEXT, "extra": SUBSECTION},
    )
    assert list(model_schema(Outer)["properties"]) == ["intro", "inner", "aside", "extra"]


def test_the_builder_reads_each_field_with_its_key_and_line() -> None:
    document = parse_yaml(OUTER_YAML, "outer.yaml")
    outer = model_builder(Outer)(TextReader(document), ("outer",))
    assert outer.aside is None and outer.extra is None
    assert (outer.intro.value, outer.intro.key, outer.intro.location.line) == ("An introduction.", "outer.intro", 2)
    assert [(item.key, item.location.line) for item in outer.inner.items] == [
        ("outer.inner.items.first", 6),
        ("outer.inner.items.second", 7),
    ]


def test_bullets_read_as_a_text_map_and_note_each_item_as_a_bullet_point() -> None:
    outer = model_builder(Outer)(TextReader(parse_yaml(OUTER_YAML, "outer.yaml")), ("outer",))
    assert [point.key for point in outer.inner.points] == ["outer.inner.points.only"]
    assert model_notes(Outer) == ((r"^inner\.points\.", BULLET),)
    assert model_notes(Inner) == ((r"^points\.", BULLET),)


def test_a_field_of_no_kind_is_refused_by_name() -> None:
    with pytest.raises(TypeError, match=r"Unsupported\.severity: .*str.* is not a field kind"):
        model_schema(Unsupported)


def test_every_kind_refers_to_a_definition_of_the_leaflet_schema() -> None:
    definitions = load_schema("leaflet")["$defs"]
    for kind in FIELD_KINDS.values():
        assert kind.schema["$ref"].removeprefix("#/$defs/") in definitions


def test_every_declared_section_schema_is_a_valid_schema() -> None:
    for section in SECTIONS.values():
        jsonschema.Draft202012Validator.check_schema(dict(section.schema))
