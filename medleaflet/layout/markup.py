"""Text from leaflets and catalogues is data, never markup.

ReportLab's Paragraph parses an XML-like mini language (``<b>``, ``<font>``,
``<img>``, ``<a>``...). Every string that reaches a Paragraph goes through
:func:`escape` first, so a translator's ``<img src=...>`` prints as those
characters. Only the layout code itself adds tags, around escaped text,
through the helpers below.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from medleaflet.i18n.qa.numbers import unit_aliases


def escape(text: str) -> str:
    """``text`` with ``&``, ``<`` and ``>`` made literal for Paragraph markup."""
    return html.escape(text, quote=False)  # & < > only, as xml.sax.saxutils.escape (which loads urllib)


def bold(text: str) -> str:
    """Escaped ``text`` in bold."""
    return f"<b>{escape(text)}</b>"


def bind_units(text: str, locale: str) -> str:
    """Join each number to the unit after it (a spelling of ``locale`` or English) with a no-break
    space, so a line never ends between ``20`` and ``mg``."""
    return _unit_pattern(locale).sub("\u00a0", text)


@lru_cache(maxsize=64)
def _unit_pattern(locale: str) -> re.Pattern[str]:
    aliases = sorted((alias for group in unit_aliases(locale).values() for alias in group), key=len, reverse=True)
    return re.compile(rf"(?<=\d)[ \u202f](?=(?:{'|'.join(map(re.escape, aliases))})(?![A-Za-z]))")
