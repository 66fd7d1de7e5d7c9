"""One job of a batch, as a worker process runs it.

:func:`run_job` takes the project root, a :class:`~medleaflet.batch.jobs.Job`,
the output folder, the build options and the job's input digest, builds the
PDF, and gives an :class:`~medleaflet.batch.jobs.Outcome`: its manifest entry,
or the reason it failed. It never raises, so one broken file cannot stop the
batch; :func:`outcome_of` turns a worker that died into a failed job too.
"""

from __future__ import annotations

import signal
from concurrent.futures import Future
from dataclasses import asdict, replace
from pathlib import Path

from medleaflet.batch.jobs import Job, Outcome
from medleaflet.content.model import Leaflet
from medleaflet.errors import IncompleteTranslationError, MedleafletError
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.i18n.localise import checked_catalogue
from medleaflet.pipeline import BuildOptions, build_leaflet, leaflet_of
from medleaflet.project import Project
from medleaflet.write import hold


def review_status(project: Project, leaflet: Leaflet, locale: str) -> str:
    """The English leaflet's review status, or whether the translation is signed off in full."""
    if locale == SOURCE_LOCALE:
        return leaflet.metadata.review.status
    signed = checked_catalogue(project, leaflet, locale).review
    return "reviewed" if signed.complete else "not reviewed"


def run_job(root: str, job: Job, out: str, options: BuildOptions, digest: str) -> Outcome:
    """Build one job (in a worker process); never raises for bad input."""
    project = Project(Path(root))
    try:
        result = build_leaflet(project, job.leaflet, job.locale, Path(out), replace(options, template=job.template))
        leaflet = leaflet_of(project, job.leaflet)
        entry = {
            "file": result.path.name,
            **asdict(job),
            "leaflet_version": leaflet.metadata.version,
            "review_status": review_status(project, leaflet, job.locale),
            "sha256": result.sha256,
            "pages": result.pages,
            "bytes": result.size,
            "inputs": digest,
        }
        return Outcome(job, entry)
    except MedleafletError as exc:
        return Outcome(job, error=reason(exc))
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the night batch
        return _internal_error(job, exc)


def start_worker(out: Path) -> None:
    """Start a worker process: it holds ``out``'s lock with the batch, and leaves Ctrl-C to the
    batch, which lets running jobs finish (each PDF is written whole) and cancels the rest."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    hold(out)


def reason(exc: MedleafletError) -> str:
    """Why a job failed, on one line: its first three problems (a refused language's summary,
    how many problems and of what kind, first), and "..." when there are more."""
    lines = exc.lines()
    if isinstance(exc, IncompleteTranslationError):  # its summary comes last
        lines = [exc.hint, *lines[:-1]]
    return "; ".join(lines[:3]) + (" ..." if len(lines) > 3 else "")


def outcome_of(future: Future[Outcome], job: Job) -> Outcome:
    """The outcome of a finished job; a worker that died (killed, out of memory) fails its job."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - e.g. BrokenProcessPool: the rest of the batch still counts
        return _internal_error(job, exc)


def _internal_error(job: Job, exc: Exception) -> Outcome:
    """The failed outcome of ``job`` for an exception that is not the input's fault."""
    return Outcome(job, error=f"internal error ({type(exc).__name__}: {exc}); please report it")
