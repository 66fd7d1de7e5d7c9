"""The names a build is asked for by: the default template and the papers.

Kept apart from :mod:`medleaflet.content.templates`, so the command line and
the API check a name without loading the template machinery.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, LETTER

#: Each paper's size in points, by the name ``--paper`` takes.
PAGE_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}

#: The template used when none is named; its output files carry no suffix.
DEFAULT_TEMPLATE = "standard"
