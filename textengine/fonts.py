"""Fonts: one stack of families per writing system, registration with
ReportLab, and glyph coverage.

ReportLab has no font fallback, so text is itemised into runs by script
(:meth:`FontStack.runs`) and each run is set in the family configured for its
script in :data:`SCRIPT_FAMILIES`. Characters common to all scripts (digits,
spaces, punctuation) stay in the family of the run around them when it can
draw them. A character that no configured family covers is an error, never a
missing-glyph box.

Font files live in the project's ``fonts/`` folder with their licence
(``fonts/OFL.txt``). Only TrueType-outline fonts work (ReportLab cannot load
CFF); every font is embedded as a subset.
"""

from __future__ import annotations

import struct
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from fontTools import unicodedata as ucd
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from medleaflet.errors import InputError


@dataclass(frozen=True)
class FamilyFiles:
    """The font files of one family (``italic`` falls back to ``regular``)."""

    regular: str
    bold: str
    italic: str | None = None


#: Every font family the project ships, by name.
FAMILIES: dict[str, FamilyFiles] = {
    "sans": FamilyFiles("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"),
    "sans-arabic": FamilyFiles("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    "sans-devanagari": FamilyFiles("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
    "sans-gurmukhi": FamilyFiles("NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf"),
    "sans-hebrew": FamilyFiles("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    "sans-sc": FamilyFiles("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf"),
}

#: The family that draws each script (ISO 15924 code), for a template's
#: ``font_family: sans``. Scripts not listed here cannot be printed yet.
SCRIPT_FAMILIES: dict[str, str] = {
    "Latn": "sans",
    "Cyrl": "sans",
    "Grek": "sans",
    "Arab": "sans-arabic",
    "Deva": "sans-devanagari",
    "Guru": "sans-gurmukhi",
    "Hebr": "sans-hebrew",
    "Hani": "sans-sc",
    "Hira": "sans-sc",
    "Kana": "sans-sc",
    "Bopo": "sans-sc",
    "Hang": "sans-sc",
}

#: Scripts whose letters change shape or order in context (HarfBuzz shaping).
COMPLEX_SCRIPTS = frozenset({"Arab", "Deva", "Guru", "Hebr", "Beng", "Taml", "Gujr", "Telu", "Knda", "Mlym"})
#: Scripts written right to left.
RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo"})
#: Scripts that break lines between characters rather than at spaces.
CJK_SCRIPTS = frozenset({"Hani", "Hira", "Kana", "Bopo", "Hans", "Hant", "Jpan"})

_NEUTRAL = {"Zyyy", "Zinh", "Zzzz"}


@dataclass(frozen=True)
class FontFamily:
    """A registered family: its name and the ReportLab names of its faces."""

    name: str
    regular: str
    bold: str
    italic: str
    _charsets: dict[str, frozenset[int]] = field(default_factory=dict, compare=False, repr=False)

    def covers(self, char: str) -> bool:
        """Whether both the regular and the bold face can draw ``char``."""
        return all(ord(char) in self._charsets[face] for face in (self.regular, self.bold))


@dataclass(frozen=True)
class Run:
    """A stretch of text set in one family; ``script`` is its ISO 15924 code."""

    family: FontFamily
    script: str
    text: str


@dataclass(frozen=True)
class Uncovered:
    """A character no configured family can draw."""

    char: str
    script: str

    def __str__(self) -> str:
        return f"U+{ord(self.char):04X} {self.char!r} not covered by any configured font for script {self.script}"


class FontStack:
    """The registered families for each script, with ``base`` for the rest."""

    def __init__(self, base: FontFamily, by_script: dict[str, FontFamily]) -> None:
        self.base = base
        self.by_script = by_script
        #: Runs and uncovered characters per string: layout asks for the same strings again.
        self._itemised: dict[str, tuple[list[Run], list[Uncovered]]] = {}

    @property
    def families(self) -> list[FontFamily]:
        return list({family.name: family for family in [self.base, *self.by_script.values()]}.values())

    def uncovered(self, text: str) -> list[Uncovered]:
        """Every character of ``text`` that no configured family can draw (empty if all can)."""
        return self._itemise(text)[1]

    def runs(self, text: str) -> list[Run]:
        """``text`` (NFC-normalised) split into runs of one family each.

        Raises :class:`InputError` naming every character no family covers.
        """
        runs, missing = self._itemise(text)
        if missing:
            raise InputError("; ".join(str(item) for item in missing))
        return runs

    def _itemise(self, text: str) -> tuple[list[Run], list[Uncovered]]:
        """The runs of ``text`` and the characters no family covers (each once)."""
        cached = self._itemised.get(text)
        if cached is not None:
            return cached
        runs: list[Run] = []
        missing: list[Uncovered] = []
        family, script = self.base, "Latn"
        for char in unicodedata.normalize("NFC", text):
            char_script = ucd.script(char)
            if char_script in _NEUTRAL:
                if not family.covers(char) and char.isprintable() and not char.isspace():
                    family = next((f for f in self.families if f.covers(char)), family)
                    if not family.covers(char):
                        missing.append(Uncovered(char, char_script))
            else:
                wanted = self.by_script.get(char_script)
                if wanted is None or not wanted.covers(char):
                    missing.append(Uncovered(char, char_script))
                else:
                    family, script = wanted, char_script
            if runs and runs[-1].family == family:
                runs[-1] = Run(family, runs[-1].script, runs[-1].text + char)
            else:
                runs.append(Run(family, script, char))
        result = (runs, list(dict.fromkeys(missing)))
        self._itemised[text] = result
        return result


_registered: dict[str, FontFamily] = {}


def register_family(name: str, fonts_dir: Path) -> FontFamily:
    """Register family ``name`` (a key of :data:`FAMILIES`) with ReportLab once.

    Raises :class:`InputError` for an unknown family or a missing or damaged font file.
    """
    if name in _registered:
        return _registered[name]
    files = FAMILIES.get(name)
    if files is None:
        raise InputError(f"unknown font family {name!r} (known: {', '.join(sorted(FAMILIES))})")
    faces: dict[str, str] = {}
    charsets: dict[str, frozenset[int]] = {}
    for face in ("regular", "bold", "italic"):
        filename = getattr(files, face) or files.regular
        path = fonts_dir / filename
        if not path.is_file():
            raise InputError(f"font file {path} is missing; it should be committed under fonts/")
        font_name = Path(filename).stem
        if font_name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(_open_font(font_name, path, f"{fonts_dir.name}/{filename}"))
        faces[face] = font_name
        charsets[font_name] = frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)  # type: ignore[attr-defined]
    for bold, italic, face in ((0, 0, "regular"), (1, 0, "bold"), (0, 1, "italic"), (1, 1, "bold")):
        addMapping(name, bold, italic, faces[face])
    family = FontFamily(name, faces["regular"], faces["bold"], faces["italic"], charsets)
    _registered[name] = family
    return family


def _open_font(font_name: str, path: Path, display: str) -> TTFont:
    """Parse the TrueType file ``path`` as ``font_name``; raises :class:`InputError`
    (``fonts/X.ttf: damaged font (...)``) for a file that is not a font or is cut short."""
    try:
        font = TTFont(font_name, str(path), shapable=True)
        size = path.stat().st_size
    except struct.error:
        raise InputError(f"{display}: damaged font (its tables are cut short or malformed)") from None
    except (TTFError, ValueError, KeyError, IndexError, OSError) as exc:
        raise InputError(f"{display}: damaged font ({exc})") from None
    for tag, entry in font.face.table.items():
        if entry["offset"] + entry["length"] > size:
            raise InputError(f"{display}: damaged font (table {tag.strip()} ends past the end of the file; truncated?)")
    return font


def font_stack(base_family: str, fonts_dir: Path) -> FontStack:
    """Register ``base_family`` and every script family; returns the stack."""
    base = register_family(base_family, fonts_dir)
    by_script = {script: register_family(name, fonts_dir) for script, name in SCRIPT_FAMILIES.items()}
    by_script.update({script: base for script, name in SCRIPT_FAMILIES.items() if name == base_family})
    return FontStack(base, by_script)
