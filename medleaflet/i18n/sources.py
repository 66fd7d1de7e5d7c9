"""The English source messages: what every catalogue must translate.

:func:`leaflet_sources` lists a leaflet's messages (context
``{leaflet}:{key}``) and :func:`ui_sources` the layout's own words (context
``ui:...``, extracted from the package by :mod:`medleaflet.i18n.ui_extract`).
Both come straight from the YAML and the code, not from the ``.pot``, so a
catalogue is always checked against the current English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from medleaflet.content.model import Leaflet
from medleaflet.i18n.ui_extract import ui_messages

#: Words that stay as they are in every language, beyond the brand names.
KEEP_UNCHANGED: tuple[str, ...] = ("GABA-B",)


def protected_names(leaflet: Leaflet) -> list[str]:
    """Names a translation must keep exactly: the brand names and :data:`KEEP_UNCHANGED`.

    A generic product's name is no brand: it is the medicine's own name (or a maker's), which
    a translation writes the language's way; so are the words of the generic name itself."""
    identity = leaflet.identity
    generic_words = set(identity.generic_name.value.casefold().split())
    names = {
        word
        for brand in identity.brands
        if brand.status != "generic"
        for word in brand.name.split()
        if word.casefold() not in generic_words
    }
    return sorted(names | set(KEEP_UNCHANGED))


def glossary_terms(leaflets: Sequence[Leaflet]) -> list[str]:
    """The names of ``leaflets`` a translation keeps, as a glossary lists them: each brand name
    whole (a two-word brand is one term: its second word alone may be a word to translate),
    and :data:`KEEP_UNCHANGED`, sorted."""
    brands = {brand.name for leaflet in leaflets for brand in leaflet.identity.brands if brand.status != "generic"}
    return sorted(brands | set(KEEP_UNCHANGED))


@dataclass(frozen=True)
class SourceMessage:
    """One English message to translate."""

    context: str
    msgid: str
    plural: str | None = None
    brace_format: bool = False


def leaflet_sources(leaflet: Leaflet) -> list[SourceMessage]:
    """Every message of ``leaflet``, in file order."""
    return [SourceMessage(f"{leaflet.id}:{text.key}", text.value) for text in leaflet.texts()]


def ui_sources() -> list[SourceMessage]:
    """Every layout string declared with ``N_(context, message)`` in the package, each once, in file order."""
    found = {(item.context, item.message): None for item in ui_messages()}
    return [SourceMessage(context, message, brace_format="{" in message) for context, message in found]
