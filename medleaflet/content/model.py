"""The leaflet content model: what a validated leaflet file contains.

Every piece of patient-facing text is a :class:`Text`, which keeps the
English source, a stable key (its path in the file, used as the message
context for translators) and the place it came from. The model is built by
:mod:`medleaflet.content.validate` and never holds unchecked data.

Each section's own model lives with its section, in :mod:`medleaflet.sections`;
this module holds what they share (:class:`Text`, :data:`TextList`,
:class:`Subsection`) and the :class:`Sections` mapping that holds them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, Literal

from medleaflet.errors import SourceLocation

ReviewStatus = Literal["draft", "reviewed"]
#: Whether a brand is on sale, no longer sold, or a generic (unbranded) product.
BrandStatus = Literal["current", "discontinued", "generic"]
#: The box a block of text is printed in, if any.
BoxKind = Literal["warning", "caution"]


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
    """What is known about the leaflet as a document: its version, when it was last
    revised, its clinical review and the references its facts were checked against."""

    version: str
    revised: dt.date
    review: Review
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Appearance:
    """What a tablet or capsule of one strength looks like (any of the three)."""

    colour: Text | None
    shape: Text | None
    marking: Text | None


@dataclass(frozen=True)
class Strength:
    """One strength of a form (``10 mg``), where it is sold and what it looks like."""

    #: As printed; its key is a slug of the English text (``strengths.10_mg``), stable under reordering.
    text: Text
    #: ISO 3166 codes of the countries it is sold in; empty: wherever its form is.
    countries: tuple[str, ...]
    appearance: Appearance | None


@dataclass(frozen=True)
class Form:
    """A dosage form (tablets, oral solution, ...) and its strengths."""

    #: Its key under ``identity.forms`` (``tablets``), which brands refer to.
    key: str
    name: Text
    #: In the order of the file.
    strengths: tuple[Strength, ...]
    #: ISO 3166 codes of the countries it is sold in; empty: not limited.
    countries: tuple[str, ...]


@dataclass(frozen=True)
class Brand:
    """A brand name, the form it is sold as, where (ISO 3166 codes), and whether it still is."""

    #: Printed as written in every language: a brand name is never translated.
    name: str
    #: The key of one of the leaflet's forms.
    form: str
    countries: tuple[str, ...]
    status: BrandStatus


@dataclass(frozen=True)
class Identity:
    """Which medicine the leaflet is about: names, class, forms and brands (page 1)."""

    generic_name: Text
    drug_class: Text
    forms: tuple[Form, ...]
    brands: tuple[Brand, ...]
    strength_warning: Text | None


@dataclass(frozen=True)
class Subsection:
    """An optional block of a section: a sub-heading and the paragraph under it."""

    title: Text
    text: Text


@dataclass(frozen=True)
class TextBlock:
    """A block of a section: an optional sub-heading and what goes under it, possibly in a box.

    Any part may be missing, but a block has at least one of ``text``, ``items`` and ``write_in``.
    """

    #: Its stable key in the leaflet file (``blood_tests``).
    key: str
    title: Text | None
    text: Text | None
    #: Bullet points.
    items: TextList
    #: A paragraph after the bullet points.
    after: Text | None
    box: BoxKind | None
    #: Labels of lines to write on (``My weekly dose``).
    write_in: TextList


#: A section's blocks, in file order.
TextBlocks = tuple[TextBlock, ...]


class Sections(Mapping[str, Any]):
    """A leaflet's sections by key, in the registry's order (:data:`medleaflet.sections.SECTIONS`):
    those the leaflet has (an optional section it leaves out is absent), then ``custom``, the
    leaflet-defined sections, if any.

    Each value is the model its section declares; ``sections["uses"]`` and
    ``sections.uses`` are the same. Read-only and hashable, like the rest of the model.
    """

    def __init__(self, by_key: Mapping[str, Any], headings: Mapping[str, Text] | None = None) -> None:
        self._by_key = dict(by_key)
        #: Headings the leaflet writes in place of the tool's, by section key ("How to use it").
        self.headings: Mapping[str, Text] = dict(headings or {})

    def __getitem__(self, key: str) -> Any:
        return self._by_key[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_key)

    def __len__(self) -> int:
        return len(self._by_key)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["_by_key"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __hash__(self) -> int:
        return hash((tuple(self._by_key.items()), tuple(self.headings.items())))

    def __repr__(self) -> str:
        return f"Sections({self._by_key!r})"


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
    elif isinstance(value, Sections):
        for item in (*value.values(), *value.headings.values()):
            _collect(item, found)
    elif isinstance(value, tuple):
        for item in value:
            _collect(item, found)
    elif is_dataclass(value):
        for field in fields(value):
            _collect(getattr(value, field.name), found)
