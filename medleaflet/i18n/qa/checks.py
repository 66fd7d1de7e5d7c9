"""Translation QA: every finding about a catalogue, blocking or not.

:func:`check_catalogue` takes a :class:`~medleaflet.i18n.catalogues.Catalogue` and
the current source messages and returns a sorted list of :class:`Finding`,
each printed as ``translations/L/LC_MESSAGES/leaflets.po:LINE: msgctxt: problem``
where LINE is the line of the entry's ``msgstr`` (the first ``msgstr[n]`` of
a plural entry), or 1 for the header and for a message missing from the
catalogue. Each finding has a :attr:`Finding.kind` (:data:`KINDS`) and names
its message once per cause: a problem shared by several plural forms, or seen
by two checks, is one finding.

Blocking findings stop ``build`` for that language:

* a message that is missing, untranslated, blank, fuzzy, stale (its msgid no
  longer matches the English source), or with plural forms left empty;
* numbers, doses or units that differ from the source (:mod:`.doses`,
  :mod:`.numbers`, :mod:`.units`);
* placeholders that differ, braces in text that has none, markup and
  entities (:mod:`.placeholders`);
* a protected name (brand names, ``GABA-B``) dropped or changed;
* invisible or control characters, a message or catalogue in another
  language, a bad header, and Babel's own catalogue checks.

translate-toolkit's ``doublewords``, ``doublespacing`` and white-space
filters give non-blocking warnings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from babel import Locale
from babel.messages.catalog import Message

from medleaflet.errors import Problem, SourceLocation
from medleaflet.i18n.catalogues import Catalogue, claims_review
from medleaflet.i18n.qa.doses import dose_problems
from medleaflet.i18n.qa.language import catalogue_script_problem, header_problem, message_script_problem
from medleaflet.i18n.qa.placeholders import brace_problems, markup_problems, masked, placeholder_problems
from medleaflet.i18n.sources import SourceMessage
from textengine.characters import BadCharacter, disallowed, has_content

if TYPE_CHECKING:  # translate-toolkit is imported when a catalogue is checked, not by an English build
    from translate.filters.checks import StandardChecker

WARNING_FILTERS = ("doublewords", "doublespacing", "startwhitespace", "endwhitespace", "newlines")

#: Every kind of finding (:attr:`Finding.kind`), as ``check --format json`` names them. The
#: status kinds, the only ones ``--allow-fallback`` may print in English, come first.
KINDS: dict[str, str] = {
    "missing": "the message is not in the catalogue",
    "untranslated": "the msgstr is empty",
    "blank": "the msgstr has no letter or digit",
    "plural": "plural forms are missing",
    "fuzzy": "marked fuzzy: the translation is out of date",
    "stale": "the English changed since the translation",
    "number": "a number or dose differs, or cannot be read",
    "unit": "a unit differs from the locale's accepted spellings",
    "strength": "a strength moved to another brand",
    "placeholder": "placeholders or braces differ",
    "markup": "markup or character entities",
    "name": "a protected name was changed",
    "character": "an invisible or control character",
    "script": "text in another script or language",
    "header": "a problem of the catalogue header",
    "catalogue": "one of Babel's catalogue checks",
    "style": "white space or a doubled word (a warning)",
    "font": "a character no configured font can draw",
    "glossary": "a key term not translated as the language's glossary chose (a warning)",
}
STATUS_KINDS = frozenset({"missing", "untranslated", "blank", "plural", "fuzzy", "stale"})


@dataclass(frozen=True, order=True)
class Finding(Problem):
    """One QA finding, located in a catalogue; ``path`` is the msgctxt, ``msgid`` the English
    (empty for the catalogue as a whole) and ``kind`` one of :data:`KINDS`.

    ``status`` findings (missing, untranslated, fuzzy, stale) may be replaced
    by the English source under ``--allow-fallback``; the others never.
    """

    blocking: bool = True
    status: bool = False
    kind: str = field(default="", compare=False)
    msgid: str = field(default="", compare=False)

    def __str__(self) -> str:
        return super().__str__() + ("" if self.blocking else " (warning)")


def _checker(locale: str) -> StandardChecker:
    from translate.filters.checks import CheckerConfig, StandardChecker

    return StandardChecker(checkerconfig=CheckerConfig(targetlanguage=locale))


def singular(message: Message) -> str:
    """A message's msgid (the singular one, for a plural message)."""
    return message.id[0] if isinstance(message.id, tuple | list) else message.id


