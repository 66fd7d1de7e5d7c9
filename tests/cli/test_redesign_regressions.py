"""What a hurried nurse, a careless translator and a hostile contributor see, pinned
after the issue-10 redesign: every command's help, empty and wrong project folders,
broken leaflets, templates, fonts, catalogues and clinic profiles, each refused with
located one-line errors (exit 1, or 2 for usage), never a traceback; and the Python
API with two projects whose fonts differ, in one process.

Leaflets, languages and templates come from the project itself; the tests marked
``xfail(strict=True)`` are bugs found while attacking the redesign (all of them
already in the version before it).
"""

from __future__ import annotations

import argparse
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from medleaflet.cli import make_parser
from medleaflet.cli_options import PROG
from medleaflet.pipeline import BuildOptions, build_leaflet
from medleaflet.project import Project
from medleaflet.sections import SECTIONS
from tests.conftest import DATA, ROOT, fonts_of, run_cli
from textengine.font_config import load_font_config
from textengine.fonts import font_stack

PROJECT = Project(ROOT)
LEAFLETS = PROJECT.leaflet_ids()
LOCALES = [code for code in PROJECT.locales() if (PROJECT.translations_dir / code).is_dir()]
TEMPLATES = PROJECT.template_names()
FIRST_LOCALE = LOCALES[0]

#: One error line as the CLI prints it: ``file:line: what``, ``file: what`` or ``error: what``.
LOCATED = re.compile(r"^[^\s:][^:]*:\d+: \S")
ERROR_LINE = re.compile(r"^(error: \S|[^\s:][^:]*:(\d+:)? \S|Run with --help for usage\.$)")


def _commands() -> dict[str, argparse.ArgumentParser]:
    """Every sub-command of the CLI, by name."""
    parser = make_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


#: The fewest arguments each command needs besides ``--root``.
MINIMAL_ARGS: dict[str, list[str]] = {
    "build": [],
    "list": [],
    "validate": [],
    "schema": [],
    "extract": [],
    "update": [],
    "init": ["xx"],
    "status": [],
    "check": [],
    "signoff": ["--lang", FIRST_LOCALE, "--by", "Dr Test"],
}


def _assert_clean_failure(code: int, err: str) -> None:
    """A refusal a user can act on: exit 1 or 2, each line an error line, no traceback."""
    assert code in (1, 2), err
    assert "Traceback" not in err and "internal error" not in err, err
    assert err.strip(), "a refusal must say why"
    assert all(ERROR_LINE.match(line) for line in err.splitlines()), err


def _copy_project(target: Path, fonts: str = "link") -> Path:
    """A project folder with the checkout's leaflets, templates and translations;
    ``fonts`` is ``link`` (one link per font file), ``copy`` or ``none``."""
    target.mkdir(parents=True)
    for folder in ("leaflets", "templates", "translations"):
        shutil.copytree(ROOT / folder, target / folder)
    if fonts != "none":
        (target / "fonts").mkdir()
        for path in (ROOT / "fonts").iterdir():
            if fonts == "copy":
                shutil.copy(path, target / "fonts" / path.name)
            else:
                (target / "fonts" / path.name).symlink_to(path)
    return target


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), "utf-8")


def _line_of(path: Path, needle: str) -> int:
    """The 1-based number of the first line of ``path`` that contains ``needle``."""
    return next(number for number, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line)


def _uncovered_character() -> str:
    """A character no font family of any template can draw (chosen from a few candidates)."""
    families = {
        yaml.safe_load((PROJECT.templates_dir / f"{name}.yaml").read_text())["font_family"] for name in TEMPLATES
    }
    stacks = [font_stack(family, PROJECT.fonts_dir) for family in families]
    for char in ("\u1200", "\u13a0", "\u2318", "\U0001f600", "\U00010000"):
        if all(stack.uncovered(char) for stack in stacks):
            return char
    raise AssertionError("every candidate character is covered by the project's fonts")


def _catalogue(root: Path, locale: str) -> Path:
    return root / "translations" / locale / "LC_MESSAGES" / "leaflets.po"


