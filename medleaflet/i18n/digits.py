"""The digits of a locale: the numbers the tool itself prints, in the locale's own numbering system.

CLDR gives each locale a default numbering system (``fa`` and ``ps``:
``arabext``, ``bn``: ``beng``, ``my``: ``mymr``, ``mr``: ``deva``; most
others ``latn``). Babel reports it (``Locale.default_numbering_system``)
but its formatters write ASCII digits whatever the system, so
:func:`in_locale_digits` rewrites them. It is applied to what the layout
writes itself: section numbers, "page X of Y", the version, dates and counts.
Numbers a translator typed are printed as typed (and checked against the
English, :mod:`medleaflet.i18n.qa.numbers`); phone and emergency numbers stay
in ASCII digits, as on the telephone's keypad.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.numbers import get_decimal_symbol

#: Code point of the digit zero of each CLDR numbering system with ten
#: contiguous decimal digits that a leaflet might use.
NUMBERING_SYSTEM_ZEROS: dict[str, int] = {
    "latn": 0x30,
    "arab": 0x660,
    "arabext": 0x6F0,
    "nkoo": 0x7C0,
    "deva": 0x966,
    "beng": 0x9E6,
    "guru": 0xA66,
    "gujr": 0xAE6,
    "orya": 0xB66,
    "tamldec": 0xBE6,
    "telu": 0xC66,
    "knda": 0xCE6,
    "mlym": 0xD66,
    "thai": 0xE50,
    "laoo": 0xED0,
    "tibt": 0xF20,
    "mymr": 0x1040,
    "khmr": 0x17E0,
    "mong": 0x1810,
    "fullwide": 0xFF10,
}


@lru_cache(maxsize=128)
def numbering_system(locale: Locale | str) -> str:
    """The numbering system the tool prints its own numbers in for ``locale``: CLDR's default,
    or ``latn`` for a default without ten contiguous digits (such as ``hanidec``)."""
    system = (Locale.parse(locale) if isinstance(locale, str) else locale).default_numbering_system
    return system if system in NUMBERING_SYSTEM_ZEROS else "latn"


def in_locale_digits(text: str, locale: Locale | str) -> str:
    """``text`` with every ASCII digit written in ``locale``'s numbering system (others kept)."""
    zero = NUMBERING_SYSTEM_ZEROS[numbering_system(locale)]
    if zero == 0x30:
        return text
    return "".join(chr(zero + ord(char) - 0x30) if "0" <= char <= "9" else char for char in text)


def in_locale_number(text: str, locale: Locale | str) -> str:
    """A number written with ASCII digits and ``.`` (a version, ``1.0``) in ``locale``'s digits
    and, where they are not Latin, its decimal mark in them (Persian ``۱٫۰``)."""
    system = numbering_system(locale)
    if system == "latn":
        return text
    mark = get_decimal_symbol(locale, numbering_system=system).strip("\u200e\u200f\u061c")
    return in_locale_digits(text.replace(".", mark), locale)
