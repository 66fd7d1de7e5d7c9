"""Translation catalogues: where they live, and reading them safely.

One catalogue per language, ``translations/<locale>/LC_MESSAGES/leaflets.po``,
holds both leaflet text (msgctxt ``{leaflet}:{key}``) and the layout's words
(msgctxt ``ui:...``). The template is ``translations/leaflets.pot``.

Whether a translation has been medically reviewed is not recorded in the
catalogue (a translator could edit that) but in a sign-off record beside it:
see :mod:`medleaflet.i18n.review`. The commands that write catalogues
(extract, update, init) are in :mod:`medleaflet.i18n.pybabel`.

:func:`load_catalogue` reports every syntax problem of a file at once, each
as a :class:`~medleaflet.errors.Problem` at its line, where Babel alone would
stop at the first, or read some of them silently.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileParser

from medleaflet.content.load import decode, display_name, read_bytes
from medleaflet.errors import InputError, Problem, SourceLocation, ValidationError
from medleaflet.i18n.po_rules import header_problems, syntax_problems
from medleaflet.project import Project

DOMAIN = "leaflets"
#: The header comment line older catalogues used to claim a review; now ignored (see :mod:`medleaflet.i18n.review`).
LEGACY_REVIEW_HEADER = "Medical review"


def pot_path(project: Project) -> Path:
    return project.translations_dir / f"{DOMAIN}.pot"


def po_path(project: Project, locale: str) -> Path:
    return project.translations_dir / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


@dataclass
class Catalogue:
    """One language's catalogue, parsed, with its file name for messages."""

    locale: str
    path: Path
    display: str
    catalog: Catalog
    #: Whether the header declares Plural-Forms (Babel quietly assumes the locale's).
    plural_header: bool = True
    #: The ``Language`` header as written (Babel replaces it with the folder's locale), and its line.
    language_header: str | None = None
    language_line: int = 1
    #: The line of each entry's first ``msgstr`` (or ``msgstr[0]``), by the line of its msgid.
    msgstr_lines: Mapping[int, int] = field(default_factory=dict)

    def location(self, message: Message) -> SourceLocation:
        """Where ``message`` is in the ``.po`` file (its msgctxt/msgid line)."""
        return SourceLocation(self.display, message.lineno or 1)

    def msgstr_location(self, message: Message) -> SourceLocation:
        """Where the translation of ``message`` is in the ``.po`` file: the line of its
        ``msgstr`` (the first ``msgstr[n]`` of a plural entry), else its msgid line."""
        line = message.lineno or 1
        return SourceLocation(self.display, self.msgstr_lines.get(line, line))

    def messages(self) -> Iterator[Message]:
        """Every message but the header, in file order."""
        return (message for message in self.catalog if message.id)

    def find(self, context: str, msgid: str) -> Message | None:
        """The entry for ``msgid`` in ``context``; failing that, the only entry
        with that context (a translation of an older English text), if any."""
        exact = self.catalog.get(msgid, context=context)
        if exact is not None:
            return exact
        same_context = [message for message in self.messages() if message.context == context]
        return same_context[0] if len(same_context) == 1 else None


def _header(catalog: Catalog, name: str) -> str | None:
    """The value of a ``# Name: value`` line of the header comment, if any."""
    for line in catalog.header_comment.splitlines():
        key, _, value = line.lstrip("# ").partition(":")
        if key.strip().lower() == name.lower():
            return value.strip() or None
    return None


def claims_review(catalog: Catalog) -> bool:
    """Whether the header comment says ``# Medical review: reviewed``, as older
    catalogues did. Such a line decides nothing; ``check`` warns about it."""
    return (_header(catalog, LEGACY_REVIEW_HEADER) or "").lower() == "reviewed"


def _po_strings(lines: list[str], start: int) -> tuple[str, int]:
    """The string of the keyword on line ``start`` and its continuation lines."""
    first = lines[start].split(" ", 1)[1] if " " in lines[start] else '""'
    parts = [first]
    end = start + 1
    while end < len(lines) and lines[end].startswith('"'):
        parts.append(lines[end])
        end += 1
    return "".join(part.strip()[1:-1] for part in parts), end


_KEYWORD_LINE = re.compile(r'^(#~ )?(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+"(?:[^"\\]|\\.)*"\s*$')
_STRING_LINE = re.compile(r'^(#~ )?"(?:[^"\\]|\\.)*"\s*$')


def quoting_problems(text: str, display: str) -> list[Problem]:
    """Keyword and continuation lines whose string is not properly quoted.

    Babel reads ``msgstr "Avoid alcohol.`` (no closing quote) without a word,
    silently dropping the last character; gettext refuses it. So do we.
    """
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or (stripped.startswith("#") and not stripped.startswith("#~")):
            continue
        if stripped.startswith('"') or stripped.startswith('#~ "'):
            ok = _STRING_LINE.match(stripped)
        elif re.match(r"^(#~ )?msg", stripped):
            ok = _KEYWORD_LINE.match(stripped)
        else:
            continue  # Babel reports unknown keywords itself
        if not ok:
            problems.append(Problem(SourceLocation(display, number), "", "syntax error: badly quoted string"))
    return problems


def duplicate_entries(text: str, display: str) -> list[Problem]:
    """Entries defined twice (same msgctxt and msgid), as a bad merge leaves them.

    Babel keeps only the last of them without a word; gettext refuses the file.
    """
    lines = text.splitlines()
    seen: dict[tuple[str | None, str], int] = {}
    problems: list[Problem] = []
    context: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("msgctxt "):
            context, index = _po_strings(lines, index)
            continue
        if line.startswith("msgid "):
            msgid, end = _po_strings(lines, index)
            key = (context, msgid)
            if msgid and key in seen:
                problems.append(
                    Problem(
                        SourceLocation(display, index + 1),
                        context or "",
                        f"duplicate entry (first defined on line {seen[key]})",
                    )
                )
            elif msgid:
                seen[key] = index + 1
            context, index = None, end
            continue
        index += 1
    return problems


