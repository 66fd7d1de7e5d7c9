"""Fingerprints of a batch's inputs, to tell which PDFs must be rendered again.

:func:`batch_inputs` takes a project, the clinic profile's path and the build
options, and gives an :class:`Inputs` whose :meth:`Inputs.digest` is one
sha256 per :class:`~medleaflet.batch.jobs.Job`. The digest covers the
leaflet, the catalogue and every ``*.yaml`` beside it (the sign-off record),
the template, the clinic profile and logo, the fonts, the packages' own code,
data tables and schemas, and the versions of the libraries that draw the page.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import textengine
from medleaflet.batch.jobs import Job
from medleaflet.i18n.catalogues import po_path
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.pipeline import BuildOptions
from medleaflet.project import Project

#: The packages whose code, data tables and schemas every digest covers: this one and its text engine.
CODE_DIRS: tuple[Path, ...] = (Path(__file__).resolve().parent.parent, Path(textengine.__file__).resolve().parent)
#: Libraries whose version changes what is printed (PDF writer, CLDR data, shaping, fonts).
RENDERING_LIBRARIES = ("reportlab", "babel", "uharfbuzz", "fonttools")
_CODE_SUFFIXES = frozenset({".py", ".json", ".yaml"})
_TABLE_FOLDERS = ("data", "schemas")
_FONT_SUFFIXES = frozenset({".ttf", ".otf", ".ttc"})


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
