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

import os
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from babel import Locale
from babel.core import get_global
from fontTools import unicodedata as ucd
from fontTools.ttLib import TTFont

from tests.conftest import ROOT, edit_catalogue, fonts_of, load_tool, pdf_text, run_cli
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


def _ocr_model(locale: str) -> str | None:
    """Tesseract's model for ``locale`` if it is installed (Debian's tesseract-ocr-<model>)."""
    module = load_tool("ocr_score")
    model = module.TESSERACT.get(locale) or module.TESSERACT.get(locale.split("_")[0])
    if shutil.which("tesseract") is None or model is None:
        return None
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    return model if model in listed else None


#: Below this share, what OCR reads is not the text: unshaped or reversed text scores near 0.
OCR_SHARE = 0.5


def _read_cases() -> list[tuple[str, str]]:
    """The cases of a script's usual family whose language tesseract has a model for. Not a
    language's own family: Debian's Urdu model reads Naskh, not Nastaliq (0.04 against 0.9)."""
    usual = {(_language(script), script) for script in CONFIG.scripts if script != "Bopo"}  # chi_tra reads no Bopomofo
    return [case for case in _cases() if case in usual and case[1] in SENTENCES and _ocr_model(case[0])]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (Debian poppler-utils) missing")
@pytest.mark.parametrize(("locale", "script"), _read_cases(), ids=[f"{loc}-{scr}" for loc, scr in _read_cases()])
def test_every_declared_script_reads_back_by_ocr(
    translated_project: Callable[[str], Path], locale: str, script: str, tmp_path: Path
) -> None:
    """Page 1 rasterised at 300 dpi and read by tesseract in the language's model: most of what it
    reads in the script are the sentence's words (its characters' pairs, for a script without spaces).
    The share is a floor against broken shaping or order, not a measure of OCR's quality: tesseract
    misreads some small Burmese vowel signs however well they are drawn."""
    root = _project(translated_project, locale, script)
    code, _, err = run_cli("--root", str(root), "build", "minimal", "--lang", locale, "--out", str(root / "out"))
    assert code == 0, err
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "300",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            str(root / "out" / f"minimal.{locale}.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    image = next(tmp_path.glob("page-*.png"))
    read = subprocess.run(
        ["tesseract", str(image), "-", "-l", f"{_ocr_model(locale)}+eng"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},  # OpenMP's threads make it 4 times slower here
    ).stdout

    def units(text: str) -> list[str]:
        """The words of ``text`` in the script (letters and marks only; compatibility forms such as
        Thai's sara am taken apart, as OCR writes them), or pairs of its letters if it has no spaces."""
        letters = (
            "".join(c for c in word if unicodedata.category(c)[0] in "LM" and ucd.script(c) in (script, "Zinh"))
            for word in unicodedata.normalize("NFKD", text).split()
        )
        words = [word for word in letters if word]
        if " " in SENTENCES[script]:
            return words
        chars = "".join(words)
        return [chars[index : index + 2] for index in range(len(chars) - 1)]

    known = set(units(f"{SENTENCES[script]} {SENTENCES[script]}"))  # pairs across a repeat too
    found = units(read)
    assert len(found) >= 10, read[:500]
    share = sum(unit in known for unit in found) / len(found)
    assert share >= OCR_SHARE, f"{share:.2f} of {len(found)} read in {script} are the sentence's: {read[:400]}"
