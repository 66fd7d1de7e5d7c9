"""medleaflet.content.clinic: profiles, emergency numbers by country, paper, and the printed result."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import phonenumbers
import pytest
from pypdf import PdfReader

from medleaflet.content.clinic import emergency_table, load_clinic, paper_for, require_coverage
from medleaflet.content.fonts import load_fonts
from medleaflet.content.templates import load_template
from medleaflet.errors import ValidationError
from medleaflet.project import Project
from tests.conftest import DATA, ROOT, actual_text, expectations, pdf_text, run_cli
from textengine.itemise import FontStack

PROJECT = Project(ROOT)
BAD = sorted((DATA / "bad_clinics").glob("*.yaml"))
EU = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
#: Countries of the shipped languages, plus the EU, UK, US, Canada and Australia.
REQUIRED = set(EU) | {"GB", "US", "CA", "AU", "SA", "EG", "AE", "CN", "IN", "VN", "RU", "PH", "MX", "FR", "ES"}


@pytest.mark.parametrize("country", sorted(emergency_table()))
def test_every_number_is_an_emergency_number(country: str) -> None:
    entry = emergency_table()[country]
    for number in (entry.number, *entry.also):
        assert phonenumbers.is_emergency_number(number, country), (country, number)


def test_table_covers_required_countries() -> None:
    assert REQUIRED <= set(emergency_table())


@pytest.mark.parametrize(
    ("country", "paper"),
    [
        ("US", "letter"),
        ("CA", "letter"),
        ("MX", "letter"),
        ("PH", "letter"),
        ("GB", "a4"),
        ("FR", "a4"),
        ("SA", "a4"),
        ("IN", "a4"),
    ],
)
def test_paper_follows_the_country(country: str, paper: str) -> None:
    assert paper_for(country) == paper


@pytest.mark.parametrize("path", BAD, ids=[path.stem for path in BAD])
def test_bad_clinic_profiles(path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        load_clinic(path, DATA / "bad_clinics")
    assert caught.value.lines() == [f"{path.name}:{line}" for line in expectations(path)]


def build(tmp_path: Path, clinic: str | None, *extra: str) -> Path:
    args = ["build", "baclofen", "--out", str(tmp_path), *extra]
    if clinic:
        args += ["--clinic", str(DATA / "clinics" / f"{clinic}.yaml")]
    code, _, err = run_cli(*args)
    assert code == 0, err
    return tmp_path


def page_size(pdf: Path) -> tuple[int, int]:
    box = PdfReader(pdf).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_toronto_clinic_on_letter_with_911(tmp_path: Path) -> None:
    pdf = build(tmp_path, "toronto") / "baclofen.en.pdf"
    text = pdf_text(pdf)
    assert "Riverside Family Clinic" in text and "+1 416 555 0199" in text
    assert "Emergency number: 911" in text
    assert "Poison information: 1-844-764-7669" in text
    assert page_size(pdf) == (612, 792)


def test_lyon_clinic_on_a4_with_15(tmp_path: Path) -> None:
    pdf = build(tmp_path, "lyon") / "baclofen.en.pdf"
    text = pdf_text(pdf)
    assert "Pharmacie du Rhône" in text and "Emergency number: 15" in text
    assert page_size(pdf) == (595, 842)


def test_paper_option_overrides_the_country(tmp_path: Path) -> None:
    pdf = build(tmp_path, "toronto", "--paper", "a4") / "baclofen.en.pdf"
    assert page_size(pdf) == (595, 842)


def test_without_a_profile_blank_lines_are_printed(tmp_path: Path) -> None:
    text = pdf_text(build(tmp_path, None) / "baclofen.en.pdf")
    assert "Clinic or pharmacy" in text and "Riverside" not in text


def test_arabic_leaflet_printed_in_canada_says_911(tmp_path: Path) -> None:
    pdf = build(tmp_path, "toronto", "--lang", "ar") / "baclofen.ar.pdf"
    logical = actual_text(pdf)
    assert "911" in logical and "Riverside Family Clinic" in logical
    assert page_size(pdf) == (612, 792)


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (Debian zbar-tools) missing")
def test_qr_code_decodes_to_the_website(tmp_path: Path) -> None:
    pdf = build(tmp_path, "toronto") / "baclofen.en.pdf"
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "page")], check=True)
    found = set()
    for image in sorted(tmp_path.glob("page-*.png")):
        result = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True)
        found |= set(result.stdout.split())
    assert found == {"https://riverside-clinic.example.ca/baclofen"}


def test_phone_number_keeps_its_order_on_an_arabic_page(tmp_path: Path) -> None:
    import pdfplumber

    pdf = build(tmp_path, "toronto", "--lang", "ar") / "baclofen.ar.pdf"
    with pdfplumber.open(pdf) as document:
        words = document.pages[0].extract_words()
    groups = ["+1", "416", "555", "0199"]
    lines: dict[int, list[tuple[float, str]]] = {}
    for word in words:
        if word["text"] in groups:
            lines.setdefault(round(word["top"]), []).append((word["x0"], word["text"]))
    assert lines, "the clinic's phone number is in the footer of every page"
    for found in lines.values():
        assert [text for _, text in sorted(found)] == groups


def test_logo_is_drawn_on_page_one(tmp_path: Path) -> None:
    import pdfplumber
    from PIL import Image

    Image.new("RGB", (400, 140), "#0b4f8a").save(tmp_path / "logo.png")
    profile = tmp_path / "clinic.yaml"
    profile.write_text((DATA / "clinics" / "lyon.yaml").read_text("utf-8") + "logo: logo.png\n", "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli("build", "baclofen", "--clinic", str(profile), "--out", str(out))
    assert code == 0, err
    with pdfplumber.open(out / "baclofen.en.pdf") as document:
        assert len(document.pages[0].images) == 1
        assert all(not page.images for page in document.pages[1:])


def _write_logo(path: Path, damage: str) -> None:
    """A logo as a clinic might get it wrong: text named .png, a cut-off download, a pipe."""
    import os

    from PIL import Image

    if damage == "fifo":
        os.mkfifo(path)
        return
    Image.effect_noise((200, 80), 50).convert("RGB").save(path)
    data = path.read_bytes()
    path.write_bytes({"text": b"<html>Not found</html>\n", "truncated": data[: len(data) // 2]}[damage])


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        ("text", "not a readable image (cannot identify image file 'logo.png')"),
        ("truncated", "not a readable image ("),
        ("fifo", "not a regular file"),
    ],
)
def test_damaged_logo_is_refused_at_load(tmp_path: Path, damage: str, problem: str) -> None:
    _write_logo(tmp_path / "logo.png", damage)
    profile = tmp_path / "clinic.yaml"
    profile.write_text((DATA / "clinics" / "lyon.yaml").read_text("utf-8") + "logo: logo.png\n", "utf-8")
    with pytest.raises(ValidationError) as caught:
        load_clinic(profile, tmp_path)
    [line] = caught.value.lines()
    assert line.startswith(f"clinic.yaml:5: logo: logo.png: {problem}"), line


def _fonts(template: str) -> FontStack:
    """The font stack of the checkout's template ``template``."""
    return load_fonts(load_template(PROJECT.template_path(template), ROOT), PROJECT)


