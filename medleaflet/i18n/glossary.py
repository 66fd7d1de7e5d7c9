"""The glossary of names every translation keeps unchanged, as a TBX file.

The QA check refuses a translation that drops or changes a protected name
(:func:`~medleaflet.i18n.sources.protected_names`: brand names and terms such
as ``GABA-B``). :func:`glossary_tbx` lists those names
(:func:`~medleaflet.i18n.sources.glossary_terms`) in TermBase eXchange,
which Weblate imports as a glossary, each term marked
``<descrip type="Translation needed">No</descrip>`` so that Weblate shows it as
untranslatable, and which other translation tools load as a term base; so the
translator sees each name highlighted while typing instead of learning it
from a refused ``check``. ``generate.py extract`` writes it beside the
template as ``translations/glossary.tbx``.
"""

from __future__ import annotations

from collections.abc import Sequence

from translate.storage.tbx import tbxfile

from medleaflet.i18n.locales import SOURCE_LOCALE

#: The glossary's file name, beside the template.
GLOSSARY_NAME = "glossary.tbx"
#: The note each term carries for the translator.
KEEP_NOTE = "Keep this name exactly as written, in the same letters, in every language."


def glossary_tbx(names: Sequence[str]) -> bytes:
    """A TBX glossary of ``names`` (English source terms, each untranslatable), as UTF-8 bytes."""
    store = tbxfile(sourcelanguage=SOURCE_LOCALE)
    for name in names:
        unit = store.addsourceunit(name)
        entry = unit.xmlelement
        needed = entry.makeelement(unit.namespaced("descrip"), {"type": "Translation needed"})
        needed.text = "No"
        entry.insert(0, needed)
        unit.addnote(KEEP_NOTE, origin="developer")
    return bytes(store)
