"""The clinic that prints the leaflet: its profile, emergency numbers and paper.

:func:`load_clinic` reads a clinic profile (YAML: ``name``, ``phone``,
``address``, ``country``, optional ``website`` and ``logo``) into a validated
:class:`Clinic`, reporting every problem of every field at once, each with
``file:line``. The country may be an ISO 3166 code in any case or the country's
English name (:mod:`medleaflet.content.countries`), and the phone number may end
in an extension (``ext. 123``, ``x123``);
:func:`require_coverage` refuses a profile whose text the template's fonts
cannot draw, at the line of each field.
:func:`emergency_numbers` gives the numbers to print for the clinic's
*country* -- never the patient's language: an Arabic leaflet printed in
Canada says 911. :func:`paper_for` picks US Letter or A4 the way CLDR does.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from medleaflet.content.countries import COUNTRIES as COUNTRIES  # re-exported: leaflets check countries too
from medleaflet.content.countries import country_name, resolve_country, unknown_country
from medleaflet.content.fonts import uncovered
from medleaflet.content.load import Document, display_name, load_yaml, parse_yaml, read_text
from medleaflet.content.schema import check, merge_problems
from medleaflet.content.texts import value_at
from medleaflet.errors import Problem, SourceLocation, ValidationError
from textengine.characters import disallowed
from textengine.itemise import FontStack

#: The fields of a profile that are printed as text.
TEXT_FIELDS = ("name", "phone", "address", "website")
#: Countries that use US Letter paper (CLDR); everywhere else uses A4.
LETTER_COUNTRIES = frozenset("BZ CA CL CO CR GT MX NI PA PH PR SV US VE".split())


@dataclass(frozen=True)
class EmergencyNumbers:
    """A country's medical emergency number, others that also work, and its poison line."""

    number: str
    also: tuple[str, ...] = ()
    poison: str | None = None


@dataclass(frozen=True)
class Clinic:
    """A validated clinic profile. ``logo`` is an absolute path, if given;
    ``locations`` maps each field of :data:`TEXT_FIELDS` present to where the profile gives it."""

    name: str
    phone: str
    address: str
    country: str
    website: str | None = None
    logo: Path | None = None
    locations: Mapping[str, SourceLocation] = field(default_factory=dict, compare=False, repr=False)

    def texts(self) -> list[tuple[SourceLocation, str, str]]:
        """``(location, field, text)`` for every text field the leaflet prints (line 1 of an
        unnamed file for a profile not loaded from a file)."""
        unknown = SourceLocation("clinic profile", 1)
        values = ((key, getattr(self, key)) for key in TEXT_FIELDS)
        return [(self.locations.get(key, unknown), key, text) for key, text in values if text]

    @property
    def emergency(self) -> EmergencyNumbers:
        return emergency_numbers(self.country)

    @property
    def paper(self) -> str:
        return paper_for(self.country)


#: Where the emergency numbers come from, as named in messages.
EMERGENCY_TABLE = "medleaflet/content/data/emergency_numbers.yaml"


@cache
def emergency_table() -> dict[str, EmergencyNumbers]:
    """The curated table in ``medleaflet/content/data/emergency_numbers.yaml``."""
    text = resources.files("medleaflet.content.data").joinpath("emergency_numbers.yaml").read_text("utf-8")
    # Our loader keeps keys as written: plain YAML would read Norway's "NO" as false.
    data = parse_yaml(text, EMERGENCY_TABLE).data
    return {
        country: EmergencyNumbers(
            str(entry["number"]), tuple(str(n) for n in entry.get("also", ())), entry.get("poison")
        )
        for country, entry in data.items()
    }


def emergency_numbers(country: str) -> EmergencyNumbers:
    """The emergency numbers for ``country``; KeyError if the table lacks it."""
    return emergency_table()[country]


def paper_for(country: str) -> str:
    """``'letter'`` for the countries of :data:`LETTER_COUNTRIES`, else ``'a4'``."""
    return "letter" if country in LETTER_COUNTRIES else "a4"


def logo_problem(path: Path) -> str | None:
    """What is wrong with the logo file ``path`` (an existing path), or None if it is a readable image.

    The image is decoded in full, so a truncated PNG or text named ``logo.png``
    is caught here, with the profile's line, not half-way through a build.
    """
    from PIL import Image  # only a profile with a logo needs it

    if not path.is_file():
        return "not a regular file"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                image.load()
                width, height = image.size
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        reason = str(exc) or type(exc).__name__
        return f"not a readable image ({reason.replace(str(path), path.name)})"
    if not (width and height):
        return "not a readable image (it has no pixels)"
    return None


