"""medleaflet.project: a project root must be one, and every command refuses one that is not."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from medleaflet.cli import make_parser
from medleaflet.errors import UsageError
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.project import Project
from tests.conftest import ROOT, run_cli


def _not_projects(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Roots that are not a project, by name, each with the reason the refusal gives."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "file").write_text("not a folder\n", "utf-8")
    (tmp_path / "leaflets-is-a-file").mkdir()
    (tmp_path / "leaflets-is-a-file" / "leaflets").write_text("", "utf-8")
    return {
        "missing": (tmp_path / "no-such-project", "no such folder"),
        "file": (tmp_path / "file", "not a folder"),
        "empty": (tmp_path / "empty", "no leaflets/ folder"),
        "leaflets-is-a-file": (tmp_path / "leaflets-is-a-file", "no leaflets/ folder"),
    }


KINDS = ["missing", "file", "empty", "leaflets-is-a-file"]


def _commands() -> list[str]:
    parser = make_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


#: Arguments some commands need before they would look at the project.
_ARGS = {"init": ["xx"], "signoff": ["--lang", SOURCE_LOCALE, "--by", "Dr Test"]}


def test_the_checkout_is_a_project() -> None:
    assert Project.open(ROOT) == Project(ROOT.resolve())


def test_a_relative_root_is_resolved(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert Project.open(Path(".")).root == ROOT.resolve()


@pytest.mark.parametrize("kind", KINDS)
def test_a_root_that_is_not_a_project_is_refused(kind: str, tmp_path: Path) -> None:
    root, reason = _not_projects(tmp_path)[kind]
    with pytest.raises(UsageError) as caught:
        Project.open(root)
    assert str(caught.value) == f"{root}: not a medleaflet project ({reason})"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", _commands())
def test_every_command_refuses_a_root_that_is_not_a_project(command: str, kind: str, tmp_path: Path) -> None:
    """Even ``build --all`` (which found nothing to build and said so, exit 0), and
    ``init`` and ``extract``, which create files but need the leaflets; nothing is written."""
    root, reason = _not_projects(tmp_path)[kind]
    before = sorted(tmp_path.rglob("*"))
    out = ["--all", "--out", str(tmp_path / "out")] if command == "build" else []
    code, stdout, err = run_cli("--root", str(root), command, *_ARGS.get(command, []), *out)
    assert (code, stdout) == (2, "")
    assert err.splitlines() == [f"error: {root}: not a medleaflet project ({reason})", "Run with --help for usage."]
    assert sorted(tmp_path.rglob("*")) == before
