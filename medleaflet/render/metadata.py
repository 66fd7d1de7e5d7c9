"""PDF metadata: the document information dictionary and its reproducible date.

It takes the :class:`~medleaflet.layout.document.DocumentInfo` the layout
stage gives with a leaflet (title, subject, keywords, language, revision
date). :func:`document_options` turns it into the keyword arguments of
ReportLab's document template, and :func:`pdf_date_formatter` turns its date
into the formatter that makes CreationDate and ModDate the revision date at
midnight UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from medleaflet import __version__
from medleaflet.layout.document import DocumentInfo


def document_options(info: DocumentInfo) -> dict[str, object]:
    """The metadata arguments of ReportLab's ``BaseDocTemplate`` for ``info``.

    ``invariant`` fixes the document id (ReportLab derives it from the metadata
    and a fixed time instead of the clock), so two builds are byte-identical.
    """
    return {
        "title": info.title,
        "subject": info.subject,
        "author": info.author,
        "keywords": list(info.keywords),
        "creator": f"medleaflet {__version__}",
        "producer": f"medleaflet {__version__} (ReportLab)",
        "lang": info.lang,
        "invariant": True,
    }


def pdf_date_formatter(date: dt.date) -> Callable[..., str]:
    """A formatter for ReportLab's public ``Canvas.setDateFormatter``: the PDF date string
    of midnight UTC on ``date`` (``D:YYYYMMDD000000+00'00'``), whatever time ReportLab passes.

    ReportLab calls it with the (year, month, day, hour, minute, second) of its own
    timestamp, which in invariant mode is a fixed date in 2000, or ``SOURCE_DATE_EPOCH``.
    """
    stamp = f"D:{date.year:04d}{date.month:02d}{date.day:02d}000000+00'00'"

    def formatter(*_ymdhms: int) -> str:
        return stamp

    return formatter
