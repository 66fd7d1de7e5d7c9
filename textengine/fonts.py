"""Font registration with ReportLab, keyed by the font file, and the font stack.

:func:`font_stack` registers the families of :data:`~textengine.scripts.FAMILIES`
found in one fonts folder and returns the :class:`~textengine.itemise.FontStack`
that itemises text into runs. Only TrueType-outline fonts work (ReportLab
cannot load CFF); every font is embedded as a subset.

ReportLab keeps one global table of fonts by name, and de-duplicates by the
font's PostScript name. Registration is therefore keyed by the file (its
resolved path, size and modification time): the same file is registered once
per process, and a different file that would take a name already in use (a
second fonts folder with its own ``NotoSans-Regular.ttf``) gets a name of its
own (``NotoSans-Regular-2``), so it never silently draws with the first one's
glyphs. The first file of each name keeps its plain name (the file's stem).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from textengine.errors import DamagedFontError, MissingFontError, UnknownFamilyError
from textengine.itemise import FontFamily, FontStack
from textengine.scripts import FAMILIES, SCRIPT_FAMILIES

_FACES = ("regular", "bold", "italic")


@dataclass(frozen=True)
class FontFile:
    """The identity of a font file: its resolved path, size and modification time."""

    path: Path
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FontFile:
        """The identity of ``path``; raises :class:`~textengine.errors.MissingFontError` if it is not a file."""
        if not path.is_file():
            raise MissingFontError(path)
        info = path.stat()
        return cls(path.resolve(), info.st_size, info.st_mtime_ns)


@dataclass(frozen=True)
class _Face:
    """A registered font file: its ReportLab name and the code points it can draw."""

    font_name: str
    charset: frozenset[int]


#: Every font file registered in this process.
_faces: dict[FontFile, _Face] = {}
#: Every family registered, by family name and the files of its faces.
_families: dict[tuple[str, tuple[FontFile, ...]], FontFamily] = {}
#: PostScript names of the fonts registered here (ReportLab aliases fonts that share one).
_postscript_names: set[bytes] = set()
#: The names under which families are mapped for ReportLab's ``<b>`` and ``<i>``.
_mapped_families: set[str] = set()


def register_family(name: str, fonts_dir: Path) -> FontFamily:
    """Register family ``name`` (a key of :data:`~textengine.scripts.FAMILIES`) from ``fonts_dir``.

    Returns the family with the ReportLab names of its faces; registering the
    same files again returns the same family. Raises
    :class:`~textengine.errors.UnknownFamilyError` for an unknown family,
    :class:`~textengine.errors.MissingFontError` for a missing file and
    :class:`~textengine.errors.DamagedFontError` for a damaged one.
    """
    files = FAMILIES.get(name)
    if files is None:
        raise UnknownFamilyError(name, list(FAMILIES))
    paths = {face: fonts_dir / (getattr(files, face) or files.regular) for face in _FACES}
    identities = {face: FontFile.of(path) for face, path in paths.items()}
    key = (name, tuple(identities.values()))
    if key in _families:
        return _families[key]
    faces = {face: _register_file(paths[face], identities[face]) for face in _FACES}
    mapped = _unique(name, _mapped_families)
    _mapped_families.add(mapped)
    for bold, italic, face in ((0, 0, "regular"), (1, 0, "bold"), (0, 1, "italic"), (1, 1, "bold")):
        addMapping(mapped, bold, italic, faces[face].font_name)
    charsets = {face.font_name: face.charset for face in faces.values()}
    family = FontFamily(name, faces["regular"].font_name, faces["bold"].font_name, faces["italic"].font_name, charsets)
    _families[key] = family
    return family


def font_stack(base_family: str, fonts_dir: Path) -> FontStack:
    """Register ``base_family`` and every script family from ``fonts_dir``; returns the stack.

    Raises the errors of :func:`register_family`.
    """
    names = dict.fromkeys([base_family, *SCRIPT_FAMILIES.values()])  # each once, base first
    families = {name: register_family(name, fonts_dir) for name in names}
    return FontStack(families[base_family], {script: families[name] for script, name in SCRIPT_FAMILIES.items()})


def _register_file(path: Path, identity: FontFile) -> _Face:
    """Register the font file ``path`` with ReportLab once, under a name no other file has."""
    face = _faces.get(identity)
    if face is not None:
        return face
    font_name = _unique(path.stem, set(pdfmetrics.getRegisteredFontNames()))
    font = _open_font(font_name, path)
    # ReportLab would alias a font whose PostScript name is taken to the font
    # registered first under it (pdfmetrics._dynFaceNames), so rename it.
    taken = {_text(name) for name in (*_postscript_names, *getattr(pdfmetrics, "_dynFaceNames", {}))}
    font.face.name = _unique(_text(font.face.name), taken).encode("latin-1")
    _postscript_names.add(font.face.name)
    pdfmetrics.registerFont(font)
    face = _Face(font_name, frozenset(font.face.charToGlyph))
    _faces[identity] = face
    return face


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name-2``, ``name-3``, ... : the first that is not in ``taken``."""
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name}-{number}"
    return candidate


def _text(name: bytes | str) -> str:
    """A PostScript name as text (ReportLab keeps them as bytes for TrueType fonts)."""
    return name.decode("latin-1") if isinstance(name, bytes) else name


def _open_font(font_name: str, path: Path) -> TTFont:
    """Parse the TrueType file ``path`` as ``font_name``.

    Raises :class:`~textengine.errors.DamagedFontError` (``damaged font (...)``)
    for a file that is not a font or is cut short.
    """
    try:
        font = TTFont(font_name, str(path), shapable=True)
        size = path.stat().st_size
    except struct.error:
        raise DamagedFontError(path, "damaged font (its tables are cut short or malformed)") from None
    except (TTFError, ValueError, KeyError, IndexError, OSError) as exc:
        raise DamagedFontError(path, f"damaged font ({exc})") from None
    for tag, entry in font.face.table.items():
        if entry["offset"] + entry["length"] > size:
            reason = f"damaged font (table {tag.strip()} ends past the end of the file; truncated?)"
            raise DamagedFontError(path, reason)
    return font
