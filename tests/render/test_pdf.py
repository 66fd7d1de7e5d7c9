"""The PDF itself: text, fonts, pages, metadata, bookmarks, reproducibility."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from medleaflet.content.templates import DEFAULT_TEMPLATE, load_template
from medleaflet.content.validate import load_leaflet
from medleaflet.project import Project
from medleaflet.sections import SECTIONS
from medleaflet.sections.order import printed_sections
from tests.conftest import ROOT, fonts_of, pdf_text, run_cli
from tests.content.test_model import SEED_DRUGS, UNSAFE

#: The sections of the default template, in its order.
SECTION_ORDER = load_template(Project(ROOT).template_path(DEFAULT_TEMPLATE), ROOT).sections
#: The sections the built leaflet prints (optional ones it has not are left out), in order.
PRINTED = [
    section.key
    for section in printed_sections(SECTION_ORDER, load_leaflet(Project(ROOT).leaflet_path("baclofen"), ROOT).sections)
]

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


@pytest.fixture(scope="module")
def text(built_pdf: Path) -> str:
    return pdf_text(built_pdf)


@pytest.mark.parametrize("key", PRINTED)
def test_every_section_heading_is_printed(text: str, key: str) -> None:
    assert SECTIONS[key].heading.message in text


@pytest.mark.parametrize("drug", SEED_DRUGS)
def test_every_interacting_drug_is_printed(text: str, drug: str) -> None:
    assert drug in text


@pytest.mark.parametrize(
    "phrase",
    [
        "Do not stop taking baclofen suddenly.",
        "Avoid alcohol while you take baclofen.",
        "Have kidney problems.",
        "Taking too much baclofen is an emergency.",
        "Leaflet Baclofen version 1.0, revised November 25, 2026",
        "Medicine text: draft, not yet reviewed by a pharmacist or doctor.",
        "Lioresal",
        "Fleqsuvy",
        "SERIOUS",
        "Clinic or pharmacy",
    ],
)
def test_key_messages_are_printed(text: str, phrase: str) -> None:
    assert phrase in text


@pytest.mark.parametrize("pattern", UNSAFE)
def test_no_unsafe_claims_printed(text: str, pattern: str) -> None:
    assert not re.search(pattern, text, re.IGNORECASE)


def test_pages_are_numbered_x_of_y(built_pdf: Path) -> None:
    reader = PdfReader(built_pdf)
    pages = len(reader.pages)
    assert 1 <= pages <= 6
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {pages}" in page.extract_text()


def test_every_font_is_embedded_and_none_is_base14(built_pdf: Path) -> None:
    fonts = fonts_of(built_pdf)
    assert fonts and all(fonts.values()), fonts
    assert not [name for name in fonts if "Helvetica" in name or "Times" in name or "Courier" in name]
    assert b"/Helvetica" not in built_pdf.read_bytes()
    assert all(re.match(r"^/[A-Z]{6}\+NotoSans-", name) for name in fonts), "fonts are subsets"


def test_metadata_language_and_bookmarks(built_pdf: Path) -> None:
    reader = PdfReader(built_pdf)
    assert reader.trailer["/Root"]["/Lang"] == "en"
    info = reader.metadata
    assert info.title == "Baclofen: patient information leaflet"
    assert info.subject == "Muscle relaxant (antispastic medicine)"
    assert info["/CreationDate"].startswith("D:20261125")
    # The forms heading and the sections at the top of the outline, their sub-headings under them.
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    sections = [f"{n}. {SECTIONS[key].heading.message}" for n, key in enumerate(PRINTED, start=1)]
    assert titles[1:] == sections and all(isinstance(item, list) or item.title for item in reader.outline)


def test_page_size_a4(built_pdf: Path) -> None:
    for page in PdfReader(built_pdf).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.01)


def test_letter_paper_fits(make_project: Callable[..., Path], tmp_path: Path) -> None:
    text = (ROOT / "templates" / "standard.yaml").read_text().replace("size: a4", "size: letter")
    (tmp_path / "standard.yaml").write_text(text)
    root = make_project([ROOT / "leaflets" / "baclofen.yaml"], [tmp_path / "standard.yaml"])
    code, _, err = run_cli("--root", str(root), "build", "--out", str(root / "out"))
    assert code == 0, err
    reader = PdfReader(root / "out" / "baclofen.en.pdf")
    assert 1 <= len(reader.pages) <= 6
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(LETTER, abs=0.01)


def test_two_builds_are_byte_identical(built_pdf: Path, tmp_path: Path) -> None:
    code, _, err = run_cli("build", "baclofen", "--out", str(tmp_path))
    assert code == 0, err
    assert (tmp_path / "baclofen.en.pdf").read_bytes() == built_pdf.read_bytes()


def test_a_layout_error_is_one_line_without_object_addresses() -> None:
    """ReportLab's message spans lines and names objects by address; the error the user sees does neither."""
    import io

    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
    from reportlab.platypus.doctemplate import LayoutError

    from medleaflet.render.pdf import layout_problem

    tall = Table([[[Paragraph("A cell taller than any page.")] * 200]])
    with pytest.raises(LayoutError) as caught:
        SimpleDocTemplate(io.BytesIO()).build([tall])
    assert "\n" in str(caught.value) and "0x" in str(caught.value)
    problem = layout_problem(caught.value)
    assert "\n" not in problem and "0x" not in problem.lower()
    assert problem.startswith("Flowable <Table") and "too large on page" in problem
