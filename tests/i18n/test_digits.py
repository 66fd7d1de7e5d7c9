"""medleaflet.i18n.digits: the tool's own numbers in each locale's CLDR default numbering system."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from babel import Locale, localedata
from babel.dates import format_date
from pypdf import PdfReader

from medleaflet.content.validate import load_leaflet
from medleaflet.i18n.digits import NUMBERING_SYSTEM_ZEROS, in_locale_digits, in_locale_number, numbering_system
from tests.conftest import DATA, logical_text, run_cli
from tests.test_every_script import _project


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en", "12 of 30"), ("fa", "۱۲ of ۳۰"), ("bn", "১২ of ৩০"), ("my", "၁၂ of ၃၀"), ("ar", "12 of 30")],
)
def test_ascii_digits_take_the_locales_numbering_system(locale: str, expected: str) -> None:
    assert in_locale_digits("12 of 30", locale) == expected


def test_a_version_takes_the_locales_digits_and_decimal_mark() -> None:
    assert [in_locale_number("1.0", locale) for locale in ("en", "ar", "fa")] == ["1.0", "1.0", "۱٫۰"]


def test_every_cldr_locale_prints_ten_digits_of_one_system() -> None:
    for identifier in localedata.locale_identifiers():
        locale = Locale.parse(identifier)
        system = numbering_system(locale)
        digits = in_locale_digits("0123456789", locale)
        assert [ord(char) - ord(digits[0]) for char in digits] == list(range(10)), identifier
        assert ord(digits[0]) == NUMBERING_SYSTEM_ZEROS[system]
        assert system == locale.default_numbering_system or system == "latn", identifier


def test_a_persian_page_numbers_its_sections_and_pages_in_persian_digits(
    translated_project: Callable[[str], Path],
) -> None:
    root = _project(translated_project, "fa", "Arab")
    code, _, err = run_cli("--root", str(root), "build", "minimal", "--lang", "fa", "--out", str(root / "out"))
    assert code == 0, err
    pdf = root / "out" / "minimal.fa.pdf"
    lines = logical_text(pdf).splitlines()
    count = len(PdfReader(pdf).pages)
    pages = [line.split("Page ")[1] for line in lines if "Page " in line]
    assert pages == [in_locale_digits(f"{page} of {count}", "fa") for page in range(1, count + 1)]
    metadata = load_leaflet(DATA / "leaflets" / "minimal.yaml").metadata
    revised = in_locale_digits(format_date(metadata.revised, format="long", locale="fa"), "fa")
    # pdftotext may drop a space between two right-to-left runs: compare without spaces.
    version = f"version {in_locale_number(metadata.version, 'fa')}, revised {revised}".replace(" ", "")
    assert any(version in line.replace(" ", "") for line in lines)
    # The first section's number (pdftotext may put the full stop on either side of it).
    assert any("۱." in line or ".۱" in line for line in lines)
