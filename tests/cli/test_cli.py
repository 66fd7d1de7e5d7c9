"""medleaflet.cli, driven in-process: exit codes, messages, help."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from medleaflet.cli_options import PROG
from medleaflet.project import Project
from tests.conftest import DATA, ROOT, run_cli

#: The "(available: ...)" lists of an unknown leaflet and template: every one of the checkout.
LEAFLETS = ", ".join(Project(ROOT).leaflet_ids())
TEMPLATES = ", ".join(Project(ROOT).template_names())


@pytest.mark.parametrize("command", [[], ["build"], ["list"]])
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run_cli(*command, "--help")
    assert code == 0
    assert f"usage: {PROG}" in capsys.readouterr().out


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli("list")
    assert code == 0, err
    assert "baclofen" in out and "version 1.0" in out
    assert "en               English (ltr, page numbers and dates in 0-9)" in out
    assert "standard" in out


def test_build_writes_the_contract_name(tmp_path: Path) -> None:
    code, out, err = run_cli("build", "baclofen", "--lang", "en", "--out", str(tmp_path))
    assert (code, err) == (0, "")
    assert (tmp_path / "baclofen.en.pdf").is_file()
    assert out.splitlines()[0].startswith("clinic profile: ")
    assert out.splitlines()[1].startswith(f"wrote {tmp_path / 'baclofen.en.pdf'} (")
    assert [p.name for p in tmp_path.iterdir()] == ["baclofen.en.pdf"]


def test_build_defaults_to_every_leaflet_in_english(tmp_path: Path) -> None:
    code, _, err = run_cli("build", "--out", str(tmp_path))
    assert (code, err) == (0, "")
    assert (tmp_path / "baclofen.en.pdf").is_file()


def test_other_template_gets_a_suffix(make_project: Callable[..., Path], tmp_path: Path) -> None:
    text = (ROOT / "templates" / "standard.yaml").read_text()
    letter = tmp_path / "letter.yaml"
    letter.write_text(text.replace("name: standard", "name: letter").replace("size: a4", "size: letter"))
    root = make_project([ROOT / "leaflets" / "baclofen.yaml"], [letter])
    code, _, err = run_cli("--root", str(root), "build", "--template", "letter", "--out", str(root / "out"))
    assert (code, err) == (0, "")
    assert (root / "out" / "baclofen.en.letter.pdf").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "nosuchdrug"], f"error: unknown leaflet 'nosuchdrug' (available: {LEAFLETS})"),
        (["build", "../../etc/passwd"], f"error: unknown leaflet '../../etc/passwd' (available: {LEAFLETS})"),
        (["build", "--lang", "de"], "error: no translation for language 'de' (German, Deutsch); available: en ("),
        (["build", "--lang", "not a locale"], "error: unknown language 'not a locale'"),
        (
            ["build", "--template", "fancy"],
            f"error: unknown template 'fancy' (available: {TEMPLATES})",
        ),
        (["build", "--frobnicate"], f"error: {PROG}: unrecognized arguments: --frobnicate"),
        (["explode"], f"error: {PROG}: argument COMMAND: invalid choice: 'explode'"),
        ([], f"error: {PROG}: the following arguments are required: COMMAND"),
    ],
)
def test_bad_usage_exits_2(args: list[str], message: str, tmp_path: Path) -> None:
    code, _, err = run_cli(*args, "--out", str(tmp_path)) if args[:1] == ["build"] else run_cli(*args)
    assert code == 2
    assert err.splitlines()[0].startswith(message)
    assert "Traceback" not in err
    assert not list(tmp_path.iterdir())


def test_bad_leaflet_exits_1_with_every_problem(make_project: Callable[..., Path]) -> None:
    root = make_project([DATA / "bad_leaflets" / "many-problems.yaml"])
    code, _, err = run_cli("--root", str(root), "build", "many-problems", "--out", str(root / "out"))
    assert code == 1
    assert err.splitlines() == [
        "leaflets/many-problems.yaml:4: metadata.version: required field is missing",
        "leaflets/many-problems.yaml:22: identity.brands[0].countries[0]: must be an ISO 3166 two-letter country "
        'code, e.g. "GB"',
        "leaflets/many-problems.yaml:51: sections.interactions.groups.opioids.severity: 'deadly' is not allowed; "
        "expected one of: never, avoid, serious, moderate, minor",
        "leaflets/many-problems.yaml:52: sections.interactions.groups.opioids.drugs: expected a list, got text",
    ]
    assert not (root / "out").exists()


def test_bad_template_exits_1(make_project: Callable[..., Path]) -> None:
    root = make_project([ROOT / "leaflets" / "baclofen.yaml"], [DATA / "bad_templates" / "small-body.yaml"])
    code, _, err = run_cli("--root", str(root), "build", "--template", "small-body", "--out", str(root / "out"))
    assert code == 1
    assert err == "templates/small-body.yaml:20: type_scale.body.size: must be at least 11 pt (USP <17>)\n"


def test_unwritable_output_exits_1(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, _, err = run_cli("build", "baclofen", "--out", str(blocker / "sub"))
    assert code == 1
    assert err.startswith("error: ") and "cannot write file" in err


def test_internal_errors_are_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr("medleaflet.pipeline.build_leaflet", boom)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    code, _, err = run_cli("build", "baclofen", "--out", str(tmp_path))
    assert code == 1
    assert len(err.splitlines()) == 1 and err.startswith("internal error (RuntimeError: kaboom)")


def test_console_script_is_the_same_entry_point() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"medleaflet": "medleaflet.cli:main"}
    assert "from medleaflet.cli import main" in (ROOT / "generate.py").read_text()