def usable(message: Message | None, source: SourceMessage) -> bool:
    """Whether ``message`` may be printed for ``source``: present, translated,
    not fuzzy, and translated from the current English text."""
    if message is None or message.fuzzy or singular(message) != source.msgid:
        return False
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return all(strings) and not blank(message, source)


def blank(message: Message, source: SourceMessage) -> bool:
    """Whether a translation is blank: some form has no letter or digit where the source has some
    (a space or a zero-width space prints as nothing)."""
    return has_content(source.msgid) and any(form and not has_content(form) for form in message_strings(message))


def status_of(message: Message | None, source: SourceMessage) -> tuple[str, str] | None:
    """Why ``message`` cannot be printed, as (kind, problem), or None if it can."""
    if message is None:
        return "missing", f"missing from the catalogue: {_quoted(source.msgid)} (run 'generate.py update')"
    if singular(message) != source.msgid:
        return "stale", "the English source text has changed (run 'generate.py update', then review the translation)"
    if message.fuzzy:
        return "fuzzy", "fuzzy: the translation is out of date; review it and remove the fuzzy flag"
    if blank(message, source):
        return "blank", "blank: the translation has no letters or digits, so it counts as not translated"
    if not usable(message, source):
        strings = message_strings(message)
        if len(strings) > 1 and any(strings):
            # Babel pads missing plural forms with empty strings on reading.
            given = sum(map(bool, strings))
            return "plural", f"plural forms incomplete: this language needs {len(strings)}, {given} given"
        return "untranslated", "not translated"
    return None


def status_problem(message: Message | None, source: SourceMessage) -> str | None:
    """Why ``message`` cannot be printed, or None if it can."""
    status = status_of(message, source)
    return status[1] if status else None


def _quoted(msgid: str, longest: int = 60) -> str:
    """``msgid`` in double quotes, cut short with an ellipsis if long: which message is meant,
    where several share a context."""
    return '"' + (msgid if len(msgid) <= longest else msgid[: longest - 1] + "\u2026") + '"'


def check_catalogue(
    catalogue: Catalogue, sources: Iterable[SourceMessage], protected: Iterable[str] = ()
) -> list[Finding]:
    """Every finding for ``catalogue`` against the current ``sources``, sorted, each once."""
    findings = header_findings(catalogue)
    protected = tuple(protected)
    checker = _checker(catalogue.locale)
    locale = Locale.parse(catalogue.locale)
    findings += language_findings(catalogue, locale)
    for source in sources:
        message = catalogue.find(source.context, source.msgid)
        if message is not None:
            where = catalogue.msgstr_location(message)
            findings += character_findings(catalogue, message, source.context, source.msgid)
            script_problem = message_script_problem(" ".join(message_strings(message)), locale)
            if script_problem:
                findings.append(Finding(where, source.context, script_problem, kind="script", msgid=source.msgid))
        status = status_of(message, source)
        if status:
            location = catalogue.msgstr_location(message) if message else SourceLocation(catalogue.display, 1)
            kind, problem = status
            findings.append(Finding(location, source.context, problem, status=True, kind=kind, msgid=source.msgid))
            continue
        assert message is not None
        findings += _check_message(catalogue, message, source, checker, locale, protected)
    for message, errors in catalogue.catalog.check():
        for error in errors:
            where = catalogue.msgstr_location(message)
            findings.append(
                Finding(where, message.context or "", str(error), kind="catalogue", msgid=singular(message))
            )
    return sorted(set(findings))


