"""Findings of medleaflet.i18n.qa.checks: each problem once, at the msgstr's line, with a kind;
and their order, counts and JSON records (medleaflet.i18n.qa.report)."""

from __future__ import annotations

from pathlib import Path

import pytest

from medleaflet.errors import SourceLocation
from medleaflet.i18n.catalogues import Catalogue, msgstr_lines, parse_catalogue
from medleaflet.i18n.qa.checks import KINDS, Finding, check_catalogue
from medleaflet.i18n.qa.report import COUNTED, ordered, record, tally
from medleaflet.i18n.sources import SourceMessage

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
)
PAGES = SourceMessage("ui:test.page", "Page {page} of {pages}", brace_format=True)


def catalogue(body: str) -> Catalogue:
    return parse_catalogue(HEADER + body, "fr", Path("x.po"), "x.po")


def entry(source: SourceMessage, msgstr: str, flags: str = "") -> str:
    """A catalogue entry whose msgstr is on a line of its own after a wrapped msgid."""
    flag = f"#, {flags}\n" if flags else ("#, python-brace-format\n" if source.brace_format else "")
    return f'{flag}msgctxt "{source.context}"\nmsgid ""\n"{source.msgid}"\nmsgstr ""\n"{msgstr}"\n\n'


def line_of(text: str, prefix: str) -> int:
    """The line of the first line starting with ``prefix`` after the header."""
    first = HEADER.count("\n") + 1
    return next(n for n, line in enumerate(text.splitlines(), start=1) if n > first and line.startswith(prefix))


@pytest.mark.parametrize(
    ("translation", "words"),
    [
        ("Page {page} sur {total}", ["absent from the translation: {pages}", "not in the source: {total}"]),
        ("Page {page}", ["absent from the translation: {pages}"]),
        ("Page {page} sur {pages} {x}", ["not in the source: {x}"]),
        ("Page {page} sur {pages", ["a lone '{' or '}'"]),
        ("Page {0} sur {pages}", ["absent from the translation: {page}", "not in the source: {0}"]),
        ("Page {page!r} sur {pages}", ["absent from the translation: {page}", "not in the source: {page!r}"]),
        ("Page {{page}} sur {pages}", ["absent from the translation: {page}"]),
        ("Page } {page} sur {pages}", ["a lone '{' or '}'"]),
    ],
)
def test_a_placeholder_problem_is_one_finding_in_words(translation: str, words: list[str]) -> None:
    findings = check_catalogue(catalogue(entry(PAGES, translation)), [PAGES])
    assert len(findings) == 1, findings
    (finding,) = findings
    assert finding.kind == "placeholder" and finding.blocking and finding.msgid == PAGES.msgid
    assert all(word in finding.message for word in words), finding.message
    assert "{page}, {pages}" in finding.message  # what to write instead
    assert "Error" not in finding.message and "(" not in finding.message.partition(";")[0]


def test_placeholders_may_move_and_repeat() -> None:
    assert check_catalogue(catalogue(entry(PAGES, "{pages} pages, page {page} ({page})")), [PAGES]) == []


@pytest.mark.parametrize(
    ("translation", "kind", "text"),
    [
        ("Prenez <b>le</b>.", "markup", "markup is not allowed in a translation: </b>, <b>"),
        ("<img src='x.png'/> Prenez-le.", "markup", "markup is not allowed in a translation: <img src='x.png'/>"),
        ("<font size='40'>Prenez-le.</font>", "markup", "markup is not allowed in a translation: </font>"),
        ("Prenez &amp; buvez.", "markup", "character entities such as '&amp;' are not allowed"),
        ("Prenez {dose}.", "placeholder", "braces {dose} are not in the source"),
    ],
)
def test_markup_is_one_finding(translation: str, kind: str, text: str) -> None:
    source = SourceMessage("leaf:take", "Take it.")
    findings = check_catalogue(catalogue(entry(source, translation)), [source])
    assert [(finding.kind, finding.message.startswith(text)) for finding in findings] == [(kind, True)], findings


