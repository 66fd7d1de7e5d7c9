"""The translator commands ``extract``, ``update`` and ``init``, as thin wrappers over Babel.

:func:`extract` writes ``translations/leaflets.pot`` from the project's
leaflets (the ``leaflet_yaml`` extractor) and the layout's own words, taken
from the installed package (:mod:`medleaflet.i18n.ui_extract`), so it works
for any project folder; in this checkout it gives the same messages as
``pybabel extract -F babel.cfg -o translations/leaflets.pot .``.
:func:`update` merges the template into the catalogues in process, with
Babel's :meth:`~babel.messages.catalog.Catalog.update` as ``pybabel update
--previous`` does, but fuzzy matching only within a leaflet
(:mod:`medleaflet.i18n.merge`): a new leaflet's entries start empty instead
of holding another medicine's translations. :func:`init` runs ``pybabel`` in
a child process in the project folder: the tool's own working directory and
logging stay as they were. Both first read the template, and every catalogue
``update`` would merge into, with the project's strict parser
(:func:`~medleaflet.i18n.catalogues.parse_strictly`), because Babel reads a
damaged file leniently and writes back what it guessed: a broken template
would turn every translation obsolete, a broken quote would lose a character.
Any problem refuses the command before a file is touched.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from medleaflet import __version__
from medleaflet.content.load import decode, display_name, read_bytes
from medleaflet.errors import InputError, Problem, SourceLocation, ValidationError
from medleaflet.i18n.catalogues import DOMAIN, catalogue_paths, parse_strictly, po_path, pot_path
from medleaflet.i18n.extract import extract_leaflet
from medleaflet.i18n.merge import merge, po_bytes
from medleaflet.i18n.ui_extract import ui_messages
from medleaflet.project import Project
from medleaflet.write import write_atomic

#: Line width of written catalogues, as Babel writes them by default.
WIDTH = 76


def run_pybabel(project: Project, *args: str) -> str:
    """Run ``pybabel -q ARGS`` in a child process whose working folder is the project root.

    Returns its output; raises :class:`InputError` with Babel's own message if it fails.
    """
    result = subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "-q", *args],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )
    output = (result.stdout + result.stderr).strip()
    if result.returncode:
        lines = [line for line in output.splitlines() if line.strip()]
        raise InputError(f"pybabel {args[0]} failed: {lines[-1] if lines else result.returncode}")
    return output


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
        catalog.add(item.message, None, [(where.file, where.line)], auto_comments=item.comments, context=item.context)
    return catalog


def extract(project: Project) -> Path:
    """Write ``translations/leaflets.pot`` (see :func:`template_catalog`); returns its path."""
    target = pot_path(project)
    buffer = io.BytesIO()
    write_po(buffer, template_catalog(project), width=WIDTH)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, buffer.getvalue())
    return target


def _template_args(project: Project) -> list[str]:
    """The pybabel options naming the template, the catalogue folder and domain."""
    template = pot_path(project).relative_to(project.root).as_posix()
    return ["-i", template, "-d", "translations", "-D", DOMAIN, "-w", str(WIDTH)]


def _parse(path: Path, display: str) -> tuple[Catalog, list[Problem]]:
    """The ``.po``/``.pot`` file at ``path`` as Babel reads it, and its syntax problems.

    Raises :class:`InputError` for a file that cannot be read or decoded.
    """
    return parse_strictly(decode(read_bytes(path, display), display), display)


def check_inputs(project: Project, catalogues: list[Path]) -> tuple[Catalog, list[Catalog]]:
    """The template and each of ``catalogues``, refused unless every one parses strictly.

    Raises :class:`InputError` when the template is missing or has no messages,
    or a catalogue is missing, and :class:`ValidationError` listing every
    syntax problem of every one of these files, each at its line.
    """
    template = pot_path(project)
    shown = display_name(template, project.root)
    if not template.exists():
        raise InputError(f"{shown}: not found; run 'generate.py extract' first")
    template_catalog, problems = _parse(template, shown)
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
    if not any(message.id for message in template_catalog):
        raise InputError("the template has no messages; run 'generate.py extract'", SourceLocation(shown, 1))
    return template_catalog, parsed


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
    for catalog in catalogues:
        merge(catalog, template)
        merged.append(po_bytes(catalog, WIDTH))
    for path, data in zip(paths, merged, strict=True):
        write_atomic(path, data)


def init(project: Project, locale: str) -> Path:
    """``pybabel init`` for a new language (not reviewed until someone signs it off).

    Raises :class:`InputError` when the catalogue exists, or the template is
    missing, empty or damaged (see :func:`check_inputs`).
    """
    path = po_path(project, locale)
    if path.exists():
        raise InputError(f"{display_name(path, project.root)} already exists; use 'update' instead")
    check_inputs(project, [])
    run_pybabel(project, "init", *_template_args(project), "-l", locale)
    return path
