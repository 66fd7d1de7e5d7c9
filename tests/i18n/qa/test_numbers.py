"""medleaflet.i18n.qa.numbers: doses compared across scripts and separators."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from babel import Locale
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol
from hypothesis import given, settings
from hypothesis import strategies as st

from medleaflet.i18n.qa.doses import compare
from medleaflet.i18n.qa.numbers import NUMBERING_SYSTEM_ZEROS, digit_systems, quantities, read_numbers
from tests.conftest import ROOT


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


SOURCE = "25 mg in 5 mL, 1.5 mg"


@pytest.mark.parametrize(
    ("locale", "source", "translation", "problem"),
    [
        (
            "es",
            "25 mg",
            "2.5 mg",
            "'2.5' is not a valid number in es: '.' groups digits in threes (1.000); the decimal mark is ','",
        ),
        (
            "hi",
            "25 mg",
            "2,5 mg",
            "'2,5' is not a valid number in hi: ',' groups digits as in 1,00,000; the decimal mark is '.'",
        ),
        (
            "zh",
            "25 mg",
            "2,5 毫克",
            "'2,5' is not a valid number in zh: ',' groups digits in threes (1,000); the decimal mark is '.'",
        ),
        (
            "en",
            "25 mg",
            "2٬5 mg",
            "'2٬5' is not a valid number in en: ',' groups digits in threes (1,000); the decimal mark is '.'",
        ),
        (
            "fr",
            "25 mg",
            "2٬5 mg",
            "'2٬5' is not a valid number in fr: a space groups digits in threes (1 000); the decimal mark is ','",
        ),
        (
            "ar",
            "25 mg",
            "٢٬٥ mg",
            "'٢٬٥' is not a valid number in ar: '٬' groups digits in threes (١٬٠٠٠); the decimal mark is '٫'",
        ),
        (
            "hi",
            "25 mg",
            "२٬५ mg",
            "'२٬५' is not a valid number in hi: ',' groups digits as in १,००,०००; the decimal mark is '.'",
        ),
        ("es", "0.5 mg", "Tome ,5 mg.", "',5' starts with ',': write a digit before the decimal mark (0,5), not ,5"),
        ("fr", "0.5 mg", "(.5 mg)", "'.5' starts with '.': write a digit before the decimal mark (0,5), not .5"),
        ("en", "0.5 mg", "take .5 mg", "'.5' starts with '.': write a digit before the decimal mark (0.5), not .5"),
        ("hi", "25 mg", "२5 mg", "'२5' mixes digits of different scripts; write all digits of a number in one script"),
        ("hi", "100,000 mg", "100,000 mg", "'100,000' is not a valid number in hi: ',' groups digits as in 1,00,000"),
        ("hi", "1,000,000 mg", "1,000,000 mg", "'1,000,000' is not a valid number in hi"),
        ("es", "500 mg", "0.500 mg", "'0.500' is not a valid number in es"),
        ("es", "1,000 mg", "1.00 mg", "'1.00' is not a valid number in es"),
        ("ru", "1.5 mg", "1,5,5 мг", "'1,5,5' is not a valid number in ru"),
        (
            "vi",
            "1,234.5 mg",
            "1,234.5 mg",
            "'1,234.5' is not a valid number in vi: '.' groups digits in threes (1.000)",
        ),
        ("fr", "1,000.5 mg", "1 000.5 mg", "'1 000.5' is not a valid number in fr"),
        ("ru", "1,000 mg", "1.000 мг", "'1.000' is not a valid number in ru: a space groups digits in threes (1 000)"),
        ("zh", "1,000 mg", "1\u00a0000 mg", r"'1\xa0000' is not a valid number in zh"),
        (
            "fa",
            "1.5 mg",
            "۱.۵ mg",
            "'۱.۵' is not a valid number in fa: '٬' groups digits in threes (۱٬۰۰۰); the decimal mark is '٫'",
        ),
    ],
)
def test_invalid_numbers_are_problems_not_guesses(locale: str, source: str, translation: str, problem: str) -> None:
    problems = compare(source, translation, locale)
    assert any(found.startswith(problem) for found in problems), problems
    # The token is not read at all: no digit run of it is taken as a number of its own.
    assert not read_numbers(translation, locale).quantities


@pytest.mark.parametrize(
    ("locale", "source", "translation"),
    [
        ("es", "2.5 mg", "2,5 mg"),
        ("es", "1,000 mg", "1.000 mg"),
        ("es", "1,000 mg", "1000 mg"),
        ("fr", "1,000 mg", "1\u202f000 mg"),
        ("fr", "1,000 mg", "1 000 mg"),
        ("fr", "1,000.5 mg", "1\u00a0000,5 mg"),
        ("fr", "5 or 10 mg", "5 ou 10 mg"),
        ("ru", "1.5 mg", "1,5 мг"),
        ("ru", "1,000 mg", "1\u00a0000 мг"),
        ("hi", "100,000 mg", "1,00,000 mg"),
        ("hi", "1,234,567.5 mg", "12,34,567.5 mg"),
        ("hi", "1.5 mg", "1.5 mg"),
        ("hi", "1.5 mg", "१.५ mg"),
        ("ar", "1.5 mg", "١٫٥ mg"),
        ("ar", "1.5 mg", "1.5 mg"),
        ("ar", "1,000 mg", "١٬٠٠٠ mg"),
        ("fa", "25 mg", "۲۵ mg"),
        ("fa", "1.5 mg", "۱٫۵ mg"),
        ("zh", "1.5 mg", "1.5 毫克"),
        ("vi", "1.5 mg", "1,5 mg"),
        ("vi", "Take 5 mg.", "Uống 5 mg."),
        ("vi", "5, 10 or 20 mg", "5, 10 hoặc 20 mg"),
        ("es", "Take 1.5 mg.", "Tome 1,5 mg."),
        ("en", "5, 10 or 20 mg", "5, 10 or 20 mg"),
    ],
)
def test_valid_forms_pass(locale: str, source: str, translation: str) -> None:
    assert compare(source, translation, locale) == []


def test_a_doubled_mark_is_not_a_decimal_mark() -> None:
    assert compare("1.5 mg", "1..5 мг", "ru") == [
        "'.5' starts with '.': write a digit before the decimal mark (0,5), not .5",
        "number '1.5 mg' of the source is missing or changed",
        "number '1' is not in the source",
    ]


def test_space_separated_numbers_group_only_in_valid_groups() -> None:
    assert [q.value for q in quantities("5 10 mg", "fr")] == [Decimal(5), Decimal(10)]
    assert [q.value for q in quantities("1 000 mg", "fr")] == [Decimal(1000)]
    assert [q.value for q in quantities("1 000 mg", "en")] == [Decimal(1), Decimal(0)]


BACLOFEN = (
    "Liquid baclofen comes in different strengths. Fleqsuvy (25 mg in 5 mL) is 5 times stronger than "
    "Ozobax (5 mg in 5 mL)."
)
NAMES = ("Fleqsuvy", "Ozobax", "Lioresal", "Lioresal Intrathecal")


@pytest.mark.parametrize(
    ("locale", "translation", "problems"),
    [
        (
            "en",
            BACLOFEN.replace("Fleqsuvy", "@").replace("Ozobax", "Fleqsuvy").replace("@", "Ozobax"),
            [
                "'25 mg' belongs to 'Fleqsuvy' in the source, but to 'Ozobax' here",
                "'5 mg' belongs to 'Ozobax' in the source, but to 'Fleqsuvy' here",
            ],
        ),
        (
            "ja",
            "Ozobax（5 mL中25 mg）はFleqsuvy（5 mL中5 mg）の5倍の強さです。",
            [
                "'25 mg' belongs to 'Fleqsuvy' in the source, but to 'Ozobax' here",
                "'5 mg' belongs to 'Ozobax' in the source, but to 'Fleqsuvy' here",
            ],
        ),
        (
            "fr",
            "Fleqsuvy est 5 fois plus concentré qu'Ozobax (5 mg pour 5 mL) : 25 mg pour 5 mL.",
            [
                "'25 mg', '5 mL' are not next to 'Fleqsuvy' as in the source; "
                "write each strength right after the name it belongs to"
            ],
        ),
    ],
)
def test_strengths_stay_with_their_brand(locale: str, translation: str, problems: list[str]) -> None:
    assert compare(BACLOFEN, translation, locale, names=NAMES) == problems


@pytest.mark.parametrize(
    ("locale", "translation"),
    [
        ("ja", "Fleqsuvy（5 mL中25 mg）はOzobax（5 mL中5 mg）の5倍の強さです。"),
        (
            "zh",
            "液体巴氯芬有不同浓度。Ozobax（5 mL 含 5 毫克）的浓度是 Fleqsuvy [5 mL 含 25 毫克] 的五分之一，"
            "Fleqsuvy 强 5 倍。",
        ),
        ("fr", "Fleqsuvy (25 mg pour 5 mL) est 5 fois plus concentré qu'Ozobax (5 mg pour 5 mL)."),
    ],
)
def test_brand_order_may_change(locale: str, translation: str) -> None:
    assert compare(BACLOFEN, translation, locale, names=NAMES) == []


def test_names_are_whole_words_longer_first() -> None:
    source = "Lioresal 10 mg tablets; Lioresal Intrathecal (0.05 mg in 1 mL)."
    assert compare(source, "Lioresal 10 мг; Lioresal Intrathecal (0,05 мг в 1 мл).", "ru", names=NAMES) == []
    swapped = "Lioresal Intrathecal 10 мг; Lioresal (0,05 мг в 1 мл)."
    assert compare(source, swapped, "ru", names=NAMES) == [
        "'10 mg' belongs to 'Lioresal' in the source, but to 'Lioresal Intrathecal' here",
        "'0.05 mg', '1 mL' belong to 'Lioresal Intrathecal' in the source, but to 'Lioresal' here",
    ]
    # 'Ozobaxine' is not 'Ozobax'.
    assert compare("Ozobax (5 mg)", "Ozobaxine (5 mg), Ozobax", "en", names=NAMES) == [
        "'5 mg' is not next to 'Ozobax' as in the source; write each strength right after the name it belongs to"
    ]


def test_without_names_only_the_numbers_are_compared() -> None:
    swapped = BACLOFEN.replace("Fleqsuvy", "@").replace("Ozobax", "Fleqsuvy").replace("@", "Ozobax")
    assert compare(BACLOFEN, swapped, "en") == []


def test_unreadable_source_numbers_are_reported() -> None:
    assert compare("take .5 mg", "prenez 0,5 mg", "fr") == [
        "source: '.5' starts with '.': write a digit before the decimal mark (0.5), not .5",
        "number '0.5 mg' is not in the source",
    ]


# Property tests: every locale with a catalogue, in its own digits too, and a few locales with native digits.
CATALOGUE_LOCALES = sorted(path.parent.parent.name for path in ROOT.glob("translations/*/LC_MESSAGES/leaflets.po"))
DIGIT_ZERO = {
    "latn": "DIGIT ZERO",
    "arab": "ARABIC-INDIC DIGIT ZERO",
    "arabext": "EXTENDED ARABIC-INDIC DIGIT ZERO",
    "beng": "BENGALI DIGIT ZERO",
    "deva": "DEVANAGARI DIGIT ZERO",
    "mymr": "MYANMAR DIGIT ZERO",
}
FORMS = sorted(
    {(locale, "latn") for locale in CATALOGUE_LOCALES}
    | {(locale, Locale.parse(locale).default_numbering_system) for locale in CATALOGUE_LOCALES}
    | {("fa", "arabext"), ("bn", "beng"), ("my", "mymr"), ("ar", "arab"), ("hi", "deva")}
)
FRAMES = ("{} mg", "Take {} mg.", "({} mg)", "{} mg, then 5 mg")
VALUES = st.integers(0, 3).flatmap(lambda k: st.integers(0, 10 ** (7 + k) - 1).map(lambda n: Decimal(n).scaleb(-k)))
PROPERTY = settings(max_examples=200, deadline=None)


def test_catalogue_locales_are_found() -> None:
    assert len(CATALOGUE_LOCALES) >= 2 and "fr" in CATALOGUE_LOCALES


def formatted(value: Decimal, locale: str, system: str) -> str:
    """``value`` as Babel formats it for ``locale``, written in the digits of ``system``."""
    zero = ord(unicodedata.lookup(DIGIT_ZERO[system]))
    text = format_decimal(value, locale=locale, numbering_system=system)
    return "".join(chr(zero + int(char)) if char in "0123456789" else char for char in text)


@PROPERTY
@given(form=st.sampled_from(FORMS), value=VALUES, frame=st.sampled_from(FRAMES))
def test_correct_formatting_passes(form: tuple[str, str], value: Decimal, frame: str) -> None:
    locale, system = form
    source = frame.format(format_decimal(value, locale="en"))
    assert compare(source, frame.format(formatted(value, locale, system)), locale) == []


@PROPERTY
@given(form=st.sampled_from(FORMS), value=VALUES, other=VALUES, frame=st.sampled_from(FRAMES))
def test_a_different_value_is_reported(form: tuple[str, str], value: Decimal, other: Decimal, frame: str) -> None:
    locale, system = form
    source = frame.format(format_decimal(value, locale="en"))
    translation = frame.format(formatted(other, locale, system))
    assert (compare(source, translation, locale) == []) == (value == other)


LATIN_FORMS = [form for form in FORMS if form[1] == "latn"]


def _normal(text: str, locale: str) -> str:
    """``text`` with the marks every locale accepts (U+066B, U+066C, any space for a space) made the locale's."""
    decimal, group = get_decimal_symbol(locale), get_group_symbol(locale)
    spaces = " \u00a0\u202f"
    text = text.replace("\u066b", decimal).replace("\u066c", group)
    return "".join(" " if char in spaces and group in spaces else char for char in text)


