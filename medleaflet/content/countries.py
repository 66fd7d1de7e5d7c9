"""Countries as a clinic writes them: an ISO 3166 code in any case, or the country's English name.

:func:`resolve_country` turns ``gb``, ``GB``, ``GBR``, ``UK``, ``United Kingdom``
or ``united kingdom`` into ``GB``, through CLDR's English territory names and
aliases (Babel); :func:`unknown_country` says what is wrong with anything else,
suggesting the closest names.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Collection
from functools import cache

from babel import Locale
from babel.core import get_global

#: Every ISO 3166 two-letter country code (CLDR's territories).
COUNTRIES = frozenset(
    code for code in Locale("en").territories if isinstance(code, str) and len(code) == 2 and code.isalpha()
)
#: The two-letter alias in everyday use that ISO 3166 does not assign (it reserves UK for GB).
EVERYDAY_ALIASES = {"UK": "GB"}
#: English names in everyday or official use that CLDR's short names are not (CLDR writes
#: "Türkiye", "Czechia", "Vietnam", "Côte d’Ivoire", "Eswatini", "Myanmar (Burma)").
COMMON_NAMES = {
    "Turkey": "TR",
    "Czech Republic": "CZ",
    "Viet Nam": "VN",
    "United States of America": "US",
    "Great Britain": "GB",
    "Britain": "GB",
    "Ivory Coast": "CI",
    "Swaziland": "SZ",
    "Burma": "MM",
    "Holland": "NL",
    "Macau": "MO",
    "East Timor": "TL",
    "Cape Verde": "CV",
    "Republic of Korea": "KR",
    "Russian Federation": "RU",
}


def fold(text: str) -> str:
    """``text`` as names are compared: accents removed, case folded, white space collapsed, no leading "the"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    words = bare.replace("’", "'").replace("&", " and ").split()
    words = ["saint" if word in ("st.", "st") else word for word in words]
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _variants(name: str) -> list[str]:
    """CLDR's name and its everyday short forms: without a bracket (``Myanmar (Burma)``) or a
    "SAR China" (``Hong Kong SAR China``)."""
    short = name.split(" (")[0].removesuffix(" SAR China")
    return list(dict.fromkeys([name, short]))


def country_name(code: str) -> str:
    """The English name of the country ``code`` as CLDR writes it (the code itself if it has none)."""
    return str(Locale("en").territories.get(code, code))


@cache
def _codes_by_name() -> dict[str, str]:
    """Folded English name, ISO 3166 alpha-3 alias or everyday alias -> two-letter code."""
    names = {fold(variant): code for code in sorted(COUNTRIES) for variant in _variants(country_name(code))}
    names |= {fold(name): code for name, code in COMMON_NAMES.items()}
    aliases = {
        alias.casefold(): targets[0]
        for alias, targets in get_global("territory_aliases").items()
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1 and targets[0] in COUNTRIES
    }
    return {**aliases, **{alias.casefold(): code for alias, code in EVERYDAY_ALIASES.items()}, **names}


def resolve_country(text: str) -> str | None:
    """The two-letter code ``text`` names (a code in any case, an alpha-3 code, or an English
    name, case- and accent-insensitive), or None."""
    stripped = text.strip()
    if stripped.upper() in COUNTRIES:
        return stripped.upper()
    return _codes_by_name().get(fold(stripped))


def suggestions(text: str, among: Collection[str] = COUNTRIES, count: int = 3) -> list[str]:
    """The codes of the countries of ``among`` whose names (or codes) are closest to ``text``, best first."""
    by_name = {key: code for key, code in _codes_by_name().items() if code in among}
    keys = [*by_name, *(code.casefold() for code in sorted(among))]
    close = difflib.get_close_matches(fold(text), keys, n=count * 2)
    codes = [by_name.get(key, key.upper()) for key in close]
    return list(dict.fromkeys(codes))[:count]


def unknown_country(text: str, among: Collection[str] = COUNTRIES) -> str:
    """What to say about ``text``, which names no country: with the closest names of ``among``, if any."""
    close = [f"{country_name(code)} ({code})" for code in suggestions(text, among)]
    kind = "an ISO 3166 country code" if len(text.strip()) == 2 else "an ISO 3166 country code or English country name"
    choice = " or ".join([", ".join(close[:-1]), close[-1]] if len(close) > 1 else close)
    return f"{text!r} is not {kind}{f'; did you mean {choice}?' if close else ''}"
