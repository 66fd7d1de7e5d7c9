"""Stages 1 and 2, content: input files -> checked models.

* :mod:`~medleaflet.content.load` reads YAML safely and keeps the line of every value;
* :mod:`~medleaflet.content.schema` runs the JSON schemas in ``schemas/`` (the
  leaflet's ``sections`` part assembled from :mod:`medleaflet.sections`);
* :mod:`~medleaflet.content.validate` turns a leaflet file into a
  :class:`~medleaflet.content.model.Leaflet`, or reports every problem at once
  (schema and rules together);
* :mod:`~medleaflet.content.texts` reads located text out of the data, for
  validate and for each section's builder;
* :mod:`~medleaflet.content.templates` and :mod:`~medleaflet.content.clinic`
  do the same for page templates and clinic profiles, and
  :mod:`~medleaflet.content.fonts` loads a template's fonts from ``fonts/``.

Nothing here knows about languages or pages.
"""