@PROPERTY
@given(target=st.sampled_from(LATIN_FORMS), writer=st.sampled_from(FORMS), value=VALUES, frame=st.sampled_from(FRAMES))
def test_another_locales_convention_is_reported(
    target: tuple[str, str], writer: tuple[str, str], value: Decimal, frame: str
) -> None:
    """A number written the way another locale writes it (``2.5`` in Spanish, ``1,000,000`` in Hindi,
    ``1.000`` in French) passes only if it is also this locale's own way of writing the same value."""
    locale = target[0]
    foreign = formatted(value, *writer)
    own = {_normal(format_decimal(value, locale=locale, group_separator=grouped), locale) for grouped in (True, False)}
    source = frame.format(format_decimal(value, locale="en"))
    problems = compare(source, frame.format(foreign), locale)
    if writer[1] != "latn":
        return  # native digits in a Latin-digit locale: read with their own system's marks; no claim here
    assert (problems == []) == (_normal(foreign, locale) in own), (foreign, locale, problems)


def _value_of(text: str, decimal: str) -> Decimal:
    """The value of a corrupted number, read by knowing its marks: digits, ``decimal``, and group marks."""
    plain = "".join(
        str(unicodedata.decimal(char))
        if unicodedata.decimal(char, None) is not None
        else "."
        if char == decimal
        else ""
        for char in text
    )
    return Decimal(plain)


