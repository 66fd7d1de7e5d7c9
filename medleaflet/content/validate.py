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
from medleaflet.content.load import Document, PathKey, format_path, load_yaml
from medleaflet.content.schema import require_valid
from medleaflet.content.texts import TextReader, list_at, mapping_at, slug, value_at
from medleaflet.errors import Problem
from medleaflet.sections import SECTIONS, custom


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


#: The message group of the layout's own words (msgctxt ``ui:...``): no leaflet may take it as its id,
#: or its messages would be merged, counted and signed off with the layout's.
LAYOUT_GROUP = "ui"


def _rules(document: Document, expected_id: str | None) -> list[Problem]:
    """Checks beyond the schema. ``document`` may break the schema: each check skips
    what is missing or of the wrong type."""
    data = document.data
    problems: list[Problem] = []
    leaflet_id = value_at(data, ("id",))
    if expected_id is not None and isinstance(leaflet_id, str) and leaflet_id != expected_id:
        problems.append(document.problem(("id",), f"must match the file name ({expected_id!r})"))
    if leaflet_id == LAYOUT_GROUP:
        problems.append(document.problem(("id",), f"{LAYOUT_GROUP!r} is the layout's message group; choose another id"))

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
    problems += custom.rules(document, ("sections", custom.KEY_NAME), set(SECTIONS))
    return problems


def _brand_rules(document: Document) -> list[Problem]:
    """Each brand's form is one of the leaflet's forms, every country is an ISO 3166 code, and
    no form lists a strength twice."""
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
    for path in _country_lists(document.data):
        for position, country in enumerate(list_at(document.data, path)):
            if isinstance(country, str) and country not in COUNTRIES:
                problems.append(document.problem((*path, position), f"{country!r} is not an ISO 3166 country code"))
    for key in forms:
        problems += _strength_rules(document, ("identity", "forms", key, "strengths"))
    return problems


def _country_lists(data: Any) -> list[PathKey]:
    """The paths of every list of countries under ``identity``: of forms, strengths and brands."""
    paths: list[PathKey] = []
    for key, form in mapping_at(data, ("identity", "forms")).items():
        paths.append(("identity", "forms", key, "countries"))
        for index, strength in enumerate(list_at(form, ("strengths",))):
            if isinstance(strength, dict):
                paths.append(("identity", "forms", key, "strengths", index, "countries"))
    paths += [("identity", "brands", index, "countries") for index in range(len(list_at(data, ("identity", "brands"))))]
    return paths


def _strength_rules(document: Document, path: PathKey) -> list[Problem]:
    """A strength listed twice in one form (compared as their message keys are)."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(list_at(document.data, path)):
        text = item.get("strength") if isinstance(item, dict) else item
        if not isinstance(text, str):
            continue
        if slug(text) in seen:
            first = document.location((*path, seen[slug(text)])).line
            problems.append(
                document.problem((*path, index), f"strength {text!r} is listed twice (first at line {first})")
            )
        else:
            seen[slug(text)] = index
    return problems


def _build(read: TextReader) -> model.Leaflet:
    """The model of a leaflet that passed every check."""
    data = read.document.data
    return model.Leaflet(
        id=data["id"],
        source=read.document.display,
        metadata=_metadata(data["metadata"]),
        identity=_identity(read),
        sections=_sections(read),
    )


def _sections(read: TextReader) -> model.Sections:
    """The sections the leaflet has, in the registry's order, then its own (``custom``) if any."""
    present = read.value(("sections",))
    built = {key: section.build(read, ("sections", key)) for key, section in SECTIONS.items() if key in present}
    if custom.KEY_NAME in present:
        built[custom.KEY_NAME] = custom.build(read, ("sections", custom.KEY_NAME))
    headings = {
        key: read.text(("sections", key, "heading"))
        for key in SECTIONS
        if key in present and "properties" in SECTIONS[key].schema and "heading" in present[key]
    }
    return model.Sections(built, headings)


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
        model.Form(
            key,
            read.text((*path, "forms", key, "name")),
            _strengths(read, (*path, "forms", key, "strengths")),
            tuple(form.get("countries", ())),
        )
        for key, form in data["forms"].items()
    )
    brands = tuple(
        model.Brand(brand["name"], brand["form"], tuple(brand["countries"]), brand.get("status", "current"))
        for brand in data["brands"]
    )
    return model.Identity(
        generic_name=read.text((*path, "generic_name")),
        drug_class=read.text((*path, "drug_class")),
        forms=forms,
        brands=brands,
        strength_warning=read.optional((*path, "strength_warning")),
    )


def _strengths(read: TextReader, path: PathKey) -> tuple[model.Strength, ...]:
    """A form's strengths; each keyed by a slug of its text (``strengths.10_mg``), so that
    adding a strength or its details does not change the keys of the others."""
    base = format_path(path)
    strengths = []
    for index, item in enumerate(read.value(path)):
        here: PathKey = (*path, index) if isinstance(item, str) else (*path, index, "strength")
        text = read.value(here)
        key = f"{base}.{slug(text)}"
        appearance = item.get("appearance") if isinstance(item, dict) else None
        strengths.append(
            model.Strength(
                read.text(here, key),
                tuple(item.get("countries", ())) if isinstance(item, dict) else (),
                model.Appearance(
                    *(
                        read.text((*path, index, "appearance", part), f"{key}.{part}") if part in appearance else None
                        for part in ("colour", "shape", "marking")
                    )
                )
                if appearance
                else None,
            )
        )
    return tuple(strengths)
