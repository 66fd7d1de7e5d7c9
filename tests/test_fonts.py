"""textengine.fonts: script runs, coverage, and the families every script uses."""

from __future__ import annotations

import pytest

from medleaflet.errors import InputError
from textengine.fonts import FAMILIES, SCRIPT_FAMILIES, FontStack, font_stack

from .conftest import ROOT


@pytest.fixture(scope="module")
def stack() -> FontStack:
    return font_stack("sans", ROOT / "fonts")


def runs(stack: FontStack, text: str) -> list[tuple[str, str]]:
    return [(run.family.name, run.text) for run in stack.runs(text)]


def test_latin_inside_devanagari_uses_both_fonts(stack: FontStack) -> None:
    assert runs(stack, "बैक्लोफेन Fleqsuvy 25 mg") == [
        ("sans-devanagari", "बैक्लोफेन "),
        ("sans", "Fleqsuvy 25 mg"),
    ]


def test_digits_and_punctuation_stay_in_the_surrounding_run(stack: FontStack) -> None:
    assert runs(stack, "巴氯芬（25 mg）。") == [("sans-sc", "巴氯芬（25 "), ("sans", "mg"), ("sans-sc", "）。")]


def test_text_is_nfc_normalised(stack: FontStack) -> None:
    decomposed = "Vie\u0302\u0323t"  # Việt with combining marks
    assert runs(stack, decomposed) == [("sans", "Vi\u1ec7t")]


def test_uncovered_character_is_named(stack: FontStack) -> None:
    with pytest.raises(InputError) as caught:
        stack.runs("ok \u0e01\u0e02")  # Thai: no family configured
    assert str(caught.value) == (
        "U+0E01 'ก' not covered by any configured font for script Thai; "
        "U+0E02 'ข' not covered by any configured font for script Thai"
    )


def test_every_configured_family_has_files() -> None:
    for name in set(SCRIPT_FAMILIES.values()):
        files = FAMILIES[name]
        assert (ROOT / "fonts" / files.regular).is_file() and (ROOT / "fonts" / files.bold).is_file()
