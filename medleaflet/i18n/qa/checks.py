"""Translation QA: every finding about a catalogue, blocking or not.

:func:`check_catalogue` takes a :class:`~medleaflet.i18n.catalogues.Catalogue` and
the current source messages and returns a list of :class:`Finding`, each
printed as ``translations/L/LC_MESSAGES/leaflets.po:LINE: msgctxt: problem``.

Blocking findings stop ``build`` for that language:

* a message that is missing, untranslated, fuzzy (stale), or whose msgid no
  longer matches the English source;
* numbers, doses or units that differ from the source (:mod:`.numbers`);
* placeholders that differ (translate-toolkit's ``pythonbraceformat``), or
  braces in text that has none;
* markup of any kind (translate-toolkit's ``xmltags``, plus entities);
* a protected name (brand names, ``GABA-B``) dropped or changed;
* incomplete plural forms, and Babel's own catalogue checks.

translate-toolkit's ``doublewords``, ``doublespacing`` and white-space
filters give non-blocking warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from babel import Locale
from babel.messages.catalog import Message
from translate.filters.checks import CheckerConfig, StandardChecker
from translate.storage.pypo import pounit

from medleaflet.errors import Problem, SourceLocation
from medleaflet.i18n.catalogues import Catalogue, claims_review
from medleaflet.i18n.qa.doses import compare
from medleaflet.i18n.qa.language import catalogue_script_problem, header_problem, message_script_problem
from medleaflet.i18n.sources import SourceMessage
from textengine.characters import BadCharacter, disallowed, has_content

BLOCKING_FILTERS = ("pythonbraceformat", "xmltags")
WARNING_FILTERS = ("doublewords", "doublespacing", "startwhitespace", "endwhitespace", "newlines")
_BRACES = re.compile(r"\{[^{}]*\}")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


@dataclass(frozen=True, order=True)
class Finding(Problem):
    """One QA finding, located in a catalogue; ``path`` is the msgctxt.

    ``status`` findings (missing, untranslated, fuzzy, stale) may be replaced
    by the English source under ``--allow-fallback``; the others never.
    """

    blocking: bool = True
    status: bool = False

    def __str__(self) -> str:
        return super().__str__() + ("" if self.blocking else " (warning)")


def _checker(locale: str) -> StandardChecker:
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


def status_problem(message: Message | None, source: SourceMessage) -> str | None:
    """Why ``message`` cannot be printed, or None if it can."""
    if message is None:
        return f"missing from the catalogue: {_quoted(source.msgid)} (run 'generate.py update')"
    if singular(message) != source.msgid:
        return "the English source text has changed (run 'generate.py update', then review the translation)"
    if message.fuzzy:
        return "fuzzy: the translation is out of date; review it and remove the fuzzy flag"
    if blank(message, source):
        return "blank: the translation has no letters or digits, so it counts as not translated"
    if not usable(message, source):
        strings = message_strings(message)
        if len(strings) > 1 and any(strings):
            # Babel pads missing plural forms with empty strings on reading.
            return f"plural forms incomplete: this language needs {len(strings)}, {sum(map(bool, strings))} given"
        return "not translated"
    return None


def _quoted(msgid: str, longest: int = 60) -> str:
    """``msgid`` in double quotes, cut short with an ellipsis if long: which message is meant,
    where several share a context."""
    return '"' + (msgid if len(msgid) <= longest else msgid[: longest - 1] + "\u2026") + '"'


def check_catalogue(
    catalogue: Catalogue, sources: Iterable[SourceMessage], protected: Iterable[str] = ()
) -> list[Finding]:
    """Every finding for ``catalogue`` against the current ``sources``."""
    findings: list[Finding] = []
    protected = tuple(protected)
    checker = _checker(catalogue.locale)
    locale = Locale.parse(catalogue.locale)
    header = SourceLocation(catalogue.display, 1)
    if catalogue.catalog.fuzzy:
        findings.append(Finding(header, "", "the catalogue header is marked fuzzy; gettext would skip the file"))
    if (catalogue.catalog.charset or "").lower().replace("-", "") != "utf8":
        findings.append(Finding(header, "", "the Content-Type header must declare charset=UTF-8"))
    if claims_review(catalogue.catalog):
        findings.append(
            Finding(
                header,
                "",
                "the header's 'Medical review' line is ignored: a review is recorded with 'generate.py signoff'",
                blocking=False,
            )
        )
    if not catalogue.plural_header:
        findings.append(
            Finding(header, "", "no Plural-Forms header: the language's default is assumed", blocking=False)
        )
    findings += language_findings(catalogue, locale)
    for source in sources:
        message = catalogue.find(source.context, source.msgid)
        if message is not None:
            findings += character_findings(catalogue, message, source.context)
            script_problem = message_script_problem(" ".join(message_strings(message)), locale)
            if script_problem:
                findings.append(Finding(catalogue.location(message), source.context, script_problem))
        problem = status_problem(message, source)
        if problem:
            location = catalogue.location(message) if message else SourceLocation(catalogue.display, 1)
            findings.append(Finding(location, source.context, problem, status=True))
            continue
        assert message is not None
        findings += _check_message(catalogue, message, source, checker, locale, protected)
    for message, errors in catalogue.catalog.check():
        for error in errors:
            findings.append(Finding(catalogue.location(message), message.context or "", str(error)))
    return sorted(set(findings))


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
    found: list[str] = []
    warnings: list[str] = []
    sources = [source.msgid, source.plural or source.msgid]
    strings = message_strings(message)
    if source.plural is not None:
        expected = catalogue.catalog.num_plurals
        if len(strings) != expected or not all(strings):
            found.append(f"needs {expected} plural forms for {catalogue.locale}, has {sum(1 for s in strings if s)}")
    for index, translated in enumerate(strings):
        original = sources[min(index, 1)] if source.plural is not None else source.msgid
        found += compare(original, translated, locale, protected)
        found += _markup_problems(original, translated, source.brace_format)
        missing = [name for name in protected if name in original and name not in translated]
        if missing:
            found.append(f"keep {', '.join(repr(name) for name in missing)} unchanged, as in the source")
        unit = pounit(original)
        unit.target = translated
        for name, text in checker.run_filters(unit).items():
            if name in BLOCKING_FILTERS:
                found.append(f"{text} ({name})")
            elif name in WARNING_FILTERS:
                warnings.append(f"{text} ({name})")
    location = catalogue.location(message)
    return [Finding(location, source.context, problem) for problem in dict.fromkeys(found)] + [
        Finding(location, source.context, problem, blocking=False) for problem in dict.fromkeys(warnings)
    ]


def language_findings(catalogue: Catalogue, locale: Locale) -> list[Finding]:
    """Blocking findings if the catalogue is not written in its folder's language:
    a ``Language`` header naming another locale, or letters mostly of another script."""
    findings = []
    problem = header_problem(catalogue.language_header, catalogue.locale)
    if problem:
        findings.append(Finding(SourceLocation(catalogue.display, catalogue.language_line), "", problem))
    texts = [form for message in catalogue.messages() if not message.fuzzy for form in message_strings(message) if form]
    problem = catalogue_script_problem(texts, locale)
    if problem:
        findings.append(Finding(SourceLocation(catalogue.display, 1), "", problem))
    return findings


def character_findings(catalogue: Catalogue, message: Message, context: str) -> list[Finding]:
    """A blocking finding for each kind of disallowed character in ``message``'s translation
    (bidi controls, invisible and control characters: see :mod:`textengine.characters`)."""
    bad: dict[str, BadCharacter] = {}
    for form in message_strings(message):
        bad.update({item.char: item for item in disallowed(form or "")})
    return [Finding(catalogue.location(message), context, str(item)) for item in bad.values()]


def _markup_problems(original: str, translated: str, brace_format: bool) -> list[str]:
    problems = []
    if "<" in translated and re.search(r"<\s*/?\s*[a-zA-Z!?]", translated) and "<" not in original:
        problems.append("markup is not allowed in a translation")
    if _ENTITY.search(translated) and not _ENTITY.search(original):
        problems.append("character entities such as '&amp;' are not allowed; write the character itself")
    if not brace_format:
        extra = set(_BRACES.findall(translated)) - set(_BRACES.findall(original))
        if extra:
            problems.append(f"braces {', '.join(sorted(extra))} are not in the source")
    else:
        try:
            translated.format(**{name: "" for name in re.findall(r"\{(\w+)\}", original)})
        except (KeyError, IndexError, ValueError) as exc:
            problems.append(f"placeholder error: {exc!r}")
    return problems


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    """Only the findings that stop a build."""
    return [finding for finding in findings if finding.blocking]
