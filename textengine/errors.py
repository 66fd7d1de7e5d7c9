"""The exceptions the script engine raises, under one root, :class:`TextEngineError`.

They carry what went wrong as data (the font file, the uncovered characters),
so a caller can add its own context, for instance the line of the
configuration file that named the font, without parsing messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textengine.itemise import Uncovered


class TextEngineError(Exception):
    """Root of every error the script engine raises on purpose."""


class UnknownFamilyError(TextEngineError):
    """A font family name that is not among the known ones (``known``, sorted)."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.known = sorted(known)
        super().__init__(f"unknown font family {name!r} (known: {', '.join(self.known)})")


class FontConfigError(TextEngineError):
    """A mistake in a fonts folder's ``fonts.toml``: the file, its line (None if unknown) and why."""

    def __init__(self, path: Path, line: int | None, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        super().__init__(f"{path}:{line or 1}: {reason}")


class FontFileError(TextEngineError):
    """A font file cannot be used; ``reason`` says why, without the file's name."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class MissingFontError(FontFileError):
    """A font file that does not exist."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "font file is missing")


class DamagedFontError(FontFileError):
    """A file that is not a TrueType font, or one cut short."""


class UncoveredTextError(TextEngineError):
    """Text with characters that no configured font can draw; ``uncovered`` lists each once."""

    def __init__(self, uncovered: Sequence[Uncovered]) -> None:
        self.uncovered = tuple(uncovered)
        super().__init__("; ".join(str(item) for item in self.uncovered))
