"""The command line's options: one function per command that adds them to its parser.

Each ``*_options(parser)`` declares the arguments of one sub-command of
:data:`medleaflet.cli.COMMANDS`; :mod:`medleaflet.cli` runs the commands.
Also what ``--help`` says beyond the options: the program's name
(:func:`program_name`) and the project's languages (:func:`languages_help`).
"""

from __future__ import annotations

import argparse
import difflib
import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import NoReturn

from medleaflet.content.names import DEFAULT_TEMPLATE, PAGE_SIZES
from medleaflet.errors import MedleafletError
from medleaflet.i18n.locales import SOURCE_LOCALE, english_name, language_of
from medleaflet.project import Project, default_root

#: The program's name when :func:`medleaflet.cli.main` is not given the command line (called from Python).
PROG = "medleaflet"
#: Exit codes: success, bad input (or a file not written), bad usage.
EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def program_name(argv0: str) -> str:
    """The name the program was started by, from ``sys.argv[0]``: ``generate.py`` for
    ``python generate.py``, ``medleaflet`` for the console script; :data:`PROG` when that
    names no program (``python -c``, ``python -m``)."""
    name = os.path.basename(argv0)
    return name if name and not name.startswith("-") and name != "__main__.py" else PROG


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, but lines that start with a space (the list of languages) are kept as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        fill = super()._fill_text
        return "\n".join(
            indent + line if line.startswith(" ") else fill(line, width, indent) for line in text.splitlines()
        )


class _RootReader(argparse.ArgumentParser):
    """A parser that reads ``--root`` alone and says nothing: errors are the full parse's to report."""

    def error(self, message: str) -> NoReturn:
        raise ValueError(message)


def root_argument(argv: Sequence[str]) -> Path | None:
    """The ``--root`` of ``argv``, read before the full parse (None if absent or unreadable)."""
    reader = _RootReader(add_help=False)
    reader.add_argument("--root", type=Path)
    try:
        known, _ = reader.parse_known_args(argv)
    except (ValueError, argparse.ArgumentError):
        return None
    root: Path | None = known.root
    return root


def languages_epilog(open_project: Callable[[], Project]) -> str:
    """The end of ``--help``: each language of the project, code and English name, one a line;
    a line that says why when the project cannot be opened or its languages listed."""
    try:
        codes = open_project().locales()
        # English names only (CLDR's English data): every language's own data would take a third of a second.
        names = {code: english_name(code) for code in codes}
        example = language_of(next((code for code in codes if code != SOURCE_LOCALE), codes[0]))
    except (MedleafletError, OSError) as exc:
        return f"Languages: cannot be listed ({' '.join(str(exc).split())})"
    *others, last = dict.fromkeys((example.code, example.english_name, example.own_title))
    width = max(len(code) for code in codes)
    return "\n".join(
        [
            f"Languages of this project (--lang takes the code or the name, in English or in the language itself, "
            f"any case, e.g. {', '.join(others)} or {last}):",
            *(f"  {code:<{width}}  {name}" for code, name in names.items()),
        ]
    )


def languages_help(argv: Sequence[str]) -> Callable[[], str]:
    """What gives :func:`languages_epilog` for the project ``argv`` names (``--root``, else this checkout)."""

    @cache
    def languages() -> str:
        return languages_epilog(lambda: Project.open(root_argument(argv) or default_root()))

    return languages


#: The most processes ``--jobs`` may ask for.
MAX_JOBS = 256


def job_count(text: str) -> int:
    """``--jobs``: a whole number of processes from 1 to :data:`MAX_JOBS`."""
    try:
        count = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= count <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"{count} is out of range: from 1 to {MAX_JOBS}")
    return count


def paper_size(text: str) -> str:
    """``--paper``: a paper size the templates know, in any case (``A4``, ``Letter``, ``LETTER``)."""
    name = text.strip().lower()
    if name in PAGE_SIZES:
        return name
    close = difflib.get_close_matches(name, list(PAGE_SIZES), n=1)
    hint = f"; did you mean {close[0]}?" if close else f" (choose from {', '.join(PAGE_SIZES)})"
    raise argparse.ArgumentTypeError(f"unknown paper {text!r}{hint}")


def languages_option(parser: argparse.ArgumentParser, help: str) -> None:
    """``--lang LOCALE``, repeatable, into ``args.langs``: a code or a name (see the end of ``--help``)."""
    parser.add_argument("--lang", metavar="LOCALE", action="append", dest="langs", help=help)


