"""Itemising text into runs of one font family each, by script, with glyph coverage.

ReportLab has no font fallback, so text is split into runs by script
(:meth:`FontStack.runs`) and each run is set in the family configured for its
script. Characters common to all scripts (digits, spaces, punctuation) stay in
the family of the run around them when it can draw them. A character that no
configured family covers is an error (:class:`~textengine.errors.UncoveredTextError`),
never a missing-glyph box.

Pure: a :class:`FontFamily` carries the character sets of its faces, so
nothing here opens a font file or touches ReportLab (registration, which
builds the families, is :mod:`textengine.fonts`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from fontTools import unicodedata as ucd

from textengine.errors import UncoveredTextError
from textengine.scripts import NEUTRAL_SCRIPTS


@dataclass(frozen=True)
class FontFamily:
    """A registered family: its name and the ReportLab names of its faces.

    ``_charsets`` maps each face's ReportLab name to the code points it can draw.
    """

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
    """A character no configured family can draw, and its script."""

    char: str
    script: str

    def __str__(self) -> str:
        return f"U+{ord(self.char):04X} {self.char!r} not covered by any configured font for script {self.script}"


class FontStack:
    """The families for each script (ISO 15924 code), with ``base`` for the rest."""

    def __init__(self, base: FontFamily, by_script: dict[str, FontFamily]) -> None:
        self.base = base
        self.by_script = by_script
        #: Runs and uncovered characters per string: layout asks for the same strings again.
        self._itemised: dict[str, tuple[list[Run], list[Uncovered]]] = {}

    @property
    def families(self) -> list[FontFamily]:
        """Every distinct family of the stack, the base first."""
        return list({family.name: family for family in [self.base, *self.by_script.values()]}.values())

    def uncovered(self, text: str) -> list[Uncovered]:
        """Every character of ``text`` that no configured family can draw (each once; empty if all can)."""
        return self._itemise(text)[1]

    def runs(self, text: str) -> list[Run]:
        """``text`` (NFC-normalised) split into runs of one family each.

        Raises :class:`~textengine.errors.UncoveredTextError` naming every
        character no family covers.
        """
        runs, missing = self._itemise(text)
        if missing:
            raise UncoveredTextError(missing)
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
            if char_script in NEUTRAL_SCRIPTS:
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
            # A run is one family and one script: HarfBuzz shapes a Latin word inside Arabic text
            # wrongly (its "ffi" before the "i" it follows) when told the word is Arabic.
            if runs and runs[-1].family == family and runs[-1].script == script:
                runs[-1] = Run(family, script, runs[-1].text + char)
            else:
                runs.append(Run(family, script, char))
        result = (runs, list(dict.fromkeys(missing)))
        self._itemised[text] = result
        return result
