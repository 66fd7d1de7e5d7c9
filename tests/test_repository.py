"""The repository itself: CI runs the README's test command, code passes ruff,
the fonts carry their licence."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

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


def test_fonts_have_their_licence() -> None:
    assert "SIL OPEN FONT LICENSE Version 1.1" in (ROOT / "fonts" / "OFL.txt").read_text()


@pytest.mark.skipif(shutil.which("ruff") is None and not shutil.which(sys.executable), reason="no ruff")
def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "medleaflet", "tests", "generate.py", "tools"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
