"""Parsed, validated inputs kept for the life of the process, keyed by the files they came from.

A web service or a batch worker renders many PDFs from the same leaflet,
template and catalogue; parsing and checking them again for every PDF costs
more than laying the PDF out. :class:`FileMemo` keeps each value made from
files with the identity of those files when it was made (:func:`file_state`:
device, inode, size, modification and change time in nanoseconds), and gives
it back only while every one of them still has that identity: a file that was
edited, replaced or removed is read again. A value whose files changed while
it was being made is not kept. Errors are never kept: bad input is read, and
refused, every time.

Only inputs are cached, never a PDF: a warm render lays out and draws again.
The caches are per process, so a service with several replicas stays stateless.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

#: A file's identity: device, inode, size, modification and change time (ns); None if it is absent.
FileState = tuple[int, int, int, int, int] | None


def file_state(path: Path) -> FileState:
    """The identity of ``path`` (symlinks followed), or None when it cannot be stat'ed."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


class FileMemo:
    """Values made from files, at most ``size`` of them (the least recently used go first)."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, tuple[tuple[FileState, ...], Any]] = OrderedDict()

    def get(self, files: Sequence[Path], key: Hashable, make: Callable[[], T]) -> T:
        """The value ``make()`` gives for ``files`` and ``key``: kept from an earlier call while
        every file of ``files`` is as it was then, else made (and kept) now."""
        full_key = (tuple(str(path) for path in files), key)
        states = tuple(file_state(path) for path in files)
        kept = self._values.get(full_key)
        if kept is not None and kept[0] == states:
            self._values.move_to_end(full_key)
            return kept[1]
        value = make()
        if tuple(file_state(path) for path in files) == states:
            self._values[full_key] = (states, value)
            self._values.move_to_end(full_key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget every value."""
        self._values.clear()
