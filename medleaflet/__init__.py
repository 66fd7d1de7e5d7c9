"""medleaflet: multilingual patient medication leaflets, from YAML to print-ready PDF.

The pipeline has one module per stage, chained by :func:`medleaflet.pipeline.build`:

    load (YAML -> located data) -> validate (data -> Leaflet model)
    -> localise (Leaflet -> LocalisedLeaflet) -> layout (-> flowables)
    -> render (-> PDF bytes) -> write (atomic file write)
"""

__version__ = "0.1.0"
