"""The pipeline as a whole: a PDF depends on its inputs, not on what the process built before."""

from __future__ import annotations

import hashlib
import subprocess
import sys

from medleaflet.content.fonts import load_fonts
from medleaflet.content.templates import DEFAULT_TEMPLATE, load_template
from medleaflet.pipeline import BuildOptions, render_leaflet
from medleaflet.project import Project
from textengine.shaping import shape_run

from .conftest import ROOT

_FRESH_BUILD = """
import hashlib, sys
from pathlib import Path
from medleaflet.pipeline import BuildOptions, render_leaflet
from medleaflet.project import Project
for locale in sys.argv[2:]:
    data = render_leaflet(Project(Path(sys.argv[1])), "{leaflet}", locale, BuildOptions()).data
    print(hashlib.sha256(data).hexdigest())
"""


def _shape_everything_backwards(project: Project) -> None:
    """What another document might do first: shape every word of every catalogue, last word first,
    so that glyphs no character maps to are met in another order than a leaflet meets them."""
    template = load_template(project.template_path(DEFAULT_TEMPLATE), project.root)
    fonts = load_fonts(template, project)
    for locale in project.locales():
        po = project.root / "translations" / locale / "LC_MESSAGES" / "leaflets.po"
        if not po.is_file():
            continue
        for word in reversed(po.read_text("utf-8").split()):
            if fonts.uncovered(word):
                continue
            for run in fonts.runs(word):
                shape_run(run.text, run.family.regular, 10, rtl=False, script=run.script)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_pdf_is_the_same_whatever_the_process_shaped_before_it() -> None:
    project = Project(ROOT)
    leaflet = project.leaflet_ids()[0]
    locales = project.locales()
    fresh = subprocess.run(
        [sys.executable, "-c", _FRESH_BUILD.format(leaflet=leaflet), str(ROOT), *locales],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    _shape_everything_backwards(project)
    here = [_digest(render_leaflet(project, leaflet, locale, BuildOptions()).data) for locale in locales]
    assert [locale for locale, a, b in zip(locales, fresh, here, strict=True) if a != b] == []
