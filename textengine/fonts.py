"""Font registration with ReportLab, keyed by the font file, and the font stack.

:func:`font_stack` reads a fonts folder's declaration (``fonts.toml``, see
:mod:`textengine.font_config`) and returns the :class:`~textengine.itemise.FontStack`
that itemises text into runs. A family is registered the first time text
needs it, so a Latin leaflet never parses the Chinese fonts. Only
TrueType-outline fonts work (ReportLab cannot load CFF); every font is
embedded as a subset.

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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from textengine.errors import DamagedFontError, MissingFontError, UnknownFamilyError
from textengine.font_config import FamilySpec, FontConfig, load_font_config
from textengine.itemise import FontFamily, FontStack

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
_families: dict[tuple[FamilySpec, tuple[FontFile, ...]], FontFamily] = {}
#: PostScript names of the fonts registered here (ReportLab aliases fonts that share one).
_postscript_names: set[bytes] = set()
#: The names under which families are mapped for ReportLab's ``<b>`` and ``<i>``.
_mapped_families: set[str] = set()


def register_family(name: str, fonts_dir: Path, config: FontConfig | None = None) -> FontFamily:
    """Register family ``name``, declared in ``fonts_dir/fonts.toml`` (or ``config``), from ``fonts_dir``.

    Returns the family with the ReportLab names of its faces; registering the
    same files again returns the same family. Raises
    :class:`~textengine.errors.FontConfigError` for a bad declaration,
    :class:`~textengine.errors.UnknownFamilyError` for an undeclared family,
    :class:`~textengine.errors.MissingFontError` for a missing file and
    :class:`~textengine.errors.DamagedFontError` for a damaged one.
    """
    config = config or load_font_config(fonts_dir)
    spec = config.families.get(name)
    if spec is None:
        raise UnknownFamilyError(name, list(config.families))
    return _register(spec, fonts_dir)


def _register(spec: FamilySpec, fonts_dir: Path) -> FontFamily:
    """Register the faces of ``spec`` from ``fonts_dir`` (once per set of files)."""
    paths = {face: fonts_dir / file for face, file in spec.files.items()}
    identities = {face: FontFile.of(path) for face, path in paths.items()}
    key = (spec, tuple(identities.values()))
    if key in _families:
        return _families[key]
    faces = {face: _register_file(paths[face], identities[face]) for face in _FACES}
    mapped = _unique(spec.name, _mapped_families)
    _mapped_families.add(mapped)
    for is_bold, is_italic, face in ((0, 0, "regular"), (1, 0, "bold"), (0, 1, "italic"), (1, 1, "bold")):
        addMapping(mapped, is_bold, is_italic, faces[face].font_name)
    charsets = {face.font_name: face.charset for face in faces.values()}
    regular, bold, italic = (faces[face].font_name for face in _FACES)
    family = FontFamily(spec.name, regular, bold, italic, charsets, spec.features, spec.line_height)
    _families[key] = family
    return family


class _Families(Mapping[str, FontFamily]):
    """The family of each script, registered the first time it is looked up."""

    def __init__(self, names: dict[str, str], config: FontConfig, fonts_dir: Path) -> None:
        self._names = names
        self._config = config
        self._fonts_dir = fonts_dir
        self._loaded: dict[str, FontFamily] = {}

    def __getitem__(self, script: str) -> FontFamily:
        name = self._names[script]
        family = self._loaded.get(name)
        if family is None:
            family = self._loaded[name] = _register(self._config.families[name], self._fonts_dir)
        return family

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def font_stack(
    base_family: str, fonts_dir: Path, language: str | None = None, overrides: dict[str, str] | None = None
) -> FontStack:
    """The stack of ``fonts_dir``'s declared families, with ``base_family`` for text of no script.

    ``language`` (a locale such as ``ur`` or ``zh_Hant``) picks the families
    ``fonts.toml`` declares for it, and ``overrides`` (script to family, a
    template's choice) replaces any. The base family is registered at once;
    each script's family when text first needs it. Raises the errors of
    :func:`register_family`.
    """
    config = load_font_config(fonts_dir)
    base = register_family(base_family, fonts_dir, config)
    names = config.script_families(language, overrides)
    files = tuple(  # a missing file fails every build, not only its script's
        FontFile.of(fonts_dir / file) for spec in config.families.values() for file in spec.files.values()
    )
    line_breaking = {script: config.line_breaking(script) for script in names}
    # Every stack made of the same files and choices sets a text the same way (FontStack shares that).
    identity = (
        (base.regular, base.bold),
        tuple(sorted(names.items())),
        tuple(sorted(line_breaking.items())),
        language,
        tuple(config.families.values()),
        files,
    )
    return FontStack(base, _Families(names, config, fonts_dir), line_breaking, language, identity)


def registered_font_names() -> list[str]:
    """The ReportLab names of every face registered in this process, in order of registration."""
    return [face.font_name for face in _faces.values()]


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
        if "postscript outlines" in str(exc).lower():
            reason = "PostScript (CFF) outlines, which ReportLab cannot draw; use a TrueType-outline (glyf) font"
            raise DamagedFontError(path, reason) from None
        raise DamagedFontError(path, f"damaged font ({exc})") from None
    for tag, entry in font.face.table.items():
        if entry["offset"] + entry["length"] > size:
            reason = f"damaged font (table {tag.strip()} ends past the end of the file; truncated?)"
            raise DamagedFontError(path, reason)
    return font
