"""What a language is checked against, and the outcome: one assembly for every caller.

:class:`Messages` holds the English messages a catalogue must translate,
grouped by leaflet (plus ``ui`` for the layout's words), and the names it must
keep unchanged: :func:`project_messages` for every leaflet of a project (the
``check``, ``status`` and ``signoff`` commands), :func:`leaflet_messages` for
the one leaflet a build prints. :func:`check_language` reads a language's
catalogue and returns a :class:`LanguageCheck`: the catalogue, every QA
finding (glyph coverage ones of kind ``font``), and its medical sign-off.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from medleaflet.content.model import Leaflet
from medleaflet.content.validate import LAYOUT_GROUP, load_leaflet
from medleaflet.i18n.catalogues import Catalogue, load_catalogue
from medleaflet.i18n.coverage import check_coverage
from medleaflet.i18n.qa.checks import Finding, blocking, check_catalogue, singular
from medleaflet.i18n.qa.terms import glossary_findings
from medleaflet.i18n.review import TranslationReview, load_record, review_of
from medleaflet.i18n.sources import SourceMessage, leaflet_sources, protected_names, ui_sources
from medleaflet.project import Project
from textengine.itemise import FontStack

#: The message group of the layout's own words.
UI_GROUP = LAYOUT_GROUP


@dataclass(frozen=True)
class Messages:
    """The English messages to translate, by group, and the names to keep unchanged."""

    groups: Mapping[str, Sequence[SourceMessage]]
    protected: Sequence[str]

    @property
    def sources(self) -> list[SourceMessage]:
        """Every message of every group, in group order."""
        return [source for group in self.groups.values() for source in group]

    def only(self, names: Sequence[str]) -> Messages:
        """The same messages restricted to the groups ``names`` (each must be a group)."""
        return Messages({name: self.groups[name] for name in names}, self.protected)


def messages_of(leaflets: Sequence[Leaflet]) -> Messages:
    """The messages of ``leaflets`` (one group each) and the layout's, with the names every one keeps."""
    groups: dict[str, Sequence[SourceMessage]] = {leaflet.id: leaflet_sources(leaflet) for leaflet in leaflets}
    groups[UI_GROUP] = ui_sources()
    protected = sorted({name for leaflet in leaflets for name in protected_names(leaflet)})
    return Messages(groups, protected)


def project_leaflets(project: Project) -> list[Leaflet]:
    """Every leaflet of ``project``, loaded and validated."""
    return [load_leaflet(project.leaflet_path(leaflet_id), project.root) for leaflet_id in project.leaflet_ids()]


def project_messages(project: Project) -> Messages:
    """The messages of every leaflet of ``project`` and of the layout."""
    return messages_of(project_leaflets(project))


def leaflet_messages(leaflet: Leaflet) -> Messages:
    """The messages one leaflet's PDF prints: its own and the layout's."""
    return messages_of([leaflet])


@dataclass(frozen=True)
class LanguageCheck:
    """One language's catalogue checked against a set of messages."""

    project: Project
    catalogue: Catalogue
    messages: Messages
    #: Every QA finding, blocking or not: the catalogue's (sorted), then glyph coverage.
    findings: Sequence[Finding]

    @property
    def blocking(self) -> list[Finding]:
        """The findings that stop a build."""
        return blocking(self.findings)

    @functools.cached_property
    def review(self) -> TranslationReview:
        """Which of the messages a medical reviewer has signed off as they read now (read on first use,
        so a refused language is refused before its sign-off record is read)."""
        return review_of(self.catalogue, load_record(self.catalogue, self.project.root), self.messages.sources)


def check_language(
    project: Project, locale: str, messages: Messages, fonts: FontStack | None = None, *, glossary: bool = False
) -> LanguageCheck:
    """Read the catalogue of ``locale`` and check it against ``messages``; with ``fonts``, also
    report every translated character those fonts cannot draw; with ``glossary``, also warn where
    a key term is not translated as the language's glossary chose (:mod:`medleaflet.i18n.terms`).

    Raises :class:`~medleaflet.errors.InputError` for a catalogue that cannot be read (a glossary
    that cannot be read is a blocking finding, beside the catalogue's own).
    """
    catalogue = load_catalogue(project, locale)
    findings = check_catalogue(catalogue, messages.sources, messages.protected)
    if glossary:
        findings += glossary_findings(project, catalogue, messages.sources)
    if fonts is not None:
        findings += _named(catalogue, check_coverage(catalogue, fonts))
    return LanguageCheck(project, catalogue, messages, findings)


def _named(catalogue: Catalogue, findings: Sequence[Finding]) -> list[Finding]:
    """Glyph coverage ``findings`` with their kind (``font``) and the msgid of the entry at their line."""
    msgids = {catalogue.location(message).line: singular(message) for message in catalogue.messages()}
    return [replace(finding, kind="font", msgid=msgids.get(finding.location.line, "")) for finding in findings]
