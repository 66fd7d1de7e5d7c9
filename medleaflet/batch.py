"""The night batch: every leaflet x language x template, in parallel, with a manifest.

:func:`build_all` renders every combination into one folder, using one
process per core, shows progress (a bar on a terminal, plain lines
otherwise), and writes ``manifest.json``: for each file its leaflet, locale,
template, leaflet version, catalogue review status, sha256, pages and bytes,
plus every combination that was refused and why. A file whose inputs have
not changed since the last manifest is not rendered again: the digest
(:func:`batch_inputs`) covers the leaflet, the catalogue and every ``*.yaml``
beside it (the sign-off record), the template, the clinic profile and logo,
the fonts, the package's own code, data tables and schemas, and the versions
of the libraries that draw the page.

The batch owns its output folder. It holds an exclusive lock on it for the
whole run (a second batch into the same folder is refused), and leaves it
holding exactly the PDFs the manifest lists: the previous PDF of a refused
combination is removed, and so is every other ``*.pdf`` the run did not
produce or keep. The manifest is removed when the run starts and written,
atomically, last.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import textengine
from medleaflet import __version__
from medleaflet.content.clinic import load_clinic
from medleaflet.content.load import read_text
from medleaflet.content.templates import load_template
from medleaflet.content.validate import load_leaflet
from medleaflet.errors import InputError, MedleafletError, SourceLocation, UsageError
from medleaflet.i18n.catalogues import load_catalogue, po_path
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.i18n.review import load_record, review_of
from medleaflet.i18n.sources import leaflet_sources, ui_sources
from medleaflet.pipeline import BuildOptions, build_leaflet, output_name
from medleaflet.project import Project
from medleaflet.write import folder_lock, hold, is_temp_name, make_folder, remove_output, write_atomic

MANIFEST = "manifest.json"
#: A manifest lists every file of a batch, so it may be larger than an input file.
MAX_MANIFEST_BYTES = 64_000_000
#: The packages whose code, data tables and schemas every digest covers: this one and its text engine.
CODE_DIRS: tuple[Path, ...] = (Path(__file__).resolve().parent, Path(textengine.__file__).resolve().parent)
#: Libraries whose version changes what is printed (PDF writer, CLDR data, shaping, fonts).
RENDERING_LIBRARIES = ("reportlab", "babel", "uharfbuzz", "fonttools")
#: Seconds a batch waits for single builds' brief shared locks before refusing the folder.
LOCK_WAIT = 2.0
_CODE_SUFFIXES = frozenset({".py", ".json", ".yaml"})
_TABLE_FOLDERS = ("data", "schemas")
_FONT_SUFFIXES = frozenset({".ttf", ".otf", ".ttc"})
_NOT_OURS = "not a manifest written by medleaflet, so the folder is left as it is (remove it, or choose another --out)"


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
    #: The previous PDF of a failed job, removed so no stale leaflet is left.
    removed: str | None = None


@dataclass
class BatchResult:
    built: list[Outcome] = field(default_factory=list)
    skipped: list[Outcome] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    #: Every PDF the batch removed: of failed jobs, and stale ones.
    removed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


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


def _open_regular(path: Path) -> BinaryIO | None:
    """``path`` opened for reading if it is a regular file (symlinks followed), else None.

    Opens without blocking and checks the open file, so a FIFO or a device is
    never read.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        handle.close()
        return None
    return handle


def file_hash(path: Path) -> str:
    """The sha256 of the regular file ``path``, or ``"absent"`` for a missing,
    unreadable or non-regular one (whose job then fails with its own error)."""
    handle = _open_regular(path)
    if handle is None:
        return "absent"
    sha = hashlib.sha256()
    try:
        with handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                sha.update(block)
    except OSError:
        return "absent"
    return sha.hexdigest()


def _combine(parts: Iterable[tuple[str, str]]) -> str:
    """One sha256 over labelled parts, each hashed as a ``label=value`` line."""
    sha = hashlib.sha256()
    for label, value in parts:
        sha.update(f"{label}={value}\n".encode())
    return sha.hexdigest()


