"""Stage 3, localise: a checked leaflet -> a :class:`LocalisedLeaflet`, every string resolved.

:func:`localise` takes a project, a validated leaflet and a locale, and
returns a frozen :class:`LocalisedLeaflet`: the printed text of every leaflet
message and every layout message, each with the place it comes from (the
catalogue's ``file:line`` for a translation; the leaflet's, or the package's
for a layout message, for English), the contexts printed in English, the
translation's medical sign-off and the language's facts. The layout only
reads it; Babel's CLDR data formats dates, numbers, lists and country names
through its methods, which depend on the locale alone.

English is the source language: its strings are the source text. Other
languages read their catalogue directly (no compiled ``.mo`` to fall out of
step), and only translations that pass QA are printed. A fuzzy, missing or
stale translation makes the build refuse the language, or, with
``allow_fallback``, prints the English text marked :data:`FALLBACK_MARK`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from babel.dates import format_date
from babel.numbers import format_decimal

from medleaflet.content.model import Leaflet, Text
from medleaflet.errors import IncompleteTranslationError, SourceLocation
from medleaflet.i18n.digits import in_locale_digits, in_locale_number
from medleaflet.i18n.lists import join_list
from medleaflet.i18n.locales import SOURCE_LOCALE, Language, language_of
from medleaflet.i18n.resolved import MessageKey, ResolvedText, SourceTexts, leaflet_locations
from medleaflet.i18n.ui import UIText
from medleaflet.i18n.ui_extract import ui_locations
from medleaflet.memo import FileMemo
from medleaflet.project import Project

if TYPE_CHECKING:
    from medleaflet.i18n.language_check import LanguageCheck, Messages
    from medleaflet.i18n.review import TranslationReview

#: Put before every English passage printed in place of a missing translation.
FALLBACK_MARK = "[EN]"


@dataclass(frozen=True)
class LocalisedLeaflet:
    """One leaflet in one language: every string resolved, plus the language's facts."""

    leaflet: Leaflet
    language: Language
    #: The printed text of every message the leaflet's PDF uses, by (context, English text).
    resolved: Mapping[MessageKey, ResolvedText]
    #: Contexts printed in English because their translation is not usable.
    fallbacks: frozenset[str] = frozenset()
    #: The medical sign-off of the translated messages; None for the source language.
    translation_review: TranslationReview | None = None

    @property
    def language_name(self) -> str:
        """The language's name in its own language, capitalised, e.g. ``Français``."""
        name = self.language.own_name
        return name[:1].upper() + name[1:]

    def lookup(self, context: str, message: str) -> ResolvedText:
        """The resolved text of ``message`` in ``context``; raises :class:`KeyError` for a
        message that is not one the leaflet's PDF was localised with."""
        try:
            return self.resolved[(context, message)]
        except KeyError:
            raise KeyError(
                f"{context}: {message!r} is not among the messages localised for {self.leaflet.id}"
            ) from None

    def where(self, context: str, message: str) -> SourceLocation:
        """Where the printed text of ``message`` comes from."""
        return self.lookup(context, message).location

    def text(self, text: Text, leaflet_id: str) -> str:
        """A leaflet string in this language."""
        return self.lookup(f"{leaflet_id}:{text.key}", text.value).text

    def ui(self, item: UIText, **params: str) -> str:
        """A layout string in this language, with ``{name}`` placeholders filled."""
        translated = self.lookup(item.context, item.message).text
        return translated.format(**params) if params else translated

    def date(self, value: dt.date) -> str:
        """A date in the locale's long form and digits, e.g. ``25 November 2026``, ``۲۵ نوامبر ۲۰۲۶``."""
        return self.digits(format_date(value, format="long", locale=self.language.locale))

    def number(self, value: int) -> str:
        """A whole number in the locale's digits and grouping."""
        return self.digits(format_decimal(value, locale=self.language.locale))

    def version(self, text: str) -> str:
        """A version (``1.0``) in the locale's digits and decimal mark (``۱٫۰``)."""
        return in_locale_number(text, self.language.locale)

    def digits(self, text: str) -> str:
        """``text`` (a version, a number the layout writes) in the locale's own digits (CLDR's
        default numbering system: :mod:`medleaflet.i18n.digits`)."""
        return in_locale_digits(text, self.language.locale)

    def list(self, items: list[str]) -> str:
        """Items joined the locale's way, e.g. ``a, b and c``."""
        return join_list(items, self.language.locale, "standard")

    def parts(self, items: Sequence[str]) -> str:
        """Items joined the locale's way for parts of one thing, without "and": ``yellow, round``."""
        return join_list(items, self.language.locale, "unit")

    def country(self, code: str) -> str:
        """A country's name in this language, from its ISO 3166 code."""
        return self.language.locale.territories.get(code, code)


