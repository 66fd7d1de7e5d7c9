"""Shaping keeps no memory between documents: private-use codes are numbered afresh."""

from __future__ import annotations

from pathlib import Path

from textengine.fonts import font_stack
from textengine.shaping import forget_private_glyphs, shape_run

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
