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
"""

__version__ = "0.1.0"
