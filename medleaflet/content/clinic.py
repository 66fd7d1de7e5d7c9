"""The clinic that prints the leaflet: its profile, emergency numbers and paper.

:func:`load_clinic` reads a clinic profile (YAML: ``name``, ``phone``,
``address``, ``country``, optional ``website`` and ``logo``) into a validated
:class:`Clinic`, reporting every problem with ``file:line``;
:func:`require_coverage` refuses a profile whose text the template's fonts
cannot draw, at the line of each field.
:func:`emergency_numbers` gives the numbers to print for the clinic's
*country* -- never the patient's language: an Arabic leaflet printed in
Canada says 911. :func:`paper_for` picks US Letter or A4 the way CLDR does.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from babel import Locale
from PIL import Image

from medleaflet.content.fonts import uncovered
from medleaflet.content.load import Document, load_yaml, parse_yaml
from medleaflet.content.schema import require_valid
from medleaflet.content.texts import value_at
from medleaflet.errors import Problem, SourceLocation, ValidationError
from textengine.itemise import FontStack

#: The fields of a profile that are printed as text.
TEXT_FIELDS = ("name", "phone", "address", "website")
#: Countries that use US Letter paper (CLDR); everywhere else uses A4.
LETTER_COUNTRIES = frozenset("BZ CA CL CO CR GT MX NI PA PH PR SV US VE".split())
#: Every ISO 3166 two-letter country code (CLDR's territories).
COUNTRIES = frozenset(
    code for code in Locale("en").territories if isinstance(code, str) and len(code) == 2 and code.isalpha()
)


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
    """Checks beyond the schema (a known country, a readable logo beside the profile);
    each skips what is missing or of the wrong type."""
    data = document.data
    problems: list[Problem] = []
    country = value_at(data, ("country",))
    if isinstance(country, str):
        if country not in COUNTRIES:
            problems.append(document.problem(("country",), f"{country!r} is not an ISO 3166 country code"))
        elif country not in emergency_table():
            problems.append(
                document.problem(
                    ("country",),
                    f"no emergency number is known for {country}; add it to {EMERGENCY_TABLE}",
                )
            )
    logo = value_at(data, ("logo",))
    if isinstance(logo, str):
        logo_path = (folder / logo).resolve()
        if logo_path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
            problems.append(document.problem(("logo",), "must be a PNG or JPEG file"))
        elif not logo_path.exists():
            problems.append(document.problem(("logo",), f"file not found: {logo}"))
        else:
            problem = logo_problem(logo_path)
            if problem:
                problems.append(document.problem(("logo",), f"{logo}: {problem}"))
    return problems


def require_coverage(clinic: Clinic, fonts: FontStack) -> None:
    """Raise :class:`~medleaflet.errors.ValidationError` listing every character of the clinic's
    text that ``fonts`` cannot draw, each at its field's line (line 1 of an unnamed file if unknown)."""
    problems = uncovered(clinic.texts(), fonts)
    if problems:
        raise ValidationError(problems)


def load_clinic(path: Path, root: Path | None = None) -> Clinic:
    """Load and validate a clinic profile; raises :class:`~medleaflet.errors.ValidationError` listing every problem
    (schema and rules together)."""
    document = load_yaml(path, root)
    require_valid(document, "clinic", _rules(document, path.parent))
    data = document.data
    logo = data.get("logo")
    return Clinic(
        name=data["name"].strip(),
        phone=data["phone"].strip(),
        address=data["address"].strip(),
        country=data["country"],
        website=data.get("website"),
        logo=(path.parent / logo).resolve() if logo else None,
        locations={key: document.location((key,)) for key in TEXT_FIELDS if key in data},
    )