@PROPERTY
@given(form=st.sampled_from(FORMS), value=VALUES, frame=st.sampled_from(FRAMES), data=st.data())
def test_corruptions_are_reported(form: tuple[str, str], value: Decimal, frame: str, data: st.DataObject) -> None:
    """Drop a separator, swap the marks, delete or insert a digit, move the decimal mark: reported
    whenever the value changes or the number becomes invalid; dropping the only group mark passes."""
    locale, system = form
    text = formatted(value, locale, system)
    decimal = get_decimal_symbol(locale, numbering_system=system)
    marks = [index for index, char in enumerate(text) if unicodedata.decimal(char, None) is None]
    digits = [index for index in range(len(text)) if index not in marks]
    kinds = ["delete", "insert"] + (["drop", "swap"] if marks else []) + (["move"] if decimal in text else [])
    kind = data.draw(st.sampled_from(kinds))
    must_report: bool | None = True
    if kind == "drop":
        index = data.draw(st.sampled_from(marks))
        corrupted = text[:index] + text[index + 1 :]
        if text[index] != decimal and len([i for i in marks if text[i] != decimal]) == 1:
            must_report = False  # 1,234 -> 1234: the same value, validly ungrouped.
    elif kind == "swap":
        group = next((text[i] for i in marks if text[i] != decimal), None)
        if group is None:  # only a decimal mark: write it as the locale's group mark
            group = formatted(Decimal(1000), locale, system)[1]
        corrupted = "".join(group if char == decimal else decimal if char == group else char for char in text)
    elif kind == "delete":
        index = data.draw(st.sampled_from(digits))
        corrupted = text[:index] + text[index + 1 :]
    elif kind == "insert":
        index = data.draw(st.integers(0, len(text)))
        digit = formatted(Decimal(data.draw(st.integers(0, 9))), locale, system)
        corrupted = text[:index] + digit + text[index:]
        must_report = True if _value_of(corrupted, decimal) != value else None  # '05', '1.50': same value
    else:
        rest = text.replace(decimal, "")
        index = data.draw(st.integers(0, len(rest)).filter(lambda i: rest[:i] + decimal + rest[i:] != text))
        corrupted = rest[:index] + decimal + rest[index:]
    source = frame.format(format_decimal(value, locale="en"))
    problems = compare(source, frame.format(corrupted), locale)
    if must_report is True:
        assert problems, f"{kind}: {text!r} -> {corrupted!r} in {locale} passed"
    elif must_report is False:
        assert problems == [], f"{kind}: {text!r} -> {corrupted!r} in {locale}"


DIGIT_LOCALES = sorted(set(CATALOGUE_LOCALES) | {"fa", "ur", "bn", "ne", "th"})


@pytest.mark.parametrize("locale", DIGIT_LOCALES)
@pytest.mark.parametrize("system", sorted(NUMBERING_SYSTEM_ZEROS))
def test_only_latin_and_the_languages_own_digits_are_read(locale: str, system: str) -> None:
    """``२५ mg`` reads as 25 mg in Hindi; in Russian it is refused, naming the script."""
    zero = NUMBERING_SYSTEM_ZEROS[system]
    digits = chr(zero + 2) + chr(zero + 5)
    problems = compare("Take 25 mg.", f"{digits} mg", locale, [])
    if system in digit_systems(locale):
        assert problems == [], problems
    else:
        assert problems and f"{digits!r} is written in " in problems[0] and "digits" in problems[0], problems
