"""textengine.paragraph: BidiParagraph's visual order, mirroring, wrapping, page splits and bullets."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, SimpleDocTemplate

from tests.conftest import ROOT, actual_text
from textengine.fonts import font_stack
from textengine.itemise import FontStack
from textengine.linebreak import grapheme_starts
from textengine.paragraph import BidiParagraph
from textengine.shaping import shape_run

ARABIC = "لا تتوقف عن تناول باكلوفين (Lioresal) فجأة. القوة 25 mg في 5 mL."


@pytest.fixture(scope="module")
def stack() -> FontStack:
    return font_stack("sans", ROOT / "fonts")


def style(stack: FontStack, **overrides: object) -> ParagraphStyle:
    return ParagraphStyle("t", fontName=stack.base.regular, fontSize=12, leading=16, alignment=TA_RIGHT, **overrides)


def render(flowables: list[Flowable]) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(flowables)
    return buffer.getvalue()


def latin_words(pdf: bytes) -> list[tuple[str, float]]:
    """Latin words on page 1 with their x position, left to right."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        words = document.pages[0].extract_words()
    found = [(w["text"].strip("."), w["x0"]) for w in words if w["text"].strip("().").isascii()]
    return sorted(found, key=lambda item: item[1])


def test_latin_and_numbers_keep_ltr_order_inside_rtl(stack: FontStack) -> None:
    pdf = render([BidiParagraph(ARABIC, style(stack), stack)])
    words = latin_words(pdf)
    texts = [text for text, _ in words]
    # Visual order, left to right, in a right-to-left line: the later clause
    # ("25 mg in 5 mL") is further left than the earlier name, and each
    # number stands to the right of its unit (UAX #9 in an RTL paragraph).
    assert texts.index("mL") < texts.index("5") < texts.index("mg") < texts.index("25")
    assert texts.index("25") < next(i for i, t in enumerate(texts) if "Lioresal" in t)
    lioresal = next(text for text in texts if "Lioresal" in text)
    # Each bracket reads as the character it is (the text layer is logical), drawn mirrored.
    assert lioresal == ")Lioresal("
    run = shape_run("(", stack.base.regular, 12, rtl=True)
    face = pdfmetrics.getFont(run.font_name).face
    assert face.charToGlyph[ord(run.glyphs[0])] == face.charToGlyph[ord(")")], "brackets mirror in RTL"


def test_arabic_is_right_aligned_and_joined(stack: FontStack) -> None:
    pdf = render([BidiParagraph(ARABIC, style(stack), stack)])
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        arabic = [c for c in page.chars if "Arabic" in c["fontname"]]
        right_margin = page.width - 72
        # pdfplumber sizes ligature glyphs by their nominal width, so allow a few points.
        assert max(c["x1"] for c in arabic) == pytest.approx(right_margin, abs=8)
        # Ligatures (lam-alef) are one glyph that reads as both its letters.
        assert any(len(c["text"]) == 2 for c in arabic)
    # Joining: the word is drawn with contextual forms, not the glyphs of its isolated letters.
    run = shape_run("باكلوفين", stack.by_script["Arab"].regular, 12, rtl=True)
    face = pdfmetrics.getFont(run.font_name).face
    isolated = {face.charToGlyph[ord(char)] for char in "باكلوفين"}
    drawn = {face.charToGlyph[ord(char)] for char in run.glyphs}
    assert drawn - isolated


def test_long_rtl_paragraph_wraps_and_splits_across_pages(stack: FontStack) -> None:
    text = " ".join([ARABIC] * 120)
    paragraph = BidiParagraph(text, style(stack), stack)
    pdf = render([paragraph])
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) >= 2
        for page in document.pages:
            for char in page.chars:
                assert 72 - 0.5 <= char["x0"] and char["x1"] <= page.width - 72 + 0.5


def test_overlong_word_is_cut_not_overflowing(stack: FontStack) -> None:
    pdf = render([BidiParagraph("ب" * 400, style(stack), stack)])
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        assert all(72 - 0.5 <= c["x0"] and c["x1"] <= page.width - 72 + 0.5 for c in page.chars)


def test_bullet_on_the_leading_side(stack: FontStack) -> None:
    sty = style(stack, rightIndent=16, bulletIndent=0)
    pdf = render([BidiParagraph("نص قصير", sty, stack, bullet="\u2022")])
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        # Drawn as a small square (a round dot reads as the Arabic digit zero).
        (bullet,) = page.rects
        assert bullet["x0"] > max(c["x1"] for c in page.chars)


