"""The command line's catalogue commands: ``extract``, ``update``, ``init``, ``status``, ``check``
and ``signoff``, each ``handler(project, args, out) -> exit code`` as :mod:`medleaflet.cli` lists them.

Each imports the catalogue machinery it needs when it runs, so a build or ``--help`` loads none of it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TextIO

from medleaflet.cli_options import EXIT_INPUT, EXIT_OK
from medleaflet.errors import SeveralFailedError, UsageError
from medleaflet.project import Project


def extract(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    from medleaflet.i18n import pybabel

    written = pybabel.extract(project)
    print(f"{'wrote' if written.template_changed else 'unchanged:'} {written.template}", file=out)
    print(f"wrote {written.glossary} (names every translation keeps unchanged)", file=out)
    return EXIT_OK


def update(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    from medleaflet.i18n import pybabel
    from medleaflet.i18n.catalogues import pot_path

    locale = project.locale(args.lang) if args.lang is not None else None
    pybabel.update(project, locale)
    print(f"updated {locale or 'every catalogue'} from {pot_path(project)}", file=out)
    return EXIT_OK


def init(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    from medleaflet.i18n import pybabel
    from medleaflet.i18n.locales import cldr_locale

    path = pybabel.init(project, cldr_locale(args.locale), args.translator, args.team)
    print(f"wrote {path}", file=out)
    if not args.translator:
        print(
            "note: Last-Translator is still a placeholder: give --translator 'Name <email>' "
            "(or fill it in with your editor's catalogue properties)",
            file=out,
        )
    return EXIT_OK


def status(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    from medleaflet.i18n import commands
    from medleaflet.i18n.status import format_table

    rows = commands.status_rows(project, args.langs)
    if args.format == "json":
        print(json.dumps([row.as_dict() for row in rows], indent=2, ensure_ascii=False), file=out)
    else:
        print(format_table(rows), file=out)
    return EXIT_OK


def check(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    from medleaflet.i18n import commands

    checked = commands.check_report(project, args.langs, untranslated=args.untranslated, unsigned=args.unsigned)
    if args.format == "json":
        print(json.dumps(checked.as_json(), indent=2, ensure_ascii=False), file=out)
    else:
        for line in checked.lines():  # a reading grade never fails
            print(line, file=out)
    if checked.unreadable:  # on stderr, as any unreadable input; after every language that could be read
        raise SeveralFailedError([(error, []) for error in checked.unreadable])
    return EXIT_INPUT if checked.failed else EXIT_OK


def signoff(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    from medleaflet.i18n import commands

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
