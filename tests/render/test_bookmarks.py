"""medleaflet.render.bookmarks: one outline entry per section, on the page where its heading is drawn."""

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


@pytest.mark.parametrize("template", PROJECT.template_names())
def test_each_section_is_bookmarked_on_the_page_of_its_heading(template: str) -> None:
    bilingual = load_template(PROJECT.template_path(template), ROOT).bilingual
    locale = PROJECT.locales()[1] if bilingual else "en"
    document = lay_out_leaflet(PROJECT, PROJECT.leaflet_ids()[0], locale, BuildOptions(template=template))
    outlines = [block.outline for block in document.blocks() if block.outline is not None]
    data = render_pdf(document).data
    reader = PdfReader(io.BytesIO(data))
    assert [item.title for item in reader.outline] == [outline.title for outline in outlines]
    if bilingual:
        return  # a paired heading may be set in a script pdfplumber reads in visual order
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [" ".join((page.extract_text() or "").split()) for page in pdf.pages]
    for item in reader.outline:
        page = reader.get_destination_page_number(item)
        assert item.title in pages[page], f"{item.title!r} not on page {page + 1}"