def _rules(document: Document, folder: Path) -> list[Problem]:
    """Checks beyond the schema (a known country, a readable logo beside the profile), all of them:
    each skips what is missing or of the wrong type, which the schema reports."""
    return [*_country_problems(document), *_phone_problems(document), *_logo_problems(document, folder)]


#: The fewest digits a clinic's phone number has (before any extension): the shortest national numbers.
MIN_PHONE_DIGITS = 4
_EXTENSION = re.compile(r"(?i),?\s*(extension|ext\.?|x)\s*[0-9]+$")


def _phone_problems(document: Document) -> list[Problem]:
    """A phone number the schema's pattern lets through with too few digits to call, e.g. ``((((``."""
    phone = value_at(document.data, ("phone",))
    if not isinstance(phone, str):
        return []
    digits = sum(char.isdigit() for char in _EXTENSION.sub("", phone.strip()))
    if digits >= MIN_PHONE_DIGITS:
        return []
    return [document.problem(("phone",), f"has {digits} digit(s): a phone number needs at least {MIN_PHONE_DIGITS}")]


def _country_problems(document: Document) -> list[Problem]:
    """The country's problem, if it names no country (with suggestions) or one without an emergency number."""
    country = value_at(document.data, ("country",))
    if country is False:  # the schema's "expected text" would not say why
        return [
            document.problem(("country",), f'YAML reads NO as false: for {country_name("NO")} write "NO", in quotes')
        ]
    if not isinstance(country, str) or not country:
        return []
    if not country.strip():
        return [document.problem(("country",), "must not be empty")]
    code = resolve_country(country)
    if code is None:
        return [document.problem(("country",), unknown_country(country, emergency_table()))]
    if code not in emergency_table():
        return [document.problem(("country",), f"no emergency number is known for {code}; add it to {EMERGENCY_TABLE}")]
    return []


def _logo_problems(document: Document, folder: Path) -> list[Problem]:
    """The logo's problem, if it is not a PNG or JPEG file beside the profile that can be read."""
    logo = value_at(document.data, ("logo",))
    if not isinstance(logo, str) or not logo:
        return []
    logo_path = (folder / logo).resolve()
    if logo_path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        return [document.problem(("logo",), "must be a PNG or JPEG file")]
    if not logo_path.exists():
        return [document.problem(("logo",), f"file not found: {logo}")]
    problem = logo_problem(logo_path)
    return [document.problem(("logo",), f"{logo}: {problem}")] if problem else []


def require_coverage(clinic: Clinic, fonts: FontStack) -> None:
    """Raise :class:`~medleaflet.errors.ValidationError` listing every character of the clinic's
    text that ``fonts`` cannot draw, each at its field's line (line 1 of an unnamed file if unknown)."""
    problems = uncovered(clinic.texts(), fonts)
    if problems:
        raise ValidationError(problems)


def _load_document(path: Path, root: Path | None) -> tuple[Document, list[Problem]]:
    """The profile, and the problems of its text that loading finds (invisible or control characters).

    Those do not hide the profile's other problems: the profile is read again
    without the characters, for the schema and the rules to check. Other
    loading problems (YAML syntax, duplicate keys) are raised as they are.
    """
    try:
        return load_yaml(path, root), []
    except ValidationError as exc:
        found = exc
    display = display_name(path, root)
    text = read_text(path, display)
    bad = {item.index for item in disallowed(text) if item.char != "\n"}
    try:
        document = parse_yaml("".join(char for index, char in enumerate(text) if index not in bad), display)
    except ValidationError:
        raise found from None
    return document, found.problems


def _schema_problems(document: Document) -> list[Problem]:
    """The profile's violations of its schema, but for a country YAML read as false (a rule explains it)."""
    unquoted = value_at(document.data, ("country",)) is False
    return [problem for problem in check(document, "clinic") if not (unquoted and problem.path == "country")]


def load_clinic(path: Path, root: Path | None = None) -> Clinic:
    """Load and validate a clinic profile; raises :class:`~medleaflet.errors.ValidationError` listing every problem
    of every field at once (its text, the schema and the rules together)."""
    document, text_problems = _load_document(path, root)
    problems = sorted({*text_problems, *merge_problems(_schema_problems(document), _rules(document, path.parent))})
    if problems:
        raise ValidationError(problems)
    data = document.data
    logo = data.get("logo")
    return Clinic(
        name=data["name"].strip(),
        phone=data["phone"].strip(),
        address=data["address"].strip(),
        country=resolve_country(data["country"]) or data["country"],
        website=data.get("website"),
        logo=(path.parent / logo).resolve() if logo else None,
        locations={key: document.location((key,)) for key in TEXT_FIELDS if key in data},
    )
