"""What gettext refuses in a ``.po`` file and Babel reads without a word.

Babel's reader is lenient: it takes the last of two ``Language`` header
fields, keeps ``\\q`` as a backslash and a letter, accepts ``msgstr[0]`` on a
message without ``msgid_plural`` and a ``msgctxt`` with no message after it.
Each of these makes ``msgfmt -c`` refuse the file, and some change what would
print. :func:`syntax_problems` finds them in a catalogue's text, each at its
line, for :func:`~medleaflet.i18n.catalogues.parse_strictly`;
:func:`header_problems` finds what is wrong with a catalogue's header entry
(no header, a field given twice, a charset other than UTF-8, which Babel would
write the file back in).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from babel.messages.pofile import unescape

from medleaflet.errors import Problem, SourceLocation

#: A backslash and what follows it, in a quoted string.
_ESCAPE = re.compile(r"\\(.)")
#: The escapes a catalogue may use: gettext knows more (\a, \b, \x41...), but Babel would read
#: them as written, and no translation needs a control character.
_KNOWN_ESCAPES = frozenset('\\"ntr')
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _keyword_lines(text: str) -> Iterator[tuple[int, str, str]]:
    """Each active (not obsolete) keyword or string line: (line number, keyword or '"', the line)."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        yield number, stripped.split(" ", 1)[0] if not stripped.startswith('"') else '"', stripped


def syntax_problems(text: str, display: str) -> list[Problem]:
    """Unknown escapes, plural forms on a message without ``msgid_plural`` (or a plain ``msgstr``
    on one with it), and a ``msgctxt`` or ``msgid`` with nothing after it."""
    problems = []

    def add(number: int, message: str) -> None:
        problems.append(Problem(SourceLocation(display, number), "", f"syntax error: {message}"))

    entry: list[tuple[int, str]] = []  # the keywords of the entry being read

    def finish() -> None:
        keywords = [keyword for _, keyword in entry]
        if not entry:
            return
        if "msgid" not in keywords or not any(keyword.startswith("msgstr") for keyword in keywords):
            add(entry[0][0], f"{entry[0][1]} without {'msgid' if 'msgid' not in keywords else 'msgstr'}")
        plural = "msgid_plural" in keywords
        for number, keyword in entry:
            if keyword.startswith("msgstr[") and not plural:
                add(number, f"{keyword} on a message without msgid_plural")
            elif keyword == "msgstr" and plural:
                add(number, "msgstr without [n] on a message with msgid_plural")

    for number, keyword, line in _keyword_lines(text):
        for inside in _QUOTED.findall(line):
            for escape in _ESCAPE.findall(inside):
                if escape not in _KNOWN_ESCAPES:
                    add(number, f"unknown escape '\\{escape}' (write '\\\\' for a backslash)")
        if not keyword.startswith("msg"):
            continue  # a string line, or an unknown keyword Babel reports itself
        starts = keyword == "msgctxt" or (keyword == "msgid" and not (entry and entry[-1][1] == "msgctxt"))
        if starts:
            finish()
            entry = []
        entry.append((number, keyword))
    finish()
    return problems


def header_problems(text: str, display: str) -> list[Problem]:
    """What is wrong with the header entry of a catalogue's text: none at all, a field given twice
    (Babel keeps the last, gettext the first), or a charset other than UTF-8."""
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines) if line.strip() == 'msgid ""'), None)
    if start is None or not lines[start + 1 : start + 2] or not lines[start + 1].startswith("msgstr"):
        return [Problem(SourceLocation(display, 1), "", 'no header entry (msgid ""): start a language with init')]
    problems = []
    seen: dict[str, int] = {}
    for number, name, value in _header_fields(lines, start + 1):
        key = name.lower()
        if key in seen:
            problems.append(
                Problem(
                    SourceLocation(display, number),
                    "",
                    f"header field {name!r} given twice (first at line {seen[key]})",
                )
            )
            continue
        seen[key] = number
        if key == "content-type" and "charset=utf-8" not in value.lower().replace(" ", ""):
            problems.append(
                Problem(SourceLocation(display, number), "", "the Content-Type header must declare charset=UTF-8")
            )
    return problems


def _header_fields(lines: list[str], first: int) -> Iterator[tuple[int, str, str]]:
    """Each field of the header entry whose ``msgstr`` is on line index ``first``: (line, name, value)."""
    buffer, started = "", first + 1
    for index in range(first, len(lines)):
        line = lines[index].strip()
        if index > first and not line.startswith('"'):
            break
        for part in _QUOTED.findall(line):
            if not buffer:
                started = index + 1
            buffer += unescape(f'"{part}"')
            while "\n" in buffer:
                field, buffer = buffer.split("\n", 1)
                name, colon, value = field.partition(":")
                if colon:
                    yield started, name.strip(), value.strip()
                started = index + 1
