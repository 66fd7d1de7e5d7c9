"""The command line: argument parsing and nothing else.

:func:`main` takes an argument list and returns the exit code:

* 0: success;
* 1: bad input (a leaflet, template or catalogue is wrong), or a file could
  not be written; each problem is printed as ``file:line: what is wrong``;
* 2: bad usage (unknown command, option, leaflet, language or template).

``python generate.py`` and the ``medleaflet`` console script both call it.
Unexpected internal errors print one line and write the traceback to a log
file, never to the terminal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from medleaflet import __version__
from medleaflet import cli_options as options
from medleaflet.batch import MANIFEST, build_all
from medleaflet.content.clinic import Clinic, load_clinic
from medleaflet.content.schema import leaflet_schema
from medleaflet.content.templates import DEFAULT_TEMPLATE, load_template
from medleaflet.content.validate import load_leaflet
from medleaflet.errors import MedleafletError, OutputError, UsageError
from medleaflet.i18n import commands, pybabel
from medleaflet.i18n.catalogues import pot_path
from medleaflet.i18n.locales import language_of
from medleaflet.i18n.status import format_table
from medleaflet.pipeline import BuildOptions, build_leaflet, output_name
from medleaflet.project import Project, default_root
from medleaflet.write import output_folder, remove_output

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting, so tests run in-process."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


#: ``handler(project, args, out)``: runs one command and returns its exit code.
Handler = Callable[[Project, argparse.Namespace, TextIO], int]
#: ``options(parser)``: adds one command's arguments and options to its parser.
Options = Callable[[argparse.ArgumentParser], None]


def _no_options(parser: argparse.ArgumentParser) -> None:
    """The options of a command that has none of its own."""


@dataclass(frozen=True)
class Command:
    """One sub-command: its name, the handler that runs it, its line in the command list
    (``help``), the text of its own ``--help`` (``description``), and what adds its options."""

    name: str
    handler: Handler
    help: str
    description: str
    options: Options = _no_options


def make_parser() -> argparse.ArgumentParser:
    """The argument parser for every command of :data:`COMMANDS`."""
    parser = _Parser(
        prog="generate.py",
        description="Generate patient medication leaflets as print-ready PDFs, in many languages.",
    )
    parser.add_argument("--version", action="version", version=f"medleaflet {__version__}")
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="project folder holding leaflets/, templates/, translations/ and fonts/ (default: this checkout)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    for command in COMMANDS:
        sub = commands.add_parser(command.name, help=command.help, description=command.description)
        sub.set_defaults(handler=command.handler)
        command.options(sub)
    return parser


class _BuildsFailedError(MedleafletError):
    """The builds of a plain ``build`` that failed: each error, with the notes on the
    previous PDFs it removed, printed as the CLI prints a single error."""

    def __init__(self, failures: list[tuple[MedleafletError, list[str]]]) -> None:
        located = next((error.location for error, _ in failures if error.location), None)
        super().__init__(f"{len(failures)} build(s) failed", located)
        self.failures = failures

    def lines(self) -> list[str]:
        """Every failure's lines and notes; ``main`` adds "error: " only when no failure is located."""
        lines: list[str] = []
        for error, notes in self.failures:
            lines += [line if error.location or not self.location else f"error: {line}" for line in error.lines()]
            lines += notes
        return lines


def _remove_previous(paths: list[Path]) -> list[str]:
    """Remove the previous PDFs at ``paths`` of builds that failed; returns a note per file."""
    notes = []
    for path in paths:
        try:
            if remove_output(path):
                notes.append(f"removed {path}: its build failed, so the previous PDF no longer matches its inputs")
        except OutputError as exc:
            notes.append(str(exc))
    return notes


