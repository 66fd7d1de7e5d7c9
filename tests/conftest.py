"""Shared fixtures: the repository root, throwaway projects, and a built leaflet."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from medleaflet.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def expectations(path: Path) -> list[str]:
    """The ``# expect: LINE: message`` lines of a bad-input data file."""
    lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    return [line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: ")]


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """Build a throwaway project with the given leaflet and template files.

    Fonts are linked from the repository; templates default to the real ones.
    """

    def make(leaflets: list[Path] = (), templates: list[Path] | None = None) -> Path:
        root = tmp_path / "project"
        (root / "leaflets").mkdir(parents=True)
        (root / "templates").mkdir()
        (root / "fonts").symlink_to(ROOT / "fonts")
        for leaflet in leaflets:
            shutil.copy(leaflet, root / "leaflets" / leaflet.name)
        for template in templates if templates is not None else list((ROOT / "templates").glob("*.yaml")):
            shutil.copy(template, root / "templates" / template.name)
        return root

    return make


@pytest.fixture(scope="session")
def built_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``baclofen.en.pdf`` built once through the CLI, as a user would."""
    out = tmp_path_factory.mktemp("out")
    code, _, err = run_cli("build", "baclofen", "--lang", "en", "--out", str(out))
    assert code == 0, err
    return out / "baclofen.en.pdf"