def _translated_lines(po: Path) -> list[int]:
    """Line numbers (1-based) of every one-line, non-empty ``msgstr`` of a catalogue, header excluded."""
    lines = po.read_text("utf-8").splitlines()
    return [
        number
        for number, line in enumerate(lines, 1)
        if line.startswith('msgstr "') and line != 'msgstr ""' and line.endswith('"')
    ]


# --- every command: help, empty project folder ------------------------------------------------


def test_minimal_args_name_every_command() -> None:
    assert set(MINIMAL_ARGS) == set(_commands())


@pytest.mark.parametrize("command", ["", *_commands()])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(*([command] if command else []), "--help")
    assert (code, err) == (0, "")
    assert capsys.readouterr().out.startswith(f"usage: {PROG}")


def _args(command: str, out: Path) -> list[str]:
    """``command`` with its fewest arguments (and ``--out`` for ``build``)."""
    return [command, *MINIMAL_ARGS[command], *(["--out", str(out)] if command == "build" else [])]


@pytest.mark.parametrize("command", list(MINIMAL_ARGS))
def test_every_command_on_an_empty_folder_refuses_or_reports_nothing(command: str, tmp_path: Path) -> None:
    root = tmp_path / "empty"
    root.mkdir()
    code, _, err = run_cli("--root", str(root), *_args(command, tmp_path / "out"))
    if code:
        _assert_clean_failure(code, err)
    assert not any(root.iterdir()), "a refused command leaves the folder as it was"


@pytest.mark.parametrize("command", list(MINIMAL_ARGS))
def test_every_command_without_fonts_is_a_located_refusal_or_needs_none(command: str, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project", fonts="none")
    code, _, err = run_cli("--root", str(root), *_args(command, tmp_path / "out"))
    if code:
        _assert_clean_failure(code, err)
    if command in ("build", "check"):
        fonts = PROJECT.fonts_dir.name
        assert code == 1 and LOCATED.match(err) and err.startswith(f"{fonts}/"), err


def test_extract_without_the_package_source_gives_the_committed_template(tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    assert not (root / "medleaflet").exists()
    code, _, err = run_cli("--root", str(root), "extract")
    assert (code, err) == (0, "")

    def messages(path: Path) -> list[str]:
        return [
            line
            for line in path.read_text("utf-8").splitlines()
            if line.startswith(("msgctxt", "msgid", "#")) and "POT-Creation-Date" not in line
        ]

    assert messages(root / "translations" / "leaflets.pot") == messages(PROJECT.translations_dir / "leaflets.pot")


# --- names that do not exist ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["build", "no-such-leaflet"],
        ["build", f"{LEAFLETS[0]}.yaml"],
        ["build", f"../leaflets/{LEAFLETS[0]}"],
        ["build", LEAFLETS[0], "--lang", "xx"],
        ["build", LEAFLETS[0], "--template", "no-such-template"],
        ["build", LEAFLETS[0], "--template", f"../templates/{TEMPLATES[0]}"],
        ["build", LEAFLETS[0], "--paper", "a5"],
        ["build", "--all", LEAFLETS[0]],
        ["status", "--lang", "xx"],
        ["check", "--lang", "xx"],
        ["update", "--lang", "xx"],
        ["init", "../evil"],
        ["signoff", "--lang", "xx", "--by", "Dr Test"],
        ["signoff", "--lang", FIRST_LOCALE, "--by", "Dr Test", "--group", "no-such-group"],
        ["signoff", "--lang", FIRST_LOCALE, "--by", "Dr Test", "--date", "2026-13-01"],
    ],
)
def test_unknown_names_are_usage_errors(args: list[str], tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    code, _, err = run_cli(
        "--root", str(root), *args, *(["--out", str(tmp_path / "out")] if args[0] == "build" else [])
    )
    assert code == 2, err
    _assert_clean_failure(code, err)
    assert err.splitlines()[-1] == "Run with --help for usage."
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# --- broken leaflets --------------------------------------------------------------------------


@pytest.mark.parametrize("leaflet", LEAFLETS)
def test_schema_and_rule_errors_of_a_leaflet_are_reported_together(leaflet: str, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    path = root / "leaflets" / f"{leaflet}.yaml"
    text = path.read_text("utf-8")
    revised = re.search(r"^  revised: (\S+)$", text, re.MULTILINE)
    assert revised, "every leaflet has metadata.revised"
    text = re.sub(r"^  version: .*\n", "", text, count=1, flags=re.MULTILINE)
    path.write_text(text.replace(f"revised: {revised.group(1)}", "revised: 2026-02-30", 1), "utf-8")
    for command in (["build", leaflet, "--out", str(tmp_path / "out")], ["check"], ["status"]):
        code, _, err = run_cli("--root", str(root), *command)
        assert code == 1
        assert err.splitlines() == [
            f"leaflets/{leaflet}.yaml:{_line_of(path, 'metadata:')}: metadata.version: required field is missing",
            f"leaflets/{leaflet}.yaml:{_line_of(path, 'revised:')}: metadata.revised: '2026-02-30' is not a real date",
        ]
    assert not (tmp_path / "out").exists()


def _section_span(lines: list[str], key: str) -> tuple[int, int]:
    """The 0-based [start, end) lines of ``sections.<key>`` in a leaflet's lines."""
    start = (
        lines.index(f"  {key}:")
        if f"  {key}:" in lines
        else next(i for i, line in enumerate(lines) if line.startswith(f"  {key}:"))
    )
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith((" " * 3, "#"))),
        len(lines),
    )
    return start, end


