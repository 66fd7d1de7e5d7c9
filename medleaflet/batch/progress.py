"""Progress of a batch: a bar on a terminal, numbered lines otherwise.

:func:`progress` takes the number of steps and the log, and gives a function
to call once per finished step with a message, and a function to call at the
end.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO


def progress(total: int, log: TextIO) -> tuple[Callable[[str], None], Callable[[], None]]:
    """A progress reporter and its closer: a tqdm bar on a terminal, numbered lines otherwise."""
    count = 0
    if log.isatty():
        from tqdm import tqdm

        bar = tqdm(total=total, file=log, unit="pdf")

        def tick(message: str) -> None:
            bar.set_postfix_str(message[:60])
            bar.update(1)

        return tick, bar.close

    def line(message: str) -> None:
        nonlocal count
        count += 1
        print(f"[{count}/{total}] {message}", file=log)

    return line, lambda: None