def _cmd_build(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    """Build each leaflet in each language into --out; returns the exit code.

    Names are all checked first (a usage error builds and removes nothing).
    A build that fails does not stop the others: its previous PDF is removed,
    and every failure is raised together at the end (exit 1).
    """
    if args.all:
        return _cmd_build_all(project, args, out)
    leaflets = args.leaflets or project.leaflet_ids()
    if not leaflets:
        raise UsageError(f"no leaflets found in {project.leaflets_dir}")
    # Check every name before building anything.
    for leaflet_id in leaflets:
        project.leaflet_path(leaflet_id)
    project.template_path(args.template)
    locales = list(dict.fromkeys(project.locale(code) for code in (args.langs or ["en"])))
    output_folder(args.out)
    targets = [(leaflet_id, locale) for leaflet_id in leaflets for locale in locales]
    paths = [args.out / output_name(leaflet_id, locale, args.template) for leaflet_id, locale in targets]
    try:
        clinic, _ = _load_clinic_option(project, args)
    except UsageError:
        raise
    except MedleafletError as exc:  # every PDF carries the clinic: none of the previous ones is valid now
        raise _BuildsFailedError([(exc, _remove_previous(paths))]) from None
    options = BuildOptions(args.template, args.allow_fallback, clinic, args.paper)
    failures: list[tuple[MedleafletError, list[str]]] = []
    for (leaflet_id, locale), path in zip(targets, paths, strict=True):
        try:
            result = build_leaflet(project, leaflet_id, locale, args.out, options)
        except UsageError:
            raise
        except MedleafletError as exc:
            failures.append((exc, _remove_previous([path])))
            continue
        print(f"wrote {result.path} ({result.pages} pages, {result.size} bytes)", file=out)
    if failures:
        raise _BuildsFailedError(failures)
    return EXIT_OK


def _clinic_file_option(project: Project, args: argparse.Namespace) -> Path | None:
    """The clinic profile named by --clinic, else clinic.yaml in the project if anything
    is there (a broken one then fails to load rather than being skipped), else None."""
    default = project.root / "clinic.yaml"
    return args.clinic or (default if os.path.lexists(default) else None)


def _load_clinic_option(project: Project, args: argparse.Namespace) -> tuple[Clinic | None, Path | None]:
    """The clinic profile named by --clinic, else clinic.yaml in the project, else none."""
    clinic_file = _clinic_file_option(project, args)
    if clinic_file is not None:
        return load_clinic(clinic_file, project.root), clinic_file
    return None, None


def _cmd_build_all(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    if args.leaflets or args.langs:
        raise UsageError("--all builds every leaflet, language and template; do not name any")
    # The batch loads the clinic itself, under its lock: if it is broken, no old PDF is left behind.
    options = BuildOptions(DEFAULT_TEMPLATE, args.allow_fallback, None, args.paper)
    clinic_file = _clinic_file_option(project, args)
    result = build_all(project, args.out, options, clinic_file, log=sys.stderr if out is sys.stdout else out)
    print(
        f"{len(result.built)} built, {len(result.skipped)} unchanged, {len(result.failed)} failed, "
        f"{len(result.removed)} removed; manifest: {args.out / MANIFEST}",
        file=out,
    )
    for outcome in result.failed:
        job = outcome.job
        print(f"failed: {job.leaflet} {job.locale} {job.template}: {outcome.error}", file=out)
    return EXIT_OK if result.ok else EXIT_INPUT


def _cmd_list(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    print("Leaflets:", file=out)
    for leaflet_id in project.leaflet_ids():
        leaflet = load_leaflet(project.leaflet_path(leaflet_id), project.root)
        metadata = leaflet.metadata
        print(
            f"  {leaflet_id:<16} version {metadata.version}, revised {metadata.revised.isoformat()}, "
            f"{metadata.review.status}",
            file=out,
        )
    print("Languages:", file=out)
    for code in project.locales():
        language = language_of(code)
        print(f"  {code:<16} {language.own_name} ({language.direction})", file=out)
    print("Templates:", file=out)
    for name in project.template_names():
        template = load_template(project.template_path(name), project.root)
        print(f"  {name:<16} {template.description}", file=out)
    return EXIT_OK


def _cmd_validate(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    """Validate leaflets one by one; every problem of each is reported, and the first failing
    leaflet's problems end the run (as a build would)."""
    for name in args.leaflets or project.leaflet_ids():
        given = Path(name)
        path = given if given.suffix in (".yaml", ".yml") and given.is_file() else project.leaflet_path(name)
        leaflet = load_leaflet(path, project.root)
        print(f"{leaflet.source}: valid ({len(leaflet.texts())} messages)", file=out)
    return EXIT_OK


def _cmd_schema(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    """Print the whole leaflet schema (JSON Schema 2020-12), for editors that check YAML as it is typed."""
    print(json.dumps(leaflet_schema(), indent=2, ensure_ascii=False), file=out)
    return EXIT_OK


def _cmd_extract(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    path = pybabel.extract(project)
    print(f"wrote {path}", file=out)
    return EXIT_OK


def _cmd_update(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    locale = project.locale(args.lang) if args.lang else None
    pybabel.update(project, locale)
    print(f"updated {locale or 'every catalogue'} from {pot_path(project)}", file=out)
    return EXIT_OK


def _cmd_init(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    path = pybabel.init(project, language_of(args.locale).code)
    print(f"wrote {path}", file=out)
    return EXIT_OK


def _cmd_status(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    rows = commands.status_rows(project, args.langs)
    if args.format == "json":
        print(json.dumps([row.as_dict() for row in rows], indent=2, ensure_ascii=False), file=out)
    else:
        print(format_table(rows), file=out)
    return EXIT_OK


def _cmd_check(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    checked = commands.start_check(project)
    for line in [*checked.readability, *checked.source_problems]:  # a reading grade never fails
        print(line, file=out)
    failed = bool(checked.source_problems)
    for locale in commands.translated_locales(project, args.langs):
        check = checked.language(locale)
        for finding in check.findings:
            print(finding, file=out)
        for note in commands.unsigned_messages(check) if args.unsigned else []:
            print(note, file=out)
        print(commands.summary(check), file=out)
        failed = failed or bool(check.blocking)
    return EXIT_INPUT if failed else EXIT_OK


def _cmd_signoff(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    try:
        date = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    except ValueError:
        raise UsageError(f"--date: {args.date!r} is not a date written YYYY-MM-DD") from None
    result = commands.sign_off(project, args.lang, args.by, date, args.groups)
    print(
        f"signed {result.signed} messages of {project.locale(args.lang)} for {' '.join(args.by.split())} on "
        f"{date.isoformat()} in {result.record.display}"
        + (f"; {result.left} not translated or out of date, left unsigned" if result.left else ""),
        file=out,
    )
    return EXIT_OK


#: Every sub-command, in the order ``--help`` lists them.
COMMANDS: tuple[Command, ...] = (
    Command(
        "build",
        _cmd_build,
        "write leaflet PDFs",
        "Write DIR/{leaflet}.{locale}.pdf for each leaflet and language "
        "(DIR/{leaflet}.{locale}.{template}.pdf for a template other than 'standard').",
        options.build_options,
    ),
    Command(
        "list",
        _cmd_list,
        "list leaflets, languages and templates",
        "List the leaflets, languages and templates this project has.",
    ),
    Command(
        "validate",
        _cmd_validate,
        "check leaflet files against the schema",
        "Validate each leaflet file (or the given ones): every problem of a file is reported at once, "
        "as FILE:LINE: FIELD: PROBLEM. The format is described in docs/leaflet-schema.md.",
        options.validate_options,
    ),
    Command(
        "schema",
        _cmd_schema,
        "print the leaflet schema",
        "Print the JSON Schema of a leaflet file, assembled from every registered section "
        "(docs/leaflet-schema.md describes it in words).",
    ),
    Command(
        "extract",
        _cmd_extract,
        "write translations/leaflets.pot from the leaflets and the layout",
        "Extract every translatable message of the leaflets and of the layout (the installed package's "
        "N_() messages) into translations/leaflets.pot, as pybabel extract -F babel.cfg does in a checkout.",
    ),
    Command(
        "update",
        _cmd_update,
        "merge translations/leaflets.pot into the catalogues",
        "Merge the template into every catalogue, or one (as pybabel update). Changed texts become fuzzy, "
        "never printed until a translator confirms them; a new leaflet's messages start empty.",
        options.update_options,
    ),
    Command(
        "init",
        _cmd_init,
        "start a catalogue for a new language",
        "Create translations/LOCALE/LC_MESSAGES/leaflets.po from the template (pybabel init), "
        "marked as not reviewed by a medical translator.",
        options.init_options,
    ),
    Command(
        "status",
        _cmd_status,
        "show translation progress and review status",
        "Per language and leaflet: messages translated, fuzzy (stale) and missing, and whether a "
        "qualified medical translator has reviewed the language.",
        options.status_options,
    ),
    Command(
        "check",
        _cmd_check,
        "check leaflets and translations; non-zero exit on a blocking problem",
        "Validate every leaflet and print its English reading grade (Flesch-Kincaid; a warning above 8), then "
        "check every catalogue (or one) against the English: missing, fuzzy or stale messages, numbers and "
        "units, placeholders, markup, protected names, and characters no configured font can draw. "
        "Each finding prints as FILE:LINE: MSGCTXT: PROBLEM. Exit code 1 if any is blocking.",
        options.check_options,
    ),
    Command(
        "signoff",
        _cmd_signoff,
        "record a medical reviewer's sign-off of a translation",
        "Record that a qualified medical reviewer has checked the translation of LOCALE: every "
        "message that is translated and passes QA is signed as it reads now, in "
        "translations/LOCALE/LC_MESSAGES/leaflets.review.yaml. Leaflets print 'reviewed' only when every "
        "message they use is signed; any later change to a message unsigns it.",
        options.signoff_options,
    ),
)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = make_parser()
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help and --version
            return int(exc.code or 0)
        project = Project.open(args.root or default_root())
        return int(args.handler(project, args, out))
    except MedleafletError as exc:
        for line in exc.lines():
            print(line if exc.location else f"error: {line}", file=err)
        if isinstance(exc, UsageError):
            print("Run with --help for usage.", file=err)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=err)
        return 130
    except BrokenPipeError:  # e.g. `generate.py list | head`: the reader left
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        return _internal_error(exc, err)


def _internal_error(exc: Exception, err: TextIO) -> int:
    """Log an unexpected exception to a file and print one line about it."""
    with tempfile.NamedTemporaryFile(
        "w", prefix="medleaflet-crash-", suffix=".log", delete=False, encoding="utf-8"
    ) as log:
        traceback.print_exception(exc, file=log)
    print(f"internal error ({type(exc).__name__}: {exc}); please report it with {log.name}", file=err)
    return EXIT_INPUT
