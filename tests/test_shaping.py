"""medleaflet.shaping: a word mixing fonts is shaped run by run."""

from __future__ import annotations

import io

import pdfplumber
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from medleaflet.fonts import font_stack
from medleaflet.shaping import install

from .conftest import ROOT


def fonts_of_letters(markup: str) -> set[str]:
    """Render one shaped paragraph; the fonts used for ASCII letters."""
    stack = font_stack("sans", ROOT / "fonts")
    install()
    style = ParagraphStyle("x", fontName=stack.base.regular, fontSize=12, shaping=1)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, initialFontName=stack.base.regular).build([Paragraph(markup, style)])
    with pdfplumber.open(io.BytesIO(buffer.getvalue())) as pdf:
        chars = pdf.pages[0].chars
        return {c["fontname"].split("+")[-1] for c in chars if c["text"].isascii() and c["text"].isalpha()}


def test_latin_glued_to_devanagari_keeps_its_font() -> None:
    deva = '<font face="NotoSansDevanagari-Regular">{}</font>'
    markup = deva.format("ब्रांड (") + "Baclocur)" + deva.format("को")
    assert fonts_of_letters(markup) == {"NotoSans-Regular"}
