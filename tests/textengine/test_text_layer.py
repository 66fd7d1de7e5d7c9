"""textengine.text_layer: what pdftotext and pdfminer read from shaped glyphs.

Every glyph drawn reads as the characters of its HarfBuzz cluster through the
ToUnicode CMap: no private-use codes, no presentation forms. ``pdftotext``
reads a right-to-left line from its glyphs in logical order; pdfminer (and so
pdfplumber) gives every line in visual order, left to right, as it does for
WeasyPrint's PDFs, so a right-to-left line reads right in it backwards (with
its Latin words and numbers left to right).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata

import pdfplumber
import pytest
from pdfminer.high_level import extract_text
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfgen.canvas import Canvas

from tests.conftest import ROOT
from textengine import text_layer
from textengine.fonts import font_stack
from textengine.itemise import FontStack
from textengine.paragraph import BidiParagraph
from textengine.shaping import forget_private_glyphs, shape_run

#: Lam-alef twice (a ligature of two letters) and every letter in a contextual form.
ARABIC = "لا يشفي باكلوفين هذه الحالات."
#: A drug name and numbers inside right-to-left text.
ARABIC_MIXED = "يتوفر دواء Fleqsuvy بتركيز 25 ملغ في 5 مل"
HEBREW = "אל תפסיקו ליטול את התרופה בפתאומיות."
#: Conjuncts (स्पें, स्ट), a reph (र्मा), vowel signs drawn before their consonant (सि).
DEVANAGARI = "तरल (पीने वाला सस्पेंशन), जिसे फ़ार्मासिस्ट घोलकर तैयार करते हैं"
#: Left-to-right scripts whose glyphs are not their letters one for one: Devanagari, and
#: Bengali and Tamil with vowel signs drawn in two parts around their consonant (ো, ொ).
LTR_SAMPLES = {
    "Deva": DEVANAGARI,
    "Beng": "ব্যাক্লোফেন (Lioresal) ১০ মিলিগ্রাম, পেশি শিথিলকারী ওষুধ",
    "Taml": "கொடுக்கப்பட்ட மருந்தை கோப்பை பொறுமையுடன் குடிக்கவும்",
}
#: Embedding marks pdftotext puts around right-to-left and left-to-right stretches.
_EMBEDDING_MARKS = dict.fromkeys(range(0x202A, 0x202F))

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")


@pytest.fixture(scope="module")
def stack() -> FontStack:
    return font_stack("sans", ROOT / "fonts")


class GlyphsOnly(Canvas):
    """A canvas that leaves out the ``/ActualText`` spans: what the glyphs alone read."""

    def addLiteral(self, s: str, escaped: int = 1) -> None:  # noqa: N802 - ReportLab API
        if "/ActualText" not in s and s != "EMC":
            super().addLiteral(s, escaped)


def ltr_sample(stack: FontStack, script: str) -> str:
    """The sample text of ``script``; skips the test if the fonts folder declares no family for it."""
    if script not in stack.by_script:
        pytest.skip(f"fonts.toml declares no family for {script}")
    return LTR_SAMPLES[script]


def render(stack: FontStack, texts: list[str], rtl: bool, canvas_class: type[Canvas] = Canvas) -> bytes:
    """``texts``, each a one-line paragraph on a wide page, as a PDF."""
    size, width = 14, 1200
    style = ParagraphStyle(
        "t", fontName=stack.base.regular, fontSize=size, leading=size * 2, alignment=TA_RIGHT if rtl else TA_LEFT
    )
    forget_private_glyphs([family.regular for family in stack.families])
    buffer = io.BytesIO()
    canvas = canvas_class(buffer, pagesize=(width, size * 3 * (len(texts) + 1)), invariant=1)
    y = size * 3 * len(texts)
    for text in texts:
        paragraph = BidiParagraph(text, style, stack, rtl=rtl)
        paragraph.wrap(width - 40, size * 3)
        assert len(paragraph._lines or []) == 1
        paragraph.drawOn(canvas, 20, y)
        y -= size * 3
    canvas.save()
    return buffer.getvalue()


def pdftotext(pdf: bytes) -> list[str]:
    """The non-blank lines ``pdftotext`` reads, without its embedding marks."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return [line.translate(_EMBEDDING_MARKS) for line in out.decode("utf-8").splitlines() if line.strip()]