@pytest.mark.parametrize("leaflet", LEAFLETS)
@pytest.mark.parametrize("section", [key for key, section in SECTIONS.items() if section.required])
def test_a_missing_section_is_located_at_sections(leaflet: str, section: str, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    path = root / "leaflets" / f"{leaflet}.yaml"
    lines = path.read_text("utf-8").splitlines()
    start, end = _section_span(lines, section)
    path.write_text("\n".join(lines[:start] + lines[end:]) + "\n", "utf-8")
    code, _, err = run_cli("--root", str(root), "build", leaflet, "--out", str(tmp_path / "out"))
    assert code == 1
    assert (
        err == f"leaflets/{leaflet}.yaml:{_line_of(path, 'sections:')}: sections.{section}: required field is missing\n"
    )


@pytest.mark.parametrize("leaflet", LEAFLETS)
def test_an_unknown_section_names_every_known_one(leaflet: str, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    path = root / "leaflets" / f"{leaflet}.yaml"
    path.write_text(path.read_text("utf-8").rstrip("\n") + "\n  extra_section:\n    intro: Hello.\n", "utf-8")
    code, _, err = run_cli("--root", str(root), "build", leaflet, "--out", str(tmp_path / "out"))
    known = ", ".join(sorted([*SECTIONS, "custom"]))
    line = _line_of(path, "extra_section:")
    assert (code, err) == (
        1,
        f"leaflets/{leaflet}.yaml:{line}: sections.extra_section: unknown field (expected one of: {known})\n",
    )


@pytest.mark.parametrize("leaflet", LEAFLETS)
@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (
            lambda line: line + " : [",
            "YAML syntax error (column {col}): a colon followed by a space inside a value; "
            "put the whole value in double quotes",
        ),
        (
            lambda line: "\t" + line.lstrip(),
            "YAML syntax error (column 1): a tab character; YAML indents with spaces only: replace the tab with spaces",
        ),
    ],
    ids=["colon", "tab"],
)
def test_yaml_syntax_errors_are_located(
    leaflet: str, damage: Callable[[str], str], problem: str, tmp_path: Path
) -> None:
    root = _copy_project(tmp_path / "project")
    path = root / "leaflets" / f"{leaflet}.yaml"
    lines = path.read_text("utf-8").splitlines()
    number = _line_of(path, "  drug_class:")
    lines[number - 1] = damage(lines[number - 1])
    path.write_text("\n".join(lines) + "\n", "utf-8")
    code, _, err = run_cli("--root", str(root), "build", leaflet, "--out", str(tmp_path / "out"))
    col = len(lines[number - 1]) - 2
    assert (code, err) == (1, f"leaflets/{leaflet}.yaml:{number}: {problem.format(col=col)}\n")


