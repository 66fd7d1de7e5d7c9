"""The command line: argument parsing and nothing else.

:func:`main` takes an argument list and returns the exit code:

* 0: success;
* 1: bad input (a leaflet, template or catalogue is wrong), or a file could
  not be written; each problem is printed as ``file:line: what is wrong``;
* 2: bad usage (unknown command, option, leaflet, language or template).

``python generate.py`` and the ``medleaflet`` console script both call it, and
``--help`` names the program as it was started (``usage: generate.py``,
``usage: medleaflet``) and lists the project's languages, read from ``--root``
before the arguments are parsed (a broken project folder only says so there).
Unexpected internal errors print one line and write the traceback to a log
file, never to the terminal.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from medleaflet import __version__
from medleaflet import cli_catalogue as catalogue_commands
from medleaflet import cli_options as options
from medleaflet.cli_options import EXIT_INPUT, EXIT_OK
from medleaflet.content.load import display_name
from medleaflet.content.names import DEFAULT_TEMPLATE
from medleaflet.errors import MedleafletError, OutputError, SeveralFailedError, UsageError
from medleaflet.loading import load_frozen
from medleaflet.project import Project, default_root
from medleaflet.write import output_folder, remove_output

if TYPE_CHECKING:
    from medleaflet.content.clinic import Clinic

# Each command imports what only it needs inside its function (loading, validating, rendering,
# catalogue work), so ``--help`` and the light commands start quickly.


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting, so tests run in-process, and whose
    ``--help`` ends with the project's languages when :attr:`languages` is set."""

    #: Gives the text that lists the project's languages, computed only when help is shown.
    languages: Callable[[], str] | None = None

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")

    def format_help(self) -> str:
        """The help text, the project's languages last."""
        if self.languages is not None:
            self.epilog = self.languages()
        return super().format_help()


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
    #: Whether its ``--help`` lists the project's languages (it takes ``--lang``).
    takes_languages: bool = False
    #: The modules the handler imports when it runs; a command-line process loads them first,
    #: without rounds of the garbage collector (:mod:`medleaflet.loading`).
    loads: tuple[str, ...] = ()


def make_parser(prog: str = options.PROG, languages: Callable[[], str] | None = None) -> argparse.ArgumentParser:
    """The argument parser for every command of :data:`COMMANDS`, named ``prog``; ``languages``
    gives the list of the project's languages that ends the ``--help`` of the top level and of
    every command that takes ``--lang`` (none if None)."""
    parser = _Parser(
        prog=prog,
        description="Generate patient medication leaflets as print-ready PDFs, in many languages.",
        formatter_class=options.HelpFormatter,
    )
    parser.languages = languages
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
        sub = commands.add_parser(
            command.name, help=command.help, description=command.description, formatter_class=options.HelpFormatter
        )
        sub.set_defaults(handler=command.handler, loads=command.loads)
        sub.languages = languages if command.takes_languages else None
        command.options(sub)
    return parser


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


#: One PDF of a plain ``build``: leaflet id, catalogue locale, template name.
Target = tuple[str, str, str]


def _build_targets(project: Project, args: argparse.Namespace) -> list[Target]:
    """Every leaflet x language x template a plain ``build`` asks for, each name checked
    (a :class:`UsageError` before anything is built or removed)."""
    leaflets = args.leaflets or project.leaflet_ids()
    if not leaflets:
        raise UsageError(f"no leaflets found in {project.leaflets_dir}")
    for leaflet_id in leaflets:
        project.leaflet_path(leaflet_id)
    templates = list(dict.fromkeys(args.templates or [DEFAULT_TEMPLATE]))
    for name in templates:
        project.template_path(name)
    locales = list(dict.fromkeys(project.locale(language) for language in (args.langs or ["en"])))
    return list(itertools.product(dict.fromkeys(leaflets), locales, templates))


