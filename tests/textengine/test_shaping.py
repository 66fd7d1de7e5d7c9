"""Private-use codes of shaped glyphs: numbered afresh once forgotten, forgotten when they run short."""

from __future__ import annotations

from pathlib import Path

import pytest

from textengine import shaping
from textengine.fonts import font_stack
from textengine.shaping import forget_crowded_private_glyphs, forget_private_glyphs, shape_run, shaping_generation

from ..conftest import ROOT

#: Devanagari conjuncts: each is a glyph no character maps to, so it gets a private-use code.
CONJUNCTS = ("क्ष", "द्द", "श्र")


def _codes(text: str, font: str) -> list[int]:
    return [ord(char) for char in shape_run(text, font, 10, rtl=False, script="Deva").glyphs if 0xE000 <= ord(char)]


def test_a_document_numbers_its_unmapped_glyphs_as_a_fresh_process_would() -> None:
    font = font_stack("sans", Path(ROOT / "fonts")).by_script["Deva"].regular
    forget_private_glyphs([font])
    fresh = [_codes(text, font) for text in CONJUNCTS]
    # Another document shapes the same glyphs in another order first...
    forget_private_glyphs([font])
    for text in reversed(CONJUNCTS):
        _codes(text, font)
    assert [_codes(text, font) for text in CONJUNCTS] != fresh
    # ...and once forgotten, the next document gets the same codes again.
    forget_private_glyphs([font])
    assert [_codes(text, font) for text in CONJUNCTS] == fresh


def test_forgetting_twice_or_an_unshaped_font_is_harmless() -> None:
    stack = font_stack("sans", Path(ROOT / "fonts"))
    forget_private_glyphs([stack.base.bold, stack.base.bold])
    assert _codes("क्ष", stack.by_script["Deva"].bold)


def test_codes_are_kept_until_a_font_runs_short_of_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents share the codes (and the shaped runs holding them) until a font has fewer than
    ROOM_FOR_A_DOCUMENT left; then every font's are forgotten, and runs made before are not reused."""
    font = font_stack("sans", Path(ROOT / "fonts")).by_script["Deva"].regular
    forget_private_glyphs([font])
    _codes("क्ष", font)
    generation = shaping_generation()
    assert not forget_crowded_private_glyphs([font])
    assert shaping_generation() == generation
    assert shape_run("क्ष", font, 10, rtl=False, script="Deva") is shape_run("क्ष", font, 10, rtl=False, script="Deva")
    monkeypatch.setattr(shaping, "ROOM_FOR_A_DOCUMENT", 0xF8FF - 0xE000 + 1)  # any code in use leaves too little
    before = shape_run("क्ष", font, 10, rtl=False, script="Deva")
    assert forget_crowded_private_glyphs([font])
    assert shaping_generation() == generation + 1
    assert shape_run("क्ष", font, 10, rtl=False, script="Deva") is not before
