"""Hyphenation of words too long for a line, with the language's pyphen dictionary.

Line breaking calls on it only for a word that does not fit on a line by itself
(a table heading such as "Concentraciones" in a narrow column); ordinary line
ends are never hyphenated, which is easier to read. :class:`Hyphenator` takes a
language (BCP 47 or POSIX, e.g. ``fr`` or ``pt_BR``) and names to keep whole,
and gives the places a word may take a hyphen (:meth:`~Hyphenator.points`) and
the (head, tail) pairs of a split (:meth:`~Hyphenator.pairs`);
:func:`hyphenated_parts` cuts a word at such places into parts that fit a line.

A word is never hyphenated when:

* the language has no pyphen dictionary (Filipino, Vietnamese), or the word is
  not in a script that hyphenates (:data:`HYPHENATED_SCRIPTS`: Chinese, Thai,
  Arabic, Hebrew and Devanagari never take a hyphen);
* it holds a digit or a character other than letters, apostrophes and hyphens
  (numbers, doses and units: "10", "5-HT3", "mg/kg");
* it has a capital after its first letter (abbreviations, "GABA-B", "McNeil");
* it is one of the names to keep (drug and brand names), compared without case;
* it is shorter than :data:`MIN_WORD` letters.

Pure: no ReportLab here; the paragraphs of :mod:`textengine.paragraph` use it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache

import pyphen
from fontTools import unicodedata as ucd

#: Scripts whose words may take a hyphen at a line end.
HYPHENATED_SCRIPTS = frozenset({"Latn", "Cyrl", "Grek"})
#: The shortest word that is ever hyphenated, in letters.
MIN_WORD = 6
#: The fewest letters left before and after a hyphen.
MIN_HEAD, MIN_TAIL = 2, 3
#: The hyphen printed at the end of the head of a split word.
HYPHEN = "-"
#: Characters a hyphenated word may hold besides letters.
_JOINERS = frozenset("'’-")


@cache
def _dictionary(language: str) -> pyphen.Pyphen | None:
    """pyphen's dictionary for ``language`` (``fr``, ``en-GB``, ``pt_BR``), or None if it has none."""
    name = pyphen.language_fallback(language.replace("-", "_"))
    return pyphen.Pyphen(lang=name, left=MIN_HEAD, right=MIN_TAIL) if name else None


@cache
def _has_dictionary(language: str) -> bool:
    """Whether pyphen has a dictionary for ``language``, without reading it."""
    return pyphen.language_fallback(language.replace("-", "_")) is not None


def hyphenates(word: str) -> bool:
    """Whether ``word`` is of a kind that may take a hyphen at all (see the module docstring)."""
    if len(word) < MIN_WORD or not word[0].isalpha():
        return False
    if any(not (char.isalpha() or char in _JOINERS) for char in word):
        return False
    if any(char.isupper() for char in word[1:]):
        return False
    return all(ucd.script(char) in HYPHENATED_SCRIPTS for char in word if char.isalpha())


class Hyphenator:
    """Where words of one language may take a hyphen; ``keep`` are names never to hyphenate."""

    def __init__(self, language: str, keep: Iterable[str] = ()) -> None:
        self.language = language
        self.keep = frozenset(name.casefold() for name in keep)

    @property
    def dictionary(self) -> pyphen.Pyphen | None:
        """The language's pyphen dictionary (None if it has none), read when a word is first
        hyphenated: most pages never need it, and reading one takes tens of milliseconds."""
        return _dictionary(self.language)

    @property
    def available(self) -> bool:
        """Whether the language has a dictionary, so any word is hyphenated at all."""
        return _has_dictionary(self.language)

    def points(self, word: str) -> list[int]:
        """The indices in ``word`` before which a hyphen may go, in order; none for a word to keep
        whole. Punctuation around the word ("(Concentraciones),") is left out of it."""
        start, core = _core(word)
        if not self.available or not hyphenates(core) or core.casefold() in self.keep:
            return []
        # A word that already has a hyphen breaks after it, and is not hyphenated again.
        if HYPHEN in core:
            points = [index + 1 for index, char in enumerate(core[:-1]) if char == HYPHEN and index + 1 >= MIN_HEAD]
        else:
            positions = self.dictionary.positions(core) if self.dictionary is not None else []
            points = [point for point in positions if MIN_HEAD <= point <= len(core) - MIN_TAIL]
        return [start + point for point in points]

    def pairs(self, word: str) -> list[tuple[str, str]]:
        """The (head, tail) pairs of every split of ``word``, longest head first; ``head`` has no
        hyphen added (the caller prints :data:`HYPHEN` unless it ends with one)."""
        return [(word[:point], word[point:]) for point in reversed(self.points(word))]

    def forced_points(self, word: str) -> list[int]:
        """Every index at which a word too long for a line at any size allowed may be cut, when the
        dictionary gives no place that fits (or there is none): between any two letters, leaving
        :data:`MIN_HEAD` and :data:`MIN_TAIL`; none for a word that never takes a hyphen."""
        start, core = _core(word)
        if not hyphenates(core) or core.casefold() in self.keep:
            return []
        return [start + point for point in range(MIN_HEAD, len(core) - MIN_TAIL + 1)]


def hyphenated_parts(word: str, points: Sequence[int], fits: Callable[[str], bool]) -> list[str] | None:
    """``word`` cut at some of ``points`` into parts that each ``fits`` on a line, as printed (every
    part but the last ends with a hyphen), taking the longest part that fits each time; None if
    some part cannot be made to fit."""
    parts: list[str] = []
    start = 0
    while not fits(word[start:]):
        cut = next(
            (point for point in reversed(points) if point > start and fits(_with_hyphen(word[start:point]))), None
        )
        if cut is None:
            return None
        parts.append(_with_hyphen(word[start:cut]))
        start = cut
    return [*parts, word[start:]]


def _core(word: str) -> tuple[int, str]:
    """Where the letters of ``word`` start, and the word without the punctuation around it."""
    end = len(word)
    while end and not word[end - 1].isalpha():
        end -= 1
    start = 0
    while start < end and not word[start].isalpha():
        start += 1
    return start, word[start:end]


def _with_hyphen(head: str) -> str:
    """``head`` as printed at a line end: with a hyphen, unless it ends with one."""
    return head if head.endswith(HYPHEN) else head + HYPHEN
