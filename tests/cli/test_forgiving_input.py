"""Issue 12, "clinic staff get forgiving input": what a hurried nurse types, and what the command line makes of it.

Languages by name in any case, with or without accents, in every command that
takes one; suggestions for a misspelt language; the project's languages in
``--help``; paper names in any case; every template asked for; the program's
own name; the languages' names in ``list``; which clinic profile a build used;
and a multi-language build that prints every language it can. The languages,
leaflets and templates come from the project, never from a fixed list.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from pypdf import PdfReader

from medleaflet.cli import main, make_parser
from medleaflet.cli_options import PROG, program_name
from medleaflet.content.clinic import load_clinic
from medleaflet.content.countries import country_name
from medleaflet.content.load import display_name
from medleaflet.content.templates import DEFAULT_TEMPLATE, PAGE_SIZES, load_template
from medleaflet.content.validate import load_leaflet
from medleaflet.i18n.digits import in_locale_digits
from medleaflet.i18n.language_check import leaflet_messages
from medleaflet.i18n.locales import SOURCE_LOCALE, language_of
from medleaflet.pipeline import output_name
from medleaflet.project import Project
from tests.conftest import DATA, ROOT, edit_catalogue, prints, run_cli

PROJECT = Project(ROOT)
LEAFLETS = PROJECT.leaflet_ids()
LOCALES = PROJECT.locales()
TRANSLATED = [code for code in LOCALES if code != SOURCE_LOCALE]
TEMPLATES = PROJECT.template_names()
#: The commands that take ``--lang``, with the other arguments each needs.
LANGUAGE_COMMANDS: dict[str, list[str]] = {
    "build": [LEAFLETS[0]],
    "status": [],
    "check": [],
    "update": [],
    "signoff": ["--by", "Dr Test"],
}


def _copy_project(target: Path, leaflets: list[str] = LEAFLETS, templates: list[str] = TEMPLATES) -> Path:
    """A project folder with some of the checkout's leaflets and templates, all its catalogues, and its fonts."""
    for folder, names in (("leaflets", leaflets), ("templates", templates)):
        (target / folder).mkdir(parents=True)
        for name in names:
            shutil.copy(ROOT / folder / f"{name}.yaml", target / folder)
    shutil.copytree(PROJECT.translations_dir, target / "translations")
    (target / "fonts").symlink_to(PROJECT.fonts_dir)
    return target


@cache
def _printing() -> tuple[str, list[str]]:
    """A leaflet and the translated languages it prints in without fallback (at least two)."""
    for leaflet in LEAFLETS:
        codes = [code for code in TRANSLATED if prints(PROJECT, leaflet, code)]
        if len(codes) >= 2:
            return leaflet, codes
    raise AssertionError("no leaflet prints in two translated languages")


def _typo(name: str) -> str:
    """``name`` in lower case with its second-to-last letter dropped (``Vietnamese`` -> ``vietnamee``)."""
    return name.lower()[:-2] + name.lower()[-1]


# --- languages by name ---------------------------------------------------------------------------


def _names(code: str) -> list[str]:
    """The names a user may type for ``code``: English in lower case, its own name, and upper case."""
    language = language_of(code)
    return list(dict.fromkeys([language.english_name.lower(), language.own_name, language.english_name.upper()]))


@pytest.mark.parametrize(("code", "name"), [(code, name) for code in TRANSLATED for name in _names(code)])
def test_status_takes_a_language_by_name(code: str, name: str) -> None:
    status, out, err = run_cli("status", "--lang", name, "--format", "json")
    assert (status, err) == (0, "")
    assert {row["locale"] for row in json.loads(out)} == {code}


def test_build_takes_a_language_by_its_own_name(tmp_path: Path) -> None:
    leaflet, codes = _printing()
    code, _, err = run_cli("build", leaflet, "--lang", language_of(codes[0]).own_name, "--out", str(tmp_path))
    assert (code, err) == (0, "")
    assert [path.name for path in tmp_path.iterdir()] == [output_name(leaflet, codes[0], DEFAULT_TEMPLATE)]


def test_check_takes_a_language_by_name() -> None:
    code = TRANSLATED[-1]
    status, out, err = run_cli("check", "--lang", language_of(code).english_name.lower())
    assert status in (0, 1), err  # a blocking finding is not what this is about
    catalogues = {line.split(":")[0] for line in out.splitlines() if line.startswith("translations/")}
    assert catalogues == {f"translations/{code}/LC_MESSAGES/leaflets.po"}, err


