"""The findings of ``check`` in the order a translator acts on them, counted, and as JSON records.

* :func:`ordered` takes the findings of one or more catalogues and returns
  the blocking ones (sorted by file and line), then the warnings, then, only
  when asked, the messages that are simply not translated yet: those of the
  kinds in :data:`COUNTED` (an empty msgstr, or an entry missing from the
  catalogue), which a partial catalogue has by the hundred. Fuzzy and stale
  messages, blank ones and incomplete plural forms are always listed, one by
  one: each needs the translator to look at an existing translation.
* :func:`tally` counts one catalogue's untranslated, missing, fuzzy and stale
  messages; :meth:`Tally.line` is the one line ``check`` prints for them.
* :func:`record` is one finding as a JSON object (``check --format json``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from medleaflet.i18n.qa.checks import Finding

#: The kinds of finding ``check`` counts but lists only with ``--untranslated``.
COUNTED = frozenset({"untranslated", "missing"})


def ordered(findings: Iterable[Finding], untranslated: bool = False) -> list[Finding]:
    """Blocking findings, then warnings, each sorted by file and line; then, if ``untranslated``,
    the findings of the :data:`COUNTED` kinds (left out otherwise)."""
    found = sorted(set(findings), key=lambda finding: (finding.location, finding.path, finding.message))
    counted = [finding for finding in found if finding.kind in COUNTED]
    listed = [finding for finding in found if finding.kind not in COUNTED]
    return (
        [finding for finding in listed if finding.blocking]
        + [finding for finding in listed if not finding.blocking]
        + (counted if untranslated else [])
    )


@dataclass(frozen=True)
class Tally:
    """How many messages of one catalogue (``display``) are not translated, missing, fuzzy or stale."""

    display: str
    untranslated: int
    missing: int
    fuzzy: int
    stale: int

    def line(self, listed: bool) -> str | None:
        """``FILE: 175 messages not translated, 3 fuzzy (list them with --untranslated)``; None if all
        are translated. ``listed``: whether the untranslated and missing ones were listed."""
        parts = [
            f"{count} {what}"
            for count, what in (
                (self.untranslated, "messages not translated" if self.untranslated != 1 else "message not translated"),
                (self.missing, "missing from the catalogue"),
                (self.fuzzy, "fuzzy"),
                (self.stale, "stale"),
            )
            if count
        ]
        if not parts:
            return None
        hint = " (list them with --untranslated)" if not listed and (self.untranslated or self.missing) else ""
        return f"{self.display}: {', '.join(parts)}{hint}"

    def as_dict(self) -> dict[str, int]:
        return {"untranslated": self.untranslated, "missing": self.missing, "fuzzy": self.fuzzy, "stale": self.stale}


def tally(display: str, findings: Iterable[Finding]) -> Tally:
    """The counts of one catalogue's ``findings`` (one finding per message and status)."""
    kinds = [finding.kind for finding in findings if finding.status]
    return Tally(
        display, kinds.count("untranslated"), kinds.count("missing"), kinds.count("fuzzy"), kinds.count("stale")
    )


def record(finding: Finding) -> dict[str, object]:
    """``finding`` as a JSON object: file, line, msgctxt, msgid, problem, blocking, kind."""
    return {
        "file": finding.location.file,
        "line": finding.location.line,
        "msgctxt": finding.path,
        "msgid": finding.msgid,
        "problem": finding.message,
        "blocking": finding.blocking,
        "kind": finding.kind,
    }
