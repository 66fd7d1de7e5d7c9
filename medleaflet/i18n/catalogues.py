"""Translation catalogues: where they live, reading them safely, and the
translator commands (extract, update, init) as thin wrappers over Babel.

One catalogue per language, ``translations/<locale>/LC_MESSAGES/leaflets.po``,
holds both leaflet text (msgctxt ``{leaflet}:{key}``) and the layout's words
(msgctxt ``ui:...``). The template is ``translations/leaflets.pot``.

Whether a translation has been medically reviewed is not recorded in the
catalogue (a translator could edit that) but in a sign-off record beside it:
see :mod:`medleaflet.i18n.review`.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import PoFileError, read_po

from medleaflet import __version__
from medleaflet.content.load import decode, display_name, read_bytes
from medleaflet.errors import InputError, Problem, SourceLocation, ValidationError
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

    def location(self, message: Message) -> SourceLocation:
        """Where ``message`` is in the ``.po`` file (its msgctxt/msgid line)."""
        return SourceLocation(self.display, message.lineno or 1)

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

    Raises :class:`InputError` or :class:`ValidationError` for bad syntax, with the line.
    """
    problems = quoting_problems(text, display) or duplicate_entries(text, display)
    if problems:
        raise ValidationError(problems)
    try:
        catalog = read_po(io.StringIO(text), locale=locale, domain=DOMAIN, abort_invalid=True)
    except PoFileError as exc:
        # Babel counts error lines from 0 and appends "on N" to its message.
        line = (getattr(exc, "lineno", 0) or 0) + 1
        message = re.sub(r" on \d+$", "", str(exc))
        raise InputError(f"syntax error: {message}", SourceLocation(display, line)) from None
    except (ValueError, KeyError) as exc:
        raise InputError(f"cannot read catalogue: {exc}", SourceLocation(display, 1)) from None
    language, language_line = _language_header(text)
    return Catalogue(
        locale,
        path,
        display,
        catalog,
        plural_header="Plural-Forms:" in text[:4000],
        language_header=language,
        language_line=language_line,
    )


_LANGUAGE_LINE = re.compile(r'^"Language:[ \t]*(.*?)\\n"\s*$', re.MULTILINE)


def _language_header(text: str) -> tuple[str | None, int]:
    """The ``Language`` header of a catalogue's text (None if absent) and its 1-based line."""
    first = max(text.find('msgid ""'), 0)
    header_end = text.find("\n\n", first)  # entries are separated by blank lines
    match = _LANGUAGE_LINE.search(text, 0, header_end if header_end >= 0 else len(text))
    if match is None:
        return None, 1
    return match.group(1).strip() or None, text.count("\n", 0, match.start()) + 1


# ---------------------------------------------------------------- commands


def run_pybabel(project: Project, *args: str) -> str:
    """Run a ``pybabel`` command in the project root; returns its log.

    Raises :class:`InputError` with Babel's own message if it fails.
    """
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    logger = logging.getLogger("babel")
    logger.addHandler(handler)
    previous = Path.cwd()
    try:
        os.chdir(project.root)
        with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
            CommandLineInterface().run(["pybabel", "-q", *args])
    except SystemExit as exc:
        if exc.code:
            raise InputError(f"pybabel {args[0]} failed: {log.getvalue().strip() or exc.code}") from None
    except Exception as exc:  # an extractor error: keep its own location
        if hasattr(exc, "lines"):
            raise
        raise InputError(f"pybabel {args[0]} failed: {exc}") from None
    finally:
        os.chdir(previous)
        logger.removeHandler(handler)
    return log.getvalue()


def extract(project: Project) -> Path:
    """``pybabel extract -F babel.cfg -o translations/leaflets.pot .``"""
    target = pot_path(project)
    target.parent.mkdir(parents=True, exist_ok=True)
    run_pybabel(
        project,
        "extract",
        "-F",
        "babel.cfg",
        "-o",
        target.relative_to(project.root).as_posix(),
        "--project",
        "medleaflet",
        "--version",
        __version__,
        "--copyright-holder",
        "medleaflet contributors",
        "--msgid-bugs-address",
        "translations@medleaflet.invalid",
        ".",
    )
    return target


def _template_args(project: Project) -> list[str]:
    """The pybabel options naming the template, the catalogue folder and domain."""
    template = pot_path(project).relative_to(project.root).as_posix()
    return ["-i", template, "-d", "translations", "-D", DOMAIN, "-w", "76"]


def update(project: Project, locale: str | None = None) -> None:
    """``pybabel update``: merge the template into one or every catalogue.

    Changed source texts become fuzzy (never printed) with the previous
    msgid kept for the translator.
    """
    args = ["update", *_template_args(project), "--previous"]
    if locale:
        args += ["-l", locale]
    run_pybabel(project, *args)


def init(project: Project, locale: str) -> Path:
    """``pybabel init`` for a new language (not reviewed until someone signs it off)."""
    path = po_path(project, locale)
    if path.exists():
        raise InputError(f"{display_name(path, project.root)} already exists; use 'update' instead")
    run_pybabel(project, "init", *_template_args(project), "-l", locale)
    return path
