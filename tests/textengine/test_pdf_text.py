"""textengine.pdf_text: one text object per line, glyphs where HarfBuzz put them, no text state left behind."""

from __future__ import annotations

import io
import re

import pdfplumber
import pypdf
import pytest
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from tests.conftest import ROOT
from textengine.fonts import font_stack
from textengine.itemise import FontStack
from textengine.paragraph import BidiParagraph
from textengine.pdf_text import text_object
from textengine.shaping import shape_run

#: Several scripts, fonts and directions in one paragraph, long enough for several lines.
MIXED = "服用巴氯芬 25 mg 时，请不要突然停药。" * 4 + " لا تتوقف عن تناول باكلوفين فجأة. " + "बैक्लोफ़ेन की खुराक।"


@pytest.fixture(scope="module")
def stack() -> FontStack:
    return font_stack("sans", ROOT / "fonts")


def page_content(draw: object) -> tuple[bytes, str]:
    """A one-page PDF drawn by ``draw(canvas)``: its bytes and its page's content stream."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    draw(canvas)  # type: ignore[operator]
    canvas.showPage()
    canvas.save()
    pdf = buffer.getvalue()
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    return pdf, page.get_contents().get_data().decode("latin-1")  # type: ignore[union-attr]


def test_a_paragraph_draws_one_text_object_per_line(stack: FontStack) -> None:
    style = ParagraphStyle("t", fontName=stack.base.regular, fontSize=11, leading=15, alignment=TA_LEFT)
    paragraph = BidiParagraph(MIXED, style, stack)

    def draw(canvas: Canvas) -> None:
        paragraph.wrapOn(canvas, 200, 800)
        paragraph.drawOn(canvas, 50, 100)

    pdf, content = page_content(draw)
    lines = len(paragraph._lines or [])
    assert lines >= 4
    # (The canvas opens with an empty text object of its own that sets its default font.)
    assert len(re.findall(r"\bBT 1 0 0 1 ", content)) == lines
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = document.pages[0].extract_text()
    assert "25 mg" in text


def test_glyphs_land_where_their_advances_put_them(stack: FontStack) -> None:
    """Kerned Latin: each glyph starts at the sum of HarfBuzz's advances before it, not of the font's widths."""
    run = shape_run("AVAVAWAY To", stack.base.regular, 20, rtl=False)
    widths = pdfmetrics.getFont(stack.base.regular).face.charWidths
    expected, x = [], 100.0
    for code, (before, _rise, after) in zip(run.glyphs, run.placement, strict=True):
        if code.strip():
            expected.append(x + before * 20 / 1000)
        x += (before + widths[ord(code)] + after) * 20 / 1000
    assert x == pytest.approx(100.0 + run.width)
    assert expected != sorted(100.0 + 20 * widths[ord("A")] / 1000 * i for i in range(len(expected))), "kerned"

    def draw(canvas: Canvas) -> None:
        canvas.addLiteral(text_object(canvas, 500, [(100.0, run)]))

    pdf, _ = page_content(draw)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        lefts = [char["x0"] for char in document.pages[0].chars if char["text"].strip()]
    assert lefts == pytest.approx(expected, abs=0.01)


def test_a_second_run_starts_at_its_own_x_whatever_the_first_ended_at(stack: FontStack) -> None:
    first = shape_run("Take", stack.base.regular, 12, rtl=False)
    second = shape_run("Care", stack.base.regular, 18, rtl=False)

    def draw(canvas: Canvas) -> None:
        canvas.addLiteral(text_object(canvas, 400, [(50.0, first), (50.0 + first.width + 30, second)]))

    pdf, content = page_content(draw)
    assert len(re.findall(r"\bBT 1 0 0 1 ", content)) == 1
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        chars = document.pages[0].chars
    c = next(char for char in chars if char["text"] == "C")
    assert c["x0"] == pytest.approx(50.0 + first.width + 30, abs=0.01)
    assert c["size"] == pytest.approx(18)


def test_a_raised_mark_is_drawn_raised_and_leaves_no_rise_behind(stack: FontStack) -> None:
    """Arabic vowel marks HarfBuzz moves up and down get a rise, set back to 0 inside the same object."""
    run = shape_run("بِسْمِ اللَّهِ", stack.by_script["Arab"].regular, 12, rtl=True, script="Arab")
    assert any(rise for _, rise, _ in run.placement)
    _, content = page_content(lambda canvas: canvas.addLiteral(text_object(canvas, 400, [(50.0, run)])))
    rises = re.findall(r"(-?[\d.]+) Ts", content)
    assert len(set(rises)) > 1
    assert rises[-1] == "0"


def test_nothing_to_draw_is_no_text_object(stack: FontStack) -> None:
    empty = shape_run("", stack.base.regular, 12, rtl=False)
    assert text_object(Canvas(io.BytesIO()), 0, [(0.0, empty)]) == ""