def test_every_finding_of_a_message_is_at_its_msgstr_line() -> None:
    source = SourceMessage("leaf:dose", "Take 25 mg.")
    body = entry(source, "Prenez <b>2,5 mg</b>\u200b.")
    findings = check_catalogue(catalogue(body), [source])
    text = HEADER + body
    assert {finding.kind for finding in findings} == {"markup", "number", "character"}
    assert {finding.location for finding in findings} == {SourceLocation("x.po", line_of(text, "msgstr"))}
    assert line_of(text, "msgstr") > line_of(text, "msgid")


def test_a_plural_message_is_located_at_its_first_msgstr() -> None:
    source = SourceMessage("ui:test.count", "{count} tablet", plural="{count} tablets", brace_format=True)
    body = (
        '#, python-brace-format\nmsgctxt "ui:test.count"\nmsgid "{count} tablet"\nmsgid_plural "{count} tablets"\n'
        'msgstr[0] "{total} comprimé"\nmsgstr[1] "{total} comprimés"\n'
    )
    findings = check_catalogue(catalogue(body), [source])
    assert len(findings) == 1 and findings[0].kind == "placeholder", findings
    assert findings[0].location.line == line_of(HEADER + body, "msgstr[0]")


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("", "missing"),
        ('msgctxt "leaf:take"\nmsgid "Take it."\nmsgstr ""\n', "untranslated"),
        ('msgctxt "leaf:take"\nmsgid "Take it."\nmsgstr " "\n', "blank"),
        ('#, fuzzy\nmsgctxt "leaf:take"\nmsgid "Take it."\nmsgstr "Prenez-le."\n', "fuzzy"),
        ('msgctxt "leaf:take"\nmsgid "Take them."\nmsgstr "Prenez-les."\n', "stale"),
    ],
)
def test_status_findings_have_their_kind_and_a_sensible_line(body: str, kind: str) -> None:
    source = SourceMessage("leaf:take", "Take it.")
    (finding,) = check_catalogue(catalogue(body), [source])
    assert finding.kind == kind and finding.status and finding.blocking
    assert finding.location.line == (line_of(HEADER + body, "msgstr") if body else 1)
    assert finding.msgid == source.msgid


def test_every_kind_is_described() -> None:
    assert COUNTED <= set(KINDS)


def test_msgstr_lines_follow_babels_msgid_lines() -> None:
    text = HEADER + entry(PAGES, "Page {page} sur {pages}") + '#~ msgid "Old"\n#~ msgstr "Vieux"\n'
    parsed = catalogue(text[len(HEADER) :])
    (message,) = parsed.messages()
    assert msgstr_lines(text)[message.lineno] == line_of(text, "msgstr ")
    assert parsed.msgstr_location(message).line == line_of(text, "msgstr ")
    assert parsed.location(message).line == line_of(text, "msgid")


def _finding(line: int, kind: str, blocking: bool = True, status: bool = False) -> Finding:
    return Finding(SourceLocation("x.po", line), f"leaf:{line}", kind, blocking, status, kind=kind, msgid="M")


def test_blocking_first_then_warnings_then_untranslated_only_if_asked() -> None:
    findings = [
        _finding(9, "untranslated", status=True),
        _finding(8, "style", blocking=False),
        _finding(7, "fuzzy", status=True),
        _finding(3, "missing", status=True),
        _finding(5, "number"),
    ]
    assert [f.location.line for f in ordered(findings)] == [5, 7, 8]
    assert [f.location.line for f in ordered(findings, untranslated=True)] == [5, 7, 8, 3, 9]


def test_the_count_line() -> None:
    findings = [_finding(n, "untranslated", status=True) for n in range(175)]
    findings += [_finding(200 + n, "fuzzy", status=True) for n in range(3)] + [_finding(300, "number")]
    counts = tally("x.po", findings)
    assert counts.line(listed=False) == "x.po: 175 messages not translated, 3 fuzzy (list them with --untranslated)"
    assert counts.line(listed=True) == "x.po: 175 messages not translated, 3 fuzzy"
    assert tally("x.po", [_finding(1, "missing", status=True)]).line(False) == (
        "x.po: 1 missing from the catalogue (list them with --untranslated)"
    )
    assert tally("x.po", [_finding(1, "number")]).line(False) is None


def test_a_json_record() -> None:
    assert record(_finding(4, "unit")) == {
        "file": "x.po",
        "line": 4,
        "msgctxt": "leaf:4",
        "msgid": "M",
        "problem": "unit",
        "blocking": True,
        "kind": "unit",
    }
