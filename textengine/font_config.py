"""The font declaration of a fonts folder: ``fonts.toml``, read into a :class:`FontConfig`.

A fonts folder holds its font files and one ``fonts.toml`` that says, as data:

* ``[families.NAME]``: the files of each family (``regular``, ``bold``, an
  optional ``italic``), its ``licence`` file, the OpenType ``features`` to
  switch on (``["locl"]``), and an optional ``line_height``, the leading as a
  multiple of the usual one, for tall scripts such as Nastaliq;
* ``[scripts]``: for each script (ISO 15924 code), the family that draws it
  and its ``line_breaking``: ``spaces`` (lines break at spaces),
  ``dictionary`` (no spaces between words: Thai, Lao, Khmer, Myanmar; words
  are found with ICU's dictionaries) or ``ideographic`` (between characters,
  with the East Asian line-start and line-end rules);
* ``[languages]``: per language (``ur``, ``zh_Hant``), a family other than
  the usual one for some scripts (Nastaliq for Urdu, Traditional Chinese);
* ``[files."NAME.ttf"]``: each file's ``sha256`` and ``source``, for
  ``tools/fonts.py check``.

A new script is a font file plus entries here; no code changes. Every
mistake is a :class:`~textengine.errors.FontConfigError` with the line of
``fonts.toml`` it is on. Pure: nothing here opens a font file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textengine.errors import FontConfigError
from textengine.memos import remember

#: The name of the declaration file in a fonts folder.
CONFIG_NAME = "fonts.toml"
#: The ways a script's lines may break.
LINE_BREAKING = ("spaces", "dictionary", "ideographic")

_FAMILY_KEYS = {"regular", "bold", "italic", "licence", "features", "line_height"}
_SCRIPT_CODE = re.compile(r"^[A-Z][a-z]{3}$")
_FEATURE_TAG = re.compile(r"^[a-z0-9]{4}$")
_LOCALE = re.compile(r"^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class FamilySpec:
    """One family as declared: its files (names inside the fonts folder) and how to set it."""

    name: str
    regular: str
    bold: str
    italic: str | None = None
    licence: str = ""
    features: tuple[str, ...] = ()
    line_height: float = 1.0

    @property
    def files(self) -> dict[str, str]:
        """The file of each face (``regular``, ``bold``, ``italic``), italic falling back to regular."""
        return {"regular": self.regular, "bold": self.bold, "italic": self.italic or self.regular}


@dataclass(frozen=True)
class ScriptSpec:
    """The family that draws one script, and how its lines break."""

    family: str
    line_breaking: str = "spaces"


@dataclass(frozen=True)
class FontConfig:
    """A parsed ``fonts.toml``; ``path`` is the file it came from."""

    path: Path
    families: dict[str, FamilySpec]
    scripts: dict[str, ScriptSpec]
    languages: dict[str, dict[str, str]] = field(default_factory=dict)

    def script_families(self, language: str | None = None, overrides: dict[str, str] | None = None) -> dict[str, str]:
        """The family name for each script, for ``language`` (a locale such as ``zh_Hant_TW``).

        The language's own choices (the longest of ``zh_Hant_TW``, ``zh_Hant``,
        ``zh`` declared) replace the usual ones, and ``overrides`` (a template's
        choice) replaces both. Raises :class:`~textengine.errors.FontConfigError`
        for an override naming an unknown family.
        """
        chosen = {script: spec.family for script, spec in self.scripts.items()}
        if language:
            parts = language.replace("-", "_").split("_")
            for end in range(len(parts), 0, -1):
                declared = self.languages.get("_".join(parts[:end]))
                if declared is not None:
                    chosen.update(declared)
                    break
        for script, family in (overrides or {}).items():
            if family not in self.families:
                raise FontConfigError(self.path, None, f"unknown font family {family!r} for script {script}")
            chosen[script] = family
        return chosen

    def line_breaking(self, script: str) -> str:
        """How lines of ``script`` break (``spaces`` for a script not declared)."""
        spec = self.scripts.get(script)
        return spec.line_breaking if spec else "spaces"


def load_font_config(fonts_dir: Path) -> FontConfig:
    """Read and check ``fonts_dir/fonts.toml``.

    Raises :class:`~textengine.errors.FontConfigError` (with the line) for a
    missing or malformed file, an unknown key, a script mapped to an unknown
    family, or an unknown line-breaking method. It does not check the font
    files themselves: registering them does (:mod:`textengine.fonts`).
    """
    path = fonts_dir / CONFIG_NAME
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FontConfigError(path, None, f"missing: every fonts folder declares its fonts in {CONFIG_NAME}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FontConfigError(path, None, f"cannot be read ({exc})") from None
    kept = _read.get((path, source))
    if kept is not None:
        return kept
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+)", str(exc))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise FontConfigError(path, int(match.group(1)) if match else None, f"not valid TOML: {reason}") from None
    return remember(_read, (path, source), _Reader(path, source).config(data), MAX_READ)


#: The most configurations :data:`_read` remembers.
MAX_READ = 64
#: Each configuration read, by its file and text: the file is read for every document, and parsed
#: again only when its text changed.
_read: dict[tuple[Path, str], FontConfig] = {}


class _Reader:
    """Turns the parsed TOML into a :class:`FontConfig`, locating each mistake by its key's line."""

    def __init__(self, path: Path, source: str) -> None:
        self.path = path
        self.lines = source.splitlines()

    def error(self, reason: str, *keys: str) -> FontConfigError:
        """An error at the line of the last of ``keys`` found (searched in order, each after the one before)."""
        line = None
        start = 0
        for key in keys:
            pattern = re.compile(rf"(^\s*(\[+\s*)?([\w.\"-]*\.)?|[{{,]\s*)\"?{re.escape(key)}\"?\s*[=\].]")
            for number in range(start, len(self.lines)):
                if pattern.search(self.lines[number]):
                    line, start = number + 1, number  # the next key may be on the same line (inline table)
                    break
        return FontConfigError(self.path, line, reason)

    def table(self, value: Any, *keys: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.error(f"{'.'.join(keys)} must be a table", *keys)
        return value

    def config(self, data: dict[str, Any]) -> FontConfig:
        unknown = sorted(set(data) - {"families", "scripts", "languages", "files"})
        if unknown:
            raise self.error(f"unknown table {unknown[0]!r} (known: families, scripts, languages, files)", unknown[0])
        families = {
            name: self.family(name, spec) for name, spec in self.table(data.get("families", {}), "families").items()
        }
        if not families:
            raise self.error("declares no font family ([families.NAME])", "families")
        scripts = {
            code: self.script(code, spec, families)
            for code, spec in self.table(data.get("scripts", {}), "scripts").items()
        }
        languages: dict[str, dict[str, str]] = {}
        for language, choice in self.table(data.get("languages", {}), "languages").items():
            if not _LOCALE.match(language):
                reason = f"languages: {language!r} is not a locale such as ur, zh_Hant or pt_BR"
                raise self.error(reason, "languages", language)
            key = language.replace("-", "_")  # zh-Hant is zh_Hant, as --lang takes it
            languages[key] = {}
            for code, family in self.table(choice, "languages", language).items():
                self.check_script_code(code, "languages", language, code)
                if family not in families:
                    raise self.error(self.unknown_family(family, families), "languages", language, code)
                languages[key][code] = family
        for name, entry in self.table(data.get("files", {}), "files").items():
            self.file_entry(name, entry)
        return FontConfig(self.path, families, scripts, languages)

    def file_entry(self, name: str, entry: Any) -> None:
        """Check one ``[files."NAME"]`` table: a ``sha256`` of 64 hexadecimal digits and a ``source``."""
        entry = self.table(entry, "files", name)
        unknown = sorted(set(entry) - {"sha256", "source"})
        if unknown:
            raise self.error(f"files.{name}: unknown key {unknown[0]!r} (known: sha256, source)", name, unknown[0])
        digest = entry.get("sha256")
        if not (isinstance(digest, str) and _SHA256.match(digest)):
            raise self.error(f"files.{name}: sha256 must be 64 hexadecimal digits", name, "sha256")
        if not (isinstance(entry.get("source"), str) and entry["source"].strip()):
            raise self.error(f"files.{name}: source must say where the file came from", name)

    def family(self, name: str, spec: Any) -> FamilySpec:
        spec = self.table(spec, "families", name)
        unknown = sorted(set(spec) - _FAMILY_KEYS)
        if unknown:
            known = ", ".join(sorted(_FAMILY_KEYS))
            raise self.error(f"families.{name}: unknown key {unknown[0]!r} (known: {known})", name, unknown[0])
        for face in ("regular", "bold"):
            if face not in spec:
                raise self.error(f"families.{name}: the {face!r} file is missing", name)
        for face in ("regular", "bold", "italic", "licence"):
            value = spec.get(face)
            if face in spec and not (isinstance(value, str) and value and "/" not in value and "\\" not in value):
                raise self.error(f"families.{name}.{face}: must be a file name inside the fonts folder", name, face)
        features = spec.get("features", [])
        if not (
            isinstance(features, list) and all(isinstance(tag, str) and _FEATURE_TAG.match(tag) for tag in features)
        ):
            raise self.error(
                f"families.{name}.features: must be a list of OpenType tags such as 'locl'", name, "features"
            )
        line_height = spec.get("line_height", 1.0)
        if isinstance(line_height, bool) or not isinstance(line_height, int | float) or not 0.5 <= line_height <= 3:
            raise self.error(f"families.{name}.line_height: must be a number from 0.5 to 3", name, "line_height")
        return FamilySpec(
            name,
            spec["regular"],
            spec["bold"],
            spec.get("italic"),
            spec.get("licence", ""),
            tuple(features),
            float(line_height),
        )

    def script(self, code: str, spec: Any, families: dict[str, FamilySpec]) -> ScriptSpec:
        self.check_script_code(code, "scripts", code)
        spec = self.table(spec, "scripts", code)
        unknown = sorted(set(spec) - {"family", "line_breaking"})
        if unknown:
            raise self.error(
                f"scripts.{code}: unknown key {unknown[0]!r} (known: family, line_breaking)", "scripts", code
            )
        family = spec.get("family")
        if not isinstance(family, str) or family not in families:
            raise self.error(f"scripts.{code}: {self.unknown_family(family, families)}", "scripts", code)
        method = spec.get("line_breaking", "spaces")
        if method not in LINE_BREAKING:
            reason = f"scripts.{code}: line_breaking must be one of {', '.join(LINE_BREAKING)}, not {method!r}"
            raise self.error(reason, "scripts", code)
        return ScriptSpec(family, method)

    def check_script_code(self, code: str, *keys: str) -> None:
        if not _SCRIPT_CODE.match(code):
            raise self.error(f"{code!r} is not an ISO 15924 script code (such as Latn, Arab, Taml)", *keys)

    @staticmethod
    def unknown_family(family: object, families: dict[str, FamilySpec]) -> str:
        return f"unknown font family {family!r} (declared: {', '.join(sorted(families))})"
