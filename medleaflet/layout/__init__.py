"""Stage 4, layout: localised leaflet + template -> ReportLab flowables and page furniture.

The text itself is set by :mod:`textengine` (fonts per script, bidi, shaping,
line breaking); this package decides what goes where on the page.
"""
