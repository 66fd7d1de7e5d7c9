"""Locale codes: parsing what users type, and the source language."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

from medleaflet.errors import UsageError

#: The language leaflets are written in.
SOURCE_LOCALE = "en"


def parse_locale(code: str) -> Locale:
    """Parse a locale code such as ``en``, ``pt_BR`` or ``pt-BR``; raises :class:`UsageError`."""
    try:
        return Locale.parse(code.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        raise UsageError(f"{code!r} is not a valid locale code") from None
