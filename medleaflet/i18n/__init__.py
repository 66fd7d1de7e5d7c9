"""Stage 3, localise: a validated leaflet -> a :class:`~medleaflet.i18n.localise.LocalisedLeaflet`.

Takes a leaflet, a locale and the project's catalogues; gives every string
the PDF prints, already resolved, with the file and line it comes from.

* :mod:`~medleaflet.i18n.sources` lists the English messages to translate:
  a leaflet's, and the layout's own words (:mod:`~medleaflet.i18n.ui`, found
  in the package's code by :mod:`~medleaflet.i18n.ui_extract`);
* :mod:`~medleaflet.i18n.locales` parses locale codes and gives a language's facts;
* :mod:`~medleaflet.i18n.catalogues` reads gettext catalogues, reporting every
  syntax problem at once; :mod:`~medleaflet.i18n.qa` checks every translation
  against its source; :mod:`~medleaflet.i18n.review` keeps the medical sign-off;
* :mod:`~medleaflet.i18n.language_check` assembles what a language is checked
  against and checks it, for builds and commands alike;
* :mod:`~medleaflet.i18n.localise` resolves every string (only text that passed),
  and :mod:`~medleaflet.i18n.coverage` refuses characters no font can draw;
* :mod:`~medleaflet.i18n.extract` (leaflet YAML) and :mod:`~medleaflet.i18n.pybabel`
  (``extract``, ``update``, ``init``) serve translators, with
  :mod:`~medleaflet.i18n.commands` (``check``, ``status``, ``signoff``) and
  :mod:`~medleaflet.i18n.status`.
"""
