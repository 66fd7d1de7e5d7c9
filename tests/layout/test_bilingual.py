"""medleaflet.layout.bilingual: English beside the patient's language on every page."""

from __future__ import annotations

import shutil
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.i18n.localise import FALLBACK_MARK
from medleaflet.layout.bilingual import paired_rows
from medleaflet.pipeline import BuildOptions, lay_out_leaflet
from medleaflet.project import Project
from tests.conftest import ROOT, run_cli

PROJECT = Project(ROOT)


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
    # One top-level bookmark per section heading (and the forms heading), the patient language's.
    document = lay_out_leaflet(PROJECT, "baclofen", "ar", BuildOptions(template="bilingual"))
    expected = [outline.title for block in document.blocks() for _, outline in block.bookmarks() if not outline.level]
    outline = PdfReader(tmp_path / "baclofen.ar.bilingual.pdf").outline
    assert [item.title for item in outline if not isinstance(item, list)] == expected


def _texts(rows: list[list[Flowable]]) -> list[tuple[str, str]]:
    """Each row's two cells as the text of their paragraphs ("" for an empty cell)."""
    return [(_text(a), _text(b)) for a, b in rows]


def _text(flowable: Flowable) -> str:
    return flowable.text if isinstance(flowable, Paragraph) else ""


def _p(text: str, style: str) -> Paragraph:
    return Paragraph(text, ParagraphStyle(style))


def test_blocks_of_one_shape_pair_index_by_index() -> None:
    left = [_p("Title", "title"), _p("Body", "body")]
    right = [_p("Titre", "title"), _p("Texte", "small")]
    assert _texts(paired_rows(left, right)) == [("Title", "Titre"), ("Body", "Texte")]


def test_a_flowable_without_a_counterpart_gets_its_own_row() -> None:
    """The patient's fallback notice (a box) sits beside an empty cell; the rest still pair."""
    english = [_p("Label", "label"), _p("Title", "title"), Table([["x"]]), _p("Keep", "small")]
    patient = [
        Table([["notice"]]),
        _p("Étiquette", "label"),
        _p("Titre", "title"),
        Table([["y"]]),
        _p("Gardez", "small"),
    ]
    rows = paired_rows(english, patient)
    assert isinstance(rows[0][0], Spacer) and rows[0][1] is patient[0]
    assert [row[1] for row in rows[1:]] == patient[1:]
    assert [row[0] for row in rows[1:]] == english
    assert _texts(paired_rows(patient, english))[0] == ("", "")  # the other way round too
    assert isinstance(paired_rows(patient, english)[0][1], Spacer)


def test_a_fallback_notice_keeps_both_title_blocks_level(tmp_path: Path) -> None:
    """With a fuzzy message and --allow-fallback the patient's title block has one
    flowable more; the two titles (the largest text on page 1) still share a row,
    and the notice is printed."""
    import pdfplumber

    leaflet = PROJECT.leaflet_ids()[0]
    locale = next(code for code in PROJECT.locales() if code != SOURCE_LOCALE)
    root = tmp_path / "project"
    for folder in ("leaflets", "templates", "translations"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "fonts").symlink_to(ROOT / "fonts")
    po = root / "translations" / locale / "LC_MESSAGES" / "leaflets.po"
    context = f'msgctxt "{leaflet}:identity.drug_class"'
    po.write_text(po.read_text("utf-8").replace(context, f"#, fuzzy\n{context}", 1), "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(
        "--root", str(root), "build", leaflet, "--lang", locale, "--template", "bilingual", "--allow-fallback",
        "--out", str(out),
    )  # fmt: skip
    assert (code, err) == (0, "")
    with pdfplumber.open(next(out.glob("*.pdf"))) as document:
        page = document.pages[0]
        assert FALLBACK_MARK in page.extract_text()
        largest = max(c["size"] for c in page.chars)
        titles = [c for c in page.chars if c["size"] == largest]
        # The baseline (the text matrix's y), which unlike a glyph's top does not depend on the script's font.
        left = {round(c["matrix"][5], 1) for c in titles if c["x1"] < page.width / 2}
        right = {round(c["matrix"][5], 1) for c in titles if c["x0"] > page.width / 2}
        assert left and left == right, (left, right)
