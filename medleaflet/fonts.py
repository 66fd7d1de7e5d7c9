"""Fonts: which files make up each font family, registration with ReportLab,
and glyph coverage checks.

Font files live in the project's ``fonts/`` folder with their licences. Only
TrueType-outline fonts work (ReportLab cannot load CFF). Every font is
embedded as a subset, so no PDF relies on a font on the reader's machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .errors import InputError


@dataclass(frozen=True)
class FamilyFiles:
    """The files of one family; each face gets a unique PostScript-style name."""

    regular: str
    bold: str
    italic: str


#: Font families by name (a template's ``font_family``).
FAMILIES: dict[str, FamilyFiles] = {
    "sans": FamilyFiles(
        regular="NotoSans-Regular.ttf",
        bold="NotoSans-Bold.ttf",
        italic="NotoSans-Italic.ttf",
    ),
}


@dataclass(frozen=True)
class FontFamily:
    """A registered family: the ReportLab names of its faces."""

    name: str
    regular: str
    bold: str
    italic: str

    def missing_characters(self, text: str) -> list[str]:
        """The characters of ``text`` that the regular or bold face cannot draw."""
        missing: list[str] = []
        for face in (self.regular, self.bold):
            widths = pdfmetrics.getFont(face).face.charWidths  # type: ignore[attr-defined]
            for char in text:
                if char not in missing and ord(char) not in widths and char.isprintable() and not char.isspace():
                    missing.append(char)
        return missing


_registered: dict[str, FontFamily] = {}


def register_family(name: str, fonts_dir: Path) -> FontFamily:
    """Register family ``name`` (a key of :data:`FAMILIES`) with ReportLab once.

    Raises :class:`InputError` for an unknown family or a missing font file.
    """
    if name in _registered:
        return _registered[name]
    files = FAMILIES.get(name)
    if files is None:
        raise InputError(f"unknown font family {name!r} (known: {', '.join(sorted(FAMILIES))})")
    faces = {}
    for face in ("regular", "bold", "italic"):
        filename = getattr(files, face)
        path = fonts_dir / filename
        if not path.is_file():
            raise InputError(f"font file {path} is missing; it should be committed under fonts/")
        font_name = Path(filename).stem
        if font_name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(font_name, str(path)))
        faces[face] = font_name
    for bold, italic, face in ((0, 0, "regular"), (1, 0, "bold"), (0, 1, "italic"), (1, 1, "bold")):
        addMapping(name, bold, italic, faces[face])
    family = FontFamily(name, faces["regular"], faces["bold"], faces["italic"])
    _registered[name] = family
    return family
