"""Numbers, doses and units in text, compared across languages.

A translation must carry exactly the numbers of its source, each with an
equivalent unit: ``25 mg in 5 mL`` may become ``25 мг в 5 мл`` or
``٢٥ mg``, but never ``2,5 mg`` or ``25 mL``. Digits of any script count
(Arabic-Indic, Devanagari...), and the target locale's decimal and group
separators are honoured, which translate-toolkit's ``numbers`` filter does
not do.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.numbers import get_decimal_symbol, get_group_symbol

#: Accepted spellings of each unit, by canonical symbol. Latin symbols are
#: accepted in every language.
UNIT_ALIASES: dict[str, tuple[str, ...]] = {
    "mg": ("mg", "мг", "ملغ", "مغ", "ملجم", "毫克", "मिग्रा", "मि.ग्रा.", "mgs"),
    "mL": ("mL", "ml", "мл", "مل", "毫升", "मिली", "मि.ली."),
    "g": ("g", "г", "غ", "克", "ग्रा"),
    "%": ("%", "٪", "％"),
}
_UNIT_LOOKUP = sorted(
    ((alias, unit) for unit, aliases in UNIT_ALIASES.items() for alias in aliases), key=lambda pair: -len(pair[0])
)
_NUMBER = re.compile(r"\d+(?:[.,\u066b\u066c\u00a0\u202f '’]\d+)*")


@dataclass(frozen=True, order=True)
class Quantity:
    """A number and its unit (canonical symbol, or None), as found in a text."""

    value: Decimal
    unit: str | None
    display: str


def _to_ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.digit(char)) if char.isdigit() else char for char in text)


def _parse_number(raw: str, decimal: str, group: str) -> Decimal | None:
    """Interpret ``raw`` with the locale's separators; None if it does not fit them."""
    text = _to_ascii_digits(raw)
    # Arabic's own separators (U+066B decimal, U+066C group) are accepted in
    # every locale: they cannot be mistaken for each other.
    groups = {group, "\u066c"} | ({"\u00a0", "\u202f", " "} if group in {"\u00a0", "\u202f", " "} else set())
    decimals = {decimal, "\u066b"}
    integer, _, fraction = text, "", ""
    for mark in decimals:
        if mark in text:
            integer, _, fraction = text.rpartition(mark)
            break
    for mark in groups:
        integer = integer.replace(mark, "")
    digits = integer + ("." + fraction if fraction else "")
    if not re.fullmatch(r"\d+(\.\d+)?", digits):
        return None
    return Decimal(digits)


def _unit_after(text: str, end: int) -> tuple[str | None, int]:
    rest = text[end:]
    stripped = rest.lstrip(" \u00a0\u202f")
    offset = len(rest) - len(stripped)
    for alias, unit in _UNIT_LOOKUP:
        if stripped.startswith(alias):
            after = stripped[len(alias) : len(alias) + 1]
            # 'mg' inside a Latin word ('mgs', 'mgmt') is not a unit; before Chinese text it is.
            if not (alias.isascii() and after.isascii() and after.isalpha()):
                return unit, end + offset + len(alias)
    return None, end


def quantities(text: str, locale: Locale | str = "en") -> list[Quantity]:
    """Every number in ``text`` with the unit after it, in order."""
    locale = Locale.parse(locale) if isinstance(locale, str) else locale
    decimal, group = get_decimal_symbol(locale), get_group_symbol(locale)
    found: list[Quantity] = []
    for match in _NUMBER.finditer(text):
        raw = match.group(0).rstrip(".,'’ \u00a0\u202f")
        value = _parse_number(raw, decimal, group)
        if value is None:
            # Separators that do not fit the locale: read each digit run alone.
            for part in re.findall(r"\d+", raw):
                found.append(Quantity(Decimal(_to_ascii_digits(part)), None, part))
            continue
        unit, _ = _unit_after(text, match.start() + len(raw))
        display = f"{_to_ascii_digits(raw)} {unit}" if unit else _to_ascii_digits(raw)
        found.append(Quantity(value, unit, display))
    return found


def compare(source: str, translation: str, locale: Locale | str) -> list[str]:
    """Problems with the numbers of ``translation`` against ``source`` (empty if none)."""
    wanted = Counter((q.value, q.unit) for q in quantities(source, "en"))
    got = Counter((q.value, q.unit) for q in quantities(translation, locale))
    problems = []
    for (value, unit), count in sorted((wanted - got).items(), key=str):
        problems.append(f"number '{_show(value, unit)}' of the source is missing or changed" + _times(count))
    for (value, unit), count in sorted((got - wanted).items(), key=str):
        problems.append(f"number '{_show(value, unit)}' is not in the source" + _times(count))
    return problems


def _show(value: Decimal, unit: str | None) -> str:
    return f"{value} {unit}" if unit else str(value)


def _times(count: int) -> str:
    return f" ({count} times)" if count > 1 else ""