@pytest.mark.parametrize("template", PROJECT.template_names())
def test_text_no_font_can_draw_is_reported_at_each_field(template: str, tmp_path: Path) -> None:
    """Every uncovered character of every text field, at once, each at its field's line."""
    fonts = _fonts(template)
    char = next(c for c in ("\u1200", "\u13a0", "\U0001f600") if fonts.uncovered(c))
    profile = tmp_path / "clinic.yaml"
    lines = (DATA / "clinics" / "toronto.yaml").read_text("utf-8").splitlines()
    edited = {"name": 0, "address": 0}
    for number, line in enumerate(lines, 1):
        key = line.split(":", 1)[0]
        if key in edited:
            lines[number - 1] = f"{line} {char}"
            edited[key] = number
    profile.write_text("\n".join(lines) + "\n", "utf-8")
    clinic = load_clinic(profile, tmp_path)
    with pytest.raises(ValidationError) as caught:
        require_coverage(clinic, fonts)
    code = f"U+{ord(char):04X}"
    assert [line.split(f" {code} ")[0] for line in caught.value.lines()] == [
        f"clinic.yaml:{edited[key]}: {key}:" for key in ("name", "address")
    ]


@pytest.mark.parametrize("template", PROJECT.template_names())
def test_every_shipped_clinic_is_covered_by_every_template(template: str) -> None:
    for path in sorted((DATA / "clinics").glob("*.yaml")):
        require_coverage(load_clinic(path, ROOT), _fonts(template))
