"""textengine: multi-script text for ReportLab, with no knowledge of leaflets.

* :mod:`~textengine.fonts`: font families per script, registration, glyph coverage, itemising into runs;
* :mod:`~textengine.bidi`: Unicode bidi (UAX #9) levels and reordering, and the paragraph flowable;
* :mod:`~textengine.shaping`: HarfBuzz shaping of one run;
* :mod:`~textengine.linebreak`: line-break opportunities for unspaced scripts (CJK).

It could be published on its own: it imports nothing from :mod:`medleaflet`.
"""