def header_findings(catalogue: Catalogue) -> list[Finding]:
    """Findings about the catalogue's header: fuzzy, an ignored review claim, no Plural-Forms (a charset
    other than UTF-8 is a syntax problem: :mod:`medleaflet.i18n.po_rules`)."""
    header = SourceLocation(catalogue.display, 1)
    findings = []
    if catalogue.catalog.fuzzy:
        findings.append(Finding(header, "", "the catalogue header is marked fuzzy; gettext would skip the file"))
    if claims_review(catalogue.catalog):
        ignored = "the header's 'Medical review' line is ignored: a review is recorded with 'generate.py signoff'"
        findings.append(Finding(header, "", ignored, blocking=False))
    if not catalogue.plural_header:
        findings.append(
            Finding(header, "", "no Plural-Forms header: the language's default is assumed", blocking=False)
        )
    return [Finding(f.location, f.path, f.message, f.blocking, kind="header") for f in findings]


def message_strings(message: Message) -> list[str]:
    """Every translated form of ``message`` (one, or one per plural form), ``""`` where missing."""
    return list(message.string) if isinstance(message.string, tuple | list) else [message.string or ""]


def _check_message(
    catalogue: Catalogue,
    message: Message,
    source: SourceMessage,
    checker: StandardChecker,
    locale: Locale,
    protected: tuple[str, ...],
) -> list[Finding]:
    """The findings of one printable message: a (kind, problem) once, whichever forms have it."""
    found: list[tuple[str, str]] = []
    warnings: list[tuple[str, str]] = []
    sources = [source.msgid, source.plural or source.msgid]
    strings = message_strings(message)
    if source.plural is not None:
        expected = catalogue.catalog.num_plurals
        if len(strings) != expected or not all(strings):
            given = sum(1 for s in strings if s)
            found.append(("plural", f"needs {expected} plural forms for {catalogue.locale}, has {given}"))
    for index, translated in enumerate(strings):
        original = sources[min(index, 1)] if source.plural is not None else source.msgid
        numbers = (masked(original, source.brace_format), masked(translated, source.brace_format))
        found += [(problem.kind, problem.text) for problem in dose_problems(*numbers, locale, protected)]
        found += [("markup", problem) for problem in markup_problems(original, translated)]
        braces = placeholder_problems if source.brace_format else brace_problems
        found += [("placeholder", problem) for problem in braces(original, translated)]
        missing = [name for name in protected if name in original and name not in translated]
        if missing:
            found.append(("name", f"keep {', '.join(repr(name) for name in missing)} unchanged, as in the source"))
        from translate.storage.pypo import pounit

        unit = pounit(original)
        unit.target = translated
        for name, text in checker.run_filters(unit).items():
            if name in WARNING_FILTERS:
                warnings.append(("style", f"{text} ({name})"))
    where = catalogue.msgstr_location(message)
    context, msgid = source.context, source.msgid
    return [Finding(where, context, text, kind=kind, msgid=msgid) for kind, text in dict.fromkeys(found)] + [
        Finding(where, context, text, blocking=False, kind=kind, msgid=msgid) for kind, text in dict.fromkeys(warnings)
    ]


def language_findings(catalogue: Catalogue, locale: Locale) -> list[Finding]:
    """Blocking findings if the catalogue is not written in its folder's language:
    a ``Language`` header naming another locale, or letters mostly of another script."""
    findings = []
    problem = header_problem(catalogue.language_header, catalogue.locale)
    if problem:
        where = SourceLocation(catalogue.display, catalogue.language_line)
        findings.append(Finding(where, "", problem, kind="script"))
    texts = [form for message in catalogue.messages() if not message.fuzzy for form in message_strings(message) if form]
    problem = catalogue_script_problem(texts, locale)
    if problem:
        findings.append(Finding(SourceLocation(catalogue.display, 1), "", problem, kind="script"))
    return findings


def character_findings(catalogue: Catalogue, message: Message, context: str, msgid: str = "") -> list[Finding]:
    """A blocking finding for each kind of disallowed character in ``message``'s translation
    (bidi controls, invisible and control characters: see :mod:`textengine.characters`)."""
    bad: dict[str, BadCharacter] = {}
    for form in message_strings(message):
        bad.update({item.char: item for item in disallowed(form or "")})
    where = catalogue.msgstr_location(message)
    return [Finding(where, context, str(item), kind="character", msgid=msgid) for item in bad.values()]


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    """Only the findings that stop a build."""
    return [finding for finding in findings if finding.blocking]
