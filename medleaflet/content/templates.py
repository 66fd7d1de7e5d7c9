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

from reportlab.lib.units import mm

from medleaflet.content.load import Document, load_yaml
from medleaflet.content.names import DEFAULT_TEMPLATE as DEFAULT_TEMPLATE  # re-exported
from medleaflet.content.names import PAGE_SIZES
from medleaflet.content.schema import require_valid
from medleaflet.content.texts import value_at
from medleaflet.errors import Problem
from medleaflet.sections import SECTIONS


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
    #: A font family for some scripts (ISO 15924 code), overriding the fonts folder's choice.
    script_fonts: dict[str, str] | None = None

    @property
    def page_size(self) -> tuple[float, float]:
        return PAGE_SIZES[self.paper]

    @property
    def text_width(self) -> float:
        """The width between the page's side margins, in points."""
        _, right, _, left = self.margins
        return self.page_size[0] - left - right


def _rules(document: Document, expected_name: str) -> list[Problem]:
    """Checks beyond the schema; each skips what is missing or of the wrong type."""
    data = document.data
    problems: list[Problem] = []
    name = value_at(data, ("name",))
    if isinstance(name, str) and name != expected_name:
        problems.append(document.problem(("name",), f"must match the file name ({expected_name!r})"))
    sections = value_at(data, ("sections",))
    if isinstance(sections, list):
        for index, key in enumerate(sections):
            if isinstance(key, str) and key not in SECTIONS:
                problems.append(document.problem(("sections", index), f"unknown section {key!r}"))
        missing = [key for key in SECTIONS if key not in sections]
        if missing:
            problems.append(
                document.problem(("sections",), f"every section must be printed; missing: {', '.join(missing)}")
            )
    return problems


def load_template(path: Path, root: Path | None = None) -> Template:
    """Load and validate one template file (its font family one the text engine knows).

    Raises :class:`~medleaflet.errors.ValidationError` with every problem found: schema violations
    and the rules beyond it (the name, a known font family, every section once), together.
    """
    document = load_yaml(path, root)
    require_valid(document, "template", _rules(document, path.stem))
    data: Any = document.data
    margins = data["page"]["margins_mm"]
    colours = dict(data["colours"])
    severity = colours.pop("severity")
    return Template(
        name=data["name"],
        description=data["description"],
        paper=data["page"]["size"],
        margins=tuple(margins[side] * mm for side in ("top", "right", "bottom", "left")),
        font_family=data["font_family"],
        type_scale={name: TypeSize(**value) for name, value in data["type_scale"].items()},
        colours=colours,
        severity_colours=severity,
        sections=tuple(data["sections"]),
        running_title=data["header"]["running_title"],
        page_numbers=data["footer"]["page_numbers"],
        uppercase_labels=data.get("uppercase_labels", True),
        bilingual=data.get("bilingual", False),
        script_fonts=dict(data.get("script_fonts", {})) or None,
    )
