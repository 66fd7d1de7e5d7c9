"""Each language's glossary of key medical terms: ``translations/<locale>/glossary.csv``.

A language team chooses one translation for each key term (seizure, dose,
kidney...) and writes it in a CSV file beside its catalogue::

    source,target,forms,notes
    seizure,crisis convulsiva,crisis convulsivas,"not 'ataque', which is vague"

* ``source``: the English term, as the leaflets write it (lower case; its
  plural is matched too: ``seizures``, ``allergies``);
* ``target``: the one translation chosen for it;
* ``forms`` (optional): other forms of that same translation that count as
  using it (plural, case endings, with a particle attached), separated by ``|``;
* ``notes`` (optional): why, or regional usage, for the next translator.

The header's first two columns are translate-toolkit's ``source`` and
``target``, so Weblate imports the file as a glossary and ``csv2tbx`` turns it
into TBX. :func:`load_glossary` reads it into :class:`Term`\\ s, refusing a
malformed file with one located problem per mistake (a file that does not
exist is an empty glossary). ``generate.py update`` writes each chosen term as a
translator comment on the entries that need it (:func:`annotate`), which
Poedit and Weblate show beside the text. :meth:`Term.in_source` says whether an English
text uses a term, :meth:`Term.in_translation` whether a translation uses the
chosen words; :mod:`medleaflet.i18n.qa.terms` turns a message that uses the
English term but not the chosen translation into a ``check`` warning, unless
a translator comment ``# glossary-exception: liquid`` on the entry says the
English word means something else there (:func:`exceptions`).
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from medleaflet.content.load import decode, display_name, read_bytes
from medleaflet.errors import InputError, Problem, SourceLocation, ValidationError
from medleaflet.project import Project
from textengine.characters import disallowed

#: The glossary's file name, in ``translations/<locale>/``.
GLOSSARY_FILE = "glossary.csv"
#: The columns a glossary has, in this order; the first two are required.
COLUMNS = ("source", "target", "forms", "notes")
REQUIRED = COLUMNS[:2]
#: How :func:`_term` reports a problem: ``(line, message)``.
ProblemSink = Callable[[int, str], None]
#: What separates the entries of the ``forms`` column.
FORMS_SEPARATOR = "|"
#: At most this many terms: a glossary holds key terms, and every message is matched against each.
MAX_TERMS = 500
#: A note ``glossary: SOURCE = TARGET`` longer than this would be wrapped by Babel's and gettext's
#: writers onto a second comment line, which no longer reads as a note; so source and target are short.
MAX_NOTE = 76
#: What a spreadsheet takes a cell starting with for a formula (CSV injection); no term starts so.
FORMULA_STARTS = ("=", "+", "-", "@")


#: Characters that print as nothing; a term is found in a translation whether or not they are typed
#: (a zero-width space between Thai words, a joiner).
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
#: Placeholders of the English (``{medicine}``, ``%(dose)s``): names for the program, not words.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[a-z]")


def _folded(text: str) -> str:
    """``text`` for comparison: NFC, case-folded, invisible characters dropped, runs of white space
    as one space."""
    return " ".join(unicodedata.normalize("NFC", text).translate(INVISIBLE).casefold().split())


@functools.lru_cache(maxsize=4096)
def _english_pattern(term: str) -> re.Pattern[str]:
    """A pattern finding the English ``term`` or its plural (``kidneys``, ``allergies``) as whole
    words, in any case; a hyphen counts as a word boundary (``low-dose``)."""
    words = term.split()
    last = words[-1]
    plural = re.escape(last) + "(?:s|es)?"
    if len(last) > 1 and last.endswith("y") and last[-2] not in "aeiou":
        plural = re.escape(last[:-1]) + "(?:y|ies)"
    body = r"\s+".join([*map(re.escape, words[:-1]), plural])
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Term:
    """One glossary entry: the English ``source`` term, its chosen ``target`` translation, the other
    ``forms`` that count as it, the translator's ``notes``, and where it is written."""

    source: str
    target: str
    forms: tuple[str, ...]
    notes: str
    location: SourceLocation

    def in_source(self, english: str) -> bool:
        """Whether the English text ``english`` uses this term (or its plural)."""
        return _english_pattern(self.source).search(PLACEHOLDER.sub(" ", english)) is not None

    def in_translation(self, translated: str) -> bool:
        """Whether ``translated`` contains the chosen translation or one of its forms (any case)."""
        text = _folded(translated)
        return any(_folded(spelling) in text for spelling in (self.target, *self.forms))


def glossary_path(project: Project, locale: str) -> Path:
    """``translations/<locale>/glossary.csv``."""
    return project.translations_dir / locale / GLOSSARY_FILE


def load_glossary(project: Project, locale: str) -> tuple[Term, ...]:
    """The terms of ``locale``'s glossary (:func:`read_glossary`)."""
    return read_glossary(glossary_path(project, locale), project.root)


def read_glossary(path: Path, root: Path) -> tuple[Term, ...]:
    """The terms of the glossary at ``path`` (shown relative to ``root``), in file order; none if
    there is no such file.

    Raises :class:`InputError` for a file that cannot be read and
    :class:`ValidationError` listing every malformed row, each at its line.
    """
    if not os.path.lexists(path):
        return ()
    display = display_name(path, root)  # a folder, FIFO, device or broken link is refused as it is read
    try:
        raw = read_bytes(path, display)
    except OSError as exc:
        raise InputError(f"cannot read the glossary ({exc.strerror})", SourceLocation(display, 1)) from None
    return parse_glossary(decode(raw, display), display)