def source_locations(leaflet: Leaflet) -> dict[MessageKey, SourceLocation]:
    """Where each English message of ``leaflet``'s PDF is written: its leaflet line, or the
    package line that declares a layout message (the first, if declared twice)."""
    return {**ui_locations(), **leaflet_locations(leaflet)}


def localise(project: Project, leaflet: Leaflet, locale: str, allow_fallback: bool = False) -> LocalisedLeaflet:
    """``leaflet`` in ``locale``, every string resolved (see the module docstring).

    Raises :class:`~medleaflet.errors.IncompleteTranslationError` listing every
    blocking finding: always for QA failures (numbers, placeholders, markup,
    protected names), and for missing or fuzzy messages unless
    ``allow_fallback`` is set; :class:`~medleaflet.errors.InputError` for a
    catalogue that cannot be read.
    """
    code = project.locale(locale)
    language = language_of(code)
    if code == SOURCE_LOCALE:
        return LocalisedLeaflet(leaflet, language, SourceTexts(leaflet))
    english = source_locations(leaflet)
    check = checked_catalogue(project, leaflet, code)
    fallbacks = _fallbacks(check, allow_fallback)
    return LocalisedLeaflet(leaflet, language, _resolve(check, fallbacks, english), fallbacks, check.review)


#: Each catalogue's check against a leaflet, while the catalogue file is unchanged.
_CHECKS = FileMemo()


def checked_catalogue(project: Project, leaflet: Leaflet, locale: str) -> LanguageCheck:
    """The catalogue of ``locale`` checked against ``leaflet``'s messages, kept while the catalogue
    file is unchanged and for this very leaflet object (held by the entry, so its id is not reused).
    The sign-off record is read afresh for each call (a new :class:`LanguageCheck`)."""
    # The catalogue checker is loaded by the first translated build: an English one needs none.
    from medleaflet.i18n.catalogues import po_path
    from medleaflet.i18n.language_check import check_language, leaflet_messages

    _, check = _CHECKS.get(
        [po_path(project, locale)],
        (project.root, locale, id(leaflet)),
        lambda: (leaflet, check_language(project, locale, leaflet_messages(leaflet))),
    )
    return replace(check)


def _fallbacks(check: LanguageCheck, allow_fallback: bool) -> frozenset[str]:
    """The contexts to print in English; raises if any blocking finding may not be covered so."""
    findings = check.blocking
    refused = [finding for finding in findings if not (allow_fallback and finding.status)]
    if refused:
        missing = sum(1 for finding in refused if finding.status)
        hint = f"{check.catalogue.display}: refusing to print {check.catalogue.locale}: {len(refused)} problem(s)" + (
            f", {missing} of them missing or out-of-date translations (--allow-fallback prints those in "
            "English, marked)"
            if missing
            else ""
        )
        raise IncompleteTranslationError(refused, hint)
    return frozenset(finding.path for finding in findings if finding.status)


def _resolve(
    check: LanguageCheck, fallbacks: frozenset[str], english: Mapping[MessageKey, SourceLocation]
) -> dict[MessageKey, ResolvedText]:
    """The printed text of every message of ``check``: its checked translation, or the marked English."""
    resolved = {}
    messages: Messages = check.messages
    for source in messages.sources:
        key = (source.context, source.msgid)
        if source.context in fallbacks:
            resolved[key] = ResolvedText(f"{FALLBACK_MARK} {source.msgid}", english[key])
            continue
        entry = check.catalogue.find(source.context, source.msgid)
        assert entry is not None and isinstance(entry.string, str), f"{source.context} was not checked"
        resolved[key] = ResolvedText(entry.string, check.catalogue.msgstr_location(entry))
    return resolved
