"""Every section renderer, alone: each section of each shipped leaflet, in English, with the kit.

The sections come from the registry and the leaflets from ``leaflets/``, with the test leaflet
that uses every optional part of the schema (``tests/data/leaflets/full.yaml``); nothing here
lists them. A section is tested in each leaflet that has it.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import pytest
from reportlab.platypus import Flowable

from medleaflet.content.clinic import Clinic, load_clinic
from medleaflet.content.model import Leaflet, Text
from medleaflet.content.validate import load_leaflet
from medleaflet.sections import SECTIONS, custom, interactions, seek_help
from medleaflet.sections.kinds import BLOCKS
from medleaflet.sections.order import printed_sections
from tests.conftest import DATA
from tests.sections.kit import LEAFLETS, kit, leaflet, normalised, printed_text, shipped_template

CLINICS = sorted((DATA / "clinics").glob("*.yaml"))
#: The leaflet that has every optional part of the schema.
FULL = DATA / "leaflets" / "full.yaml"
SAMPLES = [*LEAFLETS, FULL.stem]


@cache
def shipped(leaflet_id: str) -> Leaflet:
    return load_leaflet(FULL) if leaflet_id == FULL.stem else leaflet(leaflet_id)


CASES = [(leaflet_id, key) for leaflet_id in SAMPLES for key in SECTIONS if key in shipped(leaflet_id).sections]


def texts_of(value: object) -> list[Text]:
    """Every :class:`Text` in a section's model, depth first."""
    if isinstance(value, Text):
        return [value]
    if isinstance(value, tuple):
        return [text for item in value for text in texts_of(item)]
    if dataclasses.is_dataclass(value):
        return [text for field in dataclasses.fields(value) for text in texts_of(getattr(value, field.name))]
    return []


@pytest.mark.parametrize(("leaflet_id", "key"), CASES, ids=[f"{lid}-{key}" for lid, key in CASES])
def test_section_prints_every_text_of_its_model(leaflet_id: str, key: str) -> None:
    model = shipped(leaflet_id).sections[key]
    assert isinstance(model, SECTIONS[key].model)
    flowables = SECTIONS[key].render(kit(shipped(leaflet_id)), model)
    assert flowables and all(isinstance(flowable, Flowable) for flowable in flowables)
    printed = printed_text(flowables)
    texts = texts_of(model)
    assert texts, f"{key} has no text"
    missing = [text.key for text in texts if normalised(text.value) not in printed]
    assert not missing, f"not printed: {missing}"


@pytest.mark.parametrize("key", SECTIONS)
def test_section_declares_itself_completely(key: str) -> None:
    section = SECTIONS[key]
    assert section.key == key
    assert section.heading.context.startswith("ui:section.") and section.heading.message
    if section.model is tuple:  # a section of blocks
        assert section.schema == BLOCKS and not section.required
    else:
        assert section.schema["type"] == "object" and section.schema["additionalProperties"] is False
        assert dataclasses.is_dataclass(section.model)


def test_every_section_has_a_sample() -> None:
    assert {key for _, key in CASES} == set(SECTIONS)


def test_custom_sections_print_under_their_own_heading_where_they_say() -> None:
    full = shipped(FULL.stem)
    order = [section.key for section in printed_sections(shipped_template().sections, full.sections)]
    assert order.index("custom-sun") == order.index("side_effects") + 1
    assert order.index("custom-diary") == order.index("seek_help") - 1
    for custom_section in full.sections[custom.KEY_NAME]:
        assert custom_section.heading.value and custom_section.blocks


@pytest.mark.parametrize("leaflet_id", [lid for lid in SAMPLES if "interactions" in shipped(lid).sections])
def test_interactions_legend_lists_only_the_severities_used(leaflet_id: str) -> None:
    model: interactions.Interactions = shipped(leaflet_id).sections["interactions"]
    the_kit = kit(shipped(leaflet_id))
    for only in interactions.SEVERITIES:
        groups = tuple(dataclasses.replace(group, severity=only) for group in model.groups)
        legend = printed_text([interactions.severity_legend(the_kit, dataclasses.replace(model, groups=groups))])
        for severity in interactions.SEVERITIES:
            meaning = interactions.SEVERITY_MEANING[severity].message
            assert (meaning in legend) == (severity == only), (only, severity)
    used = {group.severity for group in model.groups}
    legend = printed_text([interactions.severity_legend(the_kit, model)])
    assert {s for s in interactions.SEVERITIES if interactions.SEVERITY_MEANING[s].message in legend} == used


@pytest.mark.parametrize("leaflet_id", LEAFLETS)
def test_seek_help_without_a_clinic_has_write_in_lines(leaflet_id: str) -> None:
    model = shipped(leaflet_id).sections["seek_help"]
    printed = printed_text(seek_help.render(kit(shipped(leaflet_id)), model))
    for label in (seek_help.CLINIC_NAME, seek_help.CLINIC_PHONE, seek_help.EMERGENCY_NUMBER):
        assert label.message in printed
    assert seek_help.EMERGENCY_CALL.message.split("{")[0] not in printed


@pytest.mark.parametrize("leaflet_id", LEAFLETS)
@pytest.mark.parametrize("clinic_path", CLINICS, ids=[path.stem for path in CLINICS])
def test_seek_help_with_a_clinic_gives_its_country_emergency_number(leaflet_id: str, clinic_path: Path) -> None:
    clinic: Clinic = load_clinic(clinic_path)
    model = shipped(leaflet_id).sections["seek_help"]
    printed = printed_text(seek_help.render(kit(shipped(leaflet_id), clinic), model))
    assert seek_help.EMERGENCY_CALL.message.format(number=clinic.emergency.number) in printed
    assert clinic.name in printed and clinic.phone in printed
    assert seek_help.CLINIC_NAME.message not in printed


def test_a_leaflet_heading_replaces_the_tools_heading() -> None:
    full = shipped(FULL.stem)
    own = full.sections.headings["how_to_take"]
    assert own.value == "How to use it" and own in full.texts()
    section = next(s for s in printed_sections(shipped_template().sections, full.sections) if s.key == "how_to_take")
    assert section.heading(kit(full)) == own.value