def _hash_files(folder: Path, files: Iterable[Path]) -> str:
    """One hash of ``files`` by their path relative to ``folder``, sorted, with their contents."""
    named = sorted((path.relative_to(folder).as_posix(), path) for path in files)
    return _combine((name, file_hash(path)) for name, path in named)


def code_digest(package_dirs: Sequence[Path] = CODE_DIRS) -> str:
    """A hash of the packages' own files: every ``*.py``, ``*.json`` and ``*.yaml``
    under each of ``package_dirs``, and every file of a ``data/`` or ``schemas/``
    table (not ``__pycache__``, not hidden files), sorted by relative path."""

    def counts(package_dir: Path, path: Path) -> bool:
        parts = path.relative_to(package_dir).parts
        if "__pycache__" in parts or any(part.startswith(".") for part in parts) or not path.is_file():
            return False
        return path.suffix in _CODE_SUFFIXES or any(part in _TABLE_FOLDERS for part in parts[:-1])

    return _combine(
        (
            package_dir.name,
            _hash_files(package_dir, (path for path in package_dir.rglob("*") if counts(package_dir, path))),
        )
        for package_dir in package_dirs
    )


def fonts_digest(fonts_dir: Path) -> str:
    """A hash of the contents of every font file (``*.ttf``, ``*.otf``, ``*.ttc``) in ``fonts_dir``."""
    found = fonts_dir.iterdir() if fonts_dir.is_dir() else iter(())
    return _hash_files(fonts_dir, (path for path in found if path.suffix.lower() in _FONT_SUFFIXES))


def library_versions() -> str:
    """The installed versions of :data:`RENDERING_LIBRARIES`, as one string."""
    versions = []
    for name in RENDERING_LIBRARIES:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    return ", ".join(versions)


@dataclass
class Inputs:
    """The fingerprints of one batch's inputs: ``shared`` covers what every job
    uses (hashed once per batch), and each per-job file is hashed once however
    many jobs read it."""

    project: Project
    shared: str
    hashes: dict[Path, str] = field(default_factory=dict)

    def file(self, path: Path) -> str:
        """The content hash of ``path``, computed at most once per batch."""
        if path not in self.hashes:
            self.hashes[path] = file_hash(path)
        return self.hashes[path]

    def digest(self, job: Job) -> str:
        """A fingerprint of everything ``job``'s PDF depends on: the shared part, the
        leaflet, the template, and the catalogue with every ``*.yaml`` beside it."""
        project = self.project
        parts = [
            ("shared", self.shared),
            ("job", f"{job.leaflet} {job.locale} {job.template}"),
            ("leaflet", self.file(project.leaflets_dir / f"{job.leaflet}.yaml")),
            ("template", self.file(project.templates_dir / f"{job.template}.yaml")),
        ]
        if job.locale != SOURCE_LOCALE:
            catalogue = po_path(project, job.locale)
            parts.append(("catalogue", self.file(catalogue)))
            parts += [(f"catalogue/{path.name}", self.file(path)) for path in sorted(catalogue.parent.glob("*.yaml"))]
        return _combine(parts)


def batch_inputs(
    project: Project, clinic_file: Path | None, options: BuildOptions, package_dirs: Sequence[Path] = CODE_DIRS
) -> Inputs:
    """Hash, once, what every job of a batch shares: the package's code, data tables and
    schemas, the rendering libraries' versions, the fonts, the clinic profile and the
    logo of the loaded clinic (``options.clinic``), and the options."""
    clinic = options.clinic
    shared = _combine(
        [
            ("code", code_digest(package_dirs)),
            ("libraries", library_versions()),
            ("fonts", fonts_digest(project.fonts_dir)),
            ("clinic file", file_hash(clinic_file) if clinic_file else "none"),
            ("clinic", repr(clinic)),
            ("logo", file_hash(clinic.logo) if clinic and clinic.logo else "none"),
            ("options", f"paper={options.paper} fallback={options.allow_fallback}"),
        ]
    )
    return Inputs(project, shared)


def inputs_digest(
    project: Project,
    job: Job,
    clinic_file: Path | None,
    options: BuildOptions,
    package_dirs: Sequence[Path] = CODE_DIRS,
) -> str:
    """A fingerprint of everything the job's PDF depends on (a batch hashes the shared
    part once with :func:`batch_inputs` instead)."""
    return batch_inputs(project, clinic_file, options, package_dirs).digest(job)


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


