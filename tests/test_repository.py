"""The repository itself: CI runs the README's test command, code passes ruff,
dev tools stay out of the runtime dependencies, the fonts carry their licence."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib

import pytest

from .conftest import ROOT


def readme_commands() -> list[str]:
    """The commands in the README's fenced ``sh`` blocks under 'Quick start'."""
    readme = (ROOT / "README.md").read_text()
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", quick, re.S)]


def test_readme_has_two_commands_and_ci_runs_the_second() -> None:
    setup, tests = readme_commands()
    assert "pip install" in setup and "generate.py build baclofen" in setup
    assert "pytest" in tests
    assert tests in (ROOT / ".ci" / "run").read_text()


def test_readme_test_command_installs_the_extra_and_runs_linters_and_types_first() -> None:
    tests = readme_commands()[1]
    steps = [step.strip() for step in tests.split("&&")]
    assert steps[0] == "python3 -m pip install -q -e '.[test]'"
    assert steps[-1] == "python3 -m pytest"
    assert {"python3 -m ruff check .", "python3 -m ruff format --check .", "python3 -m mypy"} <= set(steps[1:-1])


#: Tools and libraries only the tests and the checks use.
DEV_TOOLS = frozenset({"pytest", "hypothesis", "pypdf", "pdfplumber", "pypdfium2", "phonenumbers", "ruff", "mypy"})


def _requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower() for requirement in requirements}


def _imported_top_level_modules(*packages: str) -> set[str]:
    """Every top-level module imported anywhere in ``packages`` (at any depth of the code)."""
    names = set()
    for package in packages:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(node, ast.Import):
                    names |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names.add(node.module.split(".")[0])
    return names


def test_dev_tools_are_only_in_the_test_extra_and_the_packages_never_import_them() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert not _requirement_names(project["dependencies"]) & DEV_TOOLS
    assert DEV_TOOLS <= _requirement_names(project["optional-dependencies"]["test"])
    assert not _imported_top_level_modules("medleaflet", "textengine") & DEV_TOOLS


def test_fonts_have_their_licence() -> None:
    assert "SIL OPEN FONT LICENSE Version 1.1" in (ROOT / "fonts" / "OFL.txt").read_text()


@pytest.mark.skipif(shutil.which("ruff") is None and not shutil.which(sys.executable), reason="no ruff")
def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "medleaflet", "textengine", "tests", "generate.py", "tools"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
