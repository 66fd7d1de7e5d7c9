"""tests.layout.pagecheck: the outside page checker, on small PDFs drawn by hand with each fault."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from tests.layout.pagecheck import EDGE, Fault, check_pdf

WIDTH, HEIGHT = 400.0, 600.0
LEFT, RIGHT = 40.0, 360.0
#: The body frame: below the header rule, above the footer rule.
HEADER_RULE, FOOTER_RULE = HEIGHT - 40, 80.0
#: A page's drawing, given the canvas, the page number and the page count.
Draw = Callable[[Canvas, int, int], None]


def body(lines: int, top: float = HEADER_RULE - 20) -> Draw:
    """``lines`` lines of body text from ``top`` down."""

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        canvas.setFont("Helvetica", 10)
        for line in range(lines):
            canvas.drawString(LEFT, top - line * 14, f"Body text line {line + 1} of the leaflet.")

    return draw


def furniture(footer: Callable[[int, int], list[tuple[str, str]]] | None = None) -> Draw:
    """A running header and a footer rule with a version line beside "Page X of Y" below it;
    ``footer`` gives other footer lines, each (leading text, trailing text)."""

    def lines(page: int, pages: int) -> list[tuple[str, str]]:
        return [("Leaflet version 1.0", f"Page {page} of {pages}"), ("Not yet reviewed.", "")]

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        canvas.setFont("Helvetica-Bold", 8)
        canvas.drawString(LEFT, HEADER_RULE + 5, "Medicine: patient information")
        canvas.line(LEFT, HEADER_RULE, RIGHT, HEADER_RULE)
        canvas.line(LEFT, FOOTER_RULE, RIGHT, FOOTER_RULE)
        for number, (leading, trailing) in enumerate((footer or lines)(page, pages)):
            y = FOOTER_RULE - 12 - number * 10
            canvas.setFont("Helvetica", 8)
            canvas.drawString(LEFT, y, leading)
            canvas.setFont("Helvetica-Bold", 8)
            canvas.drawRightString(RIGHT, y, trailing)

    return draw


def heading(title: str, top: float, key: str) -> Draw:
    """A bold heading whose top is ``top``, with its outline entry pointing there."""

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(LEFT, top - 14, title)
        canvas.bookmarkPage(key, fit="XYZ", top=top)
        canvas.addOutlineEntry(title, key, level=0)

    return draw


def image(x: float, y: float, size: float = 40) -> Draw:
    """A grey square image with its lower left corner at (x, y)."""

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        canvas.drawImage(ImageReader(Image.new("RGB", (8, 8), "grey")), x, y, size, size)

    return draw


def make_pdf(path: Path, *pages: list[Draw]) -> Path:
    """A PDF at ``path`` with one page per list of drawings."""
    canvas = Canvas(str(path), pagesize=(WIDTH, HEIGHT))
    for number, drawings in enumerate(pages, start=1):
        for draw in drawings:
            draw(canvas, number, len(pages))
        canvas.showPage()
    canvas.save()
    return path


def good_pages() -> tuple[list[Draw], list[Draw]]:
    """Two good pages: a heading with text below it, then a last page more than a fifth full."""
    return (
        [furniture(), heading("1. Uses", HEADER_RULE - 10, "uses"), body(20, HEADER_RULE - 40)],
        [furniture(), body(12)],
    )


def test_good_pages_have_no_fault(tmp_path: Path) -> None:
    assert check_pdf(make_pdf(tmp_path / "good.pdf", *good_pages())) == []


@pytest.mark.parametrize(
    ("drawing", "kind"),
    [
        (body(1, top=HEIGHT - 8), "char"),  # text in the top margin
        (lambda canvas, page, pages: canvas.rect(4, 300, 20, 20, fill=1), "path"),
        (lambda canvas, page, pages: canvas.line(6, 200, 6, 300), "path"),
        (image(WIDTH - 45, 300), "image"),
    ],
)
def test_anything_near_an_edge_is_a_fault(tmp_path: Path, drawing: Draw, kind: str) -> None:
    first, second = good_pages()
    faults = check_pdf(make_pdf(tmp_path / "edge.pdf", [*first, drawing], second))
    assert faults and all(fault.page == 1 and f"less than {EDGE:g}" in fault.what for fault in faults)
    assert any(fault.what.startswith(kind) for fault in faults)


def test_a_heading_alone_at_the_foot_of_a_page_is_a_fault(tmp_path: Path) -> None:
    first = [furniture(), body(25, HEADER_RULE - 20), heading("2. How it works", FOOTER_RULE + 30, "how")]
    faults = check_pdf(make_pdf(tmp_path / "alone.pdf", first, good_pages()[1]))
    assert faults == [Fault(1, "heading '2. How it works' alone at the foot of the page")]


def test_a_heading_with_text_below_it_is_not_alone(tmp_path: Path) -> None:
    first = [furniture(), body(20), heading("2. How it works", FOOTER_RULE + 60, "how"), body(2, FOOTER_RULE + 25)]
    assert check_pdf(make_pdf(tmp_path / "kept.pdf", first, good_pages()[1])) == []


def test_a_last_page_less_than_a_fifth_full_is_a_fault(tmp_path: Path) -> None:
    faults = check_pdf(make_pdf(tmp_path / "short.pdf", good_pages()[0], [furniture(), body(2)]))
    assert len(faults) == 1 and faults[0].page == 2 and "the last page is" in faults[0].what


def test_a_page_number_split_over_two_lines_is_a_fault(tmp_path: Path) -> None:
    def wrapped(page: int, pages: int) -> list[tuple[str, str]]:
        if page < 2:
            return [("Leaflet version 1.0", f"Page {page} of {pages}"), ("Not yet reviewed.", "")]
        return [("Leaflet version 1.0", f"Page {page} of"), ("Not yet reviewed.", str(pages))]

    first, second = good_pages()
    faults = check_pdf(make_pdf(tmp_path / "wrapped.pdf", first, [furniture(wrapped), *second[1:]]))
    assert [fault.page for fault in faults] == [2, 2]
    assert "a number alone" in faults[0].what and "no footer line says page 2 of 2" in faults[1].what


def test_a_footer_with_more_lines_than_the_others_or_than_planned_is_a_fault(tmp_path: Path) -> None:
    def longer(page: int, pages: int) -> list[tuple[str, str]]:
        lines = [("Leaflet version 1.0", f"Page {page} of {pages}"), ("Not yet reviewed.", "")]
        return [*lines, ("by a pharmacist.", "")] if page == 2 else lines

    first, second = good_pages()
    path = make_pdf(tmp_path / "longer.pdf", first, [furniture(longer), body(30)], [furniture(), *second[1:]])
    faults = check_pdf(path)
    assert faults == [Fault(2, "the footer has 3 lines, 2 on most pages")]
    assert Fault(2, "the footer has 3 lines, more than the 2 planned") in check_pdf(path, footer_lines=2)


def test_an_image_over_text_is_a_fault(tmp_path: Path) -> None:
    first, second = good_pages()
    faults = check_pdf(make_pdf(tmp_path / "logo.pdf", [*first, image(LEFT + 20, HEADER_RULE - 70)], second))
    assert len(faults) == 1 and faults[0].page == 1 and faults[0].what.startswith("an image covers")
