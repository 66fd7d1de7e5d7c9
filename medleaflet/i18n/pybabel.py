"""The translator commands ``extract``, ``update`` and ``init``, as thin wrappers over Babel.

:func:`extract` writes ``translations/leaflets.pot`` from the project's
leaflets (the ``leaflet_yaml`` extractor) and the layout's own words, taken
from the installed package (:mod:`medleaflet.i18n.ui_extract`), so it works
for any project folder; in this checkout it gives the same messages as
``pybabel extract -F babel.cfg -o translations/leaflets.pot .``.
:func:`update` and :func:`init` run ``pybabel`` in a child process in the
project folder: the tool's own working directory and logging stay as they were.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from medleaflet import __version__
from medleaflet.content.load import display_name, read_bytes
from medleaflet.errors import InputError
from medleaflet.i18n.catalogues import DOMAIN, po_path, pot_path
from medleaflet.i18n.extract import extract_leaflet
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


def update(project: Project, locale: str | None = None) -> None:
    """``pybabel update``: merge the template into one or every catalogue.

    Changed source texts become fuzzy (never printed) with the previous
    msgid kept for the translator.
    """
    args = ["update", *_template_args(project), "--previous"]
    if locale:
        args += ["-l", locale]
    run_pybabel(project, *args)


def init(project: Project, locale: str) -> Path:
    """``pybabel init`` for a new language (not reviewed until someone signs it off)."""
    path = po_path(project, locale)
    if path.exists():
        raise InputError(f"{display_name(path, project.root)} already exists; use 'update' instead")
    run_pybabel(project, "init", *_template_args(project), "-l", locale)
    return path
