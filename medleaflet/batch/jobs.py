"""The job plan of a batch, and what became of each job.

:func:`jobs` takes a :class:`~medleaflet.project.Project` and gives every
leaflet x language x template it can print, as :class:`Job` values; an
:class:`Outcome` records what happened to one job, and a
:class:`BatchResult` gathers the outcomes of a whole run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from medleaflet.content.templates import load_template
from medleaflet.errors import MedleafletError
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
    bilingual = {name for name in project.template_names() if _is_bilingual(project, name)}
    return [
        Job(leaflet, locale, template)
        for leaflet in project.leaflet_ids()
        for locale in project.locales()
        for template in project.template_names()
        if not (template in bilingual and locale == SOURCE_LOCALE)
    ]


def _is_bilingual(project: Project, name: str) -> bool:
    """Whether template ``name`` is bilingual; one that does not load counts as not,
    so its jobs run and each fails with the template's own error."""
    try:
        return load_template(project.template_path(name), project.root).bilingual
    except MedleafletError:
        return False
