"""Medical sign-off of translations, recorded against the exact text it covers.

Whether a printed translation "has been reviewed" is never translatable text
and never a header a translator can edit. It is decided here, from a record
that a qualified medical reviewer writes with ``generate.py signoff``, kept
beside the catalogue as ``translations/<locale>/LC_MESSAGES/leaflets.review.yaml``::

    signoffs:
      - by: Dr Ana Ruiz, medical translator
        date: 2026-12-02
        messages:
          example:identity.generic_name|5b1c0e9a2f: 9f2c...e1   # context|msgid hash: message hash

Each sign-off lists the messages it covers by context (with a short hash of
the msgid, so a record stays exact if a context is ever reused), with the SHA-256 of
the message as it was read: msgctxt, msgid, msgid_plural and every msgstr
(:func:`message_digest`). A message is *signed* when it is printable (see
:func:`~medleaflet.i18n.qa.checks.usable`) and its current digest is the one
recorded by the latest sign-off that lists it. Any later change, to the
English or to the translation, unsigns it, so the leaflet prints "not
reviewed" until someone signs again.

:func:`load_record` reads a record (an absent file is an empty record),
:func:`review_of` says which of a set of source messages are signed, and
:func:`sign` adds a sign-off for every printable message that passes QA.
The record is data: editors, ``pybabel`` and Weblate never touch it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from babel.messages.catalog import Message

from medleaflet.content.load import Document, display_name, load_yaml
from medleaflet.errors import InputError, Problem, ValidationError
from medleaflet.i18n.catalogues import Catalogue
from medleaflet.i18n.qa.checks import usable
from medleaflet.i18n.sources import SourceMessage
from medleaflet.write import write_atomic
from textengine.characters import disallowed

RECORD_SUFFIX = ".review.yaml"
_DIGEST = re.compile(r"^[0-9a-f]{64}$")
_HEADER = (
    "# Medical sign-off of this translation, written by 'generate.py signoff'.\n"
    "# Each entry covers the messages it lists, as they read when signed (SHA-256 of\n"
    "# msgctxt, msgid, msgid_plural and msgstr). Do not edit by hand: a changed message\n"
    "# is printed as not reviewed until a reviewer signs it again.\n"
)


def record_path(catalogue: Catalogue) -> Path:
    """``.../LC_MESSAGES/leaflets.review.yaml`` beside ``catalogue``'s ``.po`` file."""
    return catalogue.path.with_name(catalogue.path.stem + RECORD_SUFFIX)


