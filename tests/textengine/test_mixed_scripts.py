"""Mixed text in every right-to-left and complex script the project's fonts declare.

Each case puts a Latin brand name beside a word of the script with a neutral
character between them (the Arabic comma, brackets, digits, a danda...). The
paragraph's shaped pieces are compared with HarfBuzz shaping the same piece
alone, its script guessed from its own letters: a neutral character must
never carry a Latin run into the script's letters (which HarfBuzz would then
shape as Latin: Arabic unjoined, Indic vowel signs unplaced).

The scripts come from ``fonts/fonts.toml``, so a script added there is tested here.
"""

from __future__ import annotations

import unicodedata

import pytest
from fontTools import unicodedata as ucd
from reportlab.lib.styles import ParagraphStyle

from tests.conftest import ROOT
from textengine.font_config import load_font_config
from textengine.fonts import font_stack
from textengine.itemise import FontFamily, FontStack, resolved_scripts
from textengine.paragraph import BidiParagraph
from textengine.scripts import COMPLEX_SCRIPTS, RTL_SCRIPTS
from textengine.shaping import shape_run

FONTS = ROOT / "fonts"
CONFIG = load_font_config(FONTS)

#: A real word of some scripts (a medicine, or "take"); any other script gets letters of its font.
WORDS = {
    "Arab": "تناول الدواء",
    "Hebr": "תרופה",
    "Deva": "दवाई लें",
    "Beng": "ওষুধ খান",
    "Guru": "ਦਵਾਈ ਲਓ",
    "Gujr": "દવા લો",
    "Taml": "மருந்து",
    "Telu": "మందు",
    "Thai": "ยาเม็ด",
    "Laoo": "ຢາເມັດ",
    "Khmr": "ថ្នាំ",
    "Mymr": "ဆေးဝါး",
    "Ethi": "መድሃኒት",
}
#: Neutral characters (and runs of them) that sit between a Latin name and the script's text.
NEUTRALS = ["، ", ", ", " (", ") ", " - ", " 10 ", ": ", "۔ ", "। ", "؛ ", " «", " 25 mg، "]


def _scripts() -> list[tuple[str, str]]:
    """Every (language or '', script) whose family draws a right-to-left or complex script."""
    found = [("", script) for script in CONFIG.scripts if script in RTL_SCRIPTS | COMPLEX_SCRIPTS]
    for language, choices in CONFIG.languages.items():
        found += [(language, script) for script in choices if script in RTL_SCRIPTS | COMPLEX_SCRIPTS]
    return found


def _word(script: str, family: FontFamily) -> str:
    """A word of ``script``: the sample above, or the first letters (with a mark) its font draws."""
    if script in WORDS:
        return WORDS[script]
    letters = [chr(code) for code in sorted(family._charsets[family.regular]) if ucd.script(chr(code)) == script]
    base = [char for char in letters if unicodedata.category(char) == "Lo"][:4]
    marks = [char for char in letters if unicodedata.category(char) in ("Mn", "Mc")][:1]
    return "".join(base[:1] + marks + base[1:])


def _cases(word: str) -> list[str]:
    cases = []
    for neutral in NEUTRALS:
        cases += [f"Baclofen{neutral}{word}", f"{word}{neutral}Baclofen", f"{word} (Lioresal){neutral}{word}"]
    return cases


@pytest.mark.parametrize(("language", "script"), _scripts(), ids=lambda value: value or "-")
def test_every_piece_shapes_as_its_own_script_alone(language: str, script: str) -> None:
    stack = font_stack("sans", FONTS, language or None)
    word = _word(script, stack.by_script[script])
    assert word and not stack.uncovered(word), f"{script}: no sample word its font draws"
    style = ParagraphStyle("t", fontName=stack.base.regular, fontSize=12, leading=16)
    for text in _cases(word):
        if stack.uncovered(text):  # '۔' beside Hebrew, say: no font has both; the check is the shaping
            continue
        paragraph = BidiParagraph(text, style, stack, rtl=script in RTL_SCRIPTS)
        for piece in (piece for pieces in paragraph.words() for piece in pieces):
            shaped = piece.run
            if not any(ucd.script(char) == script for char in shaped.text):
                continue
            alone = shape_run(shaped.text, shaped.font_name, shaped.font_size, shaped.rtl)
            assert shaped.glyphs == alone.glyphs, f"{text!r}: piece {shaped.text!r} shaped unlike itself alone"
            assert all(ucd.script(char) in (script, "Zyyy", "Zinh") for char in shaped.text), (text, shaped.text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Baclofen، لا", "LLLLLLLLAAAA"),  # the Arabic comma belongs to Arabic, never to Latin
        ("دواء (Lioresal) دواء", "AAAAAALLLLLLLLAAAAAA"),  # a closing bracket takes its opening one's script
        ("10 mg", "LLLLL"),  # leading neutrals take the first letter's script
        ("(12) ب", "AAAAAA"),
        ("۱۰", "AA"),  # Persian digits belong to Arabic
        ("— 12 —", "ZZZZZZ"),  # no letter at all
        ("巴氯芬（25 mg）。", "HHHHHHHLLHH"),
    ],
)
def test_resolved_scripts(text: str, expected: str) -> None:
    short = {"Latn": "L", "Arab": "A", "Zyyy": "Z", "Hani": "H"}
    assert "".join(short.get(script, "?") for script in resolved_scripts(text)) == expected


def test_nastaliq_for_urdu_and_naskh_when_a_template_asks() -> None:
    languages = [language for language, choice in CONFIG.languages.items() if "Arab" in choice]
    if not languages:
        pytest.skip("fonts.toml declares no language's own Arabic-script family")
    language = languages[0]
    own = CONFIG.languages[language]["Arab"]
    usual = CONFIG.scripts["Arab"].family
    assert font_stack("sans", FONTS, language).by_script["Arab"].name == own
    assert font_stack("sans", FONTS, language, {"Arab": usual}).by_script["Arab"].name == usual
    assert font_stack("sans", FONTS).by_script["Arab"].name == usual


def test_a_stack_registers_a_family_only_when_text_needs_it() -> None:
    stack: FontStack = font_stack("sans", FONTS)
    assert stack.runs("plain Latin text")
    assert set(stack.by_script._loaded) <= {"sans"}  # type: ignore[attr-defined]