def build_options(build: argparse.ArgumentParser) -> None:
    """``build``: which leaflets, languages and template, where to, and how."""
    build.add_argument("leaflets", nargs="*", metavar="LEAFLET", help="leaflet ids (default: every leaflet)")
    languages_option(build, "language to build, a code or a name; repeatable (default: en)")
    build.add_argument(
        "--template",
        action="append",
        dest="templates",
        metavar="NAME",
        help=f"layout template; repeatable, each is built (default: {DEFAULT_TEMPLATE})",
    )
    build.add_argument(
        "--out",
        type=Path,
        default=Path("out"),
        metavar="DIR",
        help="output folder (default: %(default)s). A failed build removes its previous PDF from DIR; "
        "with --all the batch owns DIR (see --all)",
    )
    build.add_argument(
        "--all",
        action="store_true",
        help="build every leaflet in every language and template, in parallel, and write DIR/manifest.json; "
        "files whose inputs have not changed are kept. The batch owns DIR: it locks it (a second --all into DIR "
        "is refused) and removes every other PDF in it, so DIR holds exactly the PDFs the manifest lists",
    )
    build.add_argument(
        "--jobs",
        type=job_count,
        metavar="N",
        help="with --all: how many PDFs to render at once, each in a process of its own (default: one per CPU)",
    )
    build.add_argument(
        "--clinic",
        type=Path,
        metavar="FILE",
        help="clinic profile (YAML: name, phone, address, country, website, logo); default: clinic.yaml in the "
        "project folder, if present. Without one, the leaflet has blank lines to write the clinic's details on",
    )
    build.add_argument(
        "--paper",
        type=paper_size,
        metavar="|".join(PAGE_SIZES),
        help="paper size, in any case (default: from the clinic's country, US Letter in the Americas' Letter "
        "countries, else A4)",
    )
    build.add_argument(
        "--allow-fallback",
        action="store_true",
        help="print missing or out-of-date translations in English, marked [EN], instead of refusing the language",
    )


def update_options(update: argparse.ArgumentParser) -> None:
    """``update``: one catalogue only."""
    update.add_argument("--lang", metavar="LOCALE", help="only this language (a code or a name)")


def init_options(init: argparse.ArgumentParser) -> None:
    """``init``: the new language."""
    init.add_argument(
        "locale",
        metavar="LOCALE",
        help="the language: a code (fr, pt_BR, zh) or its name in English or in itself (French, Français)",
    )
    init.add_argument(
        "--translator",
        metavar="'NAME <EMAIL>'",
        help="the translator, for the Last-Translator header (e.g. 'Ana Ruiz <ana@example.org>')",
    )
    init.add_argument(
        "--team",
        metavar="'LANGUAGE <ADDRESS>'",
        help="the translation team, for the Language-Team header (e.g. 'Spanish <es@example.org>')",
    )


def status_options(status: argparse.ArgumentParser) -> None:
    """``status``: which languages, and how to print them."""
    languages_option(status, "only these languages")
    status.add_argument("--format", choices=("table", "json"), default="table", help="output format")


def check_options(check: argparse.ArgumentParser) -> None:
    """``check``: which languages, whether to list untranslated and unsigned messages, and the format."""
    languages_option(check, "only these languages")
    output = check.add_argument_group(
        "output",
        "Blocking findings come first, then warnings, each sorted by file and line (the msgstr's line); then, "
        "per language, one line counting the messages not translated, missing, fuzzy and stale, and its "
        "summary. Fuzzy and stale messages, blank translations and incomplete plural forms are listed one by "
        "one, since a translator must review each; messages simply not translated yet are only counted "
        "unless --untranslated is given. The exit code is 1 if any finding is blocking.",
    )
    output.add_argument(
        "--untranslated",
        action="store_true",
        help="also list every message that is not translated or missing from the catalogue, one per line",
    )
    output.add_argument(
        "--unsigned",
        action="store_true",
        help="also list every message no medical reviewer has signed off as it reads now (not blocking)",
    )
    output.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="table (lines, the default) or json: every finding (untranslated ones too) with file, line, "
        "msgctxt, msgid, problem, blocking and kind, and each language's counts",
    )


def signoff_options(signoff: argparse.ArgumentParser) -> None:
    """``signoff``: the language, the reviewer, the day and the message groups."""
    signoff.add_argument("--lang", metavar="LOCALE", required=True, help="the language reviewed (a code or a name)")
    signoff.add_argument("--by", required=True, metavar="NAME", help="the reviewer's name and qualification")
    signoff.add_argument("--date", metavar="YYYY-MM-DD", help="the day of the review (default: today)")
    signoff.add_argument(
        "--group",
        action="append",
        dest="groups",
        metavar="NAME",
        help="only these message groups: a leaflet id, or 'ui' for the layout's words; repeatable (default: all)",
    )


def validate_options(validate: argparse.ArgumentParser) -> None:
    validate.add_argument(
        "leaflets", nargs="*", metavar="LEAFLET", help="leaflet ids or .yaml files (default: every leaflet)"
    )
