"""Locale codes and language facts: parsing what users type, and the source language.

:func:`parse_locale` turns a code such as ``pt-BR`` into a Babel
:class:`~babel.Locale`; :func:`language_of` gives the :class:`Language`
facts the layout needs (tag, direction, script, names), all from CLDR.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from medleaflet.errors import UsageError

#: The language leaflets are written in.
SOURCE_LOCALE = "en"


def parse_locale(code: str) -> Locale:
    """Parse a locale code such as ``en``, ``pt_BR`` or ``pt-BR``; raises :class:`UsageError`."""
    try:
        return Locale.parse(code.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        raise UsageError(f"{code!r} is not a valid locale code") from None


@dataclass(frozen=True)
class Language:
    """What CLDR says about one locale, as the layout and the CLI print it."""

    #: The Babel locale, for dates, numbers, lists and country names.
    locale: Locale
    #: The locale code, e.g. ``en`` or ``pt_BR``.
    code: str
    #: The language tag for the PDF's ``/Lang`` entry, e.g. ``pt-BR``.
    bcp47: str
    #: ``'ltr'`` or ``'rtl'``.
    direction: str
    #: The language's usual script (ISO 15924, e.g. ``Deva``), from CLDR's likely subtags.
    script: str
    #: The language's name in its own language, as CLDR writes it (e.g. ``français``).
    own_name: str
    #: The language's name in English (e.g. ``French``).
    english_name: str


def language_of(code: str) -> Language:
    """The :class:`Language` facts of the locale ``code``; raises :class:`UsageError` for a bad code."""
    locale = parse_locale(code)
    name = str(locale)
    return Language(
        locale=locale,
        code=name,
        bcp47=name.replace("_", "-"),
        direction="rtl" if locale.text_direction == "rtl" else "ltr",
        script=_script_of(locale),
        own_name=locale.get_display_name(locale) or name,
        english_name=locale.get_display_name("en") or name,
    )


def _script_of(locale: Locale) -> str:
    """The locale's own script subtag, else the one CLDR's likely subtags give its language, else ``Latn``."""
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags").get(locale.language, "")
    parts = likely.split("_")
    return parts[1] if len(parts) > 2 else "Latn"
