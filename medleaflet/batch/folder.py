"""The output folder a batch owns: removing what the batch cannot vouch for.

Each function takes the folder (whose exclusive lock the caller holds) and a
log to report removals on, and removes files through
:func:`medleaflet.write.remove_output`: temporary files a killed run left
(:func:`remove_leftovers`), every PDF and the manifest when the batch cannot
start (:func:`clear`), the previous PDF of a failed job
(:func:`remove_failed`), and every PDF the run neither produced nor kept
(:func:`remove_stale`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from medleaflet.batch.jobs import BatchResult, Outcome
from medleaflet.batch.manifest import MANIFEST
from medleaflet.pipeline import output_name
from medleaflet.write import is_temp_name, remove_output


def pdfs(out: Path) -> list[str]:
    """The names of the top-level ``*.pdf`` files (and links) in ``out``, sorted."""
    with os.scandir(out) as entries:
        return sorted(
            entry.name
            for entry in entries
            if entry.name.lower().endswith(".pdf") and (entry.is_symlink() or entry.is_file(follow_symlinks=False))
        )


def remove_leftovers(out: Path, log: TextIO) -> None:
    """Remove the temporary files a killed run left in ``out``."""
    with os.scandir(out) as entries:
        leftovers = sorted(e.name for e in entries if is_temp_name(e.name) and e.is_file(follow_symlinks=False))
    for name in leftovers:
        if remove_output(out / name):
            print(f"removed leftover {name}", file=log)


def clear(out: Path, log: TextIO, why: str) -> None:
    """Remove every PDF and the manifest from ``out``: the batch cannot vouch for any of them."""
    for name in [*pdfs(out), MANIFEST]:
        if remove_output(out / name):
            print(f"removed {name} ({why})", file=log)


def remove_failed(out: Path, outcome: Outcome, result: BatchResult) -> None:
    """Record a failed job in ``result``, removing the previous PDF at its output path, if any."""
    name = output_name(outcome.job.leaflet, outcome.job.locale, outcome.job.template)
    if remove_output(out / name):
        outcome.removed = name
        result.removed.append(name)
    result.failed.append(outcome)


def remove_stale(out: Path, result: BatchResult, log: TextIO) -> None:
    """Remove every top-level PDF of ``out`` the run neither produced nor kept."""
    kept = {outcome.entry["file"] for outcome in result.kept if outcome.entry}
    for name in pdfs(out):
        if name not in kept and remove_output(out / name):
            result.removed.append(name)
            print(f"removed stale {name}", file=log)
