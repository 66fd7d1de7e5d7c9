"""medleaflet.layout.furniture: the footer and its review statement, on every page, inside the paper."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.units import mm

from medleaflet.content.clinic import load_clinic
from medleaflet.content.templates import load_template
from medleaflet.errors import IncompleteTranslationError
from medleaflet.layout.footer import GAP, FooterLine, plan_footer, split_to_fit
from medleaflet.layout.furniture import PRINTER_MARGIN
from medleaflet.pipeline import BuildOptions, render_leaflet
from medleaflet.project import Project
from medleaflet.render.pdf import RenderedPdf
from tests.conftest import DATA, ROOT

PROJECT = Project(ROOT)
TRANSLATED = PROJECT.locales()[1:]
#: The clinic profile with the longest footer lines we ship as test data.
CLINIC = max(sorted((DATA / "clinics").glob("*.yaml")), key=lambda path: len(path.read_text("utf-8")))


def _render(locale: str, options: BuildOptions) -> RenderedPdf:
    """The first leaflet translated into ``locale``, rendered; skips the test if none is yet."""
    for leaflet in PROJECT.leaflet_ids():
        try:
            return render_leaflet(PROJECT, leaflet, locale, options)
        except IncompleteTranslationError:
            continue  # a leaflet still being translated
    pytest.skip(f"no leaflet is translated into {locale} yet")


def _combinations() -> list[tuple[str, str, str]]:
    """Every language and every template x paper at least once (every combination is checked
    for its edges by tests/layout/test_page_properties.py; these check the review statement)."""
    pairs = [(template, paper) for template in PROJECT.template_names() for paper in ("a4", "letter")]
    cases = {(*pairs[index % len(pairs)], locale) for index, locale in enumerate(TRANSLATED)}
    cases |= {(*pair, TRANSLATED[0]) for pair in pairs}
    return sorted(cases)


@pytest.mark.parametrize(("template", "paper", "locale"), _combinations())
def test_footer_stays_on_the_paper_and_says_review_in_english(
    tmp_path: Path, template: str, paper: str, locale: str
) -> None:
    clinic = load_clinic(CLINIC, ROOT)
    pdf = _render(locale, BuildOptions(template, False, clinic, paper))
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


def _measure(text: str, style: str = "furniture") -> float:
    """A width of 5 points a character, 6 in a bold (trailing) style."""
    return len(text) * (5 if style == "furniture" else 6)


def test_a_footer_that_fits_sets_the_page_number_beside_the_first_line() -> None:
    lines = plan_footer(["Version 1", "Reviewed"], [("Page 10 of 10", "furniture_end")], 400, _measure)
    assert lines == [FooterLine("Version 1", "Page 10 of 10"), FooterLine("Reviewed")]


def test_a_page_number_with_no_room_beside_any_line_gets_a_line_of_its_own() -> None:
    wide = "x" * 76  # 380 points: no room for the 78-point page number and the gap in 400
    lines = plan_footer([wide], [("Page 10 of 10", "furniture_end")], 400, _measure)
    assert lines == [FooterLine(wide), FooterLine(trailing="Page 10 of 10")]
    assert _measure(wide) + GAP + _measure("Page 10 of 10", "furniture_end") > 400


def test_trailing_items_keep_their_order() -> None:
    trailing = [("Page 1 of 2", "furniture_end"), ("Clinic", "furniture_end"), ("Phone", "furniture_end_regular")]
    lines = plan_footer(["a" * 70, "short"], trailing, 400, _measure)
    assert [line.trailing for line in lines] == [None, "Page 1 of 2", "Clinic", "Phone"]
    assert lines[-1].trailing_style == "furniture_end_regular"


def test_a_statement_too_long_for_a_line_is_cut_between_sentences_then_words() -> None:
    text = "One two three. Four five six seven eight nine ten."
    assert split_to_fit(text, 1000, len) == [text]
    assert split_to_fit(text, 25, len) == ["One two three.", "Four five six seven eight", "nine ten."]
