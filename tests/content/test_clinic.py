"""medleaflet.content.clinic: profiles, emergency numbers by country, paper, and the printed result."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import phonenumbers
import pytest
from babel.core import get_global
from pypdf import PdfReader

from medleaflet.content.clinic import COUNTRIES, emergency_table, load_clinic, paper_for, require_coverage
from medleaflet.content.countries import COMMON_NAMES, EVERYDAY_ALIASES, country_name
from medleaflet.content.fonts import load_fonts
from medleaflet.content.templates import load_template
from medleaflet.errors import ValidationError
from medleaflet.project import Project
from tests.conftest import DATA, ROOT, expectations, logical_text, pdf_text, run_cli
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
    logical = logical_text(pdf)
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
        chars = document.pages[0].chars
    lines: dict[int, list[tuple[float, str]]] = {}
    for char in chars:
        if char["text"] in "+0123456789":
            # By baseline (the text matrix): a glyph's top depends on its font's ascent.
            lines.setdefault(round(char["matrix"][5]), []).append((char["x0"], char["text"]))
    phone = [found for found in lines.values() if len(found) >= 11]
    assert phone, "the clinic's phone number is in the footer of every page"
    for found in phone:
        # Left to right on the page, as it is dialled (the line's other digits are not beside it).
        assert "+14165550199" in "".join(text for _, text in sorted(found))


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


# --- forgiving input (issue 12): countries by name, phone extensions, every problem at once ------

TABLE = sorted(emergency_table())
#: A profile with every field right; each test spoils or respells one.
GOOD = {
    "name": "Test Clinic",
    "phone": '"+44 20 7946 0000"',
    "address": "1 Road",
    "country": "GB",
}


def _profile(folder: Path, **fields: str) -> Path:
    """A clinic profile in ``folder``: :data:`GOOD` with ``fields`` changed (empty text drops a field),
    one field a line in that order."""
    path = folder / "clinic.yaml"
    values = {**GOOD, **fields}
    path.write_text("".join(f"{key}: {value}\n" for key, value in values.items() if value), "utf-8")
    return path


def _spellings(code: str) -> list[str]:
    """How a clinic may write the country ``code``: the code in any case, its English name in any case."""
    name = country_name(code)
    spellings = [code, code.lower(), code.title(), name, name.lower(), name.upper(), f"  {name} "]
    return [f'"{spelling}"' for spelling in dict.fromkeys(spellings)]  # quoted: YAML reads NO as false


@pytest.mark.parametrize(("code", "spelling"), [(code, spelling) for code in TABLE for spelling in _spellings(code)])
def test_a_country_by_code_in_any_case_or_by_english_name(code: str, spelling: str, tmp_path: Path) -> None:
    clinic = load_clinic(_profile(tmp_path, country=spelling), tmp_path)
    assert clinic.country == code
    assert (clinic.emergency, clinic.paper) == (emergency_table()[code], paper_for(code))


def _other_codes() -> list[tuple[str, str]]:
    """``(alias, code)`` for each ISO 3166 alpha-3 code (Babel's territory aliases) and everyday alias
    of a country of the table."""
    aliases = get_global("territory_aliases")
    found = [(alias, targets[0]) for alias, targets in sorted(aliases.items()) if len(alias) == 3 and alias.isalpha()]
    found += list(EVERYDAY_ALIASES.items())
    return [(alias, code) for alias, code in found if code in TABLE and aliases.get(alias, [code]) == [code]]


@pytest.mark.parametrize(("alias", "code"), _other_codes())
def test_a_country_by_its_three_letter_code_or_everyday_alias(alias: str, code: str, tmp_path: Path) -> None:
    for spelling in (alias, alias.lower()):
        assert load_clinic(_profile(tmp_path, country=spelling), tmp_path).country == code


def _typos() -> list[tuple[str, str]]:
    """``(typo, code)``: each country of the table whose English name is long enough to misspell,
    with its second-to-last letter dropped."""
    names = [(country_name(code).lower(), code) for code in TABLE if len(country_name(code)) >= 6]
    return [(name[:-2] + name[-1], code) for name, code in names]


@pytest.mark.parametrize(("typo", "code"), _typos())
def test_a_misspelt_country_gets_a_suggestion(typo: str, code: str, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        load_clinic(_profile(tmp_path, country=typo), tmp_path)
    [line] = caught.value.lines()
    prefix = f"clinic.yaml:4: country: {typo!r} is not an ISO 3166 country code or English country name; did you mean "
    assert line.startswith(prefix) and line.endswith("?"), line
    assert f"{country_name(code)} ({code})" in line


def _without_number() -> str:
    """A country CLDR knows that the table has no emergency number for."""
    return next(code for code in sorted(COUNTRIES) if code not in emergency_table())


@pytest.mark.parametrize(
    ("country", "problem"),
    [
        ("XQ", "'XQ' is not an ISO 3166 country code"),
        ("xq", "'xq' is not an ISO 3166 country code"),
        ("'   '", "must not be empty"),
        ("''", "must not be empty"),
        ("NO", 'YAML reads NO as false: for Norway write "NO", in quotes'),
        ("no", 'YAML reads NO as false: for Norway write "NO", in quotes'),
        ("44", "expected text, got a whole number"),
        ("[GB]", "expected text, got a list"),
        ("zzzzzzzzzzzz", "'zzzzzzzzzzzz' is not an ISO 3166 country code or English country name"),
        (_without_number(), f"no emergency number is known for {_without_number()}; add it to "),
        (_without_number().lower(), f"no emergency number is known for {_without_number()}; add it to "),
    ],
)
def test_bad_countries(country: str, problem: str, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        load_clinic(_profile(tmp_path, country=country), tmp_path)
    [line] = caught.value.lines()
    assert line.startswith(f"clinic.yaml:4: country: {problem}"), line


@pytest.mark.parametrize(
    "phone",
    [
        "+44 20 7946 0000 ext. 123",
        "+44 20 7946 0000 ext 12",
        "+44 20 7946 0000 x123",
        "+44 20 7946 0000x123",
        "+44 20 7946 0000 X 9",
        "+44 20 7946 0000, ext. 4",
        "+44 20 7946 0000 Ext. 123456",
        "+44 20 7946 0000 extension 55",
        "(020) 7946-0000 ext.7",
        "+44 20 7946 0000",
    ],
)
def test_phone_extensions_are_allowed(phone: str, tmp_path: Path) -> None:
    assert load_clinic(_profile(tmp_path, phone=f'"{phone}"'), tmp_path).phone == phone


@pytest.mark.parametrize(
    "phone",
    [
        "ext 12",
        "x123",
        "+44 20 7946 0000 ext.",
        "+44 20 7946 0000 ext 1234567",
        "+44 20 7946 0000 ext 12 ext 13",
        "+44 20 7946 0000 extn 12",
        "+44 20 7946 0000 #12",
        "+44 20 call 0000 ext 12",
        "ext. 123 +44 20 7946 0000",
        "+4 ext 1",
    ],
)
def test_bad_phone_numbers_with_extensions(phone: str, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        load_clinic(_profile(tmp_path, phone=f'"{phone}"'), tmp_path)
    [line] = caught.value.lines()
    assert line.startswith("clinic.yaml:2: phone: must be a phone number of digits"), line


def test_every_problem_of_a_profile_is_reported_at_once(tmp_path: Path) -> None:
    """A problem of its text, of the schema and of the rules in every field, the missing logo too:
    one error, one ``file:line: what is wrong`` line each, in line order (a missing field at the profile's start)."""
    typo, code = _typos()[0]
    path = _profile(
        tmp_path,
        name='"Test \u200bClinic"',
        phone='"call us"',
        address="",
        country=typo,
        website="ftp://example.org",
        logo="nowhere.png",
        colour="blue",
    )
    with pytest.raises(ValidationError) as caught:
        load_clinic(path, tmp_path)
    lines = caught.value.lines()
    assert [line.split(": ")[:2] for line in lines] == [
        ["clinic.yaml:1", "address"],
        ["clinic.yaml:1", "name"],
        ["clinic.yaml:2", "phone"],
        ["clinic.yaml:3", "country"],
        ["clinic.yaml:4", "website"],
        ["clinic.yaml:5", "logo"],
        ["clinic.yaml:6", "colour"],
    ], lines
    assert "required field is missing" in lines[0] and "U+200B" in lines[1]
    assert f"({code})" in lines[3] and lines[5].endswith("file not found: nowhere.png")


def test_every_problem_is_printed_by_build(tmp_path: Path) -> None:
    path = _profile(tmp_path, phone='"call us"', country="Atlantis", logo="nowhere.png")
    code, out, err = run_cli("build", PROJECT.leaflet_ids()[0], "--clinic", str(path), "--out", str(tmp_path / "out"))
    assert (code, out) == (1, "")
    where = path.as_posix()
    assert [line.split(": ")[:2] for line in err.splitlines()] == [
        [f"{where}:2", "phone"],
        [f"{where}:4", "country"],
        [f"{where}:5", "logo"],
    ]


def test_a_phone_extension_and_a_country_name_are_printed(tmp_path: Path) -> None:
    code = next(code for code in TABLE if paper_for(code) == "letter")
    phone = "+1 416 555 0199 ext. 123"
    path = _profile(tmp_path, phone=f'"{phone}"', country=country_name(code).lower())
    leaflet = PROJECT.leaflet_ids()[0]
    status, _, err = run_cli("build", leaflet, "--clinic", str(path), "--out", str(tmp_path / "out"))
    assert status == 0, err
    pdf = tmp_path / "out" / f"{leaflet}.en.pdf"
    text = pdf_text(pdf)
    assert phone in text and f"Emergency number: {emergency_table()[code].number}" in text
    assert page_size(pdf) == (612, 792)


@pytest.mark.parametrize("phone", ["((((", "(()", "0------", "123", "12 ext 4567"])
def test_a_phone_number_with_too_few_digits_is_refused(phone: str, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        load_clinic(_profile(tmp_path, phone=f'"{phone}"'), tmp_path)
    lines = caught.value.lines()
    assert any(line.startswith("clinic.yaml:2: phone: ") for line in lines), lines


@pytest.mark.parametrize(
    ("name", "code"),
    [(name, code) for name, code in COMMON_NAMES.items() if code in emergency_table()]
    + [
        (variant, code)
        for code in sorted(emergency_table())
        for variant in (country_name(code).replace("&", "and"), country_name(code).replace("St.", "Saint"))
        if variant != country_name(code)
    ],
)
def test_everyday_english_country_names(name: str, code: str, tmp_path: Path) -> None:
    """Turkey, Czech Republic, Bosnia and Herzegovina, Saint Lucia...: names CLDR writes otherwise."""
    assert load_clinic(_profile(tmp_path, country=f'"{name}"'), tmp_path).country == code
