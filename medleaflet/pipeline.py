"""The whole pipeline for one output file: load -> validate -> localise ->
layout -> render -> write, each stage returning the value the next takes.

:func:`lay_out_leaflet` loads, validates and localises a leaflet and lays it
out (a :class:`~medleaflet.layout.document.LaidOutLeaflet`);
:func:`render_leaflet` renders that to a
:class:`~medleaflet.render.pdf.RenderedPdf`; :func:`build_leaflet` writes it
into an output folder and returns the :class:`BuildResult`. Each raises a
:class:`~medleaflet.errors.MedleafletError` subclass for anything wrong with
the inputs; no file is written in that case.

The parsed, validated leaflet and template are kept for the process while
their files are unchanged (:mod:`medleaflet.memo`), as is each catalogue's
check (:func:`medleaflet.i18n.localise.localise`); layout and rendering run
afresh for every PDF.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from medleaflet.content import clinic as clinic_profile
from medleaflet.content.clinic import Clinic
from medleaflet.content.fonts import input_error, load_fonts
from medleaflet.content.model import Leaflet
from medleaflet.content.templates import DEFAULT_TEMPLATE, load_template
from medleaflet.content.validate import load_leaflet
from medleaflet.i18n.coverage import require_coverage
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.i18n.localise import localise
from medleaflet.layout.bilingual import BilingualLayout, column_width
from medleaflet.layout.document import LaidOutLeaflet
from medleaflet.layout.leaflet import LeafletLayout
from medleaflet.memo import FileMemo
from medleaflet.project import Project
from medleaflet.render.pdf import RenderedPdf, render_pdf
from medleaflet.write import write_atomic
from textengine.errors import TextEngineError
from textengine.fonts import registered_font_names
from textengine.shaping import forget_crowded_private_glyphs


@dataclass(frozen=True)
class BuildResult:
    """One PDF written: where, how many pages and bytes, and the SHA-256 of those bytes."""

    path: Path
    pages: int
    size: int
    sha256: str


def output_name(leaflet_id: str, locale: str, template: str) -> str:
    """``{leaflet}.{locale}.pdf``, or ``{leaflet}.{locale}.{template}.pdf``."""
    suffix = "" if template == DEFAULT_TEMPLATE else f".{template}"
    return f"{leaflet_id}.{locale}{suffix}.pdf"


@dataclass(frozen=True)
class BuildOptions:
    """Choices that apply to every PDF of a build."""

    template: str = DEFAULT_TEMPLATE
    allow_fallback: bool = False
    clinic: Clinic | None = None
    #: ``a4`` or ``letter``; by default the clinic's country decides, else the template.
    paper: str | None = None


#: Leaflets and templates loaded and validated, while their files are unchanged.
_INPUTS = FileMemo()


def leaflet_of(project: Project, leaflet_id: str) -> Leaflet:
    """The leaflet ``leaflet_id`` of ``project``, loaded and validated (kept while its file is unchanged)."""
    path, root = project.leaflet_path(leaflet_id), project.root
    return _INPUTS.get([path], ("leaflet", root), lambda: load_leaflet(path, root))


def lay_out_leaflet(project: Project, leaflet_id: str, locale: str, options: BuildOptions) -> LaidOutLeaflet:
    """Load, validate, localise and lay out one leaflet: the value the render stage takes."""
    leaflet = leaflet_of(project, leaflet_id)
    template_path, root = project.template_path(options.template), project.root
    template = _INPUTS.get([template_path], ("template", root), lambda: load_template(template_path, root))
    paper = options.paper or (options.clinic.paper if options.clinic else template.paper)
    template = replace(template, paper=paper)
    fonts = load_fonts(template, project, locale)
    # Shaped glyphs keep their private-use codes from one document to the next (they never reach
    # the bytes), until a font's Private Use Area runs short.
    forget_crowded_private_glyphs(registered_font_names())
    if options.clinic is not None:
        clinic_profile.require_coverage(options.clinic, fonts)
    localised = localise(project, leaflet, locale, options.allow_fallback)
    require_coverage(localised, fonts)
    try:
        if not template.bilingual:
            return LeafletLayout(leaflet, template, localised, fonts, options.clinic).document()
        full_width = template.text_width
        column = column_width(full_width)
        english = localise(project, leaflet, SOURCE_LOCALE)
        require_coverage(english, fonts)
        return BilingualLayout(
            LeafletLayout(leaflet, template, english, fonts, options.clinic, width=column),
            LeafletLayout(leaflet, template, localised, fonts, options.clinic, width=column),
            full_width,
        ).document()
    except TextEngineError as exc:  # text that reached the engine unchecked (a clinic's, a UI message)
        raise input_error(exc, project, template) from None


def render_leaflet(project: Project, leaflet_id: str, locale: str, options: BuildOptions) -> RenderedPdf:
    """Run every stage but writing, and return the rendered PDF."""
    document = lay_out_leaflet(project, leaflet_id, locale, options)
    try:
        return render_pdf(document)
    except TextEngineError as exc:  # text that reached the engine unchecked (a clinic's, a UI message)
        raise input_error(exc, project) from None


def build_leaflet(
    project: Project, leaflet_id: str, locale: str, out_dir: Path, options: BuildOptions = BuildOptions()
) -> BuildResult:
    """Build one PDF into ``out_dir`` and return what was written."""
    pdf = render_leaflet(project, leaflet_id, locale, options)
    path = out_dir / output_name(leaflet_id, locale, options.template)
    write_atomic(path, pdf.data)
    return BuildResult(path, pdf.pages, len(pdf.data), hashlib.sha256(pdf.data).hexdigest())
