"""Stage 3, localise: a checked leaflet -> text in the output language.

* :mod:`~medleaflet.i18n.sources` lists the messages a leaflet needs;
  :mod:`~medleaflet.i18n.ui` holds the layout's own words;
* :mod:`~medleaflet.i18n.catalogues` reads and writes gettext catalogues;
  :mod:`~medleaflet.i18n.qa` checks every translation against its source;
* :mod:`~medleaflet.i18n.review` keeps the translators' medical sign-off;
* :mod:`~medleaflet.i18n.localise` gives the layout only text that passed;
* :mod:`~medleaflet.i18n.extract` and :mod:`~medleaflet.i18n.status` serve
  translators (``extract``, ``status``, ``check``).
"""
