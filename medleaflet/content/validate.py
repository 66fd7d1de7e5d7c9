"""Stage 2, validate: check a loaded leaflet and build the :class:`Leaflet` model.

:func:`validate_leaflet` takes a :class:`~medleaflet.content.load.Document` and returns
a :class:`~medleaflet.content.model.Leaflet`, or raises
:class:`~medleaflet.errors.ValidationError` listing *every* problem found, at
once and sorted by line: schema violations (types, missing and unknown
fields) and rules a schema cannot express (dates that exist, references
between fields, review status, and each section's own rules, such as a
medicine listed twice). The rules run even when the schema fails; they skip
what is missing or of the wrong type, which the schema reports.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from medleaflet.content import model
from medleaflet.content.clinic import COUNTRIES
from medleaflet.content.load import Document, PathKey, load_yaml
from medleaflet.content.schema import require_valid
from medleaflet.content.texts import TextReader, list_at, mapping_at, value_at
from medleaflet.errors import Problem
from medleaflet.sections import SECTIONS


def load_leaflet(path: Path, root: Path | None = None) -> model.Leaflet:
    """Load and validate one leaflet file: the load and validate stages together."""
    return validate_leaflet(load_yaml(path, root), expected_id=path.stem)


def validate_leaflet(document: Document, expected_id: str | None = None) -> model.Leaflet:
    """Validate ``document`` and return the leaflet it describes.

    ``expected_id`` is the id implied by the file name; the ``id`` field must
    match it so that output names and message contexts stay predictable.
    """
    require_valid(document, "leaflet", _rules(document, expected_id))
    return _build(TextReader(document))


def _parse_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _rules(document: Document, expected_id: str | None) -> list[Problem]:
    """Checks beyond the schema. ``document`` may break the schema: each check skips
    what is missing or of the wrong type."""
    data = document.data
    problems: list[Problem] = []
    leaflet_id = value_at(data, ("id",))
    if expected_id is not None and isinstance(leaflet_id, str) and leaflet_id != expected_id:
        problems.append(document.problem(("id",), f"must match the file name ({expected_id!r})"))

    for path in (("metadata", "revised"), ("metadata", "review", "date")):
        value = value_at(data, path)
        if isinstance(value, str) and _parse_date(value) is None:
            problems.append(document.problem(path, f"{value!r} is not a real date"))
    review = mapping_at(data, ("metadata", "review"))
    if review.get("status") == "reviewed":
        for field in ("by", "date"):
            if not review.get(field):
                problems.append(document.problem(("metadata", "review", field), "required when status is 'reviewed'"))

    problems += _brand_rules(document)
    for key, section in SECTIONS.items():
        problems += section.rules(document, ("sections", key))
    return problems


def _brand_rules(document: Document) -> list[Problem]:
    """Each brand's form is one of the leaflet's forms, and its countries are ISO 3166 codes."""
    problems: list[Problem] = []
    forms = mapping_at(document.data, ("identity", "forms"))
    for index, brand in enumerate(list_at(document.data, ("identity", "brands"))):
        if not isinstance(brand, dict):
            continue
        form = brand.get("form")
        if isinstance(form, str) and form not in forms:
            problems.append(
                document.problem(
                    ("identity", "brands", index, "form"),
                    f"unknown form {form!r} (forms are: {', '.join(forms)})",
                )
            )
        countries = brand.get("countries")
        for position, country in enumerate(countries if isinstance(countries, list) else ()):
            if isinstance(country, str) and country not in COUNTRIES:
                problems.append(
                    document.problem(
                        ("identity", "brands", index, "countries", position),
                        f"{country!r} is not an ISO 3166 country code",
                    )
                )
    return problems


def _build(read: TextReader) -> model.Leaflet:
    """The model of a leaflet that passed every check."""
    data = read.document.data
    return model.Leaflet(
        id=data["id"],
        source=read.document.display,
        metadata=_metadata(data["metadata"]),
        identity=_identity(read),
        sections=model.Sections({key: section.build(read, ("sections", key)) for key, section in SECTIONS.items()}),
    )


def _metadata(data: dict[str, Any]) -> model.Metadata:
    review = data["review"]
    review_date = review.get("date")
    return model.Metadata(
        version=data["version"],
        revised=dt.date.fromisoformat(data["revised"]),
        review=model.Review(
            status=review["status"],
            by=review.get("by"),
            date=dt.date.fromisoformat(review_date) if review_date else None,
        ),
        sources=tuple(
            model.Source(source["title"], source["publisher"], source.get("url")) for source in data["sources"]
        ),
    )


def _identity(read: TextReader) -> model.Identity:
    path: PathKey = ("identity",)
    data = read.value(path)
    forms = tuple(
        model.Form(key, read.text((*path, "forms", key, "name")), read.text_seq((*path, "forms", key, "strengths")))
        for key in data["forms"]
    )
    brands = tuple(model.Brand(brand["name"], brand["form"], tuple(brand["countries"])) for brand in data["brands"])
    return model.Identity(
        generic_name=read.text((*path, "generic_name")),
        drug_class=read.text((*path, "drug_class")),
        forms=forms,
        brands=brands,
        strength_warning=read.optional((*path, "strength_warning")),
    )
