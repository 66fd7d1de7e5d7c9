"""medleaflet.layout.furniture: the footer and its review statement, on every page, inside the paper."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.units import mm

from medleaflet.content.clinic import load_clinic
from medleaflet.content.templates import load_template
from medleaflet.layout.furniture import PRINTER_MARGIN
from medleaflet.pipeline import BuildOptions, render_leaflet
from medleaflet.project import Project
from tests.conftest import DATA, ROOT

PROJECT = Project(ROOT)
TRANSLATED = PROJECT.locales()[1:]
LEAFLET = PROJECT.leaflet_ids()[0]
#: The clinic profile with the longest footer lines we ship as test data.
CLINIC = max(sorted((DATA / "clinics").glob("*.yaml")), key=lambda path: len(path.read_text("utf-8")))


def _combinations() -> list[tuple[str, str, str]]:
    """Every language and every template x paper at least once; with the template of the
    largest small print (the tallest footer), every language on both papers."""
    pairs = [(template, paper) for template in PROJECT.template_names() for paper in ("a4", "letter")]
    cases = {(*pairs[index % len(pairs)], locale) for index, locale in enumerate(TRANSLATED)}
    cases |= {(*pair, TRANSLATED[0]) for pair in pairs}
    tallest = max(
        PROJECT.template_names(),
        key=lambda name: load_template(PROJECT.template_path(name), ROOT).type_scale["small"].leading,
    )
    cases |= {(tallest, paper, locale) for paper in ("a4", "letter") for locale in TRANSLATED}
    return sorted(cases)


@pytest.mark.parametrize(("template", "paper", "locale"), _combinations())
def test_footer_stays_on_the_paper_and_says_review_in_english(
    tmp_path: Path, template: str, paper: str, locale: str
) -> None:
    clinic = load_clinic(CLINIC, ROOT)
    pdf = render_leaflet(PROJECT, LEAFLET, locale, BuildOptions(template, False, clinic, paper))
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf.data)
    height = load_template(PROJECT.template_path(template), ROOT).page_size[1]
    with pdfplumber.open(path) as document:
        for number, page in enumerate(document.pages, start=1):
            lowest = max(char["bottom"] for char in page.chars)
            # A glyph's box includes the font's whole descent, a few points below the line box.
            clearance = height - lowest
            assert clearance >= PRINTER_MARGIN - 3 * mm, f"page {number}: text {clearance:.1f} pt from the edge"
            # Columns interleave in extracted text, so look for each half of the statement.
            text = " ".join((page.extract_text() or "").split())
            unreviewed = "translation: NOT" in text and "reviewed by a qualified medical translator." in text
            assert unreviewed or "translation medically reviewed by" in text, f"page {number}: no review statement"
