"""medleaflet.qa.numbers: doses compared across scripts and separators."""

from __future__ import annotations

from decimal import Decimal

import pytest

from medleaflet.qa.numbers import compare, quantities


def test_quantities_with_units() -> None:
    found = [(q.value, q.unit) for q in quantities("Fleqsuvy (25 mg in 5 mL) is 5 times stronger, 1.5 mg.")]
    assert found == [(Decimal(25), "mg"), (Decimal(5), "mL"), (Decimal(5), None), (Decimal("1.5"), "mg")]


@pytest.mark.parametrize(
    ("locale", "translation"),
    [
        ("ru", "25 мг в 5 мл, 1,5 мг"),
        ("fr", "25 mg dans 5 mL, 1,5 mg"),
        ("ar", "٢٥ mg في ٥ mL، ١٫٥ mg"),
        ("ar", "25 ملغ في 5 مل، 1.5 ملغ"),
        ("hi", "२५ mg में ५ mL, 1.5 mg"),
        ("zh", "5 mL 中含 25 mg，1.5 mg"),
    ],
)
def test_equivalent_translations_pass(locale: str, translation: str) -> None:
    assert compare("25 mg in 5 mL, 1.5 mg", translation, locale) == []


@pytest.mark.parametrize(
    ("locale", "translation", "problem"),
    [
        ("ru", "2,5 мг в 5 мл, 1,5 мг", "number '25 mg' of the source is missing or changed"),
        ("fr", "25 mg dans 5 mL, 15 mg", "number '1.5 mg' of the source is missing or changed"),
        ("es", "25 mL en 5 mL, 1,5 mg", "number '25 mg' of the source is missing or changed"),
        ("ar", "٢٥ mg في ٥٠ mL، ١٫٥ mg", "number '50 mL' is not in the source"),
        ("zh", "25 mg，1.5 mg", "number '5 mL' of the source is missing or changed"),
    ],
)
def test_changed_doses_are_caught(locale: str, translation: str, problem: str) -> None:
    assert problem in compare("25 mg in 5 mL, 1.5 mg", translation, locale)


def test_counts_matter() -> None:
    assert compare("Take 2 doses, not 2 doses.", "Prenez 2 doses.", "fr") == [
        "number '2' of the source is missing or changed"
    ]
