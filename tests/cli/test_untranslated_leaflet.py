"""A leaflet added to a project and not yet translated.

It builds in English; ``build --all`` refuses each of its translations on one
line that says how many of its messages are missing and names the first, builds
everything else, and exits 1. Both before the template is extracted again (its
messages are not in the catalogues) and after ``extract`` and ``update`` (they
are there, empty). The leaflet copied, the languages and the template are the
checkout's.
"""

from __future__ import annotations

import json
import re
import shutil
from functools import cache
from pathlib import Path

import pytest

from medleaflet import batch
from medleaflet.content.templates import DEFAULT_TEMPLATE
from medleaflet.content.validate import load_leaflet
from medleaflet.i18n.language_check import leaflet_messages
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.pipeline import output_name
from medleaflet.project import Project
from tests.conftest import ROOT, prints, run_cli

PROJECT = Project(ROOT)


@cache
def _source() -> str:
    """The checkout's first leaflet that prints in a translated language (so that the batch shows
    translations of another leaflet still building), else its first leaflet."""
    ids, locales = PROJECT.leaflet_ids(), [code for code in PROJECT.locales() if code != SOURCE_LOCALE]
    return next((leaflet for leaflet in ids if any(prints(PROJECT, leaflet, code) for code in locales)), ids[0])


def _project(tmp_path: Path, extracted: bool) -> tuple[Path, str]:
    """A copy of the checkout's catalogues, one of its leaflets (:func:`_source`) and its default
    template (to keep the batch small), with a new leaflet, a copy of that one under another id;
    returns the root and the new id."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "translations", root / "translations")
    source = _source()
    for folder, path in (
        ("leaflets", PROJECT.leaflet_path(source)),
        ("templates", PROJECT.template_path(DEFAULT_TEMPLATE)),
    ):
        (root / folder).mkdir()
        shutil.copy(path, root / folder)
    (root / "fonts").symlink_to(ROOT / "fonts")
    new = f"{source}-new"
    text = (root / "leaflets" / f"{source}.yaml").read_text("utf-8")
    (root / "leaflets" / f"{new}.yaml").write_text(re.sub(r"(?m)^id: .*$", f"id: {new}", text, count=1), "utf-8")
    for command in (["extract"], ["update"]) if extracted else ():
        code, _, err = run_cli("--root", str(root), *command)
        assert (code, err) == (0, ""), err
    return root, new


@pytest.mark.parametrize("extracted", [False, True], ids=["before-extract", "after-update"])
def test_an_untranslated_leaflet_prints_in_english_and_its_translations_are_refused(
    extracted: bool, tmp_path: Path
) -> None:
    root, new = _project(tmp_path, extracted)
    project = Project(root)
    out = tmp_path / "out"
    code, _, err = run_cli("--root", str(root), "build", new, "--lang", SOURCE_LOCALE, "--out", str(out / "single"))
    assert (code, err) == (0, ""), err
    assert (out / "single" / output_name(new, SOURCE_LOCALE, DEFAULT_TEMPLATE)).is_file()

    jobs = batch.jobs(project)
    translated = {pair for pair in {(job.leaflet, job.locale) for job in jobs} if prints(project, *pair)}
    printable = [job for job in jobs if job.leaflet != new and (job.leaflet, job.locale) in translated]
    printable += [job for job in jobs if job.leaflet == new and job.locale == SOURCE_LOCALE]
    refused = [job for job in jobs if job.leaflet == new and job.locale != SOURCE_LOCALE]
    assert refused, "the checkout has no translated language"
    code, stdout, _ = run_cli("--root", str(root), "build", "--all", "--out", str(out / "all"))
    assert code == 1
    manifest = json.loads((out / "all" / "manifest.json").read_text("utf-8"))
    assert sorted(entry["file"] for entry in manifest["files"]) == sorted(
        output_name(job.leaflet, job.locale, job.template) for job in printable
    )

    messages = leaflet_messages(load_leaflet(project.leaflet_path(new), root)).sources
    count = sum(1 for source in messages if source.context.startswith(f"{new}:"))
    for job in refused:
        lines = [
            line for line in stdout.splitlines() if line.startswith(f"failed: {new} {job.locale} {job.template}: ")
        ]
        assert len(lines) == 1, stdout
        catalogue = re.escape(f"translations/{job.locale}/LC_MESSAGES/leaflets.po")
        summary = re.search(
            rf": {catalogue}: refusing to print {job.locale}: (\d+) problem\(s\), (\d+) of them missing or out-of-date",
            lines[0],
        )
        assert summary and int(summary[1]) >= int(summary[2]) >= count, lines[0]
        assert re.search(rf"; {catalogue}:\d+: [\w-]+:\S+: (missing from the catalogue|not translated)", lines[0])
