"""Stage 2, validate: check a loaded leaflet and build the :class:`Leaflet` model.

:func:`validate_leaflet` takes a :class:`~medleaflet.content.load.Document` and returns
a :class:`~medleaflet.content.model.Leaflet`, or raises
:class:`~medleaflet.errors.ValidationError` listing *every* problem found:
schema violations first (types, missing and unknown fields), then rules a
schema cannot express (dates that exist, references between fields, review
status, duplicate drug names).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from babel import Locale

from medleaflet.content import model
from medleaflet.content.load import Document, PathKey, format_path, load_yaml
from medleaflet.content.schema import check
from medleaflet.errors import Problem, ValidationError

T = TypeVar("T")

_COUNTRIES = frozenset(code for code in Locale("en").territories if len(code) == 2 and code.isalpha())


def load_leaflet(path: Path, root: Path | None = None) -> model.Leaflet:
    """Load and validate one leaflet file: the load and validate stages together."""
    return validate_leaflet(load_yaml(path, root), expected_id=path.stem)


def validate_leaflet(document: Document, expected_id: str | None = None) -> model.Leaflet:
    """Validate ``document`` and return the leaflet it describes.

    ``expected_id`` is the id implied by the file name; the ``id`` field must
    match it so that output names and message contexts stay predictable.
    """
    problems = check(document, "leaflet")
    if not problems:
        problems = _rules(document, expected_id)
    if problems:
        raise ValidationError(problems)
    return _Builder(document).leaflet()


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _rules(document: Document, expected_id: str | None) -> list[Problem]:
    """Checks beyond the schema; ``document`` already matches the schema."""
    data = document.data
    problems: list[Problem] = []
    if expected_id is not None and data["id"] != expected_id:
        problems.append(document.problem(("id",), f"must match the file name ({expected_id!r})"))

    metadata = data["metadata"]
    for path in (("metadata", "revised"), ("metadata", "review", "date")):
        value = _get(data, path)
        if value is not None and _parse_date(value) is None:
            problems.append(document.problem(path, f"{value!r} is not a real date"))
    review = metadata["review"]
    if review["status"] == "reviewed":
        for field in ("by", "date"):
            if not review.get(field):
                problems.append(document.problem(("metadata", "review", field), "required when status is 'reviewed'"))

    identity = data["identity"]
    for index, brand in enumerate(identity["brands"]):
        if brand["form"] not in identity["forms"]:
            known = ", ".join(identity["forms"])
            problems.append(
                document.problem(
                    ("identity", "brands", index, "form"),
                    f"unknown form {brand['form']!r} (forms are: {known})",
                )
            )
        for position, country in enumerate(brand["countries"]):
            if country not in _COUNTRIES:
                problems.append(
                    document.problem(
                        ("identity", "brands", index, "countries", position),
                        f"{country!r} is not an ISO 3166 country code",
                    )
                )

    seen: dict[str, PathKey] = {}
    for group_key, group in data["sections"]["interactions"]["groups"].items():
        for index, drug in enumerate(group["drugs"]):
            path: PathKey = ("sections", "interactions", "groups", group_key, "drugs", index)
            name = drug.casefold()
            if name in seen:
                first = document.location(seen[name])
                problems.append(document.problem(path, f"{drug!r} is listed twice (first at line {first.line})"))
            else:
                seen[name] = path
    return problems


def _get(data: Any, path: PathKey) -> Any:
    """The value at ``path`` in nested dicts and lists, or None."""
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def slug(value: str) -> str:
    """A stable key for a list item: ``"meperidine (pethidine)"`` -> ``meperidine_pethidine``."""
    return re.sub(r"[^a-z0-9]+", "_", value.casefold()).strip("_") or "item"


class _Builder:
    """Builds the model from schema-valid data; every string becomes a located Text."""

    def __init__(self, document: Document) -> None:
        self.document = document

    def text(self, path: PathKey, key: str | None = None) -> model.Text:
        """The string at ``path``; its key defaults to the path itself."""
        value = _get(self.document.data, path)
        return model.Text(value, key or format_path(path), self.document.location(path))

    def optional(self, path: PathKey) -> model.Text | None:
        return self.text(path) if _get(self.document.data, path) is not None else None

    def text_map(self, path: PathKey) -> model.TextList:
        return tuple(self.text((*path, key)) for key in _get(self.document.data, path))

    def text_seq(self, path: PathKey) -> model.TextList:
        """A list of strings, each keyed by a slug of its own text, so that
        inserting an item does not change the keys of the others."""
        base = format_path(path)
        return tuple(
            self.text((*path, index), f"{base}.{slug(value)}")
            for index, value in enumerate(_get(self.document.data, path))
        )

    def build(self, cls: Callable[..., T], path: PathKey, **fields: Callable[[PathKey], Any]) -> T:
        """``cls(**{name: reader(path + (name,))})`` for each field reader given."""
        return cls(**{name: reader((*path, name)) for name, reader in fields.items()})

    def leaflet(self) -> model.Leaflet:
        data = self.document.data
        return model.Leaflet(
            id=data["id"],
            source=self.document.display,
            metadata=self.metadata(data["metadata"]),
            identity=self.identity(),
            sections=self.sections(),
        )

    def metadata(self, data: dict[str, Any]) -> model.Metadata:
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

    def identity(self) -> model.Identity:
        path: PathKey = ("identity",)
        data = self.document.data["identity"]
        forms = tuple(
            model.Form(key, self.text((*path, "forms", key, "name")), self.text_seq((*path, "forms", key, "strengths")))
            for key in data["forms"]
        )
        brands = tuple(model.Brand(brand["name"], brand["form"], tuple(brand["countries"])) for brand in data["brands"])
        return model.Identity(
            generic_name=self.text((*path, "generic_name")),
            drug_class=self.text((*path, "drug_class")),
            forms=forms,
            brands=brands,
            strength_warning=self.optional((*path, "strength_warning")),
        )

    def sections(self) -> model.Sections:
        s: PathKey = ("sections",)
        t, o, m = self.text, self.optional, self.text_map
        return model.Sections(
            uses=self.build(model.Uses, (*s, "uses"), intro=t, conditions=m, not_a_cure=t, off_label=o),
            how_it_works=self.build(model.HowItWorks, (*s, "how_it_works"), paragraphs=m),
            before_you_take=self.build(model.BeforeYouTake, (*s, "before_you_take"), intro=t, conditions=m),
            how_to_take=model.HowToTake(
                instructions=m((*s, "how_to_take", "instructions")),
                missed_dose=t((*s, "how_to_take", "missed_dose")),
                do_not_stop=self.build(
                    model.DoNotStop, (*s, "how_to_take", "do_not_stop"), title=t, text=t, signs=m, pump=o
                ),
            ),
            interactions=model.Interactions(
                intro=t((*s, "interactions", "intro")),
                groups=self.interaction_groups((*s, "interactions", "groups")),
                not_complete=t((*s, "interactions", "not_complete")),
            ),
            alcohol=self.build(model.Alcohol, (*s, "alcohol"), paragraphs=m),
            side_effects=self.build(
                model.SideEffects,
                (*s, "side_effects"),
                intro=t,
                common=m,
                common_advice=o,
                driving=o,
                serious_intro=t,
                serious=m,
                emergency_note=o,
            ),
            overdose=self.build(model.Overdose, (*s, "overdose"), intro=t, signs=m, action=t),
            seek_help=self.build(model.SeekHelp, (*s, "seek_help"), emergency_intro=t, emergency=m, clinic_intro=t),
            storage=self.build(model.Storage, (*s, "storage"), items=m),
        )

    def interaction_groups(self, path: PathKey) -> tuple[model.InteractionGroup, ...]:
        groups = []
        for key, group in _get(self.document.data, path).items():
            here = (*path, key)
            groups.append(
                model.InteractionGroup(
                    key=key,
                    title=self.text((*here, "title")),
                    severity=group["severity"],
                    drugs=self.text_seq((*here, "drugs")),
                    effect=self.text((*here, "effect")),
                    advice=self.text((*here, "advice")),
                )
            )
        return tuple(groups)
