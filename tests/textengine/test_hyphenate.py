"""textengine.hyphenate and textengine.fitted: a word too long for its column takes a hyphen where
its language allows, or the paragraph is set smaller; never a number, a unit, a name or a script
that does not hyphenate."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle

from tests.conftest import ROOT
from textengine.fitted import FittedParagraph
from textengine.fonts import font_stack
from textengine.hyphenate import Hyphenator, hyphenated_parts, hyphenates
from textengine.itemise import FontStack
from textengine.paragraph import BidiParagraph


@pytest.fixture(scope="module")
def stack() -> FontStack:
    return font_stack("sans", ROOT / "fonts")


def style(stack: FontStack, size: float = 11) -> ParagraphStyle:
    return ParagraphStyle("t", fontName=stack.base.bold, fontSize=size, leading=size * 1.3)


@pytest.mark.parametrize(
    ("language", "word", "points"),
    [
        ("es", "Concentraciones", [3, 6, 9, 12]),
        ("fr", "Médicaments", [2, 4, 6]),
        ("ru", "Великобритания,", [2, 4, 6, 9, 11]),
        ("es", "(Concentraciones)", [4, 7, 10, 13]),  # brackets are not part of the word
    ],
)
def test_a_word_breaks_where_its_dictionary_allows(language: str, word: str, points: list[int]) -> None:
    assert Hyphenator(language).points(word) == points


@pytest.mark.parametrize(
    "word", ["20mg", "5-HT3", "mg/kg", "GABA-B", "McNeil", "short", "बैक्लोफ़ेन", "巴氯芬片剂", "باكلوفين"]
)
def test_numbers_units_abbreviations_short_words_and_unhyphenated_scripts_never_break(word: str) -> None:
    assert not hyphenates(word)
    assert Hyphenator("en").points(word) == [] and Hyphenator("en").forced_points(word) == []


def test_names_to_keep_and_languages_without_a_dictionary_never_break() -> None:
    assert Hyphenator("en", keep=["Hydromorphone"]).points("hydromorphone") == []
    assert Hyphenator("en", keep=["Hydromorphone"]).forced_points("hydromorphone") == []
    assert not Hyphenator("fil").available and Hyphenator("fil").points("Konsentrasyon") == []
    assert Hyphenator("fil").forced_points("Konsentrasyon")  # the last resort still adds a hyphen


def test_parts_take_the_longest_head_that_fits() -> None:
    assert hyphenated_parts("Concentraciones", [3, 6, 9, 12], lambda part: len(part) <= 10) == [
        "Concentra-",
        "ciones",
    ]
    assert hyphenated_parts("Concentraciones", [3, 6, 9, 12], lambda part: len(part) <= 3) is None


def _lines(paragraph: FittedParagraph) -> list[str]:
    return [" ".join(str(word) for word in line[1]) for line in paragraph.blPara.lines]


def test_a_word_too_long_for_its_column_is_hyphenated(stack: FontStack) -> None:
    paragraph = FittedParagraph("Concentraciones de la dosis", style(stack), hyphenator=Hyphenator("es"), min_size=8)
    paragraph.wrap(62, 1000)
    assert paragraph.style.fontSize == 11
    lines = _lines(paragraph)
    assert lines[0].endswith("-") and "".join(lines).replace("-", "").startswith("Concentraciones")


def test_ordinary_line_ends_are_never_hyphenated(stack: FontStack) -> None:
    text = "Concentraciones diferentes " * 6
    paragraph = FittedParagraph(text, style(stack), hyphenator=Hyphenator("es"), min_size=8)
    paragraph.wrap(200, 1000)
    assert not any(line.endswith("-") for line in _lines(paragraph))


def test_a_word_that_may_not_break_is_set_smaller_but_never_below_the_floor(stack: FontStack) -> None:
    paragraph = FittedParagraph(
        "hydromorphone", style(stack), hyphenator=Hyphenator("en", ["hydromorphone"]), min_size=8
    )
    paragraph.wrap(70, 1000)
    assert 8 <= paragraph.style.fontSize < 11 and len(paragraph.blPara.lines) == 1
    paragraph.wrap(300, 1000)  # wider again: back at its own size
    assert paragraph.style.fontSize == 11


def test_an_unspaced_script_is_never_hyphenated_or_shrunk(stack: FontStack) -> None:
    text = "巴氯芬是一种肌肉松弛剂，用于治疗肌肉痉挛。"
    paragraph = BidiParagraph(text, style(stack), stack, rtl=False, hyphenator=Hyphenator("zh"), min_size=8)
    paragraph.wrap(60, 1000)
    assert paragraph.style.fontSize == 11 and "-" not in "".join(line.text for line in paragraph._lines or [])


def test_the_text_engine_hyphenates_latin_words_in_its_own_paragraphs(stack: FontStack) -> None:
    paragraph = BidiParagraph(
        "Concentraciones", style(stack), stack, rtl=False, hyphenator=Hyphenator("es"), min_size=8
    )
    paragraph.wrap(62, 1000)
    lines = [line.text for line in paragraph._lines or []]
    assert len(lines) == 2 and lines[0].endswith("-") and "".join(lines) == "Concentra-ciones"[: len("".join(lines))]
