"""Bounded per-process memos: what the text engine remembers between paragraphs and documents.

Each memo is a plain dict that :func:`remember` empties whole when it is full,
rather than evicting one entry at a time: the entries of one document are made
together and used together, and a memo refilled costs one document's work.
"""

from __future__ import annotations

from collections.abc import Hashable, MutableMapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def remember(memo: MutableMapping[K, V], key: K, value: V, limit: int) -> V:
    """Keep ``value`` in ``memo`` under ``key``, emptying ``memo`` first if it holds ``limit``
    entries or more; returns ``value``."""
    if len(memo) >= limit:
        memo.clear()
    memo[key] = value
    return value