def read_manifest(out: Path) -> dict[str, dict[str, Any]]:
    """The entries of the manifest in ``out``, by file name; {} if there is none.

    Raises :class:`InputError` at ``out/manifest.json:LINE`` for a file that is
    not a manifest this tool wrote (unreadable, not JSON, not an object of
    ours), so a folder that is not a batch's is never cleaned.
    """
    path = out / MANIFEST
    if not os.path.lexists(path):
        return {}
    display = path.as_posix()
    text = read_text(path, display, MAX_MANIFEST_BYTES)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg}); {_NOT_OURS}", SourceLocation(display, exc.lineno)) from None
    except (ValueError, RecursionError):
        raise InputError(f"not valid JSON (nested too deeply); {_NOT_OURS}", SourceLocation(display, 1)) from None
    problem = _manifest_problem(data)
    if problem:
        raise InputError(f"{problem}; {_NOT_OURS}", SourceLocation(display, 1))
    return {entry["file"]: entry for entry in data["files"]}


def _manifest_problem(data: Any) -> str | None:
    """What makes parsed JSON ``data`` not one of our manifests, or None."""
    if not isinstance(data, dict):
        kinds = {list: "a list", str: "a string", bool: "true or false", int: "a number", float: "a number"}
        return f"expected a JSON object, found {kinds.get(type(data), 'null')}"
    if not str(data.get("generator", "")).startswith("medleaflet"):
        return 'no "generator": "medleaflet ..." field'
    files = data.get("files")
    if not isinstance(files, list) or not isinstance(data.get("failed"), list):
        return '"files" and "failed" must be lists'
    if not all(isinstance(entry, dict) and isinstance(entry.get("file"), str) for entry in files):
        return 'every entry of "files" needs a "file" name'
    return None


def _unchanged(out: Path, entry: dict[str, Any] | None, digest: str) -> bool:
    """Whether the previous manifest ``entry`` has inputs ``digest`` and its file is on disk unchanged."""
    if not entry or entry.get("inputs") != digest:
        return False
    return file_hash(out / entry["file"]) == entry.get("sha256")


def _pdfs(out: Path) -> list[str]:
    """The names of the top-level ``*.pdf`` files (and links) in ``out``, sorted."""
    with os.scandir(out) as entries:
        return sorted(
            entry.name
            for entry in entries
            if entry.name.lower().endswith(".pdf") and (entry.is_symlink() or entry.is_file(follow_symlinks=False))
        )


def _remove_leftovers(out: Path, log: TextIO) -> None:
    """Remove the temporary files a killed run left in ``out`` (the caller holds its exclusive lock)."""
    with os.scandir(out) as entries:
        leftovers = sorted(e.name for e in entries if is_temp_name(e.name) and e.is_file(follow_symlinks=False))
    for name in leftovers:
        if remove_output(out / name):
            print(f"removed leftover {name}", file=log)


def _clear(out: Path, log: TextIO, why: str) -> None:
    """Remove every PDF and the manifest from ``out``: the batch cannot vouch for any of them."""
    for name in [*_pdfs(out), MANIFEST]:
        if remove_output(out / name):
            print(f"removed {name} ({why})", file=log)


