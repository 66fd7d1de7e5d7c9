"""The job plan of a batch, and what became of each job.

:func:`jobs` takes a :class:`~medleaflet.project.Project` and gives every
leaflet x language x template it can print, as :class:`Job` values; an
:class:`Outcome` records what happened to one job, and a
:class:`BatchResult` gathers the outcomes of a whole run. :func:`longest_first`
orders jobs so the slowest start first and no worker is left with one long job
at the end.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medleaflet.content.templates import load_template
from medleaflet.errors import MedleafletError
from medleaflet.i18n.catalogues import po_path
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.project import Project


@dataclass(frozen=True)
class Job:
    """One PDF to print: a leaflet id, a locale code and a template name."""

    leaflet: str
    locale: str
    template: str


@dataclass
class Outcome:
    """What happened to one job: a manifest entry, or the reason it failed."""

    job: Job
    entry: dict[str, Any] | None = None
    error: str | None = None
    skipped: bool = False
    #: The previous PDF of a failed job, removed so no stale leaflet is left.
    removed: str | None = None


@dataclass
class BatchResult:
    """The outcomes of a batch, by kind, and every PDF it removed."""

    built: list[Outcome] = field(default_factory=list)
    skipped: list[Outcome] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    #: Every PDF the batch removed: of failed jobs, and stale ones.
    removed: list[str] = field(default_factory=list)
    #: Whether Ctrl-C stopped the run: the jobs it cancelled are among the failed ones.
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        """Whether no job failed."""
        return not self.failed

    @property
    def kept(self) -> list[Outcome]:
        """The jobs whose PDF is in the folder after the run: built, or unchanged and kept."""
        return self.built + self.skipped


def jobs(project: Project) -> list[Job]:
    """Every leaflet x language x template of the project (a bilingual
    template pairs English with another language, so not with English)."""
    bilingual = _bilingual_templates(project)
    return [
        Job(leaflet, locale, template)
        for leaflet in project.leaflet_ids()
        for locale in project.locales()
        for template in project.template_names()
        if not (template in bilingual and locale == SOURCE_LOCALE)
    ]


def longest_first(project: Project, todo: Sequence[Job]) -> list[Job]:
    """``todo`` ordered by how long each job is expected to take, longest first (ties in their order).

    The estimate is the bytes of text a job sets: its leaflet file and its catalogue (whose size
    grows with the translation's length and with the bytes per character of its script: a
    Hindi or Chinese catalogue is set by HarfBuzz, character by character), both for a
    bilingual template, which sets English beside the language.
    """
    bilingual = _bilingual_templates(project)
    sizes: dict[Path, int] = {}

    def size(path: Path) -> int:
        if path not in sizes:
            try:
                sizes[path] = os.stat(path).st_size
            except OSError:
                sizes[path] = 0
        return sizes[path]

    def cost(job: Job) -> int:
        leaflet = size(project.leaflet_path(job.leaflet))
        catalogue = 0 if job.locale == SOURCE_LOCALE else size(po_path(project, job.locale))
        return (leaflet + catalogue) * (2 if job.template in bilingual else 1)

    return sorted(todo, key=cost, reverse=True)


def _bilingual_templates(project: Project) -> set[str]:
    """The names of the project's bilingual templates."""
    return {name for name in project.template_names() if _is_bilingual(project, name)}


def _is_bilingual(project: Project, name: str) -> bool:
    """Whether template ``name`` is bilingual; one that does not load counts as not,
    so its jobs run and each fails with the template's own error."""
    try:
        return load_template(project.template_path(name), project.root).bilingual
    except MedleafletError:
        return False
