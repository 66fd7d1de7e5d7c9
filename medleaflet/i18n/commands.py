"""The translator commands ``check``, ``status`` and ``signoff``, as functions that return values.

The CLI parses arguments, calls these, and prints what they return:

* :func:`start_check` gathers what ``check`` checks every catalogue against
  (the messages of every leaflet, the protected names, the fonts of the
  default template), the English strings those fonts cannot draw, and the
  reading grade of each leaflet's English (:mod:`medleaflet.content.readability`);
  :meth:`ProjectCheck.language` checks one catalogue;
* :func:`check_report` checks the languages ``check`` names and returns a
  :class:`CheckReport`: the lines it prints (:meth:`CheckReport.lines`, in the
  order of :mod:`medleaflet.i18n.qa.report`) or its JSON (:meth:`CheckReport.as_json`);
* :func:`status_rows` counts the progress of each language;
* :func:`sign_off` records a medical reviewer's sign-off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from medleaflet.content.fonts import load_fonts
from medleaflet.content.readability import Readability, measure
from medleaflet.content.templates import DEFAULT_TEMPLATE, Template, load_template
from medleaflet.errors import (
    IncompleteTranslationError,
    InputError,
    MedleafletError,
    Problem,
    SourceLocation,
    UsageError,
    ValidationError,
)
from medleaflet.i18n.catalogues import load_catalogue
from medleaflet.i18n.coverage import source_coverage
from medleaflet.i18n.language_check import (
    LanguageCheck,
    Messages,
    check_language,
    messages_of,
    project_leaflets,
    project_messages,
)
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.i18n.qa import report
from medleaflet.i18n.review import SignOffRecord, load_record, sign
from medleaflet.i18n.sources import SourceMessage
from medleaflet.i18n.status import StatusRow, translation_status
from medleaflet.project import Project
from textengine.itemise import FontStack


def translated_locales(project: Project, codes: Sequence[str] | None) -> list[str]:
    """The catalogue locales for the ``codes`` a user typed (default: every one), without English."""
    chosen = [project.locale(code) for code in codes] if codes else project.locales()
    return [locale for locale in chosen if locale != SOURCE_LOCALE]


@dataclass(frozen=True)
class ProjectCheck:
    """What every catalogue of a project is checked against, and the English problems."""

    project: Project
    messages: Messages
    #: The fonts of the default template for English (each language gets its own: :meth:`language`).
    fonts: FontStack
    template: Template
    #: Every character of the English leaflets the fonts cannot draw.
    source_problems: Sequence[Problem]
    #: The reading grade of each leaflet's English, in leaflet order (a warning above grade 8).
    readability: Sequence[Readability]

    def language(self, locale: str) -> LanguageCheck:
        """The catalogue of ``locale`` checked, glyph coverage included."""
        fonts = load_fonts(self.template, self.project, locale)
        return check_language(self.project, locale, self.messages, fonts, glossary=True)


def start_check(project: Project) -> ProjectCheck:
    """Load every leaflet and the default template's fonts, check the English's glyph coverage,
    and measure each leaflet's reading grade."""
    leaflets = project_leaflets(project)
    template = load_template(project.template_path(DEFAULT_TEMPLATE), project.root)
    fonts = load_fonts(template, project)
    readability = [measure(leaflet) for leaflet in leaflets]
    coverage = source_coverage(leaflets, fonts)
    return ProjectCheck(project, messages_of(leaflets), fonts, template, coverage, readability)


#: The note ``check --unsigned`` prints for each message not signed off.
UNSIGNED = "not signed off by a medical reviewer"


def unsigned_messages(check: LanguageCheck) -> list[Problem]:
    """A note for every message no medical reviewer has signed off as it reads now, at its msgstr line."""
    return [Problem(where, source.context, UNSIGNED) for where, source in _unsigned(check)]


def _unsigned(check: LanguageCheck) -> list[tuple[SourceLocation, SourceMessage]]:
    catalogue = check.catalogue
    found = []
    for source in check.review.unsigned:
        message = catalogue.find(source.context, source.msgid)
        found.append((catalogue.msgstr_location(message) if message else SourceLocation(catalogue.display, 1), source))
    return found


def summary(check: LanguageCheck) -> str:
    """One line: how many messages, blocking findings, warnings and signed-off messages."""
    stops = len(check.blocking)
    return (
        f"{check.catalogue.display}: {len(check.messages.sources)} messages, {stops} blocking, "
        f"{len(check.findings) - stops} warnings, {check.review.signed} signed off by a medical reviewer"
    )