def build_all(
    project: Project,
    out: Path,
    options: BuildOptions,
    clinic_file: Path | None,
    log: TextIO,
    workers: int | None = None,
    progress: Callable[[int], Any] | None = None,
) -> BatchResult:
    """Render every job into ``out``, which the batch owns, and write the manifest last.

    ``clinic_file`` is the clinic profile to load (under the lock), or None to
    use ``options.clinic``. Under an exclusive lock on ``out``: reads the
    previous manifest (refusing one this tool did not write, before touching
    anything), removes temporary files a killed run left, loads the clinic and
    lists the jobs -- if that fails, every PDF and the manifest are removed, as
    none can be vouched for, and the error is raised. Then renders the jobs
    whose inputs changed, removes the PDF of every failed job and every other
    PDF the run did not produce or keep, and writes the manifest. Raises
    :class:`OutputError` when another batch holds the folder.
    """
    make_folder(out)
    with folder_lock(out, exclusive=True, wait=LOCK_WAIT):
        previous = read_manifest(out)
        _remove_leftovers(out, log)
        try:
            if clinic_file is not None:
                options = replace(options, clinic=load_clinic(clinic_file, project.root))
            todo = jobs(project)
        except MedleafletError as exc:
            if not isinstance(exc, UsageError):
                _clear(out, log, "the batch could not start")
            raise
        inputs = batch_inputs(project, clinic_file, options)
        remove_output(out / MANIFEST)  # written again, last, once the folder is settled
        result = _run_jobs(project, out, options, todo, inputs, previous, log, workers)
        _remove_stale(out, result, log)
        _write_manifest(out, result)
    return result


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
    for job in todo:
        digest = inputs.digest(job)
        entry = previous.get(output_name(job.leaflet, job.locale, job.template))
        if _unchanged(out, entry, digest):
            result.skipped.append(Outcome(job, entry, skipped=True))
        else:
            pending.append((job, digest))
    bar, done = _progress(len(pending) + len(result.skipped), log)
    for outcome in result.skipped:
        bar(f"unchanged {outcome.entry['file'] if outcome.entry else ''}")
    try:
        with ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1, initializer=hold, initargs=(out,)) as pool:
            futures = {
                pool.submit(_run, str(project.root), job, str(out), options, digest): job for job, digest in pending
            }
            for future in as_completed(futures):
                outcome = _outcome(future, futures[future])
                if outcome.error:
                    _remove_failed(out, outcome, result)
                    job, removed = outcome.job, f"; removed {outcome.removed}" if outcome.removed else ""
                    bar(f"FAILED {job.leaflet} {job.locale} {job.template}: {outcome.error}{removed}")
                else:
                    result.built.append(outcome)
                    bar(f"wrote {outcome.entry['file'] if outcome.entry else ''}")
    finally:
        done()
    return result


def _outcome(future: Future[Outcome], job: Job) -> Outcome:
    """The outcome of a finished job; a worker that died (killed, out of memory) fails its job."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - e.g. BrokenProcessPool: the rest of the batch still counts
        return Outcome(job, error=f"internal error ({type(exc).__name__}: {exc}); please report it")


def _remove_failed(out: Path, outcome: Outcome, result: BatchResult) -> None:
    """Record a failed job, removing the previous PDF at its output path, if any."""
    name = output_name(outcome.job.leaflet, outcome.job.locale, outcome.job.template)
    if remove_output(out / name):
        outcome.removed = name
        result.removed.append(name)
    result.failed.append(outcome)


def _remove_stale(out: Path, result: BatchResult, log: TextIO) -> None:
    """Remove every top-level PDF of ``out`` the run neither produced nor kept."""
    kept = {outcome.entry["file"] for outcome in result.built + result.skipped if outcome.entry}
    for name in _pdfs(out):
        if name not in kept and remove_output(out / name):
            result.removed.append(name)
            print(f"removed stale {name}", file=log)


def _progress(total: int, log: TextIO) -> tuple[Callable[[str], None], Callable[[], None]]:
    """A progress reporter and its closer: a tqdm bar on a terminal, numbered lines otherwise."""
    count = 0
    if log.isatty():
        from tqdm import tqdm

        bar = tqdm(total=total, file=log, unit="pdf")

        def tick(message: str) -> None:
            bar.set_postfix_str(message[:60])
            bar.update(1)

        return tick, bar.close

    def line(message: str) -> None:
        nonlocal count
        count += 1
        print(f"[{count}/{total}] {message}", file=log)

    return line, lambda: None


def _write_manifest(out: Path, result: BatchResult) -> None:
    """Write ``out/manifest.json`` atomically: the kept and built files, and every failure."""
    entries = sorted((o.entry for o in result.built + result.skipped if o.entry), key=lambda e: e["file"])
    failures = sorted(
        ({**asdict(o.job), "reason": o.error, **({"removed": o.removed} if o.removed else {})} for o in result.failed),
        key=lambda f: (f["leaflet"], f["locale"], f["template"]),
    )
    manifest = {"generator": f"medleaflet {__version__}", "files": entries, "failed": failures}
    write_atomic(out / MANIFEST, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
