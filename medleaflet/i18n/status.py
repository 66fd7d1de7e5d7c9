"""Translation progress per language and leaflet, for ``generate.py status``.

:func:`translation_status` returns one :class:`StatusRow` per language and
message group (each leaflet, plus ``ui`` for the layout's own words),
counting messages that are translated (printable), fuzzy (stale: the English
changed or a translator marked them) and missing, and how many of them a
medical reviewer has signed off as they read now (:mod:`medleaflet.i18n.review`).
A group is reviewed only when every one of its messages is signed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from medleaflet.i18n.catalogues import Catalogue
from medleaflet.i18n.qa.checks import singular, usable
from medleaflet.i18n.review import SignOffRecord, review_of
from medleaflet.i18n.sources import SourceMessage


@dataclass(frozen=True)
class StatusRow:
    locale: str
    group: str
    translated: int
    fuzzy: int
    missing: int
    signed: int
    reviewed: bool
    reviewer: str | None
    review_date: str | None

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.missing

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "total": self.total}


def translation_status(
    catalogue: Catalogue, groups: Mapping[str, Sequence[SourceMessage]], record: SignOffRecord
) -> list[StatusRow]:
    """Counts for each message group of one catalogue, with its sign-off ``record``."""
    rows = []
    for group, sources in groups.items():
        translated = fuzzy = missing = 0
        for source in sources:
            message = catalogue.find(source.context, source.msgid)
            if usable(message, source):
                translated += 1
            elif message is not None and (message.fuzzy or singular(message) != source.msgid):
                fuzzy += 1
            else:
                missing += 1
        review = review_of(catalogue, record, sources)
        rows.append(
            StatusRow(
                catalogue.locale,
                group,
                translated,
                fuzzy,
                missing,
                review.signed,
                review.complete,
                review.by if review.complete else None,
                review.date.isoformat() if review.complete and review.date else None,
            )
        )
    return rows


def format_table(rows: list[StatusRow]) -> str:
    """Rows as an aligned plain-text table."""
    header = ("language", "leaflet", "translated", "fuzzy", "missing", "done", "signed", "medical review")
    lines = [header]
    for row in rows:
        done = f"{100 * row.translated // row.total if row.total else 100}%"
        review = f"reviewed by {row.reviewer} on {row.review_date}" if row.reviewed else "not reviewed"
        signed = f"{row.signed}/{row.total}"
        lines.append(
            (row.locale, row.group, str(row.translated), str(row.fuzzy), str(row.missing), done, signed, review)
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() for line in lines
    )
