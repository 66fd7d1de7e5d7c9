"""Itemising text into runs of one font family and one script each, with glyph coverage.

ReportLab has no font fallback, so text is split into runs by script
(:meth:`FontStack.runs`) and each run is set in the family configured for its
script. Characters common to several scripts (digits, spaces, punctuation,
combining marks) take a script from the text around them, as UAX #24 and
HarfBuzz's itemiser do (:func:`resolved_scripts`): the script of the
character before, unless the character's Script_Extensions exclude it (the
Arabic comma belongs to Arabic, Syriac and Thaana, never to Latin), a closing
bracket the script of its opening one, and text that starts with neutral
characters the script of the first letter after them. So a Latin word
followed by an Arabic comma never carries the Arabic letters after it into a
Latin run, where HarfBuzz would leave them unjoined.

A character that no configured family covers is an error
(:class:`~textengine.errors.UncoveredTextError`), never a missing-glyph box.

Pure: a :class:`FontFamily` carries the character sets of its faces, so
nothing here opens a font file or touches ReportLab (registration, which
builds the families, is :mod:`textengine.fonts`).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

from fontTools import unicodedata as ucd

from textengine.errors import UncoveredTextError
from textengine.memos import remember
from textengine.scripts import NEUTRAL_SCRIPTS

#: Each character's script and script extensions (fontTools looks them up by bisection in Python;
#: a text repeats few characters many times).
_script = functools.lru_cache(maxsize=1 << 16)(ucd.script)
_script_extension = functools.lru_cache(maxsize=1 << 16)(ucd.script_extension)


@functools.lru_cache(maxsize=1 << 14)
def scripts_of(text: str) -> frozenset[str]:
    """The script (ISO 15924) of each character of ``text`` on its own, as a set: neutral
    characters give ``Zyyy`` or ``Zinh``, not the script of the text around them."""
    return frozenset(_script(char) for char in set(text))


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
    #: OpenType features to switch on when shaping (``locl``...).
    features: tuple[str, ...] = ()
    #: The leading this family needs, as a multiple of the usual (Nastaliq is taller).
    line_height: float = 1.0

    def covers(self, char: str) -> bool:
        """Whether both the regular and the bold face can draw ``char``."""
        code, charsets = ord(char), self._charsets
        return code in charsets[self.regular] and code in charsets[self.bold]


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


#: Opening brackets and their closing partners: a closing bracket takes its opening one's script.
BRACKETS = dict(zip("([{（［｛【「『〈《〔〖〘〚⟨⦅", ")]}）］｝】」』〉》〕〗〙〛⟩⦆", strict=True))


def resolved_scripts(text: str) -> list[str]:
    """The script (ISO 15924) of each character of ``text``: see :func:`_resolve_scripts`,
    whose results are remembered per process (a new list is returned each time)."""
    scripts = _scripts.get(text)
    if scripts is None:
        scripts = remember(_scripts, text, tuple(_resolve_scripts(text)), MAX_CACHED)
    return list(scripts)


#: The most strings :func:`resolved_scripts` remembers before it forgets them all.
MAX_CACHED = 20_000
#: Scripts by text, for the process.
_scripts: dict[str, tuple[str, ...]] = {}
#: The most strings one stack identity shares, and the most identities, before they are forgotten.
MAX_SHARED_TEXTS = 50_000
MAX_SHARED_STACKS = 64
#: Itemised strings that owe nothing to a stack's history, by stack identity (:class:`FontStack`).
_SHARED: dict[Hashable, dict[str, tuple[list[Run], list[Uncovered]]]] = {}


def _resolve_scripts(text: str) -> list[str]:
    """The script (ISO 15924) of each character of ``text``, neutral characters resolved.

    A letter keeps its own script. A combining mark takes its base letter's.
    Any other character common to several scripts (``Zyyy``) takes the script
    of the character before it if its Script_Extensions allow that, else the
    most recent script before it that they allow, else the first allowed
    script of a letter after it; a closing bracket takes the script of its
    opening bracket. Text with no letter at all stays ``Zyyy``.
    """
    resolved: list[str | None] = []
    latest: dict[str, int] = {}  # each script, where it was last resolved
    opened: list[tuple[str, int]] = []  # the closing bracket awaited, where its opening one is
    for index, char in enumerate(text):
        script = _script(char)
        before = resolved[-1] if resolved else None
        if script not in NEUTRAL_SCRIPTS:
            choice: str | None = script
        elif script == "Zinh":
            choice = before
        else:
            allowed = {name for name in _script_extension(char) if name not in NEUTRAL_SCRIPTS}
            if opened and char == opened[-1][0]:
                choice = resolved[opened.pop()[1]]
            elif not allowed or before in allowed:
                choice = before
            else:
                recent = [name for name in allowed if name in latest]
                choice = max(recent, key=latest.__getitem__) if recent else None
            if char in BRACKETS:
                opened.append((BRACKETS[char], index))
        resolved.append(choice)
        if choice is not None:
            latest[choice] = index
    # What nothing before could resolve takes the script of the next letter its extensions allow.
    following: str | None = None
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        script = _script(char)
        if script not in NEUTRAL_SCRIPTS:
            following = script
        elif resolved[index] is None:
            candidates = sorted(name for name in _script_extension(char) if name not in NEUTRAL_SCRIPTS)
            if following is not None and (not candidates or following in candidates):
                resolved[index] = following
            elif candidates:
                resolved[index] = candidates[0]
    return [script or "Zyyy" for script in resolved]


def _same(first: FontFamily, second: FontFamily) -> bool:
    """Whether two families are one (the same object, most often, so equality is checked only if not)."""
    return first is second or first == second


class FontStack:
    """The families for each script (ISO 15924 code), with ``base`` for the rest.

    ``by_script`` may load a family the first time it is looked up
    (:mod:`textengine.fonts` does); ``line_breaking`` gives each script's
    line-breaking method (``spaces``, ``dictionary`` or ``ideographic``), and ``language``
    the language of the text, for HarfBuzz.
    """

    def __init__(
        self,
        base: FontFamily,
        by_script: Mapping[str, FontFamily],
        line_breaking: Mapping[str, str] | None = None,
        language: str | None = None,
        identity: Hashable | None = None,
    ) -> None:
        self.base = base
        self.by_script = by_script
        self.line_breaking = dict(line_breaking or {})
        #: The language text is set in (a locale such as ``ur``), for shaping its own forms.
        self.language = language
        #: Runs and uncovered characters per string: layout asks for the same strings again.
        #: With an ``identity`` (everything the stack is made of: its font files, its choices),
        #: the answers that owe nothing to the stack's history are shared by every stack of it.
        self._itemised: dict[str, tuple[list[Run], list[Uncovered]]] = {}
        self._shared = _SHARED.setdefault(identity, {}) if identity is not None else None
        if len(_SHARED) > MAX_SHARED_STACKS:
            _SHARED.clear()
        #: ``by_script`` looked up, by script (a lazy mapping costs more than a dict).
        self._by_script: dict[str, FontFamily | None] = {}
        #: The families runs have been set in, by name, in order of first use.
        self._used: dict[str, FontFamily] = {base.name: base}

    @property
    def families(self) -> list[FontFamily]:
        """Every distinct family of the stack, the base first (loading every one)."""
        return list({family.name: family for family in [self.base, *self.by_script.values()]}.values())

    def uncovered(self, text: str) -> list[Uncovered]:
        """Every character of ``text`` that no configured family can draw (each once; empty if all can)."""
        return self._itemise(text)[1]

    def runs(self, text: str) -> list[Run]:
        """``text`` (NFC-normalised) split into runs of one family and one script each.

        Raises :class:`~textengine.errors.UncoveredTextError` naming every
        character no family covers.
        """
        runs, missing = self._itemise(text)
        if missing:
            raise UncoveredTextError(missing)
        return runs

    def _family_of(self, script: str) -> FontFamily | None:
        """``by_script``'s family for ``script`` (None if it has none), looked up once."""
        if script not in self._by_script:
            self._by_script[script] = self.by_script.get(script)
        return self._by_script[script]

    def _family_for_neutral(self, char: str, script: str) -> tuple[FontFamily | None, bool]:
        """The family that draws ``char`` (of no script of its own) in text of ``script``:
        that script's family, else the base, else one of its extensions' scripts, else any; and
        whether the answer depends on what the stack set before (the families used so far)."""
        own = self._family_of(script) if script not in NEUTRAL_SCRIPTS else None
        if own is not None and own.covers(char):
            return own, False
        if self.base.covers(char) or not char.isprintable() or char.isspace():
            return self.base, False
        for name in sorted(_script_extension(char)):
            family = self._family_of(name)
            if family is not None and family.covers(char):
                return family, False
        # Full-width brackets and the like belong to no script: first the families text has used
        # already, then the others one by one, so a Chinese leaflet does not load the Khmer font.
        for family in self._used.values():
            if family.covers(char):
                return family, True
        return next((family for family in self.by_script.values() if family.covers(char)), None), True

    def _itemise(self, text: str) -> tuple[list[Run], list[Uncovered]]:
        """The runs of ``text`` and the characters no family covers (each once)."""
        cached = self._itemised.get(text)
        if cached is not None:
            return cached
        shared = self._shared.get(text) if self._shared is not None else None
        if shared is not None:
            for run in shared[0]:  # the families used, in the order itemising would have met them
                self._used.setdefault(run.family.name, run.family)
            self._itemised[text] = shared
            return shared
        key = text
        text = unicodedata.normalize("NFC", text)
        starts: list[tuple[FontFamily, str, int]] = []  # each run's family, script and first index
        missing: list[Uncovered] = []
        family = self.base
        historic = False
        for index, (char, script) in enumerate(zip(text, resolved_scripts(text), strict=True)):
            own = _script(char)
            if own in NEUTRAL_SCRIPTS:
                found, used_history = self._family_for_neutral(char, script)
                historic = historic or used_history
                if found is None:
                    missing.append(Uncovered(char, own))
                else:
                    family = found
            else:
                wanted = self._family_of(own)
                if wanted is None or not wanted.covers(char):
                    missing.append(Uncovered(char, own))
                else:
                    family = wanted
            self._used.setdefault(family.name, family)
            # A run is one family and one script: HarfBuzz shapes a Latin word inside Arabic text
            # wrongly (its "ffi" before the "i" it follows) when told the word is Arabic.
            if not starts or starts[-1][1] != script or not _same(starts[-1][0], family):
                starts.append((family, script, index))
        ends = [start for _, _, start in starts[1:]] + [len(text)] if starts else []
        runs = [Run(family, script, text[start:end]) for (family, script, start), end in zip(starts, ends, strict=True)]
        result = (runs, list(dict.fromkeys(missing)))
        self._itemised[key] = result
        if self._shared is not None and not historic:
            if len(self._shared) >= MAX_SHARED_TEXTS:
                self._shared.clear()
            self._shared[key] = result
        return result
