"""Ctrl-C and foreign files in a batch's folder: the folder is always left settled.

A batch interrupted by Ctrl-C lets its running builds finish, cancels the rest,
removes their previous PDFs (their inputs changed), writes the manifest of what
the folder holds, releases the lock and exits 130, however often Ctrl-C is
pressed. The first batch into a folder without a manifest refuses PDFs it did
not write instead of removing them.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.batch.test_runner import copy_project
from tests.conftest import ROOT, run_cli


def _start_batch(root: Path, out: Path) -> subprocess.Popen[str]:
    command = [sys.executable, str(ROOT / "generate.py"), "--root", str(root), "build", "--all", "--out", str(out)]
    return subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, start_new_session=True)


def test_ctrl_c_twice_during_a_batch_leaves_a_settled_folder_and_exits(tmp_path: Path) -> None:
    root, out = copy_project(tmp_path), tmp_path / "out"
    batch = _start_batch(root, out)
    assert batch.stderr is not None
    for line in batch.stderr:  # the progress lines: interrupt once the first PDF is written
        if "wrote " in line:
            break
    os.killpg(batch.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    time.sleep(0.5)
    os.killpg(batch.pid, signal.SIGINT)
    _, err = batch.communicate(timeout=300)
    assert batch.returncode == 130, err
    assert "Traceback" not in err
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    listed = sorted(entry["file"] for entry in manifest["files"])
    assert listed == sorted(path.name for path in out.glob("*.pdf"))
    assert listed and any("interrupted" in failed["reason"] for failed in manifest["failed"])
    # The lock is released: the next batch runs, and builds what the interrupted one did not.
    code, stdout, _ = run_cli("--root", str(root), "build", "--all", "--out", str(out))
    assert f"{len(listed)} unchanged" in stdout and code in (0, 1)


def test_the_first_batch_refuses_a_folder_of_foreign_pdfs(tmp_path: Path) -> None:
    root, out = copy_project(tmp_path), tmp_path / "out"
    out.mkdir()
    (out / "patient-prescription-scan.pdf").write_bytes(b"%PDF- a clinic's own file")
    code, _, err = run_cli("--root", str(root), "build", "--all", "--out", str(out))
    assert code == 1 and "patient-prescription-scan.pdf" in err and "did not write" in err
    assert sorted(path.name for path in out.iterdir()) == ["patient-prescription-scan.pdf"]