#: How a glossary note starts, among a catalogue entry's translator comments (:func:`annotate`).
NOTE_PREFIX = "glossary: "
#: A translator's comment naming the terms an entry uses in another sense (``liquid`` meaning any
#: drink, not the liquid medicine), comma-separated: ``# glossary-exception: liquid``.
EXCEPTION_PREFIX = "glossary-exception:"


def exceptions(comments: Sequence[str]) -> set[str]:
    """The terms (case-folded) that translator ``comments`` exempt from the glossary check."""
    named = (comment.removeprefix(EXCEPTION_PREFIX) for comment in comments if comment.startswith(EXCEPTION_PREFIX))
    return {term.strip().casefold() for names in named for term in names.split(",") if term.strip()}


def terms_used(english: str, comments: Sequence[str], terms: Sequence[Term]) -> list[Term]:
    """The terms of ``terms`` that the English text ``english`` of an entry uses, but for those its
    translator ``comments`` exempt (:func:`exceptions`)."""
    exempt = exceptions(comments)
    return [term for term in terms if term.source.casefold() not in exempt and term.in_source(english)]


def annotate(catalog: Catalog, terms: Sequence[Term]) -> None:
    """Give each message of ``catalog`` whose English uses a term of ``terms`` a translator comment
    ``# glossary: seizure = crisis convulsiva``, replacing the glossary notes it had (a translator's own
    comments stay). Poedit shows translator comments beside the entry, Weblate as the string's
    comment, and gettext's and Babel's tools keep them, so every editor shows the chosen term where
    it is needed."""
    for message in catalog:
        if not message.id:
            continue
        english = " ".join(message.id) if isinstance(message.id, tuple | list) else message.id
        kept = [comment for comment in message.user_comments if not comment.startswith(NOTE_PREFIX)]
        notes = [f"{NOTE_PREFIX}{term.source} = {term.target}" for term in terms_used(english, kept, terms)]
        message.user_comments = kept + notes


def parse_glossary(text: str, display: str) -> tuple[Term, ...]:
    """Parse the CSV ``text`` of a glossary shown as ``display``; raises :class:`ValidationError`."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problem] = []
    terms: list[Term] = []
    seen: dict[str, int] = {}

    def problem(line: int, message: str) -> None:
        problems.append(Problem(SourceLocation(display, line), "", message))

    try:
        header = next(reader, None)
        columns = [name.strip() for name in header or []]
        unknown = [name for name in columns if name not in COLUMNS]
        if header is None:
            problem(1, f"empty glossary: the first line must be the header {','.join(COLUMNS)}")
        elif unknown or columns[:2] != list(REQUIRED) or len(set(columns)) != len(columns):
            problem(1, f"the first line must be the header {','.join(COLUMNS)} (the last two optional)")
        else:
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) > len(columns):
                    problem(line, f"{len(row)} cells, but the header names {len(columns)} columns")
                    continue
                cells = dict(zip(columns, (cell.strip() for cell in row), strict=False))
                term = _term(cells, SourceLocation(display, line), problem)
                if term is None:
                    continue
                key = _folded(term.source)
                if key in seen:
                    problem(line, f"'{term.source}' is already in the glossary at line {seen[key]}")
                    continue
                seen[key] = line
                terms.append(term)
                if len(terms) > MAX_TERMS:
                    problem(line, f"more than {MAX_TERMS} terms: a glossary holds the key terms only")
                    break
    except csv.Error as exc:
        problem(reader.line_num or 1, f"not a valid CSV file: {exc}")
    if problems:
        raise ValidationError(problems)
    return tuple(terms)


def _term(cells: dict[str, str], where: SourceLocation, problem: ProblemSink) -> Term | None:
    """The :class:`Term` of one row's ``cells``, or None after reporting what is wrong with it."""
    for name, value in cells.items():
        bad = disallowed(value)
        if bad:
            problem(where.line, f"{name}: {bad[0].name} is not allowed in a glossary")
            return None
        if value.startswith(FORMULA_STARTS):
            problem(where.line, f"{name}: starts with '{value[0]}', which a spreadsheet runs as a formula")
            return None
    source, target = cells.get("source", ""), cells.get("target", "")
    if not source or not target:
        problem(where.line, f"'{'source' if not source else 'target'}' is empty: every term needs both")
        return None
    if not any(char.isalpha() for char in source):
        problem(where.line, "'source' has no letter: it would match no English word, or every one")
        return None
    note = f"{NOTE_PREFIX}{source} = {target}"
    if len(note) > MAX_NOTE:
        problem(
            where.line,
            f"source and target are {len(source) + len(target)} characters long; "
            f"at most {MAX_NOTE - len(NOTE_PREFIX) - 3} together, so the note on each entry stays one line",
        )
        return None
    forms = tuple(form.strip() for form in cells.get("forms", "").split(FORMS_SEPARATOR) if form.strip())
    return Term(source, target, forms, cells.get("notes", ""), where)
