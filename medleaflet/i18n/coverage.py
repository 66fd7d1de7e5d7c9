"""Glyph coverage: every character the fonts cannot draw, found before layout, all at once.

A font that lacks a character would print a blank box, so such text is
refused. These checks run on text, before any page is laid out, and report
every uncovered character of every string with the place the string comes
from:

* :func:`check_coverage`: every translation of a catalogue (``check``);
* :func:`source_coverage`: every English string of some leaflets (``check``);
* :func:`require_coverage`: every string a localised leaflet prints (``build``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from medleaflet.content.fonts import uncovered
from medleaflet.content.model import Leaflet
from medleaflet.errors import IncompleteTranslationError, Problem
from textengine.itemise import FontStack

if TYPE_CHECKING:
    from medleaflet.i18n.catalogues import Catalogue
    from medleaflet.i18n.localise import LocalisedLeaflet
    from medleaflet.i18n.qa.checks import Finding


def check_coverage(catalogue: Catalogue, fonts: FontStack) -> list[Finding]:
    """A blocking finding for every translated character of ``catalogue`` no configured font can draw."""
    from medleaflet.i18n.qa.checks import Finding, message_strings  # catalogue QA: a build in English needs none

    strings = (
        (catalogue.msgstr_location(message), message.context or "", form)
        for message in catalogue.messages()
        for form in message_strings(message)
    )
    return [Finding(problem.location, problem.path, problem.message) for problem in uncovered(strings, fonts)]


def source_coverage(leaflets: Sequence[Leaflet], fonts: FontStack) -> list[Problem]:
    """A problem for every character of the English ``leaflets`` no configured font can draw."""
    return uncovered(((text.location, "", text.value) for leaflet in leaflets for text in leaflet.texts()), fonts)


def require_coverage(localised: LocalisedLeaflet, fonts: FontStack) -> None:
    """Raise :class:`IncompleteTranslationError` listing every character of every string
    ``localised`` prints that ``fonts`` cannot draw, each at the line the string comes from
    (the catalogue's for a translation, the leaflet's or the package's for English)."""
    strings = ((resolved.found_at, context, resolved.text) for (context, _), resolved in localised.resolved.items())
    problems = uncovered(strings, fonts)
    if problems:
        raise IncompleteTranslationError(
            problems,
            f"refusing to print {localised.language.code}: it has characters that no configured font can draw",
        )