def load_catalogue(project: Project, locale: str) -> Catalogue:
    """Read ``translations/<locale>/LC_MESSAGES/leaflets.po``.

    Raises :class:`InputError` for a missing file, bad encoding or bad syntax,
    with the file and line.
    """
    path = po_path(project, locale)
    display = display_name(path, project.root)
    try:
        raw = read_bytes(path, display)  # bounded; refuses FIFOs and devices
    except OSError as exc:
        raise InputError(f"{display}: cannot read catalogue ({exc.strerror})") from None
    return parse_catalogue(decode(raw, display), locale, path, display)


def parse_catalogue(text: str, locale: str, path: Path, display: str) -> Catalogue:
    """Parse the text of the catalogue for ``locale`` (shown as ``display`` in messages).

    Raises :class:`ValidationError` listing every syntax problem, each at its line, and
    :class:`InputError` for a catalogue Babel cannot make sense of at all.
    """
    catalog, problems = parse_strictly(text, display, locale, catalogue=True)
    if problems:
        raise ValidationError(problems)
    language, language_line = _language_header(text)
    return Catalogue(
        locale,
        path,
        display,
        catalog,
        plural_header="Plural-Forms:" in text[:4000],
        language_header=language,
        language_line=language_line,
        msgstr_lines=msgstr_lines(text),
    )


def parse_strictly(
    text: str, display: str, locale: str | None = None, catalogue: bool = False
) -> tuple[Catalog, list[Problem]]:
    """Parse the text of a ``.po`` catalogue or ``.pot`` template (shown as ``display``).

    Returns what Babel reads, and every syntax problem, each at its line: the
    ones Babel reports, and the ones it reads silently (a badly quoted string,
    a duplicate entry, the rest of :mod:`medleaflet.i18n.po_rules`) where gettext
    would refuse the file; for a ``catalogue`` (not a template), its header's
    problems too. Raises :class:`InputError` for a text Babel cannot make sense of at all.
    """
    problems = quoting_problems(text, display) + duplicate_entries(text, display) + syntax_problems(text, display)
    if catalogue:
        problems += header_problems(text, display)
    try:
        catalog = Catalog(locale=locale, domain=DOMAIN)
        parser = _CollectingParser(catalog, display)
        parser.parse(io.StringIO(text))
    except (ValueError, KeyError) as exc:
        raise InputError(f"cannot read catalogue: {exc}", SourceLocation(display, 1)) from None
    reported = {problem.location.line for problem in problems}
    problems += [problem for problem in parser.problems if problem.location.line not in reported]
    return catalog, problems


def catalogue_paths(project: Project) -> list[Path]:
    """Every catalogue ``pybabel update`` merges into: ``translations/<folder>/LC_MESSAGES/leaflets.po``
    for every folder (hidden ones and ones not named by a locale too), sorted."""
    folder = project.translations_dir
    if not folder.is_dir():
        return []
    candidates = (folder / name / "LC_MESSAGES" / f"{DOMAIN}.po" for name in os.listdir(folder))
    return sorted(path for path in candidates if path.exists())


class _CollectingParser(PoFileParser):
    """Babel's ``.po`` parser, keeping every syntax problem as a :class:`Problem` instead of
    printing a warning (or, with ``abort_invalid``, stopping at the first)."""

    def __init__(self, catalog: Catalog, display: str) -> None:
        super().__init__(catalog, abort_invalid=False)
        self.display = display
        self.problems: list[Problem] = []

    def _invalid_pofile(self, line: str, lineno: int, msg: str) -> None:
        # Babel counts lines from 0.
        self.problems.append(Problem(SourceLocation(self.display, lineno + 1), "", f"syntax error: {msg}"))

    def _process_message_line(self, lineno: int, line: str, obsolete: bool = False) -> None:
        # gettext writes the previous msgid of an obsolete entry as "#~| msgid ...", which Babel
        # does not know: keep it as Babel keeps an active entry's "#|" line, a comment that
        # merge.restore_previous turns back into the previous msgid.
        if obsolete and line.startswith("|"):
            self._process_comment("#" + line)
            return
        super()._process_message_line(lineno, line, obsolete)


def msgstr_lines(text: str) -> dict[int, int]:
    """The 1-based line of the first ``msgstr`` keyword of each entry of a ``.po`` text, by the
    line of the entry's ``msgid`` (the line Babel records as the message's ``lineno``)."""
    found: dict[int, int] = {}
    msgid: int | None = None
    for number, line in enumerate(io.StringIO(text), start=1):  # Babel's own line count
        keyword = line.strip().split(" ", 1)[0]
        if keyword == "msgid":
            msgid = number
        elif keyword.startswith("msgstr") and msgid is not None:
            found[msgid] = number
            msgid = None
    return found


_LANGUAGE_LINE = re.compile(r'^"Language:[ \t]*(.*?)\\n"\s*$', re.MULTILINE)


def _language_header(text: str) -> tuple[str | None, int]:
    """The ``Language`` header of a catalogue's text (None if absent) and its 1-based line."""
    first = max(text.find('msgid ""'), 0)
    header_end = text.find("\n\n", first)  # entries are separated by blank lines
    match = _LANGUAGE_LINE.search(text, 0, header_end if header_end >= 0 else len(text))
    if match is None:
        return None, 1
    return match.group(1).strip() or None, text.count("\n", 0, match.start()) + 1
