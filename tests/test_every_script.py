"""Every script ``fonts/fonts.toml`` declares prints end to end; one with no font is refused briefly.

For each declared script (and each language with its own family, such as
Nastaliq Urdu), a throwaway project gets a catalogue of a language written
in it (Babel's likely language for the script): every translation is a
sentence in the script followed by the English, so every check passes. It
must build, and every page's text must hold the script's letters.

A catalogue in a script no font is declared for must be refused by ``build``
in a few lines, naming the catalogue's line, the script and the fix, with
no PDF written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from babel import Locale
from babel.core import get_global
from fontTools import unicodedata as ucd
from fontTools.ttLib import TTFont

from tests.conftest import ROOT, edit_catalogue, fonts_of, pdf_text, run_cli
from textengine.font_config import load_font_config
from textengine.scripts import NEUTRAL_SCRIPTS

CONFIG = load_font_config(ROOT / "fonts")

#: A short sentence in some scripts; other scripts get a word made of their own letters.
SENTENCES = {
    "Arab": "تناول الدواء مع الماء",
    "Hebr": "קח את התרופה עם מים",
    "Deva": "दवाई पानी के साथ लें",
    "Beng": "ওষুধ পানির সাথে খান",
    "Guru": "ਦਵਾਈ ਪਾਣੀ ਨਾਲ ਲਓ",
    "Gujr": "દવા પાણી સાથે લો",
    "Taml": "மருந்தை தண்ணீருடன் சாப்பிடுங்கள்",
    "Telu": "మందును నీటితో తీసుకోండి",
    "Ethi": "መድሃኒቱን በውሃ ይውሰዱ",
    "Thai": "กินยาพร้อมน้ำ",
    "Laoo": "ກິນຢາກັບນ້ຳ",
    "Khmr": "លេបថ្នាំជាមួយទឹក",
    "Mymr": "ဆေးကို ရေနှင့် သောက်ပါ",
    "Hani": "用水服药",
    "Hira": "くすりを水でのむ",  # Japanese, in kana and kanji
    "Kana": "クスリを水で飲む",
    "Bopo": "用水服藥ㄅㄆㄇ",  # Traditional Chinese with its phonetic letters
    "Hang": "물과 함께 약을 드세요",
    "Cyrl": "Принимайте лекарство",
    "Grek": "Πάρτε το φάρμακο",
}
#: Languages whose locale Babel's likely subtags do not give as wanted.
LANGUAGE_OF = {"Hani": "zh", "Bopo": "zh_Hant", "Hira": "ja", "Kana": "ja"}


def _language(script: str) -> str | None:
    if script in LANGUAGE_OF:
        return LANGUAGE_OF[script]
    likely = get_global("likely_subtags").get(f"und_{script}")
    return likely.split("_")[0] if likely else None


def _cases() -> list[tuple[str, str]]:
    """(locale, script) for every declared script but Latin, and every language's own family."""
    cases = {(_language(script), script) for script in CONFIG.scripts if script != "Latn"}
    for language, choices in CONFIG.languages.items():
        # The catalogue folder's name is the locale as Babel writes it (zh_TW: zh_Hant_TW).
        cases |= {(str(Locale.parse(language)), script) for script in choices}
    return sorted((language, script) for language, script in cases if language)


def _sentence(script: str) -> str:
    return (
        SENTENCES.get(script)
        or "".join(
            chr(code) for code in range(0x20, 0x30000) if ucd.script(chr(code)) == script and chr(code).isalpha()
        )[:6]
    )


def _write_in(script: str) -> Callable[..., None]:
    sentence = _sentence(script)

    def written(english: str) -> str:
        # Enough of the script that its letters outnumber the English kept after it.
        return " ".join([sentence] * (3 * len(english) // len(sentence) + 1)) + " " + english

    def edit(message: object) -> None:
        if isinstance(message.id, tuple):  # type: ignore[attr-defined]
            message.string = tuple(written(form) for form in message.id)  # type: ignore[attr-defined]
        else:
            message.string = written(message.id)  # type: ignore[attr-defined]

    return edit


def _project(translated_project: Callable[[str], Path], locale: str, script: str) -> Path:
    root = translated_project(locale)
    edit_catalogue(root / "translations" / locale / "LC_MESSAGES" / "leaflets.po", _write_in(script))
    return root


@pytest.mark.parametrize(("locale", "script"), _cases(), ids=[f"{locale}-{script}" for locale, script in _cases()])
def test_a_catalogue_in_every_declared_script_prints(
    translated_project: Callable[[str], Path], locale: str, script: str
) -> None:
    root = _project(translated_project, locale, script)
    code, _, err = run_cli("--root", str(root), "build", "minimal", "--lang", locale, "--out", str(root / "out"))
    assert code == 0, err
    pdf = root / "out" / f"minimal.{locale}.pdf"
    text = pdf_text(pdf)
    assert any(ucd.script(char) == script for char in text), f"no {script} letter in the PDF's text"
    # Set in the family fonts.toml declares for the language's script (Nastaliq for Urdu...), embedded.
    family = CONFIG.families[CONFIG.script_families(locale)[script]]
    postscript = TTFont(ROOT / "fonts" / family.regular)["name"].getDebugName(6)
    assert any(name.endswith(f"+{postscript}") and embedded for name, embedded in fonts_of(pdf).items()), family


def test_a_script_without_a_font_is_refused_in_a_few_lines(translated_project: Callable[[str], Path]) -> None:
    script = next(name for name in ("Sinh", "Orya", "Knda", "Mlym", "Tibt", "Cher") if name not in CONFIG.scripts)
    locale = _language(script)
    assert locale is not None and script not in NEUTRAL_SCRIPTS
    root = _project(translated_project, locale, script)
    out = root / "out"
    for fallback in ([], ["--allow-fallback"]):
        code, _, err = run_cli("--root", str(root), "build", "minimal", "--lang", locale, "--out", str(out), *fallback)
        lines = err.splitlines()
        assert code == 1 and 1 <= len(lines) <= 6, err
        assert f"no font is configured for script {script}; add one in fonts/fonts.toml" in err
        assert lines[0].startswith(f"translations/{locale}/LC_MESSAGES/leaflets.po:"), err
        assert not list(out.glob("*.pdf")) if out.exists() else True