def message_digest(context: str, message_id: str | tuple[str, ...] | list[str], strings: Iterable[str]) -> str:
    """The SHA-256 (hex) of a message's context, msgid(s) and translation(s)."""
    ids = list(message_id) if isinstance(message_id, tuple | list) else [message_id]
    payload = json.dumps([context, ids, list(strings)], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def digest_of(message: Message) -> str:
    """The digest of a catalogue message as it reads now."""
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return message_digest(message.context or "", message.id, [form or "" for form in strings])


@dataclass(frozen=True)
class SignOff:
    """One reviewer's sign-off: who, when, and the digest of each message covered."""

    by: str
    date: dt.date
    messages: dict[str, str]


@dataclass(frozen=True)
class SignOffRecord:
    """Every sign-off of one catalogue, oldest first."""

    path: Path
    display: str
    signoffs: tuple[SignOff, ...] = ()

    def signer(self, context: str, digest: str) -> SignOff | None:
        """The sign-off that vouches for ``context`` reading as ``digest`` now, if any.

        Only the latest sign-off listing a context counts: a later sign-off of a
        different text supersedes an earlier one.
        """
        for signoff in reversed(self.signoffs):
            recorded = signoff.messages.get(context)
            if recorded is not None:
                return signoff if recorded == digest else None
        return None


@dataclass(frozen=True)
class TranslationReview:
    """Which of a set of messages are signed off, and by whom."""

    total: int
    signed: int
    reviewers: tuple[str, ...] = ()
    date: dt.date | None = None
    unsigned: tuple[SourceMessage, ...] = ()
    #: (context, msgid) of every signed message.
    signed_keys: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    @property
    def complete(self) -> bool:
        """True when every message is signed: only then may a page say "reviewed"."""
        return self.total > 0 and self.signed == self.total

    @property
    def by(self) -> str:
        """The reviewers, joined for printing."""
        return "; ".join(self.reviewers)

    def is_signed(self, context: str, msgid: str) -> bool:
        return (context, msgid) in self.signed_keys


def load_record(catalogue: Catalogue, root: Path | None = None) -> SignOffRecord:
    """The sign-off record beside ``catalogue`` (empty if there is none).

    Raises :class:`~medleaflet.errors.ValidationError` with ``file:line`` for
    a record that is not in the form :func:`sign` writes.
    """
    path = record_path(catalogue)
    display = display_name(path, root) if root else str(Path(catalogue.display).with_name(path.name))
    if not path.exists():
        return SignOffRecord(path, display)
    document = load_yaml(path, root)
    document.display = display
    return SignOffRecord(path, display, tuple(_parse(document)))


def _parse(document: Document) -> list[SignOff]:
    data = document.data
    problems: list[Problem] = []
    if not isinstance(data, dict) or set(data) != {"signoffs"} or not isinstance(data["signoffs"], list):
        raise InputError("a sign-off record must be a mapping with one key, 'signoffs', a list", document.location(()))
    signoffs = []
    for index, item in enumerate(data["signoffs"]):
        where = ("signoffs", index)
        if not isinstance(item, dict) or set(item) != {"by", "date", "messages"}:
            problems.append(document.problem(where, "each sign-off needs exactly 'by', 'date' and 'messages'"))
            continue
        by, raw_date, messages = item["by"], item["date"], item["messages"]
        if not isinstance(by, str) or not by.strip():
            problems.append(document.problem((*where, "by"), "the reviewer's name is required"))
        try:
            date = dt.date.fromisoformat(str(raw_date))
        except ValueError:
            problems.append(document.problem((*where, "date"), "must be a date written YYYY-MM-DD"))
            continue
        if not isinstance(messages, dict) or not all(
            isinstance(key, str) and isinstance(value, str) and _DIGEST.match(value) for key, value in messages.items()
        ):
            problems.append(document.problem((*where, "messages"), "must map message contexts to SHA-256 digests"))
            continue
        signoffs.append(SignOff(str(by).strip(), date, dict(messages)))
    if problems:
        raise ValidationError(problems)
    return signoffs


def review_of(catalogue: Catalogue, record: SignOffRecord, sources: Iterable[SourceMessage]) -> TranslationReview:
    """Which of ``sources`` are printable and signed off as they read now."""
    sources = list(sources)
    signed: list[SourceMessage] = []
    unsigned: list[SourceMessage] = []
    by: dict[str, None] = {}
    dates: list[dt.date] = []
    for source in sources:
        message = catalogue.find(source.context, source.msgid)
        signoff = None
        if message is not None and usable(message, source):  # (the None test is for mypy)
            signoff = record.signer(_key(source), digest_of(message))
        if signoff is None:
            unsigned.append(source)
            continue
        signed.append(source)
        by[signoff.by] = None
        dates.append(signoff.date)
    return TranslationReview(
        total=len(sources),
        signed=len(signed),
        reviewers=tuple(by),
        date=max(dates) if dates else None,
        unsigned=tuple(unsigned),
        signed_keys=frozenset((source.context, source.msgid) for source in signed),
    )


def _key(source: SourceMessage) -> str:
    """The record's key for a message: its context and a short hash of its msgid
    (so a record stays exact if a context is ever reused)."""
    return f"{source.context}|{hashlib.sha256(source.msgid.encode('utf-8')).hexdigest()[:10]}"


def sign(
    catalogue: Catalogue,
    record: SignOffRecord,
    sources: Iterable[SourceMessage],
    by: str,
    date: dt.date,
) -> tuple[SignOffRecord, int]:
    """Add a sign-off by ``by`` on ``date`` of every printable message of ``sources``.

    The caller has checked the catalogue (no blocking QA finding). Writes the
    record atomically and returns it with the number of messages signed.
    Raises :class:`InputError` for a blank or unprintable reviewer name.
    """
    by = " ".join(by.split())
    if not by:
        raise InputError("--by: give the reviewer's name and qualification")
    if disallowed(by) or len(by) > 200:
        raise InputError("--by: the reviewer's name must be plain text of at most 200 characters")
    messages: dict[str, str] = {}
    for source in sources:
        message = catalogue.find(source.context, source.msgid)
        if message is not None and usable(message, source):
            messages[_key(source)] = digest_of(message)
    if not messages:
        return record, 0
    updated = SignOffRecord(record.path, record.display, (*record.signoffs, SignOff(by, date, messages)))
    _write(updated)
    return updated, len(messages)


def _write(record: SignOffRecord) -> None:
    data = {
        "signoffs": [
            {"by": signoff.by, "date": signoff.date.isoformat(), "messages": dict(sorted(signoff.messages.items()))}
            for signoff in record.signoffs
        ]
    }
    text = _HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    write_atomic(record.path, text.encode("utf-8"))
