"""The layout's own words, as Babel extracts them from the installed package.

Layout messages are declared in the package's code with
``N_("context", "message")`` (see :mod:`medleaflet.i18n.ui`). Rather than
trust a list kept by hand, :func:`ui_messages` runs Babel's Python extractor
over every module of the package that calls ``N_``, found from
``medleaflet.__file__``, exactly as ``pybabel extract -F babel.cfg`` does in a
checkout. So any project folder gets the layout's messages, and the
``#: medleaflet/i18n/ui.py:LINE`` references are the same either way.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import medleaflet
from medleaflet.errors import SourceLocation

#: The package's folder; message references are relative to its parent, as in a checkout.
PACKAGE_DIR = Path(medleaflet.__file__).resolve().parent
#: Babel's keyword spec for ``N_(context, message)``, as ``babel.cfg`` names it.
UI_KEYWORD = "N_:1c,2"
#: Comments before a message that starts with this tag become its ``#.`` notes.
COMMENT_TAGS = ("TRANSLATORS:",)


@dataclass(frozen=True)
class UIMessage:
    """One layout message: its context, English text, where it is declared, and its notes."""

    context: str
    message: str
    location: SourceLocation
    comments: tuple[str, ...] = ()

    @property
    def group(self) -> str:
        """The part of the page the message belongs to: its context up to the last dot
        (``ui:footer`` for ``ui:footer.page``), written as a ``#.`` note in the template."""
        return self.context.rpartition(".")[0] or self.context


def message_modules() -> Iterator[Path]:
    """Every module of the package that may declare messages (it calls ``N_``), in the
    order ``pybabel extract`` walks folders: a folder's files, then its sub-folders, each sorted."""
    for folder, subfolders, files in os.walk(PACKAGE_DIR):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith((".", "_")))
        for name in sorted(files):
            path = Path(folder) / name
            if name.endswith(".py") and "N_(" in path.read_text(encoding="utf-8"):
                yield path


@functools.cache
def ui_messages() -> tuple[UIMessage, ...]:
    """Every ``N_(context, message)`` of the package, in file and line order (duplicates kept)."""
    # Babel's extractor is imported here: an English build never needs it (see ui_location).
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
    from babel.messages.frontend import parse_keywords

    keywords = {**DEFAULT_KEYWORDS, **parse_keywords([UI_KEYWORD])}
    found = []
    for path in message_modules():
        display = path.relative_to(PACKAGE_DIR.parent).as_posix()
        for line, message, comments, context in extract_from_file(
            "python", str(path), keywords=keywords, comment_tags=COMMENT_TAGS, strip_comment_tags=False
        ):
            if context is not None and isinstance(message, str):
                found.append(UIMessage(context, message, SourceLocation(display, line), tuple(comments)))
    return tuple(found)


@functools.cache
def ui_locations() -> dict[tuple[str, str], SourceLocation]:
    """Where the package first declares each layout message, by (context, message)."""
    found: dict[tuple[str, str], SourceLocation] = {}
    for item in ui_messages():
        found.setdefault((item.context, item.message), item.location)
    return found


def ui_location(context: str, message: str) -> SourceLocation:
    """Where the package declares the layout message ``message`` of ``context`` (its first
    declaration); for a message declared outside the package's modules (a test's, a plug-in's),
    the package folder at line 0."""
    return ui_locations().get((context, message), SourceLocation(PACKAGE_DIR.name, 0))
