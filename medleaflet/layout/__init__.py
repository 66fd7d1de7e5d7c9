"""Stage 4, layout: localised leaflet + template -> a laid-out document the render stage takes.

- :mod:`~medleaflet.layout.leaflet`: one leaflet in one language, as a
  :class:`~medleaflet.layout.document.LaidOutLeaflet`; :mod:`~medleaflet.layout.bilingual`
  pairs two of them side by side;
- :mod:`~medleaflet.layout.document`: the laid-out document and its blocks;
- :mod:`~medleaflet.layout.structure`: the role of every block (heading, list, table,
  figure...), for tagging;
- :mod:`~medleaflet.layout.widgets`: the widget kit section renderers build with, from
  :mod:`~medleaflet.layout.text` (strings), :mod:`~medleaflet.layout.styles` and
  :mod:`~medleaflet.layout.markup`;
- :mod:`~medleaflet.layout.title`: the title block and end matter;
- :mod:`~medleaflet.layout.keep`: headings kept with the start of what follows;
- :mod:`~medleaflet.layout.columns`: table columns sized to their content;
- :mod:`~medleaflet.layout.furniture`, :mod:`~medleaflet.layout.footer` and
  :mod:`~medleaflet.layout.review_statement`: header, footer (planned line by line)
  and the review small print.

The text itself is set by :mod:`textengine` (fonts per script, bidi, shaping,
line breaking); this package decides what goes where on the page.
"""
