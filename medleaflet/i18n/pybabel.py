"""The translator commands ``extract``, ``update`` and ``init``, on Babel's catalogue model.

:func:`extract` writes ``translations/leaflets.pot`` from the project's
leaflets (the ``leaflet_yaml`` extractor) and the layout's own words, taken
from the installed package (:mod:`medleaflet.i18n.ui_extract`), so it works
for any project folder; in this checkout it gives the same messages as
``pybabel extract -F babel.cfg -o translations/leaflets.pot .``, plus a
``#. group:`` note on each layout message. It also writes the glossary of
names to keep unchanged (:mod:`medleaflet.i18n.glossary`).
:func:`update` merges the template into the catalogues with Babel's
:meth:`~babel.messages.catalog.Catalog.update` as ``pybabel update
--previous`` does, but fuzzy matching only within a leaflet
(:mod:`medleaflet.i18n.merge`): a new leaflet's entries start empty instead
of holding another medicine's translations. :func:`init` starts a catalogue
as ``pybabel init`` does, with the translator and team filled in.

Every file is written as GNU gettext writes it (:mod:`medleaflet.i18n.po_format`),
so Poedit, Weblate and ``msgcat`` leave it as it is. Each command first reads
the template, and every catalogue ``update`` would merge into, with the
project's strict parser (:func:`~medleaflet.i18n.catalogues.parse_strictly`),
because Babel reads a damaged file leniently and writes back what it guessed:
a broken template would turn every translation obsolete, a broken quote would
lose a character. Any problem refuses the command before a file is touched.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from medleaflet import __version__
from medleaflet.content.load import decode, display_name, read_bytes
from medleaflet.errors import InputError, Problem, SourceLocation, UsageError, ValidationError
from medleaflet.i18n.catalogues import catalogue_paths, parse_strictly, po_path, pot_path
from medleaflet.i18n.extract import extract_leaflet
from medleaflet.i18n.glossary import GLOSSARY_NAME, glossary_tbx
from medleaflet.i18n.language_check import project_leaflets
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.i18n.merge import merge
from medleaflet.i18n.po_format import catalogue_bytes, extra_headers, same_messages
from medleaflet.i18n.sources import glossary_terms
from medleaflet.i18n.terms import GLOSSARY_FILE, annotate, read_glossary
from medleaflet.i18n.ui_extract import ui_messages
from medleaflet.project import Project
from medleaflet.write import write_atomic
from textengine.characters import BadCharacter, disallowed


def template_catalog(project: Project) -> Catalog:
    """Every message of the project's leaflets, then every layout message of the package, with
    their ``#.`` notes and ``#:`` references. Raises for a leaflet that fails validation, and
    :class:`InputError` when there are no leaflets or no layout messages."""
    catalog = Catalog(
        project="medleaflet",
        version=__version__,
        copyright_holder="medleaflet contributors",
        msgid_bugs_address="translations@medleaflet.invalid",
        charset="utf-8",
    )
    leaflets = [project.leaflet_path(leaflet_id) for leaflet_id in project.leaflet_ids()]
    if not leaflets:
        raise InputError(f"{display_name(project.leaflets_dir, project.root)}: no leaflets to extract messages from")
    for path in leaflets:
        display = display_name(path, project.root)
        source = io.BytesIO(read_bytes(path, display))  # bounded; refuses FIFOs and devices
        source.name = display  # the extractor names its file in locations and errors
        for line, _, (context, message), notes in extract_leaflet(source, (), (), {}):
            catalog.add(message, None, [(display, line)], auto_comments=notes, context=context)
    layout = ui_messages()
    if not layout:
        raise InputError("no layout messages found in the medleaflet package (is its source installed?)")
    for item in layout:
        where = item.location
        notes = [*item.comments, f"group: {item.group}"]
        catalog.add(item.message, None, [(where.file, where.line)], auto_comments=notes, context=item.context)
    return catalog


@dataclass(frozen=True)
class Extracted:
    """The files ``extract`` wrote: the template (unless its messages were unchanged) and the
    glossary of names to keep."""

    template: Path
    glossary: Path
    template_changed: bool


def extract(project: Project) -> Extracted:
    """Write ``translations/leaflets.pot`` (see :func:`template_catalog`) and, beside it,
    ``glossary.tbx`` (:mod:`medleaflet.i18n.glossary`); returns their paths. A template whose
    messages did not change is left as it is, its creation date included."""
    target = pot_path(project)
    template = catalogue_bytes(template_catalog(project), display_name(target, project.root))
    glossary = glossary_tbx(glossary_terms(project_leaflets(project)))
    target.parent.mkdir(parents=True, exist_ok=True)
    changed = not (target.is_file() and same_messages(read_bytes(target, display_name(target, project.root)), template))
    if changed:  # else the template keeps its date: nothing to merge, nothing to commit
        write_atomic(target, template)
    write_atomic(target.with_name(GLOSSARY_NAME), glossary)
    return Extracted(target, target.with_name(GLOSSARY_NAME), changed)


@dataclass(frozen=True)
class ReadCatalogue:
    """A catalogue as Babel read it, with the header fields Babel would drop
    (:func:`~medleaflet.i18n.po_format.extra_headers`)."""

    catalog: Catalog
    extra_headers: list[tuple[str, str]]


def _parse(path: Path, display: str) -> tuple[ReadCatalogue, list[Problem]]:
    """The ``.po``/``.pot`` file at ``path`` as Babel reads it, and its syntax problems.

    Raises :class:`InputError` for a file that cannot be read or decoded.
    """
    text = decode(read_bytes(path, display), display)
    catalog, problems = parse_strictly(text, display, catalogue=path.suffix == ".po")
    return ReadCatalogue(catalog, extra_headers(text)), problems


def check_inputs(project: Project, catalogues: list[Path]) -> tuple[Catalog, list[ReadCatalogue]]:
    """The template and each of ``catalogues``, refused unless every one parses strictly.

    Raises :class:`InputError` when the template is missing or has no messages,
    or a catalogue is missing, and :class:`ValidationError` listing every
    syntax problem of every one of these files, each at its line.
    """
    template = pot_path(project)
    shown = display_name(template, project.root)
    if not template.exists():
        raise InputError(f"{shown}: not found; run 'generate.py extract' first")
    template_read, problems = _parse(template, shown)
    parsed = []
    for path in catalogues:
        display = display_name(path, project.root)
        if not path.exists():
            raise InputError(f"{display}: not found; start a language with 'generate.py init LOCALE'")
        catalog, found = _parse(path, display)
        parsed.append(catalog)
        problems += found
    if problems:
        raise ValidationError(problems)
    if not any(message.id for message in template_read.catalog):
        raise InputError("the template has no messages; run 'generate.py extract'", SourceLocation(shown, 1))
    return template_read.catalog, parsed


def update(project: Project, locale: str | None = None) -> None:
    """Merge the template into one or every catalogue (``pybabel update --previous``, but see
    :func:`~medleaflet.i18n.merge.merge`), each written atomically.

    Changed source texts become fuzzy (never printed) with the previous
    msgid kept for the translator; a new leaflet's messages start empty.
    Raises :class:`InputError` (see :func:`check_inputs`), leaving every
    catalogue as it was, when the template or any catalogue to update is
    missing or damaged.
    """
    paths = [po_path(project, locale)] if locale else catalogue_paths(project)
    template, catalogues = check_inputs(project, paths)
    merged = []
    for path, read in zip(paths, catalogues, strict=True):
        merge(read.catalog, template)
        state_review(read.catalog)
        annotate(read.catalog, read_glossary(path.parent.parent / GLOSSARY_FILE, project.root))
        merged.append(catalogue_bytes(read.catalog, display_name(path, project.root), read.extra_headers))
    for path, data in zip(paths, merged, strict=True):
        write_atomic(path, data)


#: What every catalogue's header comment says about review (:func:`state_review`).
REVIEW_NOTE = (
    "NOT reviewed by a qualified medical translator. A page\n"
    "says its translation is reviewed only when a medical\n"
    "reviewer's sign-off is recorded with 'generate.py signoff'\n"
    "(LC_MESSAGES/leaflets.review.yaml), never from this text."
)


def state_review(catalog: Catalog) -> None:
    """Add :data:`REVIEW_NOTE` to ``catalog``'s header comment, before its closing ``#``, unless it is there."""
    comment = catalog.header_comment
    if REVIEW_NOTE.splitlines()[0] in comment:
        return
    lines = comment.rstrip("\n").split("\n")
    note = [f"# {line}" for line in REVIEW_NOTE.splitlines()]
    at = len(lines) - 1 if lines and lines[-1].strip() == "#" else len(lines)
    catalog.header_comment = "\n".join([*lines[:at], *note, *lines[at:]])