def pdfminer_lines(pdf: bytes) -> list[str]:
    """The non-blank lines pdfminer reads (in the order the glyphs are drawn)."""
    return [line for line in extract_text(io.BytesIO(pdf)).splitlines() if line.strip()]


def pdfplumber_lines(pdf: bytes) -> list[str]:
    """The non-blank lines pdfplumber reads (its glyphs sorted by x, left to right)."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [line for line in (document.pages[0].extract_text() or "").splitlines() if line.strip()]


def normal(text: str, spaces: bool = True) -> str:
    """``text`` in NFKC with white space collapsed (or, without ``spaces``, removed)."""
    text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split()) if spaces else "".join(text.split())


def read_backwards(visual: str) -> str:
    """A right-to-left line given in visual order, read from its right end: what a reader
    does with pdfminer's lines. A run of Latin letters and digits reads left to right."""
    parts = re.split(r"([A-Za-z0-9.]+)", visual[::-1])
    return "".join(part[::-1] if re.fullmatch(r"[A-Za-z0-9.]+", part) else part for part in parts)


def assert_real_letters(text: str) -> None:
    """No private-use code and no presentation form: the letters themselves."""
    odd = [f"U+{ord(char):04X}" for char in text if 0xE000 <= ord(char) <= 0xF8FF or 0xFB50 <= ord(char) <= 0xFEFF]
    assert not odd, f"{text!r} has {odd}"


# ---------------------------------------------------------------- pdftotext


@needs_pdftotext
@pytest.mark.parametrize(
    ("texts", "spaces"),
    [([ARABIC, HEBREW], True), ([ARABIC_MIXED], False)],
    ids=["arabic-hebrew", "arabic-latin-digits"],
)
def test_pdftotext_reads_the_glyphs_of_rtl_lines_in_logical_order(
    stack: FontStack, texts: list[str], spaces: bool
) -> None:
    # Around a left-to-right stretch, poppler moves the spaces (as it does for WeasyPrint).
    lines = pdftotext(render(stack, texts, rtl=True, canvas_class=GlyphsOnly))
    for line in lines:
        assert_real_letters(line)
    assert [normal(line, spaces) for line in lines] == [normal(text, spaces) for text in texts]


@needs_pdftotext
def test_pdftotext_reads_rtl_paragraphs_in_logical_order(stack: FontStack) -> None:
    lines = pdftotext(render(stack, [ARABIC, HEBREW], rtl=True))
    assert [normal(line) for line in lines] == [normal(ARABIC), normal(HEBREW)]


@needs_pdftotext
@pytest.mark.parametrize("script", list(LTR_SAMPLES))
@pytest.mark.parametrize("spans", [True, False], ids=["actual-text", "glyphs-only"])
def test_pdftotext_reads_conjuncts_and_vowel_signs_as_their_letters(stack: FontStack, script: str, spans: bool) -> None:
    text = ltr_sample(stack, script)
    (line,) = pdftotext(render(stack, [text], rtl=False, canvas_class=Canvas if spans else GlyphsOnly))
    assert_real_letters(line)
    assert normal(line) == normal(text)


# ------------------------------------------------------ pdfminer (pdfplumber)


def test_pdfminer_reads_rtl_glyphs_as_their_letters_in_visual_order(stack: FontStack) -> None:
    texts = [ARABIC, ARABIC_MIXED, HEBREW]
    lines = pdfminer_lines(render(stack, texts, rtl=True))
    for line in lines:
        assert_real_letters(line)
    assert [normal(read_backwards(line)) for line in lines] == [normal(text) for text in texts]


def test_pdfplumber_reads_rtl_glyphs_as_their_letters_in_visual_order(stack: FontStack) -> None:
    # pdfplumber puts a Latin word in a line of its own (its font stands higher), so no mixed line.
    texts = [ARABIC, HEBREW]
    lines = pdfplumber_lines(render(stack, texts, rtl=True))
    for line in lines:
        assert_real_letters(line)
    assert [normal(read_backwards(line)) for line in lines] == [normal(text) for text in texts]


@pytest.mark.parametrize("script", list(LTR_SAMPLES))
def test_pdfminer_reads_conjuncts_and_vowel_signs_as_their_letters(stack: FontStack, script: str) -> None:
    # pdfplumber sorts a line's glyphs by x, and a vowel sign of no width at the end of a word
    # ties with the space after it, so it is pdfminer's own reading that is exact here.
    text = ltr_sample(stack, script)
    (line,) = pdfminer_lines(render(stack, [text], rtl=False))
    assert_real_letters(line)
    assert normal(line) == normal(text)


