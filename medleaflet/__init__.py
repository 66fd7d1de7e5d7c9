"""medleaflet: multilingual patient medication leaflets, from YAML to print-ready PDF.

One sub-package per stage; each stage returns the value the next one takes,
and :mod:`medleaflet.pipeline` chains them for one output file:

    content/   leaflet YAML -> Leaflet (load, schema, validate; templates, clinics)
    i18n/      Leaflet + catalogue -> LocalisedLeaflet (every string resolved and checked)
    layout/    LocalisedLeaflet + Template -> LaidOutLeaflet (blocks with roles, page furniture)
    render/    LaidOutLeaflet -> RenderedPdf (bytes, bookmarks, metadata)
    write.py   bytes -> file (temporary file, then rename)

Beside the stages: :mod:`medleaflet.sections` declares each leaflet section
in one module (schema, model, builder, heading, renderer);
:mod:`medleaflet.batch` builds every leaflet x language x template into a
folder it owns; :mod:`medleaflet.cli` is the thin command line. Text in every
script is set by the separate package :mod:`textengine`, which knows nothing
of leaflets. Every error the tool raises on purpose derives from
:class:`medleaflet.errors.MedleafletError` and carries its source location.


The library API is :func:`medleaflet.build_pdf` (:mod:`medleaflet.api`): one
leaflet's PDF as bytes, exactly as ``generate.py build`` writes it. It is
imported on first use, so ``import medleaflet`` (and ``--help``) loads no
rendering code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from medleaflet.api import build_pdf

__version__ = "0.1.0"
__all__ = ["__version__", "build_pdf"]


def __getattr__(name: str) -> Any:
    if name == "build_pdf":
        from medleaflet.api import build_pdf

        return build_pdf
    raise AttributeError(f"module 'medleaflet' has no attribute {name!r}")
