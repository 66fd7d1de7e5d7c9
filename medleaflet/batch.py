"""The night batch: every leaflet x language x template, in parallel, with a manifest.

:func:`build_all` renders every combination into one folder, using one
process per core, shows progress (a bar on a terminal, plain lines
otherwise), and writes ``manifest.json``: for each file its leaflet, locale,
template, leaflet version, catalogue review status, sha256, pages and bytes,
plus every combination that was refused and why. A file whose inputs
(leaflet, catalogue, template, clinic profile, fonts, tool version) have not
changed since the last manifest is not rendered again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .catalogues import load_catalogue, po_path
from .errors import MedleafletError
from .locales import SOURCE_LOCALE
from .pipeline import BuildOptions, build_leaflet, output_name
from .project import Project
from .review import load_record, review_of
from .sources import leaflet_sources, ui_sources
from .templates import load_template
from .validate import load_leaflet
from .write import write_atomic

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Job:
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


@dataclass
class BatchResult:
    built: list[Outcome] = field(default_factory=list)
    skipped: list[Outcome] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def jobs(project: Project) -> list[Job]:
    """Every leaflet x language x template of the project (a bilingual
    template pairs English with another language, so not with English)."""
    bilingual = {
        name for name in project.template_names() if load_template(project.template_path(name), project.root).bilingual
    }
    return [
        Job(leaflet, locale, template)
        for leaflet in project.leaflet_ids()
        for locale in project.locales()
        for template in project.template_names()
        if not (template in bilingual and locale == SOURCE_LOCALE)
    ]


def _digest(*paths: Path | None) -> str:
    sha = hashlib.sha256(__version__.encode())
    for path in paths:
        if path is not None and path.is_file():
            sha.update(path.name.encode())
            sha.update(path.read_bytes())
    return sha.hexdigest()


def inputs_digest(project: Project, job: Job, clinic_file: Path | None, options: BuildOptions) -> str:
    """A fingerprint of everything the job's PDF depends on."""
    catalogue = po_path(project, job.locale) if job.locale != SOURCE_LOCALE else None
    fonts = sorted(project.fonts_dir.glob("*.ttf"))
    extra = f"{options.paper}|{options.allow_fallback}".encode()
    base = _digest(project.leaflet_path(job.leaflet), catalogue, project.template_path(job.template), clinic_file)
    return hashlib.sha256(
        base.encode() + extra + "".join(f"{p.name}:{p.stat().st_size}" for p in fonts).encode()
    ).hexdigest()


def _review_status(project: Project, job: Job) -> str:
    """The English leaflet's review status, or whether the translation is signed off in full."""
    leaflet = load_leaflet(project.leaflet_path(job.leaflet), project.root)
    if job.locale == SOURCE_LOCALE:
        return leaflet.metadata.review.status
    catalogue = load_catalogue(project, job.locale)
    signed = review_of(catalogue, load_record(catalogue, project.root), leaflet_sources(leaflet) + ui_sources())
    return "reviewed" if signed.complete else "not reviewed"


def _run(root: str, job: Job, out: str, options: BuildOptions, digest: str) -> Outcome:
    """Build one job (in a worker process); never raises for bad input."""
    project = Project(Path(root))
    try:
        result = build_leaflet(project, job.leaflet, job.locale, Path(out), replace(options, template=job.template))
        data = result.path.read_bytes()
        leaflet = load_leaflet(project.leaflet_path(job.leaflet), project.root)
        entry = {
            "file": result.path.name,
            **asdict(job),
            "leaflet_version": leaflet.metadata.version,
            "review_status": _review_status(project, job),
            "sha256": hashlib.sha256(data).hexdigest(),
            "pages": result.pages,
            "bytes": result.size,
            "inputs": digest,
        }
        return Outcome(job, entry)
    except MedleafletError as exc:
        return Outcome(job, error="; ".join(exc.lines()[:3]) + (" ..." if len(exc.lines()) > 3 else ""))
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the night batch
        return Outcome(job, error=f"internal error ({type(exc).__name__}: {exc}); please report it")


def _previous(out: Path) -> dict[str, dict[str, Any]]:
    try:
        manifest = json.loads((out / MANIFEST).read_text("utf-8"))
        return {entry["file"]: entry for entry in manifest.get("files", [])}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _unchanged(out: Path, entry: dict[str, Any] | None, digest: str) -> bool:
    if not entry or entry.get("inputs") != digest:
        return False
    path = out / entry["file"]
    return path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == entry.get("sha256")


def build_all(
    project: Project,
    out: Path,
    options: BuildOptions,
    clinic_file: Path | None,
    log: TextIO,
    workers: int | None = None,
    progress: Callable[[int], Any] | None = None,
) -> BatchResult:
    """Render every job into ``out`` and write the manifest; see the module docstring."""
    out.mkdir(parents=True, exist_ok=True)
    previous = _previous(out)
    result = BatchResult()
    pending: list[tuple[Job, str]] = []
    for job in jobs(project):
        digest = inputs_digest(project, job, clinic_file, options)
        entry = previous.get(output_name(job.leaflet, job.locale, job.template))
        if _unchanged(out, entry, digest):
            result.skipped.append(Outcome(job, entry, skipped=True))
        else:
            pending.append((job, digest))
    total = len(pending) + len(result.skipped)
    bar = _progress(total, log)
    for outcome in result.skipped:
        bar(f"unchanged {outcome.entry['file'] if outcome.entry else ''}")
    with ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        futures = [pool.submit(_run, str(project.root), job, str(out), options, digest) for job, digest in pending]
        for future in as_completed(futures):
            outcome = future.result()
            if outcome.error:
                result.failed.append(outcome)
                bar(f"FAILED {outcome.job.leaflet} {outcome.job.locale} {outcome.job.template}: {outcome.error}")
            else:
                result.built.append(outcome)
                bar(f"wrote {outcome.entry['file'] if outcome.entry else ''}")
    _write_manifest(out, result)
    return result


def _progress(total: int, log: TextIO) -> Callable[[str], None]:
    """A progress reporter: a tqdm bar on a terminal, numbered lines otherwise."""
    count = 0
    if log.isatty():
        from tqdm import tqdm

        bar = tqdm(total=total, file=log, unit="pdf")

        def tick(message: str) -> None:
            bar.set_postfix_str(message[:60])
            bar.update(1)

        return tick

    def line(message: str) -> None:
        nonlocal count
        count += 1
        print(f"[{count}/{total}] {message}", file=log)

    return line


def _write_manifest(out: Path, result: BatchResult) -> None:
    entries = sorted((o.entry for o in result.built + result.skipped if o.entry), key=lambda e: e["file"])
    failures = sorted(
        ({**asdict(o.job), "reason": o.error} for o in result.failed),
        key=lambda f: (f["leaflet"], f["locale"], f["template"]),
    )
    manifest = {"generator": f"medleaflet {__version__}", "files": entries, "failed": failures}
    write_atomic(out / MANIFEST, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
