"""The leaflet content model: what a validated leaflet file contains.

Every piece of patient-facing text is a :class:`Text`, which keeps the
English source, a stable key (its path in the file, used as the message
context for translators) and the place it came from. The model is built by
:mod:`medleaflet.content.validate` and never holds unchecked data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from medleaflet.errors import SourceLocation

Severity = Literal["serious", "moderate", "minor"]
ReviewStatus = Literal["draft", "reviewed"]


@dataclass(frozen=True)
class Text:
    """One translatable string.

    ``value`` is plain text (never markup); ``key`` is its dotted path in
    the leaflet file, e.g. ``sections.interactions.groups.opioids.advice``.
    """

    value: str
    key: str
    location: SourceLocation

    def __str__(self) -> str:
        return self.value


#: An ordered group of bullets or paragraphs, each with a stable key.
TextList = tuple[Text, ...]


@dataclass(frozen=True)
class Review:
    """Clinical review status of the English leaflet."""

    status: ReviewStatus
    by: str | None
    date: dt.date | None


@dataclass(frozen=True)
class Source:
    """A reference the leaflet's facts were checked against."""

    title: str
    publisher: str
    url: str | None


@dataclass(frozen=True)
class Metadata:
    version: str
    revised: dt.date
    review: Review
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Form:
    """A dosage form (tablets, oral solution, ...) and its strengths."""

    key: str
    name: Text
    strengths: TextList


@dataclass(frozen=True)
class Brand:
    """A brand name, the form it is sold as, and where (ISO 3166 codes)."""

    name: str
    form: str
    countries: tuple[str, ...]


@dataclass(frozen=True)
class Identity:
    generic_name: Text
    drug_class: Text
    forms: tuple[Form, ...]
    brands: tuple[Brand, ...]
    strength_warning: Text | None


@dataclass(frozen=True)
class Uses:
    intro: Text
    conditions: TextList
    not_a_cure: Text
    off_label: Text | None


@dataclass(frozen=True)
class HowItWorks:
    paragraphs: TextList


@dataclass(frozen=True)
class BeforeYouTake:
    intro: Text
    conditions: TextList


@dataclass(frozen=True)
class DoNotStop:
    title: Text
    text: Text
    signs: TextList
    pump: Text | None


@dataclass(frozen=True)
class HowToTake:
    instructions: TextList
    missed_dose: Text
    do_not_stop: DoNotStop


@dataclass(frozen=True)
class InteractionGroup:
    """A class of interacting medicines, what can happen and what to do."""

    key: str
    title: Text
    severity: Severity
    drugs: TextList
    effect: Text
    advice: Text


@dataclass(frozen=True)
class Interactions:
    intro: Text
    groups: tuple[InteractionGroup, ...]
    not_complete: Text


@dataclass(frozen=True)
class Alcohol:
    paragraphs: TextList


@dataclass(frozen=True)
class SideEffects:
    intro: Text
    common: TextList
    common_advice: Text | None
    driving: Text | None
    serious_intro: Text
    serious: TextList
    emergency_note: Text | None


@dataclass(frozen=True)
class Overdose:
    intro: Text
    signs: TextList
    action: Text


@dataclass(frozen=True)
class SeekHelp:
    emergency_intro: Text
    emergency: TextList
    clinic_intro: Text


@dataclass(frozen=True)
class Storage:
    items: TextList


@dataclass(frozen=True)
class Sections:
    uses: Uses
    how_it_works: HowItWorks
    before_you_take: BeforeYouTake
    how_to_take: HowToTake
    interactions: Interactions
    alcohol: Alcohol
    side_effects: SideEffects
    overdose: Overdose
    seek_help: SeekHelp
    storage: Storage


#: The section keys, in the order the schema lists them.
SECTION_KEYS: tuple[str, ...] = tuple(Sections.__dataclass_fields__)


@dataclass(frozen=True)
class Leaflet:
    """A complete, validated leaflet for one medicine (English source)."""

    id: str
    source: str
    metadata: Metadata
    identity: Identity
    sections: Sections

    def texts(self) -> list[Text]:
        """Every translatable string, in file order."""
        found: list[Text] = []
        _collect(self.identity, found)
        _collect(self.sections, found)
        return sorted(found, key=lambda text: text.location.line)


def _collect(value: object, found: list[Text]) -> None:
    if isinstance(value, Text):
        found.append(value)
    elif isinstance(value, tuple):
        for item in value:
            _collect(item, found)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:  # type: ignore[attr-defined]
            _collect(getattr(value, name), found)