def _cmd_build(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    """Build each leaflet in each language and template into --out; returns the exit code.

    Names are all checked first (a usage error builds and removes nothing).
    Says which clinic profile the leaflets carry. A build that fails does not
    stop the others: its previous PDF is removed, and every failure is raised
    together at the end (exit 1).
    """
    from medleaflet.pipeline import BuildOptions, build_leaflet, output_name  # rendering: only build loads it

    if args.all:
        return _cmd_build_all(project, args, out)
    if args.jobs is not None:
        raise UsageError("--jobs is for --all; a plain build renders its PDFs one after another")
    targets = _build_targets(project, args)
    output_folder(args.out)
    paths = [args.out / output_name(leaflet_id, locale, template) for leaflet_id, locale, template in targets]
    try:
        clinic, clinic_file = _load_clinic_option(project, args)
    except UsageError:
        raise
    except MedleafletError as exc:  # every PDF carries the clinic: none of the previous ones is valid now
        raise SeveralFailedError([(exc, _remove_previous(paths))]) from None
    print(_clinic_line(project, clinic, clinic_file), file=out)
    failures: list[tuple[MedleafletError, list[str]]] = []
    for (leaflet_id, locale, template), path in zip(targets, paths, strict=True):
        options = BuildOptions(template, args.allow_fallback, clinic, args.paper)
        try:
            result = build_leaflet(project, leaflet_id, locale, args.out, options)
        except UsageError:
            raise
        except MedleafletError as exc:
            failures.append((exc, _remove_previous([path])))
            continue
        print(f"wrote {result.path} ({result.pages} pages, {result.size} bytes)", file=out)
    if failures:
        raise SeveralFailedError(failures)
    return EXIT_OK


def _clinic_line(project: Project, clinic: Clinic | None, clinic_file: Path | None) -> str:
    """The line that says which clinic profile a build used (the file, and the clinic's name once loaded)."""
    from medleaflet.content.countries import country_name

    if clinic_file is None:
        return "clinic profile: none (blank lines to write the clinic's details on)"
    if clinic is None:
        return f"clinic profile: {display_name(clinic_file, project.root)}"
    where = f"{country_name(clinic.country)} ({clinic.country}), emergency number {clinic.emergency.number}"
    return f"clinic profile: {display_name(clinic_file, project.root)} ({clinic.name}; {where})"


def _clinic_file_option(project: Project, args: argparse.Namespace) -> Path | None:
    """The clinic profile named by --clinic, else clinic.yaml in the project if anything
    is there (a broken one then fails to load rather than being skipped), else None."""
    default = project.root / "clinic.yaml"
    return args.clinic or (default if os.path.lexists(default) else None)


def _load_clinic_option(project: Project, args: argparse.Namespace) -> tuple[Clinic | None, Path | None]:
    """The clinic profile named by --clinic, else clinic.yaml in the project, else none."""
    from medleaflet.content.clinic import load_clinic

    clinic_file = _clinic_file_option(project, args)
    if clinic_file is not None:
        return load_clinic(clinic_file, project.root), clinic_file
    return None, None


def _cmd_build_all(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    """``build --all``: the batch, then the clinic profile, one line of totals and one per failure."""
    from medleaflet.batch import MANIFEST, build_all
    from medleaflet.pipeline import BuildOptions

    if args.leaflets or args.langs or args.templates:
        raise UsageError("--all builds every leaflet, language and template; do not name any")
    # The batch loads the clinic itself, under its lock: if it is broken, no old PDF is left behind.
    options = BuildOptions(DEFAULT_TEMPLATE, args.allow_fallback, None, args.paper)
    clinic_file = _clinic_file_option(project, args)
    log = sys.stderr if out is sys.stdout else out
    result = build_all(project, args.out, options, clinic_file, log=log, workers=args.jobs)
    print(_clinic_line(project, None, clinic_file), file=out)
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
    from medleaflet.content.templates import load_template
    from medleaflet.content.validate import load_leaflet
    from medleaflet.i18n.digits import in_locale_digits
    from medleaflet.i18n.locales import language_of

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
        names = " — ".join(dict.fromkeys((language.english_name, language.own_title)))
        digits = in_locale_digits("0-9", language.locale)
        print(f"  {code:<16} {names} ({language.direction}, page numbers and dates in {digits})", file=out)
    print("Templates:", file=out)
    for name in project.template_names():
        template = load_template(project.template_path(name), project.root)
        print(f"  {name:<16} {template.description}", file=out)
    return EXIT_OK


def _cmd_validate(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    """Validate leaflets one by one; every problem of each is reported, and the first failing
    leaflet's problems end the run (as a build would)."""
    from medleaflet.content.validate import load_leaflet

    for name in args.leaflets or project.leaflet_ids():
        given = Path(name)
        path = given if given.suffix in (".yaml", ".yml") and given.is_file() else project.leaflet_path(name)
        leaflet = load_leaflet(path, project.root)
        print(f"{leaflet.source}: valid ({len(leaflet.texts())} messages)", file=out)
    return EXIT_OK


def _cmd_schema(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    """Print the whole leaflet schema (JSON Schema 2020-12), for editors that check YAML as it is typed."""
    from medleaflet.content.schema import leaflet_schema

    print(json.dumps(leaflet_schema(), indent=2, ensure_ascii=False), file=out)
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
        takes_languages=True,
        loads=("medleaflet.pipeline",),
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
        catalogue_commands.extract,
        "write translations/leaflets.pot from the leaflets and the layout",
        "Extract every translatable message of the leaflets and of the layout (the installed package's "
        "N_() messages) into translations/leaflets.pot, as pybabel extract -F babel.cfg does in a checkout.",
    ),
    Command(
        "update",
        catalogue_commands.update,
        "merge translations/leaflets.pot into the catalogues",
        "Merge the template into every catalogue, or one (as pybabel update). Changed texts become fuzzy, "
        "never printed until a translator confirms them; a new leaflet's messages start empty.",
        options.update_options,
        takes_languages=True,
    ),
    Command(
        "init",
        catalogue_commands.init,
        "start a catalogue for a new language",
        "Create translations/LOCALE/LC_MESSAGES/leaflets.po from the template (pybabel init), "
        "marked as not reviewed by a medical translator.",
        options.init_options,
    ),
    Command(
        "status",
        catalogue_commands.status,
        "show translation progress and review status",
        "Per language and leaflet: messages translated, fuzzy (stale) and missing, and whether a "
        "qualified medical translator has reviewed the language.",
        options.status_options,
        takes_languages=True,
    ),
    Command(
        "check",
        catalogue_commands.check,
        "check leaflets and translations; non-zero exit on a blocking problem",
        "Validate every leaflet and print its English reading grade (Flesch-Kincaid; a warning above 8), then "
        "check every catalogue (or one) against the English: missing, fuzzy or stale messages, numbers and "
        "units, placeholders, markup, protected names, and characters no configured font can draw. "
        "Each finding prints as FILE:LINE: MSGCTXT: PROBLEM. Exit code 1 if any is blocking.",
        options.check_options,
        takes_languages=True,
    ),
    Command(
        "signoff",
        catalogue_commands.signoff,
        "record a medical reviewer's sign-off of a translation",
        "Record that a qualified medical reviewer has checked the translation of LOCALE: every "
        "message that is translated and passes QA is signed as it reads now, in "
        "translations/LOCALE/LC_MESSAGES/leaflets.review.yaml. Leaflets print 'reviewed' only when every "
        "message they use is signed; any later change to a message unsigns it.",
        options.signoff_options,
        takes_languages=True,
    ),
)


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None, prog: str | None = None
) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit code.

    ``prog`` names the program in usage and errors; by default, the name it was started by
    (:func:`~medleaflet.cli_options.program_name`) when ``argv`` is the command line, else ``medleaflet``.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    if prog is None:
        prog = options.program_name(sys.argv[0]) if argv is None and sys.argv else options.PROG
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = make_parser(prog, options.languages_help(arguments))
    try:
        try:
            args = parser.parse_args(arguments)
        except SystemExit as exc:  # --help and --version
            return int(exc.code or 0)
        project = Project.open(args.root or default_root())
        if argv is None:  # this process runs one command and ends
            load_frozen(args.loads)
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
