"""The library API: one leaflet's PDF, as bytes, for a clinic system or a web service.

:func:`build_pdf` gives exactly the bytes ``generate.py build`` writes for the
same leaflet, language, template, paper and clinic profile. Parsed, validated
inputs are kept for the process while their files are unchanged
(:mod:`medleaflet.memo`); every call lays the leaflet out and renders it
again, so nothing it returns was made from inputs it has not checked. It is
stateless beyond those caches: any number of processes may call it side by side.
"""

from __future__ import annotations

import os
from pathlib import Path

from medleaflet.content.clinic import Clinic, load_clinic
from medleaflet.content.names import DEFAULT_TEMPLATE, PAGE_SIZES
from medleaflet.errors import UsageError
from medleaflet.pipeline import BuildOptions, render_leaflet
from medleaflet.project import Project


def build_pdf(
    leaflet_id: str,
    locale: str,
    *,
    template: str = DEFAULT_TEMPLATE,
    paper: str | None = None,
    clinic: Clinic | str | os.PathLike[str] | None = None,
    root: str | os.PathLike[str] = ".",
    allow_fallback: bool = False,
) -> bytes:
    """The PDF of leaflet ``leaflet_id`` in ``locale`` (a code or name ``--lang`` takes, such as
    ``ar`` or ``zh-TW``), as ``generate.py build`` writes it.

    ``paper`` is ``a4`` or ``letter`` in any case (None: the clinic's country decides, else the
    template). ``clinic`` is a loaded :class:`~medleaflet.content.clinic.Clinic`, the path of a clinic
    profile (read on every call), or None for none (blank lines for the clinic's details; unlike
    the command line, ``clinic.yaml`` in the project is not picked up by itself). ``root`` is
    the project folder. ``allow_fallback`` prints missing or out-of-date translations in English,
    marked, as ``--allow-fallback`` does.

    Raises :class:`~medleaflet.errors.UsageError` for an unknown leaflet, language, template or
    paper, and another :class:`~medleaflet.errors.MedleafletError` for bad input (each problem
    with its file and line).
    """
    name = paper.strip().lower() if paper is not None else None
    if name is not None and name not in PAGE_SIZES:
        raise UsageError(f"unknown paper {paper!r} (choose from {', '.join(PAGE_SIZES)})")
    project = Project.open(Path(root))
    project.leaflet_path(leaflet_id)
    project.template_path(template)
    code = project.locale(locale)
    profile = clinic if isinstance(clinic, Clinic) or clinic is None else load_clinic(Path(clinic), project.root)
    options = BuildOptions(template, allow_fallback, profile, name)
    return render_leaflet(project, leaflet_id, code, options).data
