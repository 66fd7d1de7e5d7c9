"""medleaflet.layout.bilingual: English beside the patient's language on every page."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.conftest import run_cli


def test_bilingual_arabic_pages_carry_both_languages(tmp_path: Path) -> None:
    import pdfplumber

    code, _, err = run_cli("build", "baclofen", "--lang", "ar", "--template", "bilingual", "--out", str(tmp_path))
    assert code == 0, err
    with pdfplumber.open(tmp_path / "baclofen.ar.bilingual.pdf") as document:
        assert len(document.pages) >= 2
        for page in document.pages:
            fonts = {c["fontname"].split("+")[-1] for c in page.chars}
            assert any(name.startswith("NotoSansArabic") for name in fonts), page.page_number
            latin = [c for c in page.chars if c["text"].isascii() and c["text"].isalpha()]
            assert len(latin) > 50, page.page_number
            # English on the left half, Arabic on the right half.
            arabic = [c for c in page.chars if "Arabic" in c["fontname"]]
            assert sum(c["x0"] > page.width / 2 for c in arabic) > 0.9 * len(arabic)
    assert len(PdfReader(tmp_path / "baclofen.ar.bilingual.pdf").outline) == 10
