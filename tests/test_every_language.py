"""Every shipped language reads back by OCR: its pages show its words, shaped and in order.

For each language of ``translations/``, pages 2 and 3 of the first leaflet
(prose, past the title block's table of brands and countries) are rasterised
at 300 dpi and read by tesseract in the language's Debian model and English's
(the review lines every page carries in English, brand names). At least 85%
of the words read must be words the page can print
(``tools/ocr_score.py``: the catalogue, brand names, CLDR's country names);
for languages written without spaces (Thai, Burmese, Chinese, Japanese), 85%
of the pairs of characters in reading order. Broken shaping, reversed
right-to-left text, missing glyphs or mojibake score far lower.

Urdu prints in Nastaliq, which Debian's Urdu model (trained on Naskh) cannot
read (about half its words, whatever the text): it is read here through a
template that sets it in Naskh, which checks its text and shaping; its
Nastaliq pages are checked by eye.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from medleaflet.project import Project
from tests.conftest import ROOT, load_tool, run_cli

PROJECT = Project(ROOT)
LOCALES = [locale for locale in PROJECT.locales() if locale != "en"]
FLOOR = 0.85
#: Languages whose usual font tesseract cannot read, and the template override it reads instead.
READ_AS = {"ur": "script_fonts: {Arab: sans-arabic}\n"}


OCR = load_tool("ocr_score")


def _installed(locale: str) -> bool:
    if shutil.which("tesseract") is None or shutil.which("pdftoppm") is None:
        return False
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    return all(model in listed for model in OCR.model(locale).split("+"))


def _template(tmp_path: Path, locale: str) -> list[str]:
    """``--template`` arguments: a copy of the standard template with the language's override, if any."""
    if locale not in READ_AS:
        return []
    root = tmp_path / "project"
    root.mkdir()
    for name in ("leaflets", "translations", "fonts"):
        (root / name).symlink_to(ROOT / name)
    (root / "templates").mkdir()
    for template in (ROOT / "templates").glob("*.yaml"):
        shutil.copy(template, root / "templates" / template.name)
    standard = root / "templates" / "standard.yaml"
    standard.write_text(standard.read_text(encoding="utf-8") + READ_AS[locale], encoding="utf-8")
    return ["--root", str(root)]


@pytest.mark.parametrize("locale", LOCALES)
def test_language_reads_back_by_ocr(locale: str, tmp_path: Path) -> None:
    if not _installed(locale):
        pytest.skip(f"tesseract's model for {locale} ({OCR.model(locale)}) is not installed")
    leaflet = PROJECT.leaflet_ids()[0]
    root = _template(tmp_path, locale)
    code, _, err = run_cli(*root, "build", leaflet, "--lang", locale, "--out", str(tmp_path / "out"))
    assert code == 0, err
    pdf = tmp_path / "out" / f"{leaflet}.{locale}.pdf"
    score = OCR.score(pdf, locale, ROOT, pages=(2, 3))
    assert score.read > 200, f"{locale}: only {score.read} words read"
    assert score.share(locale) >= FLOOR, f"{locale}: {score}"
