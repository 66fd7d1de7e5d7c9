"""Helpers for section tests: a widget kit built the way the pipeline builds it, and the
text a list of flowables prints."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reportlab.platypus import Flowable, Paragraph

from medleaflet.content.clinic import Clinic
from medleaflet.content.fonts import load_fonts
from medleaflet.content.model import Leaflet
from medleaflet.content.templates import DEFAULT_TEMPLATE, Template, load_template
from medleaflet.content.validate import load_leaflet
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.i18n.localise import LocalisedLeaflet, localise
from medleaflet.layout.leaflet import LeafletLayout
from medleaflet.layout.widgets import Kit
from medleaflet.project import Project
from tests.conftest import ROOT

PROJECT = Project(ROOT)
LEAFLETS = sorted(path.stem for path in PROJECT.leaflets_dir.glob("*.yaml"))


def leaflet(leaflet_id: str) -> Leaflet:
    """A shipped leaflet, loaded and validated."""
    return load_leaflet(PROJECT.leaflet_path(leaflet_id), ROOT)


def shipped_template(name: str = DEFAULT_TEMPLATE) -> Template:
    """A shipped template."""
    return load_template(PROJECT.template_path(name), ROOT)


def layout(
    leaflet: Leaflet,
    clinic: Clinic | None = None,
    template: Template | None = None,
    localised: LocalisedLeaflet | None = None,
) -> LeafletLayout:
    """The English layout of ``leaflet``, as :func:`medleaflet.pipeline.render_leaflet` sets it up."""
    template = template or shipped_template()
    localised = localised or localise(PROJECT, leaflet, SOURCE_LOCALE)
    return LeafletLayout(leaflet, template, localised, load_fonts(template, PROJECT), clinic)


def kit(leaflet: Leaflet, clinic: Clinic | None = None) -> Kit:
    """A fresh widget kit for the English layout of ``leaflet``."""
    return layout(leaflet, clinic).kit()


def _strings(item: object) -> Iterable[str]:
    """Every string a flowable (or a cell, or a list of them) prints, depth first."""
    if isinstance(item, (list, tuple)):
        for part in item:
            yield from _strings(part)
    elif isinstance(item, str):
        yield item
    elif isinstance(item, Paragraph):
        yield item.getPlainText()
    elif isinstance(item, Flowable):
        logical = getattr(item, "text", None)
        if isinstance(logical, str):
            yield logical
        for attribute in ("_cellvalues", "_content", "_flowables", "content"):
            yield from _strings(getattr(item, attribute, ()))


def printed_text(flowables: Iterable[object]) -> str:
    """The text of ``flowables`` in one string, with every run of spaces (no-break ones too) as one space."""
    return re.sub(r"\s+", " ", " ".join(_strings(list(flowables))).replace("\u00a0", " ").replace("\u202f", " "))


def normalised(text: str) -> str:
    """``text`` with its spaces normalised as :func:`printed_text` does."""
    return re.sub(r"\s+", " ", text)
