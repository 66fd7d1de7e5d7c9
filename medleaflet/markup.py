"""Text from leaflets and catalogues is data, never markup.

ReportLab's Paragraph parses an XML-like mini language (``<b>``, ``<font>``,
``<img>``, ``<a>``...). Every string that reaches a Paragraph goes through
:func:`escape` first, so a translator's ``<img src=...>`` prints as those
characters. Only the layout code itself adds tags, around escaped text,
through the helpers below.
"""

from __future__ import annotations

from xml.sax.saxutils import escape as _xml_escape


def escape(text: str) -> str:
    """``text`` with ``&``, ``<`` and ``>`` made literal for Paragraph markup."""
    return _xml_escape(text)


def bold(text: str) -> str:
    """Escaped ``text`` in bold."""
    return f"<b>{escape(text)}</b>"