def test_left_to_right_lines_carry_their_logical_text(stack: FontStack) -> None:
    """Right-to-left lines carry none: poppler would reverse it (tests/textengine/test_text_layer.py)."""
    hindi = "बैक्लोफेन मांसपेशियों की जकड़न कम करता है"
    pdf = render([BidiParagraph(" ".join([hindi] * 3), style(stack), stack, rtl=False)])
    assert " ".join(actual_text(pdf).split("\n")) == " ".join([hindi] * 3)
    assert actual_text(render([BidiParagraph(ARABIC, style(stack), stack)])) == ""


def test_bold_run_inside_rtl_paragraph(stack: FontStack) -> None:
    spans = [("تحذير: ", True), ("لا تتوقف عن تناول الدواء فجأة.", False)]
    pdf = render([BidiParagraph(spans, style(stack), stack)])
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        chars = document.pages[0].chars
        bold = [c for c in chars if "Arabic-Bold" in c["fontname"]]
        regular = [c for c in chars if "Arabic-Regular" in c["fontname"]]
        assert bold and regular
        # The bold word comes first in reading order, so it stands rightmost.
        assert min(c["x0"] for c in bold) > max(c["x1"] for c in regular) - 1


@pytest.mark.parametrize("rtl", [True, False])
def test_a_split_piece_keeps_its_lines_when_wrapped_again(stack: FontStack, rtl: bool) -> None:
    # A table cell splits its paragraph at one width and may wrap the pieces at another
    # (padding, rounding): the first piece must not break the whole text again, or it
    # grows past the page foot and prints the lines the second piece prints too.
    text = " ".join([ARABIC if rtl else "Take the tablets with water."] * 30)
    paragraph = BidiParagraph(text, style(stack), stack, rtl=rtl)
    _, height = paragraph.wrap(200, 1000)
    first, rest = paragraph.split(200, height / 2)
    _, first_height = first.wrap(200, height / 2)
    assert first.wrap(199.5, height / 2)[1] == first_height <= height / 2
    assert first_height + rest.wrap(199.5, 1000)[1] == height


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(
        st.sampled_from(["باكلوفين", "25", "mg", "बैक्लोफ़ेन", "巴氯芬", "Lioresal", "(", ")", ""]), max_size=12
    ),
    width=st.floats(min_value=5, max_value=400),
    rtl=st.booleans(),
)
def test_breaking_a_paragraph_gives_the_greedy_lines_and_remembers_them(
    stack: FontStack, words: list[str], width: float, rtl: bool
) -> None:
    """Whatever short cut break_lines takes (one line, lines remembered per width), the lines are
    the word-by-word greedy ones."""
    paragraph = BidiParagraph(" ".join(words), style(stack), stack, rtl=rtl)
    paragraph.wrap(width, 1000)
    expected = [[piece.run for piece in line.pieces] for line in paragraph._break_greedy(paragraph._available(width))]
    for _ in range(2):
        assert [[piece.run for piece in line.pieces] for line in paragraph.break_lines(width)] == expected


#: Long words whose letters carry vowel signs, viramas or combining marks.
CLUSTERED_WORDS = ("আয়ারল্যান্ড", "बैक्लोफ़ेन", "ஆஸ்திரேலியா", "ప్రత్యామ్నాయ", "ਅਸਟ੍ਰੇਲੀਆ", "ഓസ്ട്രേലിയ", "অস্ট্ৰেলিয়া")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.sampled_from(CLUSTERED_WORDS), width=st.floats(min_value=4, max_value=60))
def test_a_word_too_long_for_its_line_is_cut_between_grapheme_clusters(
    stack: FontStack, word: str, width: float
) -> None:
    """A vowel sign, a virama or a mark never starts a line: a word that fits no line is cut
    only where a grapheme cluster ends (here "আয়ারল" / "্যান্ড" printed a dotted circle)."""
    assume(not stack.uncovered(word))  # a script the project has no font for
    paragraph = BidiParagraph(word, style(stack), stack)
    paragraph.wrap(width, 1000)
    starts, offset = set(grapheme_starts(word)), 0
    for line in paragraph.break_lines(width):
        for piece in line.pieces:
            assert offset in starts, (word, offset)
            offset += len(piece.run.text)
    assert offset == len(word)
