"""medleaflet.write: complete files or nothing, and output folder locks."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path

import pytest

from medleaflet.errors import OutputError
from medleaflet.write import folder_lock, is_temp_name, output_folder, remove_output, write_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.pdf"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["a.pdf"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"good")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_temporary_names_are_recognised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(source: str, target: Path) -> None:
        seen.append(Path(source).name)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", spy)
    write_atomic(tmp_path / "a.pdf", b"x")
    assert len(seen) == 1 and is_temp_name(seen[0]) and seen[0].startswith(".a.pdf.")
    assert not is_temp_name("a.pdf") and not is_temp_name("notes.tmp")


def test_output_folder_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "out.pdf").write_bytes(b"x")
    with pytest.raises(OutputError, match=r"out.pdf: not a folder"):
        output_folder(tmp_path / "out.pdf")
    assert output_folder(tmp_path / "new") == tmp_path / "new" and not (tmp_path / "new").exists()


def _hold(folder: Path, mode: int) -> int:
    fd = os.open(folder, os.O_RDONLY)
    fcntl.flock(fd, mode)
    return fd


@pytest.mark.parametrize(
    ("held", "exclusive", "refused"),
    [
        (fcntl.LOCK_SH, False, False),  # single builds side by side
        (fcntl.LOCK_SH, True, True),  # a batch waits for no single build
        (fcntl.LOCK_EX, True, True),  # nor for another batch
        (fcntl.LOCK_EX, False, True),
    ],
)
def test_folder_lock(tmp_path: Path, held: int, exclusive: bool, refused: bool) -> None:
    fd = _hold(tmp_path, held)
    try:
        if refused:
            with pytest.raises(OutputError, match="another build is writing into this folder"):
                with folder_lock(tmp_path, exclusive=exclusive, wait=0.1):
                    pass
        else:
            with folder_lock(tmp_path, exclusive=exclusive, wait=0.1):
                pass
    finally:
        os.close(fd)
    assert list(tmp_path.iterdir()) == []  # no lock file left behind


def test_write_waits_for_the_batch_lock(tmp_path: Path) -> None:
    fd = _hold(tmp_path, fcntl.LOCK_EX)
    writer = threading.Thread(target=write_atomic, args=(tmp_path / "a.pdf", b"late"))
    writer.start()
    time.sleep(0.3)
    assert not (tmp_path / "a.pdf").exists()  # waiting, not writing under the batch
    os.close(fd)
    writer.join(timeout=10)
    assert (tmp_path / "a.pdf").read_bytes() == b"late"


def test_remove_output(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    assert remove_output(target) is False
    assert remove_output(tmp_path / "missing" / "a.pdf") is False and not (tmp_path / "missing").exists()
    target.write_bytes(b"old")
    assert remove_output(target) is True and not target.exists()