@pytest.mark.parametrize("leaflet", LEAFLETS)
def test_a_duplicate_key_names_both_lines(leaflet: str, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    path = root / "leaflets" / f"{leaflet}.yaml"
    first = _line_of(path, "  generic_name:")
    lines = path.read_text("utf-8").splitlines()
    lines.insert(first, "  generic_name: Other")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    code, _, err = run_cli("--root", str(root), "build", leaflet, "--out", str(tmp_path / "out"))
    expected = (
        f"leaflets/{leaflet}.yaml:{first + 1}: identity.generic_name: duplicate key (first defined on line {first}); "
        "keep one, or give the other a key of its own\n"
    )
    assert (code, err) == (1, expected)


@pytest.mark.parametrize("leaflet", LEAFLETS)
@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
        ("\u2066", "LEFT-TO-RIGHT ISOLATE"),
        ("\u200f", "RIGHT-TO-LEFT MARK"),
        ("\u200b", "ZERO WIDTH SPACE"),
        ("\u200d", "ZERO WIDTH JOINER"),
        ("\u00ad", "SOFT HYPHEN"),
        ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"),
    ],
)
def test_invisible_and_bidi_controls_in_a_leaflet_are_refused(
    leaflet: str, char: str, name: str, tmp_path: Path
) -> None:
    root = _copy_project(tmp_path / "project")
    path = root / "leaflets" / f"{leaflet}.yaml"
    number = _line_of(path, "  drug_class:")
    lines = path.read_text("utf-8").splitlines()
    lines[number - 1] = lines[number - 1][:-2] + char + lines[number - 1][-2:]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    for command in (["build", leaflet, "--out", str(tmp_path / "out")], ["check"], ["extract"]):
        code, _, err = run_cli("--root", str(root), *command)
        expected = (
            f"leaflets/{leaflet}.yaml:{number}: identity.drug_class: U+{ord(char):04X} {name} is not allowed here\n"
        )
        assert (code, err) == (1, expected)


# --- broken templates and fonts ---------------------------------------------------------------


