"""Loading a command's modules without rounds of the garbage collector.

The modules a build needs (about four hundred, with ReportLab, Babel, HarfBuzz
and jsonschema) make tens of thousands of functions, classes and dicts as they
load. Python's cyclic garbage collector runs over them again and again while
they do, and frees nothing: they live as long as the process. A cold
``generate.py build`` spent about a tenth of its time so (``bench/run.py --only
cold``).

:func:`load_frozen` loads modules with the collector stopped, then moves
everything made so far out of its reach for good (:func:`gc.freeze`) and starts
it again, so the work that follows is collected as usual. It is for a process
that runs one command and ends (:func:`medleaflet.cli.main` on its own command
line): a long-lived caller that froze its objects would never collect the
garbage it held at that moment.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterable


def load_frozen(modules: Iterable[str]) -> None:
    """Import ``modules`` with the cyclic garbage collector held, then freeze what is alive.

    If the collector is already off (a caller turned it off), the modules are only imported."""
    held = gc.isenabled()
    if held:
        gc.disable()
    try:
        for name in modules:
            importlib.import_module(name)
    finally:
        if held:
            gc.freeze()
            gc.enable()
