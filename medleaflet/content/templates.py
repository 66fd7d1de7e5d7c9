"""Layout templates: page, type scale, colours, section order, header and footer.

:func:`load_template` reads ``templates/{name}.yaml`` into a validated
:class:`Template`. Templates are data, so a clinic can adjust margins or
colours without touching code; the schema keeps them within safe bounds
(body text >= 11 pt, warnings >= 12 pt, version and review status always
printed).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm

from medleaflet.content.load import load_yaml
from medleaflet.content.model import SECTION_KEYS
from medleaflet.content.schema import check
from medleaflet.errors import ValidationError

PAGE_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}

#: The template used when none is named; its output files carry no suffix.
DEFAULT_TEMPLATE = "standard"


@dataclass(frozen=True)
class TypeSize:
    """A font size and line spacing, in points."""

    size: float
    leading: float


@dataclass(frozen=True)
class Template:
    """A validated layout template. Lengths are in points."""

    name: str
    description: str
    paper: str
    margins: tuple[float, float, float, float]  # top, right, bottom, left
    font_family: str
    type_scale: dict[str, TypeSize]
    colours: dict[str, str]
    severity_colours: dict[str, str]
    sections: tuple[str, ...]
    running_title: bool
    page_numbers: bool
    #: Labels and severity badges in capitals (large print turns this off).
    uppercase_labels: bool = True
    #: English beside the patient's language on every page.
    bilingual: bool = False

    @property
    def page_size(self) -> tuple[float, float]:
        return PAGE_SIZES[self.paper]


def load_template(path: Path, root: Path | None = None, known_font_families: frozenset[str] = frozenset()) -> Template:
    """Load and validate one template file.

    Raises :class:`ValidationError` with every problem found.
    """
    document = load_yaml(path, root)
    problems = check(document, "template")
    data: Any = document.data
    if not problems:
        if data["name"] != path.stem:
            problems.append(document.problem(("name",), f"must match the file name ({path.stem!r})"))
        if known_font_families and data["font_family"] not in known_font_families:
            problems.append(
                document.problem(
                    ("font_family",),
                    f"unknown font family {data['font_family']!r} (known: {', '.join(sorted(known_font_families))})",
                )
            )
        sections = data["sections"]
        for index, key in enumerate(sections):
            if key not in SECTION_KEYS:
                problems.append(document.problem(("sections", index), f"unknown section {key!r}"))
        missing = [key for key in SECTION_KEYS if key not in sections]
        if missing:
            problems.append(
                document.problem(("sections",), f"every section must be printed; missing: {', '.join(missing)}")
            )
    if problems:
        raise ValidationError(problems)
    margins = data["page"]["margins_mm"]
    colours = dict(data["colours"])
    severity = colours.pop("severity")
    return Template(
        name=data["name"],
        description=data["description"],
        paper=data["page"]["size"],
        margins=tuple(margins[side] * mm for side in ("top", "right", "bottom", "left")),  # type: ignore[arg-type]
        font_family=data["font_family"],
        type_scale={name: TypeSize(**value) for name, value in data["type_scale"].items()},
        colours=colours,
        severity_colours=severity,
        sections=tuple(data["sections"]),
        running_title=data["header"]["running_title"],
        page_numbers=data["footer"]["page_numbers"],
        uppercase_labels=data.get("uppercase_labels", True),
        bilingual=data.get("bilingual", False),
    )
