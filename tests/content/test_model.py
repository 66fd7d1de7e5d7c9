"""medleaflet.content.model and the shipped content: keys, locations, medical facts."""

from __future__ import annotations

import re

import pytest

from medleaflet.content.model import Leaflet
from medleaflet.content.validate import load_leaflet
from medleaflet.sections import SECTIONS
from tests.conftest import ROOT

# Every drug named in the seed article's interaction list (shared/seed/README.md).
SEED_DRUGS = [
    *"""
alfentanil benzhydrocodone buprenorphine butorphanol codeine dihydrocodeine fentanyl
hydrocodone hydromorphone levorphanol meperidine methadone morphine nalbuphine oxycodone
oxymorphone pentazocine remifentanil sufentanil tapentadol tramadol bromazepam clobazam
midazolam zolpidem doxylamine diphenhydramine gabapentin pregabalin loxapine periciazine
cyclobenzaprine duloxetine amphetamine amifampridine donepezil flibanserin lofexidine
metoclopramide
""".split(),
    "sodium oxybate",
]

# Claims the seed README marks as unsafe or wrong: none may appear in a leaflet.
UNSAFE = [
    r"steady alcohol intake",
    r"well tolerated and safe",
    r"high doses of alcohol",
    r"does not seem to impact side effects",
    r"activates GABA\b",
    r"844",
    r"318-7500",
]


@pytest.fixture(scope="module")
def leaflet() -> Leaflet:
    return load_leaflet(ROOT / "leaflets" / "baclofen.yaml", ROOT)


def all_text(leaflet: Leaflet) -> str:
    return "\n".join(text.value for text in leaflet.texts())


def test_keys_are_unique_and_located(leaflet: Leaflet) -> None:
    texts = leaflet.texts()
    keys = [text.key for text in texts]
    assert len(keys) == len(set(keys))
    assert all(text.location.file == "leaflets/baclofen.yaml" and text.location.line > 0 for text in texts)
    assert "sections.interactions.groups.opioids.advice" in keys
    assert "sections.interactions.groups.opioids.drugs.meperidine_pethidine" in keys


def test_texts_are_in_file_order(leaflet: Leaflet) -> None:
    lines = [text.location.line for text in leaflet.texts()]
    assert lines == sorted(lines)


@pytest.mark.parametrize("drug", SEED_DRUGS)
def test_every_seed_drug_is_listed(leaflet: Leaflet, drug: str) -> None:
    listed = [d.value for group in leaflet.sections.interactions.groups for d in group.drugs]
    assert any(name.startswith(drug) for name in listed)


def test_interaction_groups(leaflet: Leaflet) -> None:
    groups = {group.key: group for group in leaflet.sections.interactions.groups}
    assert set(groups) == {"opioids", "sleep", "sedating", "stimulants", "other"}
    assert groups["opioids"].severity == "serious"
    assert "death" in groups["opioids"].effect.value


def test_every_section_is_present(leaflet: Leaflet) -> None:
    required = [key for key, section in SECTIONS.items() if section.required]
    assert set(required) <= set(leaflet.sections)
    assert tuple(leaflet.sections) == tuple(key for key in SECTIONS if key in leaflet.sections)
    assert set(leaflet.sections) == {
        "uses",
        "how_it_works",
        "before_you_take",
        "how_to_take",
        "interactions",
        "alcohol",
        "side_effects",
        "overdose",
        "seek_help",
        "storage",
    }


def test_safety_messages(leaflet: Leaflet) -> None:
    text = all_text(leaflet)
    assert "Do not stop taking baclofen suddenly." in text
    assert "kidney" in text.lower()
    assert "Avoid alcohol" in text
    assert "off-label" in text
    assert "Fleqsuvy (25 mg in 5 mL) is 5 times stronger" in text


@pytest.mark.parametrize("pattern", UNSAFE)
def test_no_unsafe_seed_claims(leaflet: Leaflet, pattern: str) -> None:
    assert not re.search(pattern, all_text(leaflet), re.IGNORECASE)


def test_plain_language(leaflet: Leaflet) -> None:
    """Sentences stay short: a proxy for reading grade 6 to 8 on the prose."""
    prose = [
        t.value
        for t in leaflet.texts()
        if ".drugs." not in t.key and ".strengths." not in t.key and len(t.value.split()) > 3
    ]
    sentences = [s for p in prose for s in re.split(r"(?<=[.!?:])\s+", p) if s]
    words = [len(s.split()) for s in sentences]
    assert sum(words) / len(words) < 14
    assert max(words) <= 30
