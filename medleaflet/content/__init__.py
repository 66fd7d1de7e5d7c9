"""Stages 1 and 2, content: input files -> checked models.

* :mod:`~medleaflet.content.load` reads YAML safely and keeps the line of every value;
* :mod:`~medleaflet.content.schema` runs the JSON schemas in ``schemas/``;
* :mod:`~medleaflet.content.validate` turns a leaflet file into a
  :class:`~medleaflet.content.model.Leaflet`, or reports every problem at once;
* :mod:`~medleaflet.content.templates` and :mod:`~medleaflet.content.clinic`
  do the same for page templates and clinic profiles.

Nothing here knows about languages or pages.
"""
