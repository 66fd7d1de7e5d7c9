"""Parsed, validated inputs kept for the life of the process, keyed by the files they came from.

A web service or a batch worker renders many PDFs from the same leaflet,
template and catalogue; parsing and checking them again for every PDF costs
more than laying the PDF out. :class:`FileMemo` keeps each value made from
files with the identity of those files when it was made (:func:`file_state`: the
SHA-256 of its bytes), and gives it back only while every one of them still
reads the same: a file that was edited, replaced or removed is read again,
however quickly (a modification time can stay the same over two writes in a
few milliseconds; the bytes cannot). A value whose files changed while
it was being made is not kept. Errors are never kept: bad input is read, and
refused, every time.

Only inputs are cached, never a PDF: a warm render lays out and draws again.
The caches are per process, so a service with several replicas stays stateless.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

#: The most bytes of a file that are hashed; a longer file is never kept (the loaders refuse it anyway).
MAX_BYTES = 64 * 1024 * 1024

#: What a file holds: the SHA-256 of its bytes; None if it is absent, unreadable or too long.
FileState = bytes | None


def file_state(path: Path) -> FileState:
    """The SHA-256 of the bytes of the regular file ``path`` (symlinks followed), or None."""
    try:  # opened without blocking and checked once open: a FIFO or a device is never read
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        try:
            data = handle.read()  # its size is known: no buffer of MAX_BYTES is set aside
        except OSError:
            return None
    return hashlib.sha256(data).digest() if len(data) <= MAX_BYTES else None


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
        if None not in states and tuple(file_state(path) for path in files) == states:
            self._values[full_key] = (states, value)
            self._values.move_to_end(full_key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value
