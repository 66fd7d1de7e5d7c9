"""medleaflet.loading: a command's modules loaded with the garbage collector held, then frozen."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from medleaflet.project import Project
from tests.conftest import ROOT, run_cli


def test_modules_load_frozen_and_the_collector_runs_again() -> None:
    script = (
        "import gc, sys\n"
        "from medleaflet.loading import load_frozen\n"
        "before = gc.get_freeze_count()\n"
        "load_frozen(['medleaflet.pipeline'])\n"
        "print('medleaflet.pipeline' in sys.modules, gc.isenabled(), gc.get_freeze_count() > before)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.split() == ["True", "True", "True"], result.stderr


def test_a_collector_turned_off_stays_off_and_nothing_is_frozen() -> None:
    script = (
        "import gc\n"
        "from medleaflet.loading import load_frozen\n"
        "gc.disable()\n"
        "load_frozen(['medleaflet.pipeline'])\n"
        "print(gc.isenabled(), gc.get_freeze_count())\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.split() == ["False", "0"], result.stderr


def test_main_called_in_process_freezes_nothing(tmp_path: Path) -> None:
    """A test or a service calling main() keeps its collector as it was: only the process's own
    command line (argv None) loads a command's modules frozen."""
    before = gc.get_freeze_count()
    leaflet = Project(ROOT).leaflet_ids()[0]
    code, _, err = run_cli("--root", str(ROOT), "build", leaflet, "--out", str(tmp_path))
    assert code == 0, err
    assert (gc.isenabled(), gc.get_freeze_count()) == (True, before)
