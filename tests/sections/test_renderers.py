"""Every section renderer, alone: each section of each shipped leaflet, in English, with the kit.

The sections come from the registry and the leaflets from ``leaflets/``; nothing here lists them.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import pytest
from reportlab.platypus import Flowable

from medleaflet.content.clinic import Clinic, load_clinic
from medleaflet.content.model import Leaflet, Text
from medleaflet.sections import SECTIONS, interactions, seek_help
from tests.conftest import DATA
from tests.sections.kit import LEAFLETS, kit, leaflet, normalised, printed_text

CLINICS = sorted((DATA / "clinics").glob("*.yaml"))
CASES = [(leaflet_id, key) for leaflet_id in LEAFLETS for key in SECTIONS]


@cache
def shipped(leaflet_id: str) -> Leaflet:
    return leaflet(leaflet_id)


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
    assert section.heading.context == "ui:section" and section.heading.message
    assert section.schema["type"] == "object" and section.schema["additionalProperties"] is False
    assert dataclasses.is_dataclass(section.model)


@pytest.mark.parametrize("leaflet_id", LEAFLETS)
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