@pytest.mark.parametrize("template", TEMPLATES)
def test_an_unknown_font_family_is_located_in_the_template(template: str, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    path = root / "templates" / f"{template}.yaml"
    family = yaml.safe_load(path.read_text())["font_family"]
    _edit(path, f"font_family: {family}", "font_family: comic")
    code, _, err = run_cli(
        "--root", str(root), "build", LEAFLETS[0], "--template", template, "--out", str(tmp_path / "out")
    )
    assert code == 1
    assert err.startswith(
        f"templates/{template}.yaml:{_line_of(path, 'font_family:')}: font_family: unknown font family 'comic'"
    )


@pytest.mark.parametrize("font", sorted(p.name for p in (ROOT / "fonts").glob("*.ttf")))
def test_every_missing_font_file_is_located_at_the_file(font: str, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    (root / "fonts" / font).unlink()
    code, _, err = run_cli("--root", str(root), "build", LEAFLETS[0], "--out", str(tmp_path / "out"))
    assert (code, err) == (1, f"fonts/{font}:1: font file is missing; it should be committed under fonts/\n")


@pytest.mark.parametrize("size", [0, 12, 5000])
def test_a_truncated_font_is_located_at_the_file(size: int, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    font = root / "fonts" / "NotoSans-Regular.ttf"
    data = font.read_bytes()
    font.unlink()
    font.write_bytes(data[:size])
    for command in (["build", LEAFLETS[0], "--out", str(tmp_path / "out")], ["check", "--lang", FIRST_LOCALE]):
        code, _, err = run_cli("--root", str(root), *command)
        assert code == 1
        assert err.startswith("fonts/NotoSans-Regular.ttf:1: damaged font ("), err
        assert len(err.splitlines()) == 1


# --- broken catalogues ------------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_every_syntax_error_of_a_catalogue_is_reported_at_once(locale: str, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    po = _catalogue(root, locale)
    lines = po.read_text("utf-8").splitlines()
    candidates = _translated_lines(po)
    broken = [candidates[1], candidates[len(candidates) // 2], candidates[-1]]
    for number in broken:
        lines[number - 1] = lines[number - 1].replace('msgstr "', "msgstr ", 1)
    po.write_text("\n".join(lines) + "\n", "utf-8")
    display = po.relative_to(root).as_posix()
    for command in (
        ["build", LEAFLETS[0], "--lang", locale, "--out", str(tmp_path / "out")],
        ["check", "--lang", locale],
    ):
        code, _, err = run_cli("--root", str(root), *command)
        assert code == 1
        assert err.splitlines() == [f"{display}:{number}: syntax error: badly quoted string" for number in broken]


@pytest.mark.parametrize("locale", LOCALES)
def test_a_translation_no_font_can_draw_is_located_in_the_catalogue(locale: str, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    po = _catalogue(root, locale)
    char = _uncovered_character()
    number = _translated_lines(po)[0]
    lines = po.read_text("utf-8").splitlines()
    lines[number - 1] = lines[number - 1][:-1] + f" {char}" + '"'
    context = next(line for line in reversed(lines[:number]) if line.startswith("msgctxt ")).split('"')[1]
    po.write_text("\n".join(lines) + "\n", "utf-8")
    display = po.relative_to(root).as_posix()
    group = context.partition(":")[0]
    leaflet = group if group in LEAFLETS else LEAFLETS[0]  # a layout word prints in every leaflet
    code, _, err = run_cli("--root", str(root), "build", leaflet, "--lang", locale, "--out", str(tmp_path / "out"))
    assert code == 1
    finding = f"{display}:{number}: {context}: U+{ord(char):04X} "  # the msgstr's line
    assert any(line.startswith(finding) for line in err.splitlines()), err
    code, out, _ = run_cli("--root", str(root), "check", "--lang", locale)
    assert code == 1
    # check lists every finding of the language (a leaflet not yet translated has its own)
    assert any(line.startswith(finding) for line in out.splitlines()), out


@pytest.mark.parametrize("locale", LOCALES)
def test_a_fuzzy_translation_refuses_the_language_unless_fallback_is_allowed(locale: str, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    po = _catalogue(root, locale)
    number = _translated_lines(po)[0]
    lines = po.read_text("utf-8").splitlines()
    context_line = next(i for i in range(number - 1, 0, -1) if lines[i].startswith("msgctxt "))
    lines.insert(context_line, "#, fuzzy")
    po.write_text("\n".join(lines) + "\n", "utf-8")
    display = po.relative_to(root).as_posix()
    out_dir = tmp_path / "out"
    code, _, err = run_cli("--root", str(root), "build", LEAFLETS[0], "--lang", locale, "--out", str(out_dir))
    assert code == 1
    assert LOCATED.match(err) and err.startswith(f"{display}:"), err
    assert "fuzzy" in err.splitlines()[0] and "--allow-fallback" in err.splitlines()[-1]
    assert not out_dir.exists() or not any(out_dir.iterdir())
    code, _, err = run_cli(
        "--root", str(root), "build", LEAFLETS[0], "--lang", locale, "--allow-fallback", "--out", str(out_dir)
    )
    assert (code, err) == (0, "")


def test_a_fuzzy_translation_with_fallback_prints_bilingual(tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    locale = "fr" if "fr" in LOCALES else FIRST_LOCALE
    po = _catalogue(root, locale)
    _edit(po, f'msgctxt "{LEAFLETS[0]}:identity.drug_class"', f'#, fuzzy\nmsgctxt "{LEAFLETS[0]}:identity.drug_class"')
    code, _, err = run_cli(
        "--root",
        str(root),
        "build",
        LEAFLETS[0],
        "--lang",
        locale,
        "--template",
        "bilingual",
        "--allow-fallback",
        "--out",
        str(tmp_path / "out"),
    )
    assert (code, err) == (0, "")


def test_update_refuses_a_damaged_template(tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    (root / "translations" / "leaflets.pot").write_text('garbage "\n', "utf-8")
    before = {locale: _catalogue(root, locale).read_bytes() for locale in LOCALES}
    code, _, err = run_cli("--root", str(root), "update")
    assert code == 1 and err.startswith("translations/leaflets.pot:1: ")
    assert {locale: _catalogue(root, locale).read_bytes() for locale in LOCALES} == before


def test_update_refuses_a_catalogue_with_a_syntax_error(tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    po = _catalogue(root, FIRST_LOCALE)
    number = _translated_lines(po)[0]
    lines = po.read_text("utf-8").splitlines()
    lines[number - 1] = lines[number - 1][:-1]  # the closing quote
    po.write_text("\n".join(lines) + "\n", "utf-8")
    before = po.read_bytes()
    code, _, err = run_cli("--root", str(root), "update", "--lang", FIRST_LOCALE)
    assert code == 1 and err.startswith(f"{po.relative_to(root).as_posix()}:{number}: ")
    assert po.read_bytes() == before


# --- clinic profiles --------------------------------------------------------------------------


def _clinic_with_name(tmp_path: Path, name: str) -> Path:
    clinic = tmp_path / "clinic.yaml"
    source = (DATA / "clinics" / "toronto.yaml").read_text("utf-8")
    clinic.write_text(re.sub(r"^name: .*$", f"name: {name}", source, count=1, flags=re.MULTILINE), "utf-8")
    return clinic


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_clinic_name_no_font_can_draw_is_one_line(template: str, tmp_path: Path) -> None:
    char = _uncovered_character()
    clinic = _clinic_with_name(tmp_path, f"Riverside {char} Clinic")
    code, _, err = run_cli(
        "build", LEAFLETS[0], "--template", template, "--clinic", str(clinic), "--out", str(tmp_path / "out")
    )
    _assert_clean_failure(code, err)
    assert code == 1 and len(err.splitlines()) == 1 and f"U+{ord(char):04X}" in err


def test_a_clinic_name_no_font_can_draw_is_located_in_the_profile(tmp_path: Path) -> None:
    clinic = _clinic_with_name(tmp_path, f"Riverside {_uncovered_character()} Clinic")
    code, _, err = run_cli("build", LEAFLETS[0], "--clinic", str(clinic), "--out", str(tmp_path / "out"))
    assert code == 1 and LOCATED.match(err) and ":1: name: " in err, err


# --- a project folder that is not one ---------------------------------------------------------


def test_build_all_refuses_a_root_that_does_not_exist(tmp_path: Path) -> None:
    code, _, err = run_cli(
        "--root", str(tmp_path / "no-such-project"), "build", "--all", "--out", str(tmp_path / "out")
    )
    assert code == 2 and err.startswith("error: ")


# --- the Python API with two projects ---------------------------------------------------------


def test_two_projects_whose_fonts_differ_each_print_with_their_own(tmp_path: Path) -> None:
    """Fonts are registered by file: a second project's ``NotoSans-Regular.ttf`` (here the
    bold face under the regular name) is never swapped for the first one's."""
    family = load_font_config(PROJECT.fonts_dir).families[
        yaml.safe_load((PROJECT.templates_dir / "standard.yaml").read_text())["font_family"]
    ]
    regular = Path(family.regular).stem
    other = _copy_project(tmp_path / "other")
    (other / "fonts" / family.regular).unlink()
    shutil.copy(PROJECT.fonts_dir / family.bold, other / "fonts" / family.regular)

    first = build_leaflet(PROJECT, LEAFLETS[0], "en", tmp_path / "first", BuildOptions())
    second = build_leaflet(Project(other), LEAFLETS[0], "en", tmp_path / "second", BuildOptions())
    again = build_leaflet(PROJECT, LEAFLETS[0], "en", tmp_path / "again", BuildOptions())

    def regular_fonts(path: Path) -> set[str]:
        return {name for name in fonts_of(path) if re.search(rf"\+{re.escape(regular)}(-\d+)?$", name)}

    assert regular_fonts(first.path), fonts_of(first.path)
    assert not regular_fonts(second.path), fonts_of(second.path)
    assert first.path.read_bytes() == again.path.read_bytes()
    assert first.path.read_bytes() != second.path.read_bytes()