@dataclass(frozen=True)
class CheckReport:
    """What ``check`` found: the project's English problems and each language's check.

    ``untranslated`` lists the untranslated and missing messages one by one
    (otherwise only counted); ``unsigned`` lists the messages not signed off.
    ``unreadable`` holds the error of each catalogue that could not be read (the
    CLI prints them on stderr): the other languages are checked all the same.
    """

    project_check: ProjectCheck
    languages: Sequence[LanguageCheck]
    untranslated: bool = False
    unsigned: bool = False
    unreadable: Sequence[MedleafletError] = ()

    @property
    def failed(self) -> bool:
        """Whether anything blocks: an English string no font can draw, a catalogue that cannot be
        read, or a blocking finding."""
        return (
            bool(self.project_check.source_problems)
            or bool(self.unreadable)
            or any(check.blocking for check in self.languages)
        )

    def unreadable_lines(self) -> list[str]:
        """Each unreadable catalogue's error, as ``file:line: what is wrong`` lines."""
        return [line if error.location else f"error: {line}" for error in self.unreadable for line in error.lines()]

    def lines(self) -> list[str]:
        """The reading grades and English problems; every language's blocking findings, then its
        warnings (all sorted by file and line), then the untranslated messages if asked; the
        unsigned messages if asked; and for each language its count of messages left to translate
        and its summary."""
        lines = [str(line) for line in [*self.project_check.readability, *self.project_check.source_problems]]
        findings = [finding for check in self.languages for finding in check.findings]
        lines += [str(finding) for finding in report.ordered(findings, self.untranslated)]
        for check in self.languages if self.unsigned else ():
            lines += [str(note) for note in unsigned_messages(check)]
        for check in self.languages:
            count = report.tally(check.catalogue.display, check.findings).line(self.untranslated)
            lines += [count] if count else []
            lines.append(summary(check))
        return lines

    def as_json(self) -> dict[str, object]:
        """Everything as JSON values: ``findings`` (every finding of every language, whatever
        ``untranslated`` says, blocking ones first), ``languages`` (each one's counts), ``leaflets``
        (reading grades), ``source_problems``, and ``unsigned`` if asked."""
        findings = [finding for check in self.languages for finding in check.findings]
        result: dict[str, object] = {
            "unreadable": self.unreadable_lines(),
            "findings": [report.record(finding) for finding in report.ordered(findings, untranslated=True)],
            "languages": [_language_record(check) for check in self.languages],
            "leaflets": [
                {"file": grade.source, "grade": round(grade.grade, 1), "texts": grade.texts, "too_hard": grade.too_hard}
                for grade in self.project_check.readability
            ],
            "source_problems": [
                {"file": p.location.file, "line": p.location.line, "field": p.path, "problem": p.message}
                for p in self.project_check.source_problems
            ],
        }
        if self.unsigned:
            result["unsigned"] = [
                {"file": where.file, "line": where.line, "msgctxt": source.context, "msgid": source.msgid}
                for check in self.languages
                for where, source in _unsigned(check)
            ]
        return result


def _language_record(check: LanguageCheck) -> dict[str, object]:
    stops = len(check.blocking)
    return {
        "locale": check.catalogue.locale,
        "file": check.catalogue.display,
        "messages": len(check.messages.sources),
        "blocking": stops,
        "warnings": len(check.findings) - stops,
        "signed": check.review.signed,
        **report.tally(check.catalogue.display, check.findings).as_dict(),
    }


def check_report(
    project: Project, codes: Sequence[str] | None, untranslated: bool = False, unsigned: bool = False
) -> CheckReport:
    """Check the English and the catalogues of ``codes`` (default: every language)."""
    checked = start_check(project)
    languages: list[LanguageCheck] = []
    unreadable: list[MedleafletError] = []
    if codes:
        chosen = translated_locales(project, codes)
    else:  # every language: a misnamed folder is reported with the rest, and hides none of them
        every, misnamed = project.readable_locales()
        unreadable += misnamed
        chosen = [locale for locale in every if locale != SOURCE_LOCALE]
    for locale in chosen:
        try:
            languages.append(checked.language(locale))
        except (InputError, ValidationError) as exc:  # a damaged catalogue hides no other language
            unreadable.append(exc)
    return CheckReport(checked, languages, untranslated, unsigned, unreadable)


def status_rows(project: Project, codes: Sequence[str] | None) -> list[StatusRow]:
    """Translation progress of each language (default: every one) per message group."""
    groups = project_messages(project).groups
    rows = []
    for locale in translated_locales(project, codes):
        catalogue = load_catalogue(project, locale)
        rows += translation_status(catalogue, groups, load_record(catalogue, project.root))
    return rows


@dataclass(frozen=True)
class SignOffResult:
    """A sign-off written: the record, how many messages it signed, and how many it could not."""

    record: SignOffRecord
    signed: int
    left: int


def sign_off(project: Project, code: str, by: str, date: dt.date, groups: Sequence[str] | None = None) -> SignOffResult:
    """Sign every printable message of ``groups`` (default: all) of the language ``code`` for ``by``.

    Raises :class:`UsageError` for English or an unknown group, and
    :class:`IncompleteTranslationError` when a blocking QA problem (other than
    a missing or out-of-date translation) must be fixed first.
    """
    locale = project.locale(code)
    if locale == SOURCE_LOCALE:
        raise UsageError("the English source is reviewed in each leaflet's metadata, not with signoff")
    messages = project_messages(project)
    chosen = list(groups or messages.groups)
    unknown = [name for name in chosen if name not in messages.groups]
    if unknown:
        raise UsageError(f"unknown group {unknown[0]!r} (available: {', '.join(messages.groups)})")
    check = check_language(project, locale, messages.only(chosen))
    problems = [finding for finding in check.blocking if not finding.status]
    if problems:
        raise IncompleteTranslationError(
            problems, f"{check.catalogue.display}: not signed: fix these problems first ('generate.py check')"
        )
    sources = check.messages.sources
    record, count = sign(check.catalogue, load_record(check.catalogue, project.root), sources, by, date)
    return SignOffResult(record, count, len(sources) - count)
