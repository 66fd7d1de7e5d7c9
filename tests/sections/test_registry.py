"""The section registry: a new section is one declaration, and the pipeline needs nothing else.

The toy section below is declared in this file alone, as a section module declares one (model,
rule, heading, renderer; its schema fragment, builder and list-item notes follow from the model),
registered for one test, and taken from a leaflet file through the schema, the model and the layout.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from medleaflet.content.load import Document, PathKey, parse_yaml
from medleaflet.content.schema import leaflet_schema
from medleaflet.content.texts import value_at
from medleaflet.content.validate import validate_leaflet
from medleaflet.errors import Problem, ValidationError
from medleaflet.i18n.extract import describe, section_of
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.i18n.localise import ResolvedText, localise
from medleaflet.sections import SECTIONS
from medleaflet.sections.registry import BULLET, N_, TEXT, TEXT_MAP, Bullets, Kit, Section, Story, Text, fields, model
from tests.conftest import DATA
from tests.sections.kit import PROJECT, layout, printed_text, shipped_template

#: The standard template, loaded before the toy is registered (it does not list the toy).
STANDARD = shipped_template()
TOY_HEADING = N_("ui:section.toy", "Toy section heading")


@model
class Toy:
    note: Text
    tips: Bullets


def toy_rules(document: Document, path: PathKey) -> list[Problem]:
    note = value_at(document.data, (*path, "note"))
    if isinstance(note, str) and note.isupper():
        return [document.problem((*path, "note"), "must not shout")]
    return []


def render_toy(kit: Kit, toy: Toy) -> Story:
    return [kit.p(kit.t(toy.note)), *kit.bullets(toy.tips)]


TOY = Section.of("toy", TOY_HEADING, Toy, render_toy, rules=toy_rules)

TOY_YAML = """  toy:
    note: {note}
    tips:
      first: A first tip.
      second: A second tip.
"""


@pytest.fixture
def toy() -> Iterator[Section]:
    """The toy section, registered for one test only."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(SECTIONS, TOY.key, TOY)
        yield TOY
    assert TOY.key not in SECTIONS


def toy_document(note: str = "A toy note.", name: str = "minimal.yaml") -> Document:
    """The minimal leaflet with a toy section appended."""
    text = (DATA / "leaflets" / "minimal.yaml").read_text("utf-8") + TOY_YAML.format(note=note)
    return parse_yaml(text, name)


def test_a_registered_section_goes_from_schema_to_model_to_page(toy: Section) -> None:
    assembled = leaflet_schema()["properties"]["sections"]["properties"]["toy"]
    assert assembled == {**toy.schema, "properties": {**toy.schema["properties"], "heading": TEXT}}
    assert toy.schema == fields({"note": TEXT, "tips": TEXT_MAP})
    leaflet = validate_leaflet(toy_document(), expected_id="minimal")
    model = leaflet.sections["toy"]
    assert isinstance(model, Toy) and leaflet.sections.toy is model
    assert [tip.key for tip in model.tips] == ["sections.toy.tips.first", "sections.toy.tips.second"]
    assert model.note.location.line > 1
    assert model.note in leaflet.texts()

    # The toy's heading is declared outside the package, so the English localisation is told of it.
    english = localise(PROJECT, leaflet, SOURCE_LOCALE)
    where = model.note.location
    resolved = {
        **english.resolved,
        (TOY_HEADING.context, TOY_HEADING.message): ResolvedText(TOY_HEADING.message, where),
    }
    template = dataclasses.replace(STANDARD, sections=(*STANDARD.sections, "toy"))
    pages = layout(leaflet, template=template, localised=dataclasses.replace(english, resolved=resolved))
    printed = printed_text(flowable for block in pages.blocks() for flowable in block.flowables)
    printed_sections = [key for key in template.sections if key in leaflet.sections]
    assert f"{len(printed_sections)}. {TOY_HEADING.message}" in printed
    assert "A toy note. A first tip. A second tip." in printed


def test_a_registered_section_must_be_in_every_template(toy: Section) -> None:
    with pytest.raises(ValidationError, match="every section must be printed; missing: toy"):
        shipped_template()


def test_a_registered_section_has_its_notes_and_heading_for_translators(toy: Section) -> None:
    assert section_of("sections.toy.note") == f"Section '{TOY_HEADING.message}'"
    assert describe("sections.toy.tips.first") == BULLET


def test_a_registered_section_is_required_and_checked_with_the_schema(toy: Section) -> None:
    minimal = (DATA / "leaflets" / "minimal.yaml").read_text("utf-8")
    with pytest.raises(ValidationError) as caught:
        validate_leaflet(parse_yaml(minimal, "minimal.yaml"), expected_id="minimal")
    assert [str(p) for p in caught.value.problems] == ["minimal.yaml:26: sections.toy: required field is missing"]


def test_a_section_rule_runs_beside_the_schema(toy: Section) -> None:
    document = toy_document(note="SHOUTING.")
    del document.data["metadata"]["version"]
    with pytest.raises(ValidationError) as caught:
        validate_leaflet(document, expected_id="minimal")
    assert [f"{p.path}: {p.message}" for p in caught.value.problems] == [
        "metadata.version: required field is missing",
        "sections.toy.note: must not shout",
    ]


def test_an_unregistered_section_is_an_unknown_field() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_leaflet(toy_document(), expected_id="minimal")
    assert [p.message.split(" (")[0] for p in caught.value.problems] == ["unknown field"]
    assert caught.value.problems[0].path == "sections.toy"
