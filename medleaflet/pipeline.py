"""The whole pipeline for one output file: load -> validate -> localise ->
layout -> render -> write.

:func:`build_leaflet` takes a project, a leaflet id, a locale, a template name
and an output folder, and returns the :class:`BuildResult` for the PDF it
wrote. It raises a :class:`~medleaflet.errors.MedleafletError` subclass for
anything wrong with the inputs; no file is written in that case.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from medleaflet.content.clinic import Clinic
from medleaflet.content.templates import DEFAULT_TEMPLATE, load_template
from medleaflet.content.validate import load_leaflet
from medleaflet.i18n import ui
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.i18n.localise import localiser_for
from medleaflet.i18n.sources import leaflet_sources, protected_names, ui_sources
from medleaflet.layout.bilingual import BilingualLayout
from medleaflet.layout.leaflet import LeafletLayout
from medleaflet.project import Project
from medleaflet.render.pdf import DocumentInfo, RenderedPdf, render_pdf
from medleaflet.write import write_atomic
from textengine.fonts import font_stack


@dataclass(frozen=True)
class BuildResult:
    """One PDF written: where, and how many pages and bytes."""

    path: Path
    pages: int
    size: int


def output_name(leaflet_id: str, locale: str, template: str) -> str:
    """``{leaflet}.{locale}.pdf``, or ``{leaflet}.{locale}.{template}.pdf``."""
    suffix = "" if template == DEFAULT_TEMPLATE else f".{template}"
    return f"{leaflet_id}.{locale}{suffix}.pdf"


def document_info(layout: LeafletLayout) -> DocumentInfo:
    """The PDF metadata for a laid-out leaflet, in the leaflet's language."""
    leaflet = layout.leaflet
    return DocumentInfo(
        title=layout.u(ui.DOCUMENT_TITLE, medicine=layout.medicine),
        subject=layout.t(leaflet.identity.drug_class),
        author="medleaflet",
        keywords=(leaflet.id, f"version {leaflet.metadata.version}", layout.loc.code),
        lang=layout.loc.bcp47,
        date=leaflet.metadata.revised,
    )


@dataclass(frozen=True)
class BuildOptions:
    """Choices that apply to every PDF of a build."""

    template: str = DEFAULT_TEMPLATE
    allow_fallback: bool = False
    clinic: Clinic | None = None
    #: ``a4`` or ``letter``; by default the clinic's country decides, else the template.
    paper: str | None = None


def render_leaflet(project: Project, leaflet_id: str, locale: str, options: BuildOptions) -> RenderedPdf:
    """Run every stage but writing, and return the rendered PDF."""
    leaflet = load_leaflet(project.leaflet_path(leaflet_id), project.root)
    template = load_template(project.template_path(options.template), project.root)
    paper = options.paper or (options.clinic.paper if options.clinic else template.paper)
    template = replace(template, paper=paper)
    allow_fallback = options.allow_fallback
    fonts = font_stack(template.font_family, project.fonts_dir)
    sources = leaflet_sources(leaflet) + ui_sources()
    localiser = localiser_for(project, locale, sources, protected_names(leaflet), allow_fallback)
    if template.bilingual:
        full_width = template.page_size[0] - template.margins[1] - template.margins[3]
        column = BilingualLayout.column_width(full_width)
        english = localiser_for(project, SOURCE_LOCALE, sources)
        layout: LeafletLayout | BilingualLayout = BilingualLayout(
            LeafletLayout(leaflet, template, english, fonts, options.clinic, width=column),
            LeafletLayout(leaflet, template, localiser, fonts, options.clinic, width=column),
            full_width,
        )
    else:
        layout = LeafletLayout(leaflet, template, localiser, fonts, options.clinic)
    return render_pdf(layout, document_info(layout))  # type: ignore[arg-type]


def build_leaflet(
    project: Project, leaflet_id: str, locale: str, out_dir: Path, options: BuildOptions = BuildOptions()
) -> BuildResult:
    """Build one PDF into ``out_dir`` and return what was written."""
    pdf = render_leaflet(project, leaflet_id, locale, options)
    path = out_dir / output_name(leaflet_id, locale, options.template)
    write_atomic(path, pdf.data)
    return BuildResult(path, pdf.pages, len(pdf.data))
