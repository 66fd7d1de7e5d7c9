"""The command line's options: one function per command that adds them to its parser.

Each ``*_options(parser)`` declares the arguments of one sub-command of
:data:`medleaflet.cli.COMMANDS`; :mod:`medleaflet.cli` runs the commands.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from medleaflet.content.templates import DEFAULT_TEMPLATE


def languages_option(parser: argparse.ArgumentParser, help: str) -> None:
    """``--lang LOCALE``, repeatable, into ``args.langs``."""
    parser.add_argument("--lang", metavar="LOCALE", action="append", dest="langs", help=help)


def build_options(build: argparse.ArgumentParser) -> None:
    """``build``: which leaflets, languages and template, where to, and how."""
    build.add_argument("leaflets", nargs="*", metavar="LEAFLET", help="leaflet ids (default: every leaflet)")
    languages_option(build, "language to build; repeatable (default: en)")
    build.add_argument(
        "--template", default=DEFAULT_TEMPLATE, metavar="NAME", help="layout template (default: %(default)s)"
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
        "--clinic",
        type=Path,
        metavar="FILE",
        help="clinic profile (YAML: name, phone, address, country, website, logo); default: clinic.yaml in the "
        "project folder, if present. Without one, the leaflet has blank lines to write the clinic's details on",
    )
    build.add_argument(
        "--paper",
        choices=("a4", "letter"),
        help="paper size (default: from the clinic's country, US Letter in the Americas' Letter countries, else A4)",
    )
    build.add_argument(
        "--allow-fallback",
        action="store_true",
        help="print missing or out-of-date translations in English, marked [EN], instead of refusing the language",
    )


def update_options(update: argparse.ArgumentParser) -> None:
    """``update``: one catalogue only."""
    update.add_argument("--lang", metavar="LOCALE", help="only this language")


def init_options(init: argparse.ArgumentParser) -> None:
    """``init``: the new language."""
    init.add_argument("locale", metavar="LOCALE", help="language code, e.g. fr, pt_BR, zh")


def status_options(status: argparse.ArgumentParser) -> None:
    """``status``: which languages, and how to print them."""
    languages_option(status, "only these languages")
    status.add_argument("--format", choices=("table", "json"), default="table", help="output format")


def check_options(check: argparse.ArgumentParser) -> None:
    """``check``: which languages, and whether to list unsigned messages."""
    languages_option(check, "only these languages")
    check.add_argument(
        "--unsigned",
        action="store_true",
        help="also list every message no medical reviewer has signed off as it reads now (not blocking)",
    )


def signoff_options(signoff: argparse.ArgumentParser) -> None:
    """``signoff``: the language, the reviewer, the day and the message groups."""
    signoff.add_argument("--lang", metavar="LOCALE", required=True, help="the language reviewed")
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
