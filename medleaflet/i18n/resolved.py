"""The printed text of one message and where it comes from, and the English texts of a leaflet.

:class:`ResolvedText` pairs a message's printed text with its source location.
:class:`SourceTexts` is what an English build prints: the leaflet's own texts and
every layout message as written. Saying where a layout message is declared means
running Babel's extractor over the package, so that is done only when a location is
asked for (an error, a report), never just to print.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from medleaflet.content.model import Leaflet
from medleaflet.errors import Locating, SourceLocation, locate
from medleaflet.i18n.ui import DECLARED
from medleaflet.i18n.ui_extract import ui_location

#: A message's key: its context and English text.
MessageKey = tuple[str, str]


@dataclass(frozen=True)
class ResolvedText:
    """The text printed for one message, and where that text comes from: a location, or a
    function that finds it when first asked (see :class:`SourceTexts`)."""

    text: str
    found_at: Locating

    @property
    def location(self) -> SourceLocation:
        """Where the printed text comes from."""
        return locate(self.found_at)


def leaflet_locations(leaflet: Leaflet) -> dict[MessageKey, SourceLocation]:
    """The leaflet line of each of ``leaflet``'s own messages, by (context, English text)."""
    return {(f"{leaflet.id}:{text.key}", text.value): text.location for text in leaflet.texts()}


class SourceTexts(Mapping[MessageKey, ResolvedText]):
    """The English text of every message of ``leaflet``'s PDF: its own texts (located at
    their leaflet lines), then every layout message declared in this process
    (:data:`medleaflet.i18n.ui.DECLARED`), located on demand."""

    def __init__(self, leaflet: Leaflet) -> None:
        self._own = leaflet_locations(leaflet)

    def __getitem__(self, key: MessageKey) -> ResolvedText:
        if key in self._own:
            return ResolvedText(key[1], self._own[key])
        if key in DECLARED:
            return ResolvedText(key[1], functools.partial(ui_location, *key))
        raise KeyError(key)

    def __iter__(self) -> Iterator[MessageKey]:
        yield from self._own
        yield from (key for key in DECLARED if key not in self._own)

    def __len__(self) -> int:
        return len(self._own) + sum(1 for key in DECLARED if key not in self._own)