#: What Babel writes in the header until someone fills it in.
PLACEHOLDER_TRANSLATOR = "FULL NAME <EMAIL@ADDRESS>"


def init(project: Project, locale: str, translator: str | None = None, team: str | None = None) -> Path:
    """Start the catalogue of a new language as ``pybabel init`` does (every message empty; not
    reviewed until someone signs it off), written as gettext writes it; returns its path.

    ``translator`` fills the ``Last-Translator`` header (``Name <email>``), ``team`` the
    ``Language-Team`` header (``Language <email or web page>``); without them Babel's
    placeholders stay, for the translator's editor to fill in.
    Raises :class:`InputError` when the catalogue exists, or the template is
    missing, empty or damaged (see :func:`check_inputs`).
    """
    if locale == SOURCE_LOCALE:
        raise UsageError("English is the source language: its text is the leaflets themselves, with no catalogue")
    path = po_path(project, locale)
    shown = display_name(path, project.root)
    if path.exists():
        raise InputError(f"{shown} already exists; use 'update' instead")
    check_inputs(project, [])
    template = pot_path(project)
    # Read with the locale, as pybabel init does, so the plural forms are the language's.
    catalog = read_po(io.BytesIO(read_bytes(template, display_name(template, project.root))), locale=locale)
    catalog.locale = locale
    catalog.revision_date = dt.datetime.now(dt.UTC)
    catalog.fuzzy = False
    catalog.last_translator = _header_value(translator, "--translator") or PLACEHOLDER_TRANSLATOR
    catalog.language_team = _header_value(team, "--team") or catalog.language_team
    state_review(catalog)
    data = catalogue_bytes(catalog, shown)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)
    return path


#: A header value as gettext's tools write it: a name, then an address in angle brackets.
_NAME_AND_ADDRESS = re.compile(r"^[^<>]*\S[^<>]* <[^<>\s]+>$")


def _header_value(value: str | None, option: str) -> str | None:
    """``value`` (``Name <address>``) with its white space collapsed; raises :class:`UsageError` for
    anything else, and for a character no input may hold (a control, a bidi override, an invisible)."""
    if value is None:
        return None
    cleaned = " ".join(value.split())
    bad = disallowed(cleaned) or [BadCharacter(0, char) for char in value if char in "\r\n\x0b\x0c"]
    if bad:
        raise UsageError(f"{option}: {bad[0].name} is not allowed in a catalogue header")
    if not _NAME_AND_ADDRESS.match(cleaned):
        raise UsageError(f"{option}: write it as 'Name <address>' (e.g. 'Ana Ruiz <ana@example.org>'), not {value!r}")
    return cleaned
