"""The batch run: lock the folder, render what changed in parallel, tidy, write the manifest.

:func:`build_all` takes a project, the output folder, the build options, the
clinic profile's path and a log, and gives a
:class:`~medleaflet.batch.jobs.BatchResult`; the folder then holds exactly the
PDFs its manifest lists.
"""

from __future__ import annotations

import os
import signal
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from medleaflet.batch.digest import Inputs, batch_inputs
from medleaflet.batch.folder import clear, pdfs, remove_failed, remove_leftovers, remove_stale
from medleaflet.batch.jobs import BatchResult, Job, Outcome, jobs, longest_first
from medleaflet.batch.manifest import MANIFEST, read_manifest, unchanged, write_manifest
from medleaflet.batch.progress import progress
from medleaflet.batch.worker import outcome_of, run_job, start_worker
from medleaflet.content.clinic import load_clinic
from medleaflet.errors import MedleafletError, OutputError, UsageError
from medleaflet.pipeline import BuildOptions, output_name
from medleaflet.project import Project
from medleaflet.write import folder_lock, make_folder, remove_output

#: Seconds a batch waits for single builds' brief shared locks before refusing the folder.
LOCK_WAIT = 2.0


def build_all(
    project: Project,
    out: Path,
    options: BuildOptions,
    clinic_file: Path | None,
    log: TextIO,
    workers: int | None = None,
) -> BatchResult:
    """Render every job into ``out``, which the batch owns, and write the manifest last.

    ``clinic_file`` is the clinic profile to load (under the lock), or None to
    use ``options.clinic``; ``workers`` is the number of processes (default:
    one per core). Under an exclusive lock on ``out``: reads the
    previous manifest (refusing one this tool did not write, before touching
    anything), removes temporary files a killed run left, loads the clinic and
    lists the jobs -- if that fails, every PDF and the manifest are removed, as
    none can be vouched for, and the error is raised. Then renders the jobs
    whose inputs changed, removes the PDF of every failed job and every other
    PDF the run did not produce or keep, and writes the manifest. Raises
    :class:`OutputError` when another batch holds the folder. On Ctrl-C the
    running jobs finish, the others are cancelled (their previous PDFs removed,
    as no longer matching their inputs), the folder is settled as after any run,
    and :class:`KeyboardInterrupt` is raised again.
    """
    make_folder(out)
    with folder_lock(out, exclusive=True, wait=LOCK_WAIT):
        previous = read_manifest(out)
        remove_leftovers(out, log)
        try:
            if clinic_file is not None:
                options = replace(options, clinic=load_clinic(clinic_file, project.root))
            todo = jobs(project)
        except MedleafletError as exc:
            if not isinstance(exc, UsageError):
                clear(out, log, "the batch could not start")
            raise
        if not previous:
            _refuse_foreign_pdfs(out, todo)
        inputs = batch_inputs(project, clinic_file, options)
        remove_output(out / MANIFEST)  # written again, last, once the folder is settled
        result = _run_jobs(project, out, options, todo, inputs, previous, log, workers)
        remove_stale(out, result, log)
        write_manifest(out, result)
    if result.interrupted:  # the folder is settled: what it holds matches its inputs and its manifest
        raise KeyboardInterrupt
    return result


def _refuse_foreign_pdfs(out: Path, todo: list[Job]) -> None:
    """Raise :class:`OutputError` if ``out``, which has no manifest of a batch, holds a PDF that no
    job of ``todo`` writes: the batch would remove it, and it may be a clinic's own file."""
    ours = {output_name(job.leaflet, job.locale, job.template) for job in todo}
    foreign = [name for name in pdfs(out) if name not in ours]
    if foreign:
        shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise OutputError(
            f"{out}: holds PDFs this tool did not write ({shown}); build --all owns its folder and would remove "
            "them: choose an empty folder, or move them out"
        )


def _run_jobs(
    project: Project,
    out: Path,
    options: BuildOptions,
    todo: list[Job],
    inputs: Inputs,
    previous: dict[str, dict[str, Any]],
    log: TextIO,
    workers: int | None,
) -> BatchResult:
    """Keep the unchanged jobs' files, render the others in parallel, and remove the
    previous PDF of every job that fails; returns what happened to each."""
    result = BatchResult()
    pending: list[tuple[Job, str]] = []
    for job in longest_first(project, todo):
        digest = inputs.digest(job)
        entry = previous.get(output_name(job.leaflet, job.locale, job.template))
        if unchanged(out, entry, digest):
            result.skipped.append(Outcome(job, entry, skipped=True))
        else:
            pending.append((job, digest))
    tick, done = progress(len(pending) + len(result.skipped), log)
    for outcome in result.skipped:
        tick(f"unchanged {outcome.entry['file'] if outcome.entry else ''}")
    recorded: set[Job] = set()

    def record(outcome: Outcome) -> None:
        recorded.add(outcome.job)
        if outcome.error:
            remove_failed(out, outcome, result)
            job, removed = outcome.job, f"; removed {outcome.removed}" if outcome.removed else ""
            tick(f"FAILED {job.leaflet} {job.locale} {job.template}: {outcome.error}{removed}")
        else:
            result.built.append(outcome)
            tick(f"wrote {outcome.entry['file'] if outcome.entry else ''}")

    try:
        pool = ProcessPoolExecutor(
            max_workers=workers or os.cpu_count() or 1, initializer=start_worker, initargs=(out,)
        )
        futures = {
            pool.submit(run_job, str(project.root), job, str(out), options, digest): job for job, digest in pending
        }
        try:
            for future in as_completed(futures):
                record(outcome_of(future, futures[future]))
        except KeyboardInterrupt:
            result.interrupted = True
            previous_handler = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not leave a mess
            print("interrupted: finishing the running builds and removing out-of-date PDFs", file=log)
            try:
                pool.shutdown(wait=True, cancel_futures=True)
                for future, job in futures.items():
                    if job in recorded:
                        continue
                    if future.cancelled():
                        record(Outcome(job, error="interrupted before it was built"))
                    else:
                        record(outcome_of(future, job))
            finally:
                signal.signal(signal.SIGINT, previous_handler)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    finally:
        done()
    return result
