"""Is this catalogue written in the language of its folder?

A catalogue copied into the wrong folder (the Russian one into
``translations/es/``) would print a Russian leaflet titled "Español". Two
checks stop it:

* :func:`header_problem`: the ``Language`` header must name the folder's
  locale (a territory may be added or left out: ``pt`` and ``pt_BR`` agree,
  ``zh_Hans`` and ``zh_Hant`` do not).
* :func:`script_problems`: the letters must be mostly of the script CLDR
  gives the locale (``Cyrl`` for ``ru``, ``Hani`` for ``zh``...). Latin
  letters are expected in every language (brand names, units), so for a
  language in another script only a catalogue that is mostly Latin, or a
  message mostly in a third script, is refused.

Letters are counted by their Unicode script (fontTools' script data).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from fontTools.unicodedata import script, script_name

#: Below this share of letters in the locale's script, a catalogue is refused.
CATALOGUE_THRESHOLD = 0.5
#: A catalogue with fewer letters than this is too small to judge by its script.
CATALOGUE_MIN_LETTERS = 200
#: A message with at least this many letters, most of them in a script foreign
#: to the locale (and not Latin), is refused.
MESSAGE_MIN_LETTERS = 4

#: CLDR script codes that stand for several Unicode scripts.
_SCRIPT_SETS = {
    "Hans": frozenset({"Hani"}),
    "Hant": frozenset({"Hani", "Bopo"}),  # Taiwan writes Bopomofo (zhuyin) beside Han
    "Jpan": frozenset({"Hani", "Hira", "Kana"}),
    "Kore": frozenset({"Hang", "Hani"}),
}


def cldr_script(locale: Locale) -> str:
    """The ISO 15924 script code of ``locale`` (``Latn``, ``Hans``, ``Jpan``...), from CLDR's likely subtags."""
    if locale.script:
        return locale.script
    likely = str(get_global("likely_subtags").get(locale.language, ""))
    parts = likely.split("_")
    code = parts[1] if len(parts) > 2 else "Latn"
    return {"ja": "Jpan", "ko": "Kore"}.get(locale.language, code)


def expected_scripts(locale: Locale) -> frozenset[str]:
    """The Unicode scripts ``locale`` is written in."""
    code = cldr_script(locale)
    return _SCRIPT_SETS.get(code, frozenset({code}))


def letter_scripts(texts: Iterable[str]) -> Counter[str]:
    """How many letters of each Unicode script ``texts`` contain."""
    counts: Counter[str] = Counter()
    for text in texts:
        for char in text:
            if unicodedata.category(char).startswith("L"):
                counts[script(char)] += 1
    return counts


def _names(scripts: Iterable[str]) -> str:
    return " or ".join(sorted(script_name(code, code) for code in scripts))


def header_problem(header: str | None, folder: str) -> str | None:
    """Why the ``Language`` header ``header`` does not fit the catalogue folder ``folder``, or None."""
    if not header:
        return f"no Language header: add 'Language: {folder}' to the header"
    try:
        stated, expected = Locale.parse(header.replace("-", "_")), Locale.parse(folder)
    except (ValueError, UnknownLocaleError):
        return f"the Language header {header!r} is not a locale; this folder is for {folder!r}"
    same_script = cldr_script(stated) == cldr_script(expected)
    same_territory = not (stated.territory and expected.territory) or stated.territory == expected.territory
    if stated.language != expected.language or not same_script or not same_territory:
        return (
            f"the Language header says {header!r}, but this catalogue is in the folder for {folder!r}; "
            "is it the catalogue of another language?"
        )
    return None


def catalogue_script_problem(texts: Iterable[str], locale: Locale) -> str | None:
    """Why the translations ``texts`` of a whole catalogue are not in ``locale``'s script, or None."""
    counts = letter_scripts(texts)
    total = sum(counts.values())
    expected = expected_scripts(locale)
    share = sum(counts[code] for code in expected) / total if total else 1.0
    if total < CATALOGUE_MIN_LETTERS or share >= CATALOGUE_THRESHOLD:
        return None
    main = next(code for code, _ in counts.most_common() if code not in expected)
    return (
        f"most letters of this catalogue ({100 - round(100 * share)}%) are not in {_names(expected)} script, "
        f"the script of {locale}, but mostly {_names([main])}; is it the catalogue of another language?"
    )


def message_script_problem(text: str, locale: Locale) -> str | None:
    """Why one translation ``text`` is written in a script foreign to ``locale``, or None."""
    counts = letter_scripts([text])
    allowed = expected_scripts(locale) | {"Latn"}
    foreign = {code: count for code, count in counts.items() if code not in allowed}
    total = sum(counts.values())
    if total < MESSAGE_MIN_LETTERS or 2 * sum(foreign.values()) <= total:
        return None
    return f"written in {_names(foreign)} script, not {_names(expected_scripts(locale))} as {locale} is"
