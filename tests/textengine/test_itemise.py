"""textengine.itemise: runs by script, neutral characters, coverage.

The first tests use families with made-up character sets (no font file, no
ReportLab), so they run in milliseconds; the last ones use the project's fonts.
"""

from __future__ import annotations

import string

import pytest

from tests.conftest import ROOT
from textengine.errors import TextEngineError, UncoveredTextError
from textengine.fonts import font_stack
from textengine.itemise import FontFamily, FontStack, Uncovered

ARABIC_LETTERS = "ابتجدعمهوي"


def family(name: str, chars: str) -> FontFamily:
    """A family whose regular and bold faces draw exactly ``chars``."""
    charset = frozenset(map(ord, chars))
    return FontFamily(name, f"{name}-R", f"{name}-B", f"{name}-R", {f"{name}-R": charset, f"{name}-B": charset})


LATIN = family("latin", string.ascii_letters + string.digits + string.punctuation + " ‰\u0301")
ARABIC = family("arabic", ARABIC_LETTERS + string.digits + " ()،\u0651")


@pytest.fixture
def stack() -> FontStack:
    return FontStack(LATIN, {"Latn": LATIN, "Arab": ARABIC})


def runs(stack: FontStack, text: str) -> list[tuple[str, str, str]]:
    return [(run.family.name, run.script, run.text) for run in stack.runs(text)]


def test_neutral_characters_take_the_script_around_them(stack: FontStack) -> None:
    """Digits and spaces stay with the text before them; a closing bracket takes the script of
    its opening one (UAX #24), so ")" closes the Arabic bracket around a Latin name."""
    assert runs(stack, "abc 12 ابت 25 (x)") == [
        ("latin", "Latn", "abc 12 "),
        ("arabic", "Arab", "ابت 25 ("),
        ("latin", "Latn", "x"),
        ("arabic", "Arab", ")"),
    ]


def test_leading_neutral_characters_take_the_script_of_the_first_letter(stack: FontStack) -> None:
    assert runs(stack, "12 ب") == [("arabic", "Arab", "12 ب")]
    assert runs(stack, "12 b") == [("latin", "Latn", "12 b")]


def test_an_arabic_comma_after_a_latin_word_starts_the_arabic_run(stack: FontStack) -> None:
    """The comma's Script_Extensions (Arabic, Syriac, Thaana...) exclude Latin: were it put in
    the Latin run, the Arabic letters after it would be shaped as Latin, unjoined."""
    assert runs(stack, "abc، ابت") == [("latin", "Latn", "abc"), ("arabic", "Arab", "، ابت")]


def test_combining_mark_stays_with_its_letter(stack: FontStack) -> None:
    assert runs(stack, "بّت") == [("arabic", "Arab", "بّت")]


def test_neutral_character_the_run_cannot_draw_moves_to_a_family_that_can(stack: FontStack) -> None:
    assert [(run.family.name, run.text) for run in stack.runs("بت ‰")] == [("arabic", "بت "), ("latin", "‰")]


def test_empty_text_has_no_runs(stack: FontStack) -> None:
    assert stack.runs("") == []
    assert stack.uncovered("") == []


def test_uncovered_characters_are_listed_once_each(stack: FontStack) -> None:
    assert stack.uncovered("abc") == []
    assert stack.uncovered("กขก ✓") == [Uncovered("ก", "Thai"), Uncovered("ข", "Thai"), Uncovered("✓", "Zyyy")]
    with pytest.raises(UncoveredTextError) as caught:
        stack.runs("ok กข")
    assert caught.value.uncovered == (Uncovered("ก", "Thai"), Uncovered("ข", "Thai"))
    assert isinstance(caught.value, TextEngineError)


def test_itemising_is_cached_per_string(stack: FontStack) -> None:
    assert stack.runs("abc ب") is stack.runs("abc ب")


@pytest.fixture(scope="module")
def project_stack() -> FontStack:
    return font_stack("sans", ROOT / "fonts")


def project_runs(stack: FontStack, text: str) -> list[tuple[str, str]]:
    return [(run.family.name, run.text) for run in stack.runs(text)]


def test_latin_inside_devanagari_uses_both_fonts(project_stack: FontStack) -> None:
    assert project_runs(project_stack, "बैक्लोफेन Fleqsuvy 25 mg") == [
        ("sans-devanagari", "बैक्लोफेन "),
        ("sans", "Fleqsuvy 25 mg"),
    ]


def test_digits_and_punctuation_stay_in_the_surrounding_run(project_stack: FontStack) -> None:
    assert project_runs(project_stack, "巴氯芬（25 mg）。") == [
        ("sans-sc", "巴氯芬（25 "),
        ("sans", "mg"),
        ("sans-sc", "）。"),
    ]


def test_text_is_nfc_normalised(project_stack: FontStack) -> None:
    decomposed = "Vie\u0302\u0323t"  # Việt with combining marks
    assert project_runs(project_stack, decomposed) == [("sans", "Vi\u1ec7t")]


def test_uncovered_character_is_named(project_stack: FontStack) -> None:
    with pytest.raises(UncoveredTextError) as caught:
        project_stack.runs("ok \U0001e900\U0001e901")  # Adlam: no family configured
    assert str(caught.value) == (
        "U+1E900 '\U0001e900' not covered by any configured font for script Adlm; "
        "U+1E901 '\U0001e901' not covered by any configured font for script Adlm"
    )


def test_a_family_drawing_two_scripts_gives_one_run_per_script() -> None:
    """A Latin word inside Arabic text, both drawn by one family, is still shaped as Latin:
    told it was Arabic, HarfBuzz put the "ffi" ligature of "difficile" before its "i"."""
    both = family("both", string.ascii_letters + ARABIC_LETTERS + " .()")
    stack = FontStack(both, {"Latn": both, "Arab": both})
    assert runs(stack, "عدو (C. difficile) مع") == [
        ("both", "Arab", "عدو ("),
        ("both", "Latn", "C. difficile"),
        ("both", "Arab", ") مع"),
    ]


def test_stacks_of_the_same_fonts_share_what_owes_nothing_to_their_history() -> None:
    """Two stacks made of the same files and choices share the runs of a text (a later document is
    not itemised again), except where a character went to a family because the stack had used it."""
    first, second = (font_stack("sans", ROOT / "fonts", "zh") for _ in range(2))
    assert second.runs("Hello 中文 (5 mg)") is first.runs("Hello 中文 (5 mg)")
    alone = "（1）"  # full-width brackets of no script, which the base family does not draw
    assert first.uncovered(alone) == []
    assert second.runs(alone) is not first.runs(alone)
    assert [(run.family.name, run.text) for run in second.runs(alone)] == [
        (run.family.name, run.text) for run in first.runs(alone)
    ]