def test_update_and_signoff_take_a_language_by_name(tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    code = TRANSLATED[0]
    name = language_of(code).own_name.upper()
    status, out, err = run_cli("--root", str(root), "update", "--lang", name)
    assert (status, err) == (0, "") and out.startswith(f"updated {code} from ")
    status, out, err = run_cli("--root", str(root), "signoff", "--lang", name, "--by", "Dr Test")
    assert (status, err) == (0, "") and f" messages of {code} for Dr Test on " in out


@pytest.mark.parametrize("code", TRANSLATED)
def test_init_takes_a_language_by_name(code: str, make_project: Callable[..., Path]) -> None:
    root = make_project([DATA / "leaflets" / "minimal.yaml"])
    assert run_cli("--root", str(root), "extract")[0] == 0
    status, out, err = run_cli("--root", str(root), "init", language_of(code).own_name)
    assert status == 0, err
    assert out.startswith(f"wrote {root / 'translations' / code / 'LC_MESSAGES' / 'leaflets.po'}")


@pytest.mark.parametrize("spelling", ["pt-br", "PT-BR", "pt_BR", "Portuguese (Brazil)", "portuguese (brazil)"])
def test_a_language_of_a_country_by_code_or_name(spelling: str, make_project: Callable[..., Path]) -> None:
    """``init`` and then every command find the catalogue of a language and country, however written."""
    root = make_project([DATA / "leaflets" / "minimal.yaml"])
    assert run_cli("--root", str(root), "extract")[0] == 0
    assert run_cli("--root", str(root), "init", spelling)[0] == 0
    assert [path.name for path in (root / "translations").iterdir() if path.is_dir()] == ["pt_BR"]
    own = language_of("pt_BR").own_name
    for typed in (spelling, own, own.lower(), "PT-br"):
        status, out, err = run_cli("--root", str(root), "status", "--lang", typed, "--format", "json")
        assert (status, err) == (0, "")
        assert {row["locale"] for row in json.loads(out)} == {"pt_BR"}


@pytest.mark.parametrize("alias", ["tl", "Tagalog", "fil_PH"])
def test_init_by_an_alias_finds_the_catalogue_that_exists(alias: str, make_project: Callable[..., Path]) -> None:
    """Babel reads ``tl`` as ``fil_PH``: ``init tl`` must not start a second Filipino catalogue
    beside ``fil`` (``fil_PH``, naming the country, is its own catalogue)."""
    root = make_project([DATA / "leaflets" / "minimal.yaml"])
    assert run_cli("--root", str(root), "extract")[0] == 0
    assert run_cli("--root", str(root), "init", "fil")[0] == 0
    status, _, err = run_cli("--root", str(root), "init", alias)
    folders = sorted(path.name for path in (root / "translations").iterdir() if path.is_dir())
    if alias == "fil_PH":
        assert status == 0 and folders == ["fil", "fil_PH"], err
    else:
        assert status == 1 and "already exists" in err and folders == ["fil"], err


def test_init_refuses_the_source_language(make_project: Callable[..., Path]) -> None:
    root = make_project([DATA / "leaflets" / "minimal.yaml"])
    assert run_cli("--root", str(root), "extract")[0] == 0
    status, _, err = run_cli("--root", str(root), "init", "English")
    assert status == 2 and "source language" in err
    assert not [path for path in (root / "translations").iterdir() if path.is_dir()]


# --- unknown languages ---------------------------------------------------------------------------


def _run(command: str, language: str, root: Path, out: Path) -> tuple[int, str, str]:
    """Run ``command`` with ``--lang language`` in the project at ``root``."""
    extra = ["--out", str(out)] if command == "build" else []
    return run_cli("--root", str(root), command, *LANGUAGE_COMMANDS[command], "--lang", language, *extra)


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize("command", list(LANGUAGE_COMMANDS))
def test_a_misspelt_language_gets_a_suggestion(command: str, code: str, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project", LEAFLETS[:1], [DEFAULT_TEMPLATE])
    language = language_of(code)
    typo = _typo(language.english_name)
    status, _, err = _run(command, typo, root, tmp_path / "out")
    assert status == 2
    [line, hint] = err.splitlines()
    assert line.startswith(f"error: unknown language {typo!r}; did you mean ") and line.endswith("?"), line
    assert f"{code} ({language.names})" in line
    assert hint == "Run with --help for usage."
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("text", ["zzzzzzzz", "../../etc/passwd", "42", "", "not a locale"])
@pytest.mark.parametrize("command", list(LANGUAGE_COMMANDS))
def test_an_unknown_language_lists_the_available_ones(command: str, text: str, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project", LEAFLETS[:1], [DEFAULT_TEMPLATE])
    status, _, err = _run(command, text, root, tmp_path / "out")
    assert status == 2
    [line, _] = err.splitlines()
    listing = ", ".join(f"{code} ({language_of(code).names})" for code in LOCALES)
    assert line == f"error: unknown language {text!r}; available: {listing}"


def test_init_suggests_a_misspelt_language(make_project: Callable[..., Path]) -> None:
    root = make_project([DATA / "leaflets" / "minimal.yaml"])
    code = TRANSLATED[0]
    typo = _typo(language_of(code).english_name)
    status, _, err = run_cli("--root", str(root), "init", typo)
    assert status == 2
    assert err.startswith(f"error: unknown language {typo!r}; did you mean ") and f"{code} (" in err.splitlines()[0]
    assert not (root / "translations").exists()


# --- the project's languages in --help -----------------------------------------------------------


@pytest.mark.parametrize("command", ["", *LANGUAGE_COMMANDS])
def test_help_lists_the_projects_languages(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(*([command] if command else []), "--help")
    assert (code, err) == (0, "")
    out = capsys.readouterr().out
    listed = re.findall(r"^  (\S+) +(.+)$", out.split("Languages of this project")[1], re.MULTILINE)
    assert listed == [(locale, language_of(locale).english_name) for locale in LOCALES]


def test_help_lists_the_languages_of_the_root_given(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project", LEAFLETS[:1], [DEFAULT_TEMPLATE])
    shutil.rmtree(root / "translations" / TRANSLATED[0])
    assert run_cli("--root", str(root), "build", "--help")[0] == 0
    out = capsys.readouterr().out
    assert f"  {TRANSLATED[1]}" in out and f"  {TRANSLATED[0]} " not in out


def _stray_folder(root: Path) -> None:
    catalogue = root / "translations" / "not_a_locale" / "LC_MESSAGES" / "leaflets.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text("", "utf-8")


@pytest.mark.parametrize(
    ("breakage", "reason"),
    [
        (lambda root: shutil.rmtree(root), "no such folder"),
        (lambda root: shutil.rmtree(root / "leaflets"), "no leaflets/ folder"),
        (_stray_folder, "catalogue folder 'not_a_locale' is not a locale code"),
    ],
    ids=["missing", "no-leaflets", "stray-catalogue-folder"],
)
@pytest.mark.parametrize("command", ["", "build"])
def test_help_works_in_a_broken_project(
    command: str, breakage: Callable[[Path], None], reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy_project(tmp_path / "project", LEAFLETS[:1], [DEFAULT_TEMPLATE])
    breakage(root)
    code, _, err = run_cli("--root", str(root), *([command] if command else []), "--help")
    assert (code, err) == (0, "")
    out = capsys.readouterr().out
    assert out.startswith(f"usage: {PROG}")
    assert reason in " ".join(out.split()).split("Languages: cannot be listed (")[1]


# --- paper ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "paper"),
    [(spelling, name) for name in PAGE_SIZES for spelling in dict.fromkeys([name, name.upper(), name.title()])],
)
def test_paper_names_in_any_case(typed: str, paper: str) -> None:
    assert make_parser().parse_args(["build", "--paper", typed]).paper == paper


def test_paper_in_capitals_is_printed_on(tmp_path: Path) -> None:
    default = load_template(PROJECT.template_path(DEFAULT_TEMPLATE), ROOT).paper
    paper = next(name for name in PAGE_SIZES if name != default)
    code, _, err = run_cli("build", LEAFLETS[0], "--paper", paper.upper(), "--out", str(tmp_path))
    assert (code, err) == (0, "")
    box = PdfReader(tmp_path / output_name(LEAFLETS[0], SOURCE_LOCALE, DEFAULT_TEMPLATE)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(round(side) for side in PAGE_SIZES[paper])


@pytest.mark.parametrize("typed", ["A5", "legal", "", "a4 letter", "B"])
def test_unknown_paper_is_a_usage_error(typed: str, tmp_path: Path) -> None:
    code, _, err = run_cli("build", LEAFLETS[0], "--paper", typed, "--out", str(tmp_path))
    assert code == 2
    assert err.splitlines()[0].startswith(f"error: {PROG} build: argument --paper: unknown paper {typed!r}")
    assert not list(tmp_path.iterdir())


def test_a_misspelt_paper_gets_a_suggestion(tmp_path: Path) -> None:
    paper = max(PAGE_SIZES, key=len)
    typo = _typo(paper)
    code, _, err = run_cli("build", LEAFLETS[0], "--paper", typo, "--out", str(tmp_path))
    assert code == 2 and err.splitlines()[0].endswith(f"unknown paper {typo!r}; did you mean {paper}?")


# --- every template asked for --------------------------------------------------------------------


def test_every_template_given_is_built(tmp_path: Path) -> None:
    leaflet = LEAFLETS[0]
    asked = [*reversed(TEMPLATES), TEMPLATES[0]]  # in any order, one of them twice
    args = [arg for name in asked for arg in ("--template", name)]
    code, out, err = run_cli("build", leaflet, *args, "--out", str(tmp_path))
    assert (code, err) == (0, "")
    names = [output_name(leaflet, SOURCE_LOCALE, name) for name in dict.fromkeys(asked)]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(names)
    wrote = [line.split()[1] for line in out.splitlines() if line.startswith("wrote ")]
    assert wrote == [str(tmp_path / name) for name in names]


def test_every_leaflet_language_and_template(tmp_path: Path) -> None:
    leaflet, codes = _printing()
    root = _copy_project(tmp_path / "project", [leaflet, LEAFLETS[-1]], TEMPLATES[:2])
    leaflets, locales = list(dict.fromkeys([leaflet, LEAFLETS[-1]])), [codes[0], SOURCE_LOCALE]
    options = [arg for locale in locales for arg in ("--lang", locale)]
    options += [arg for name in TEMPLATES[:2] for arg in ("--template", name)]
    code, _, err = run_cli(
        "--root", str(root), "build", *leaflets, *options, "--allow-fallback", "--out", str(tmp_path / "out")
    )
    assert (code, err) == (0, ""), err
    expected = {output_name(*target) for target in itertools.product(leaflets, locales, TEMPLATES[:2])}
    assert {path.name for path in (tmp_path / "out").iterdir()} == expected


def test_an_unknown_template_among_several_builds_nothing(tmp_path: Path) -> None:
    code, _, err = run_cli(
        "build", LEAFLETS[0], "--template", TEMPLATES[0], "--template", "fancy", "--out", str(tmp_path)
    )
    assert code == 2 and err.startswith("error: unknown template 'fancy' (available: ")
    assert not list(tmp_path.iterdir())


def test_build_all_takes_no_template(tmp_path: Path) -> None:
    code, _, err = run_cli("build", "--all", "--template", TEMPLATES[0], "--out", str(tmp_path))
    assert code == 2 and err.startswith("error: --all builds every leaflet, language and template; do not name any")


# --- the program's name --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv0", "name"),
    [
        ("/usr/local/bin/medleaflet", "medleaflet"),
        ("generate.py", "generate.py"),
        (str(ROOT / "generate.py"), "generate.py"),
        ("/tmp/leaflets.py", "leaflets.py"),
        ("-c", PROG),
        ("/x/site-packages/medleaflet/__main__.py", PROG),
        ("", PROG),
    ],
)
def test_program_name(argv0: str, name: str) -> None:
    assert program_name(argv0) == name


def test_generate_py_calls_itself_generate_py() -> None:
    result = subprocess.run(
        [sys.executable, "generate.py", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("usage: generate.py [-h]")


@pytest.mark.parametrize("command", [[], ["build"], ["explode"]])
def test_the_console_script_calls_itself_medleaflet(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The console script's ``sys.argv[0]`` is the path of the installed ``medleaflet`` command."""
    monkeypatch.setattr(sys, "argv", [str(Path(sys.prefix) / "bin" / "medleaflet"), *command, "--help"])
    err = io.StringIO()
    code = main(err=err)
    shown = capsys.readouterr().out or err.getvalue()
    assert shown.startswith("usage: medleaflet") or shown.startswith("error: medleaflet: "), shown
    assert code == (2 if command == ["explode"] else 0)


# --- list ----------------------------------------------------------------------------------------


def test_list_shows_each_languages_code_and_both_names() -> None:
    code, out, err = run_cli("list")
    assert (code, err) == (0, "")
    block = out.split("Languages:\n")[1].split("Templates:")[0].splitlines()
    expected = []
    for locale in LOCALES:
        language = language_of(locale)
        own = language.own_name[:1].upper() + language.own_name[1:]
        names = language.english_name if own == language.english_name else f"{language.english_name} — {own}"
        digits = in_locale_digits("0-9", language.locale)
        expected.append(f"  {locale:<16} {names} ({language.direction}, page numbers and dates in {digits})")
    assert block == expected


# --- which clinic profile ------------------------------------------------------------------------


def test_build_says_it_used_no_clinic_profile(tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project", LEAFLETS[:1], [DEFAULT_TEMPLATE])
    code, out, err = run_cli("--root", str(root), "build", "--out", str(tmp_path / "out"))
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "clinic profile: none (blank lines to write the clinic's details on)"
    assert all(line.startswith("wrote ") for line in out.splitlines()[1:])


@pytest.mark.parametrize("profile", sorted((DATA / "clinics").glob("*.yaml")), ids=lambda path: path.stem)
def test_build_says_which_clinic_profile_it_used(profile: Path, tmp_path: Path) -> None:
    clinic = load_clinic(profile)
    code, out, err = run_cli("build", LEAFLETS[0], "--clinic", str(profile), "--out", str(tmp_path))
    assert (code, err) == (0, "")
    where = f"{country_name(clinic.country)} ({clinic.country}), emergency number {clinic.emergency.number}"
    assert out.splitlines()[0] == f"clinic profile: {display_name(profile, ROOT)} ({clinic.name}; {where})"
    assert out.splitlines()[1].startswith("wrote ")


def test_a_clinic_profile_outside_the_project_is_named_as_given(tmp_path: Path) -> None:
    profile = tmp_path / "profiles" / "clinic.yaml"
    profile.parent.mkdir()
    shutil.copy(sorted((DATA / "clinics").glob("*.yaml"))[0], profile)
    code, out, err = run_cli("build", LEAFLETS[0], "--clinic", str(profile), "--out", str(tmp_path / "out"))
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith(f"clinic profile: {profile.as_posix()} ({load_clinic(profile).name}; ")


def test_build_all_says_which_clinic_profile_it_used(tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project", LEAFLETS[:1], [DEFAULT_TEMPLATE])
    shutil.rmtree(root / "translations")
    profile = sorted((DATA / "clinics").glob("*.yaml"))[0]
    shutil.copy(profile, root / "clinic.yaml")
    code, out, err = run_cli("--root", str(root), "build", "--all", "--out", str(tmp_path / "out"))
    assert code == 0, err
    lines = out.splitlines()  # in-process, the progress lines come first
    index = lines.index("clinic profile: clinic.yaml")
    assert lines[index + 1].startswith("1 built, 0 unchanged, 0 failed")


def test_build_names_the_projects_own_clinic_profile(tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project", LEAFLETS[:1], [DEFAULT_TEMPLATE])
    profile = sorted((DATA / "clinics").glob("*.yaml"))[0]
    shutil.copy(profile, root / "clinic.yaml")
    code, out, err = run_cli("--root", str(root), "build", "--out", str(tmp_path / "out"))
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith(f"clinic profile: clinic.yaml ({load_clinic(profile).name}; ")


# --- a multi-language build with a refused language ----------------------------------------------


def _make_fuzzy(catalogue: Path, context: str, msgid: str) -> None:
    """Mark the message ``context``/``msgid`` of ``catalogue`` fuzzy, as ``update`` does when its English changes."""
    found = []

    def edit(message: Message) -> None:
        if message.context == context and message.id == msgid:
            message.flags.add("fuzzy")
            found.append(message)

    edit_catalogue(catalogue, edit)
    assert found, f"{context} is in {catalogue}"


@pytest.mark.parametrize("stale_first", [True, False], ids=["stale-language-first", "stale-language-last"])
def test_a_stale_language_is_refused_and_the_others_still_build(stale_first: bool, tmp_path: Path) -> None:
    leaflet, codes = _printing()
    stale, fine = codes[0], codes[1]
    root = _copy_project(tmp_path / "project", [leaflet], [DEFAULT_TEMPLATE])
    project = Project(root)
    source = leaflet_messages(load_leaflet(project.leaflet_path(leaflet), root)).groups[leaflet][0]
    _make_fuzzy(root / "translations" / stale / "LC_MESSAGES" / "leaflets.po", source.context, source.msgid)
    out = tmp_path / "out"
    order = [stale, fine] if stale_first else [fine, stale]
    langs = [arg for code in order for arg in ("--lang", language_of(code).english_name)]
    code, stdout, err = run_cli("--root", str(root), "build", leaflet, *langs, "--out", str(out))
    assert code == 1
    assert [path.name for path in out.iterdir()] == [output_name(leaflet, fine, DEFAULT_TEMPLATE)]
    assert f"wrote {out / output_name(leaflet, fine, DEFAULT_TEMPLATE)} (" in stdout
    catalogue = f"translations/{stale}/LC_MESSAGES/leaflets.po"
    reason = [line for line in err.splitlines() if line.startswith(f"{catalogue}:") and source.context in line]
    assert reason and "fuzzy" in reason[0], err
    assert f"refusing to print {stale}" in err
    assert "Traceback" not in err and "Run with --help" not in err
