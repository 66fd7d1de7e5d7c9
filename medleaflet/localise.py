"""Stage 3, localise: everything language-specific the layout needs.

:func:`localiser_for` takes a locale code and returns a :class:`Localiser`,
which turns the model's :class:`~medleaflet.model.Text` and the layout's
:class:`~medleaflet.ui.UIText` into display strings, and formats dates,
lists and country names through Babel's CLDR data. Text direction and the
language's own name also come from Babel.

English is the source language, so its localiser returns the source text.
Catalogue-backed languages plug in here by overriding :meth:`Localiser.lookup`.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list

from .errors import UsageError
from .model import Text
from .ui import UIText

SOURCE_LOCALE = "en"


class Localiser:
    """Language-specific text and formatting for one locale.

    The base class serves the English source: :meth:`lookup` returns the
    message unchanged.
    """

    def __init__(self, locale: Locale) -> None:
        self.locale = locale

    @property
    def code(self) -> str:
        """The locale code, e.g. ``en`` or ``pt_BR``."""
        return str(self.locale)

    @property
    def bcp47(self) -> str:
        """The language tag for the PDF's ``/Lang`` entry, e.g. ``pt-BR``."""
        return self.code.replace("_", "-")

    @property
    def direction(self) -> str:
        """``'ltr'`` or ``'rtl'``, from CLDR."""
        return "rtl" if self.locale.text_direction == "rtl" else "ltr"

    @property
    def language_name(self) -> str:
        """The language's name in its own language, e.g. ``English``."""
        name = self.locale.get_display_name(self.locale) or self.code
        return name[:1].upper() + name[1:]

    def lookup(self, context: str, message: str) -> str:
        """The translation of ``message`` in ``context`` (source: unchanged)."""
        return message

    def text(self, text: Text, leaflet_id: str) -> str:
        """A leaflet string in this language."""
        return self.lookup(f"{leaflet_id}:{text.key}", text.value)

    def ui(self, item: UIText, **params: str) -> str:
        """A layout string in this language, with ``{name}`` placeholders filled."""
        translated = self.lookup(item.context, item.message)
        return translated.format(**params) if params else translated

    def date(self, value: dt.date) -> str:
        """A date in the locale's long form, e.g. ``25 November 2026``."""
        return format_date(value, format="long", locale=self.locale)

    def list(self, items: list[str]) -> str:
        """Items joined the locale's way, e.g. ``a, b and c``."""
        return format_list(items, style="standard", locale=self.locale)

    def country(self, code: str) -> str:
        """A country's name in this language, from its ISO 3166 code."""
        return self.locale.territories.get(code, code)


def parse_locale(code: str) -> Locale:
    """Parse a locale code such as ``en`` or ``pt_BR``; raises :class:`UsageError`."""
    try:
        return Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        raise UsageError(f"{code!r} is not a valid locale code") from None


def localiser_for(code: str) -> Localiser:
    """The localiser for ``code``. Only the English source exists so far."""
    locale = parse_locale(code)
    if str(locale) != SOURCE_LOCALE:
        raise UsageError(f"no translation for locale {code!r}; available: {SOURCE_LOCALE}")
    return Localiser(locale)
