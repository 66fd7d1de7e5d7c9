"""Each script, drawn by our pipeline, against HarfBuzz's own renderer (hb-view).

A line is rendered with :class:`~textengine.paragraph.BidiParagraph` and by
``hb-view`` with the same font, both are cropped to their ink and scaled to
the same height, and the overlap of their ink (intersection over union) is
measured. Correct shaping and order score about 0.8 to 0.95; reversed
right-to-left text or unshaped Indic text scores far lower, which the last
test checks so the measure stays meaningful.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image, ImageChops, ImageFilter
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from tests.conftest import ROOT
from textengine.fonts import font_stack
from textengine.itemise import FontStack
from textengine.paragraph import BidiParagraph

pytestmark = pytest.mark.skipif(shutil.which("hb-view") is None, reason="hb-view (Debian libharfbuzz-bin) missing")

SAMPLES = {
    # script: (font file, text, right to left)
    "arabic": ("NotoSansArabic-Regular.ttf", "لا تتوقف عن تناول باكلوفين فجأة", True),
    "arabic-lam-alef": ("NotoSansArabic-Regular.ttf", "الأدوية والكحول لا", True),
    "persian-zwnj": ("NotoSansArabic-Regular.ttf", "می\u200cخواهم داروها را بخورم", True),
    "hindi": ("NotoSansDevanagari-Regular.ttf", "स्थिति बैक्लोफेन गुर्दे की समस्या", False),
    "punjabi": ("NotoSansGurmukhi-Regular.ttf", "ਦਵਾਈ ਨੂੰ ਅਚਾਨਕ ਬੰਦ ਨਾ ਕਰੋ", False),
    "chinese": ("NotoSansSC-Regular.ttf", "不要突然停用巴氯芬，请咨询医生。", False),
    "vietnamese": ("NotoSans-Regular.ttf", "Không được đột ngột ngừng thuốc", False),
    "japanese": ("NotoSansSC-Regular.ttf", "バクロフェンを急に中止しないでください。", False),
    "korean": ("NotoSansSC-Regular.ttf", "바클로펜을 갑자기 중단하지 마십시오.", False),
}
SIZE = 40
THRESHOLD = 0.75


@pytest.fixture(scope="module")
def stack() -> FontStack:
    return font_stack("sans", ROOT / "fonts")


def ink(image: Image.Image) -> Image.Image:
    """The image as black-on-white, cropped to its ink, as a 1-bit mask."""
    gray = image.convert("L")
    mask = gray.point(lambda value: 255 if value < 128 else 0, mode="1")
    box = mask.getbbox()
    assert box, "nothing was drawn"
    return mask.crop(box)


def ours(stack: FontStack, text: str, rtl: bool) -> Image.Image:
    style = ParagraphStyle("s", fontName=stack.base.regular, fontSize=SIZE, leading=SIZE * 1.5, alignment=TA_LEFT)
    paragraph = BidiParagraph(text, style, stack, rtl=rtl)
    width, height = 4000, SIZE * 3
    paragraph.wrap(width, height)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height))
    paragraph.drawOn(canvas, 0, height - paragraph.height - SIZE * 0.5)
    canvas.save()
    return pypdfium2.PdfDocument(buffer.getvalue())[0].render(scale=1).to_pil()


def reference(font: str, text: str, rtl: bool, tmp_path: Path) -> Image.Image:
    out = tmp_path / "hb.png"
    command = ["hb-view", f"--font-size={SIZE}", "--output-format=png", "-o", str(out), str(ROOT / "fonts" / font)]
    if rtl:
        command.append("--direction=rtl")
    subprocess.run([*command, text], check=True, capture_output=True)
    return Image.open(out)


def overlap(first: Image.Image, second: Image.Image) -> float:
    """Intersection over union of two ink masks, after scaling both to the
    reference's size and thickening strokes by a pixel or two, so that
    anti-aliasing and sub-pixel placement do not count, but glyph shapes and
    order do."""
    size = (ink(second).width * 2, ink(second).height * 2)
    a, b = (
        mask.resize(size)
        .convert("L")
        .filter(ImageFilter.MaxFilter(5))
        .point(lambda value: 255 if value >= 128 else 0, mode="1")
        for mask in (ink(first), ink(second))
    )
    union = ImageChops.logical_or(a, b).histogram()[255]
    both = ImageChops.logical_and(a, b).histogram()[255]
    return both / union if union else 0.0


@pytest.mark.parametrize("name", SAMPLES)
def test_matches_harfbuzz(stack: FontStack, name: str, tmp_path: Path) -> None:
    font, text, rtl = SAMPLES[name]
    score = overlap(ours(stack, text, rtl), reference(font, text, rtl, tmp_path))
    assert score >= THRESHOLD, f"{name}: overlap {score:.2f}"


def test_reversed_rtl_scores_low(stack: FontStack, tmp_path: Path) -> None:
    """The measure tells broken text apart: Arabic in reversed order fails it."""
    font, text, _ = SAMPLES["arabic"]
    wrong = ours(stack, text, rtl=True).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    assert overlap(wrong, reference(font, text, True, tmp_path)) < 0.6


def test_unshaped_devanagari_scores_low(stack: FontStack, tmp_path: Path) -> None:
    """Devanagari drawn without shaping (visible viramas, misplaced matras) fails the measure."""
    font, text, _ = SAMPLES["hindi"]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(4000, SIZE * 3))
    canvas.setFont("NotoSansDevanagari-Regular", SIZE)
    canvas.drawString(0, SIZE, text)
    canvas.save()
    unshaped = pypdfium2.PdfDocument(buffer.getvalue())[0].render(scale=1).to_pil()
    assert overlap(unshaped, reference(font, text, False, tmp_path)) < 0.65
