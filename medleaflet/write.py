"""Stage 6, write: put the PDF on disk completely or not at all.

:func:`write_atomic` writes bytes to a temporary file in the target folder
(named ``.<name>.<random>.tmp``), flushes it to disk, then renames it over
the target. A reader never sees a half-written file, and a failed write
leaves the previous file untouched.

Output folders are locked with ``flock`` on the folder itself (no lock file
is left behind): every write or removal holds a shared lock, so single builds
run side by side, while ``build --all`` holds the exclusive lock for the whole
batch (:func:`folder_lock`), so nothing else changes its folder under it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from medleaflet.errors import OutputError

#: How a temporary file of :func:`write_atomic` ends; it also starts with a dot.
TEMP_SUFFIX = ".tmp"

#: Folders whose exclusive lock this process (or the batch that started it) holds.
_held: set[str] = set()


def is_temp_name(name: str) -> bool:
    """Whether ``name`` is a temporary file name of :func:`write_atomic` (``.x.pdf.abc123.tmp``)."""
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


def output_folder(path: Path) -> Path:
    """Check that ``path`` can be an output folder (absent, or a folder); returns it.

    Raises :class:`OutputError` when it is a file, so ``--out leaflet.pdf``
    fails with one line instead of half-way through a build.
    """
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: not a folder; --out names the folder the PDFs go into")
    return path


def make_folder(path: Path) -> Path:
    """Create the output folder ``path`` (and its parents) if needed; raises :class:`OutputError`."""
    output_folder(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write file ({exc.strerror or exc})") from None
    return path


def hold(folder: Path) -> None:
    """Record that ``folder``'s exclusive lock is held for this process (by it, or by the
    batch that started this worker), so writes into it do not wait for a shared lock."""
    _held.add(os.path.realpath(folder))


@contextlib.contextmanager
def folder_lock(folder: Path, exclusive: bool, wait: float | None = None) -> Iterator[None]:
    """Hold a shared or exclusive ``flock`` on the existing folder ``folder``.

    ``wait`` is how many seconds to keep trying before giving up (None: for
    as long as it takes). Raises :class:`OutputError` naming the folder when
    the lock cannot be had in time or the folder cannot be opened.
    """
    key = os.path.realpath(folder)
    if key in _held:
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise OutputError(f"{folder}: cannot open folder ({exc.strerror or exc})") from None
    try:
        _acquire(fd, folder, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH, wait)
        if exclusive:
            _held.add(key)
        try:
            yield
        finally:
            if exclusive:
                _held.discard(key)
    finally:
        os.close(fd)  # closing the folder releases the lock


def _acquire(fd: int, folder: Path, mode: int, wait: float | None) -> None:
    """``flock`` the open folder ``fd`` in ``mode``, trying for ``wait`` seconds (None: block)."""
    try:
        if wait is None:
            fcntl.flock(fd, mode)
            return
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OutputError(
                        f"{folder}: another build is writing into this folder; try again when it has finished"
                    ) from None
                time.sleep(0.05)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot lock folder ({exc.strerror or exc})") from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, under a shared lock on its folder; raises :class:`OutputError`."""
    make_folder(path.parent)
    with folder_lock(path.parent, exclusive=False):
        _write_atomic(path, data)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it, and rename it over ``path``."""
    temp_name: str | None = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
        temp_name = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write file ({exc.strerror or exc})") from None
    finally:
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass


def remove_output(path: Path) -> bool:
    """Remove the output file ``path`` if it is there, under a shared lock on its folder.

    Returns whether a file was removed; raises :class:`OutputError` if it
    cannot be. A missing folder has nothing to remove and is not created.
    """
    if not path.parent.is_dir() or not os.path.lexists(path):
        return False
    with folder_lock(path.parent, exclusive=False):
        try:
            os.unlink(path)
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise OutputError(f"{path}: cannot remove the previous file ({exc.strerror or exc})") from None
    return True
