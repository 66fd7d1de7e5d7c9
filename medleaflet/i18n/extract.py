"""A Babel extractor for leaflet YAML files.

Registered as the ``leaflet_yaml`` extraction method through the
``babel.extractors`` entry point, and named in ``babel.cfg``, so the standard
``pybabel extract -F babel.cfg -o translations/leaflets.pot .`` collects
every translatable string of every leaflet. Each message gets:

* ``msgctxt`` ``{leaflet}:{key}``, e.g. ``example:sections.interactions.groups.sleep.advice``:
  stable, because keys only change when the meaning does;
* ``#.`` notes: where the text appears and what it is, the names to keep
  unchanged, and the numbers and units that must match;
* ``#: leaflets/{leaflet}.yaml:LINE``, the line the text is on.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from medleaflet.content.load import decode, parse_yaml
from medleaflet.content.model import Leaflet, Text
from medleaflet.content.validate import validate_leaflet
from medleaflet.i18n.qa.numbers import quantities
from medleaflet.i18n.sources import protected_names
from medleaflet.sections import SECTIONS, Section, custom
from medleaflet.sections.blocks import BLOCK_NOTES

ExtractResult = tuple[int, str, tuple[str, str], list[str]]

# What each kind of field is, by a pattern searched in its key; a section's own notes come first.
_ROLES: list[tuple[str, str]] = [
    (r"^identity\.generic_name$", "The medicine's generic name (INN), as the title. Use the INN your language uses."),
    (r"^identity\.drug_class$", "What kind of medicine it is; subtitle under the name."),
    (r"^identity\.forms\.\w+\.name$", "A dosage form, in the table column 'Form'."),
    (r"^identity\.forms\.\w+\.strengths\.\w+\.colour$", "The colour of the tablet or capsule of this strength."),
    (r"^identity\.forms\.\w+\.strengths\.\w+\.shape$", "The shape of the tablet or capsule of this strength."),
    (r"^identity\.forms\.\w+\.strengths\.\w+\.marking$", "What is printed or stamped on the tablet or capsule."),
    (r"^identity\.forms\.\w+\.strengths\.", "A strength, in the table column 'Strengths'."),
    (r"^identity\.strength_warning$", "Safety warning in an amber box on page 1."),
    (r"^sections\.\w+\.heading$", "Section heading, written for this leaflet in place of the usual one."),
    (r"\.title$", "Heading in bold."),
    (r"\.intro$|_intro$", "Sentence that introduces the text or list after it."),
    (r"\.paragraphs\.", "One paragraph."),
]


def _section_key(key: str) -> tuple[Section | None, str]:
    """The registered section a leaflet key lies in, and the rest of the key below it."""
    parts = key.split(".", 2)
    if parts[0] == "sections" and len(parts) > 1 and parts[1] in SECTIONS:
        return SECTIONS[parts[1]], parts[2] if len(parts) > 2 else ""
    return None, key


def _own_notes(key: str) -> tuple[tuple[str, str], ...]:
    """The notes of the section a leaflet key lies in, searched in the key below the section."""
    section, below = _section_key(key)
    if section:
        return tuple((pattern, role) for pattern, role in section.notes if re.search(pattern, below))
    if key.startswith(f"sections.{custom.KEY_NAME}."):
        below = key.removeprefix(f"sections.{custom.KEY_NAME}.")
        return tuple((p, role) for p, role in custom.NOTES + BLOCK_NOTES if re.search(p, below))
    return ()


def describe(key: str) -> str:
    """A translator's note saying what the text at ``key`` is."""
    for _, role in _own_notes(key):
        return role
    for pattern, role in _ROLES + list(BLOCK_NOTES):
        if re.search(pattern, key):
            return role
    return "A paragraph of the leaflet."


def section_of(key: str) -> str:
    """Where the text at ``key`` prints, in the layout's own words."""
    section, _ = _section_key(key)
    if section:
        return f"Section '{section.heading.message}'"
    if key.startswith(f"sections.{custom.KEY_NAME}."):
        return "A section of this leaflet's own"
    return "Title block (page 1)"


def notes_for(leaflet: Leaflet, text: Text) -> list[str]:
    """The ``#.`` notes for one message."""
    notes = [f"{section_of(text.key)}: {describe(text.key)}"]
    kept = [name for name in protected_names(leaflet) if re.search(rf"\b{re.escape(name)}\b", text.value)]
    if kept:
        notes.append(f"Keep unchanged: {', '.join(kept)}")
    numbers = [quantity.display for quantity in quantities(text.value)]
    if numbers:
        notes.append(f"Numbers and units must match: {', '.join(numbers)}")
    return notes


def extract_messages(leaflet: Leaflet) -> Iterator[ExtractResult]:
    """Every message of ``leaflet`` in Babel's extractor result form, in file order."""
    for text in leaflet.texts():
        yield text.location.line, "pgettext", (f"{leaflet.id}:{text.key}", text.value), notes_for(leaflet, text)


def extract_leaflet(
    fileobj: IO[bytes],
    keywords: Collection[str] | Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[ExtractResult]:
    """Babel extraction method for ``leaflets/*.yaml`` (see the module docstring).

    A leaflet that fails validation raises
    :class:`~medleaflet.errors.MedleafletError` naming its ``file:line``.
    """
    name = Path(getattr(fileobj, "name", "leaflet.yaml"))
    display = name.as_posix().removeprefix("./")
    document = parse_yaml(decode(fileobj.read(), display), display)
    yield from extract_messages(validate_leaflet(document, expected_id=name.stem))