def test_lam_alef_is_one_glyph_that_reads_both_letters(stack: FontStack) -> None:
    with pdfplumber.open(io.BytesIO(render(stack, [ARABIC], rtl=True))) as document:
        texts = [char["text"] for char in document.pages[0].chars]
    # Written right to left, like the glyphs, so a line read backwards reads lam, alef.
    assert texts.count("ال") == 2


# ----------------------------------------------------------- the CMap itself


def test_a_glyph_drawn_for_two_texts_reads_each(stack: FontStack) -> None:
    font_name = stack.by_script["Deva"].regular
    font = pdfmetrics.getFont(font_name)
    forget_private_glyphs([font_name])
    # The vowel sign i is drawn before its consonant: in each cluster it carries the consonant.
    first = shape_run("कि", font_name, 10, rtl=False, script="Deva").glyphs
    second = shape_run("पि", font_name, 10, rtl=False, script="Deva").glyphs
    assert font.face.charToGlyph[ord(first[0])] == font.face.charToGlyph[ord(second[0])]
    assert first[0] != second[0]
    assert [text_layer.glyph_text(font, ord(code)) for code in first] == ["क", "ि"]
    assert [text_layer.glyph_text(font, ord(code)) for code in second] == ["प", "ि"]


def test_the_same_document_gives_the_same_cmaps(stack: FontStack) -> None:
    texts = [ARABIC, ARABIC_MIXED]
    first = render(stack, texts, rtl=True)
    # Another document shapes other glyphs first; render() forgets them.
    shape_run("مل لا", stack.by_script["Arab"].regular, 10, rtl=True, script="Arab")
    render(stack, [HEBREW, *reversed(texts)], rtl=True)
    assert render(stack, texts, rtl=True) == first


def test_forgotten_codes_read_as_themselves_again(stack: FontStack) -> None:
    font_name = stack.by_script["Arab"].regular
    font = pdfmetrics.getFont(font_name)
    forget_private_glyphs([font_name])
    code = ord(shape_run("لا", font_name, 10, rtl=True, script="Arab").glyphs[0])
    assert text_layer.glyph_text(font, code) == "ال"
    forget_private_glyphs([font_name])
    assert text_layer.glyph_text(font, code) == chr(code)
    assert code not in font.face.charToGlyph


def test_a_subset_without_shaped_glyphs_keeps_reportlabs_cmap() -> None:
    assert ttfonts.makeToUnicodeCMap is text_layer.to_unicode_cmap
    original = text_layer._reportlab_cmap
    assert original is not None
    subset = [0, *range(32, 127)]
    assert text_layer.to_unicode_cmap("AAAAAA+NoSuchFont", subset) == original("AAAAAA+NoSuchFont", subset)


def test_characters_outside_the_bmp_are_surrogate_pairs() -> None:
    cmap = text_layer.to_unicode_cmap("AAAAAA+NoSuchFont", [0, 0x1F600])
    assert "<01> <D83DDE00>" in cmap.splitlines()


# ------------------------------------------------------------ cluster texts


def test_cluster_texts_share_a_cluster_out_in_reading_order() -> None:
    # Two glyphs for "कि" (vowel sign first): one character each, in logical order.
    assert text_layer.cluster_texts("कि", [0, 0], [300, 600], rtl=False) == ["क", "ि"]
    # A ligature of three characters, then a glyph of its own.
    assert text_layer.cluster_texts("ffia", [0, 3], [800, 500], rtl=False) == ["ffi", "a"]
    # Right to left: glyphs in visual order, the rightmost read first; a ligature backwards.
    assert text_layer.cluster_texts("لاب", [2, 0], [500, 600], rtl=True) == ["ب", "ال"]
    # More glyphs than characters: the ones that take room carry them; a mark reads as nothing.
    assert text_layer.cluster_texts("a", [0, 0], [0, 500], rtl=False) == ["", "a"]
    # A two-part vowel sign, its first part in the consonant's cluster: read decomposed.
    assert text_layer.cluster_texts("கொ", [0, 0, 1], [500, 900, 600], rtl=False) == ["க", "ெ", "ா"]


def test_cluster_texts_leave_out_default_ignorables() -> None:
    assert text_layer.cluster_texts("(\u2066L\u2069)", [0, 2, 4], [300, 600, 300], rtl=False) == ["(", "L", ")"]
