"""fpdf2's Unicode bidi algorithm (``fpdf/bidi.py``), loaded without the rest of fpdf2.

``from fpdf.bidi import ...`` runs ``fpdf/__init__.py`` first, which imports
all of fpdf2 (its PDF writer, images, fonts: about 300 ms at start-up) for
one pure-Python module. Instead this module finds the installed ``fpdf``
package without executing it, and imports its ``bidi.py`` as a submodule of
a stand-in package, ``_fpdf_parts``: only ``bidi.py``, ``enums.py`` and the
few modules they import run (about 20 ms), and ``fpdf`` itself never enters
:data:`sys.modules`.

fpdf2's implementation is used because it is complete: rules P, X, W, N
(with bracket pairs, N0) and I of UAX #9, tested against Unicode's
BidiCharacterTest.txt. python-bidi's Rust engine handles N0 but exposes no
embedding levels, and its pure-Python one lacks N0. fpdf2 is LGPL-3.0.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

_PACKAGE = "_fpdf_parts"


def _load_bidi() -> types.ModuleType:
    """``fpdf/bidi.py`` as the module ``_fpdf_parts.bidi``, loaded once per process."""
    loaded = sys.modules.get(f"{_PACKAGE}.bidi")
    if loaded is not None:
        return loaded
    spec = importlib.util.find_spec("fpdf")  # finds fpdf/__init__.py without running it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("fpdf2 is not installed; textengine needs its bidi module (pip install fpdf2)")
    package = types.ModuleType(_PACKAGE, "Stand-in for the fpdf package: holds only the modules bidi.py needs.")
    package.__path__ = list(spec.submodule_search_locations)
    sys.modules.setdefault(_PACKAGE, package)
    return importlib.import_module(f"{_PACKAGE}.bidi")


_bidi = _load_bidi()

#: fpdf2's bidi paragraph: ``BidiParagraph(text, base_direction, preserve_bn_chars)``.
FpdfBidiParagraph = _bidi.BidiParagraph
#: fpdf2's ``TextDirection`` enumeration (``LTR``, ``RTL``).
TextDirection = _bidi.TextDirection
