"""medleaflet.render.bookmarks: one outline entry per heading, at the page and height where it is drawn."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pypdf import PdfReader

from medleaflet.content.templates import load_template
from medleaflet.pipeline import BuildOptions, lay_out_leaflet
from medleaflet.project import Project
from medleaflet.render.pdf import render_pdf
from tests.conftest import ROOT

PROJECT = Project(ROOT)


def _flat(outline: list) -> list:
    """Every outline entry, nested ones too, in order."""
    return [entry for item in outline for entry in (_flat(item) if isinstance(item, list) else [item])]


@pytest.mark.parametrize("template", PROJECT.template_names())
def test_each_heading_is_bookmarked_on_the_page_of_its_heading(template: str) -> None:
    """Sections at the top level, sub-headings under them, each at the page and height of its heading."""
    bilingual = load_template(PROJECT.template_path(template), ROOT).bilingual
    locale = "ar" if bilingual and "ar" in PROJECT.locales() else PROJECT.locales()[-1] if bilingual else "en"
    document = lay_out_leaflet(PROJECT, "baclofen", locale, BuildOptions(template=template))
    outlines = [outline for block in document.blocks() for _, outline in block.bookmarks()]
    data = render_pdf(document).data
    reader = PdfReader(io.BytesIO(data))
    entries = _flat(reader.outline)
    assert [item.title for item in entries] == [outline.title for outline in outlines]
    top_level = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top_level == [outline.title for outline in outlines if outline.level == 0]
    if bilingual:
        return  # a paired heading may be set in a script pdfplumber reads in visual order
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for item in entries:
            page = pdf.pages[reader.get_destination_page_number(item)]
            top = float(page.height) - float(item["/Top"])
            below = page.crop((0, top - 1, page.width, min(top + 60, page.height)))
            text = " ".join((below.extract_text() or "").split())
            assert text.startswith(item.title), f"{item.title!r} not at the top of {text!r}"
