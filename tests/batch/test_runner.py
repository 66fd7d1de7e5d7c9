"""medleaflet.batch, end to end through the CLI: every leaflet x language x template,
the manifest, skips, partial failure, and the folder the batch owns."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Message

from medleaflet import batch
from medleaflet.batch import runner
from medleaflet.content.templates import DEFAULT_TEMPLATE, load_template
from medleaflet.content.validate import load_leaflet
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.pipeline import output_name
from medleaflet.project import Project
from tests.conftest import DATA, copy_project, edit_catalogue, prints, run_cli


def drop_page_count(message: Message) -> None:
    """Spoil a translation the way a bad merge would: lose the ``{pages}`` placeholder."""
    if "{pages}" in message.id and isinstance(message.string, str):
        message.string = message.string.replace("{pages}", "")


def test_batch_builds_everything_and_writes_manifest(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    project, out = Project(root), tmp_path / "out"
    translated = [locale for locale in project.locales() if locale != SOURCE_LOCALE]
    broken = translated[-1]
    # What prints as shipped (a leaflet not yet translated into a language is refused in it).
    printable = {pair for pair in {(j.leaflet, j.locale) for j in batch.jobs(project)} if prints(project, *pair)}
    # Break one language: it fails, the others build.
    edit_catalogue(root / "translations" / broken / "LC_MESSAGES" / "leaflets.po", drop_page_count)
    code, stdout, _ = run_cli("--root", str(root), "build", "--all", "--out", str(out))
    assert code == 1
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    files = {entry["file"]: entry for entry in manifest["files"]}
    built = [j for j in batch.jobs(project) if j.locale != broken and (j.leaflet, j.locale) in printable]
    assert set(files) == {output_name(j.leaflet, j.locale, j.template) for j in built}
    assert {entry["locale"] for entry in manifest["files"]} == {locale for _, locale in printable} - {broken}
    failed = {(f["leaflet"], f["locale"], f["template"]) for f in manifest["failed"]}
    assert failed == {(j.leaflet, j.locale, j.template) for j in batch.jobs(project) if j not in built}
    spoiled = [f["reason"] for f in manifest["failed"] if f["locale"] == broken and (f["leaflet"], broken) in printable]
    assert spoiled and all("placeholders" in reason.lower() or "pages" in reason for reason in spoiled)
    for leaflet_id in project.leaflet_ids():
        assert f"failed: {leaflet_id} {broken}" in stdout
        assert not (out / output_name(leaflet_id, broken, DEFAULT_TEMPLATE)).exists()
        leaflet = load_leaflet(project.leaflet_path(leaflet_id), root)
        for entry in (entry for entry in files.values() if entry["leaflet"] == leaflet_id):
            assert entry["leaflet_version"] == leaflet.metadata.version
            # No shipped translation is signed off; the English says what its metadata says.
            english = entry["locale"] == SOURCE_LOCALE
            assert entry["review_status"] == (leaflet.metadata.review.status if english else "not reviewed")
            assert entry["sha256"] == hashlib.sha256((out / entry["file"]).read_bytes()).hexdigest()
            assert entry["pages"] >= 1 and entry["bytes"] == (out / entry["file"]).stat().st_size
    for template in project.template_names():
        if load_template(project.template_path(template), root).bilingual:
            assert not any(e["template"] == template and e["locale"] == SOURCE_LOCALE for e in files.values())
            assert any(e["template"] == template for e in files.values())

    # A second run rebuilds nothing that has not changed.
    code, stdout, _ = run_cli("--root", str(root), "build", "--all", "--out", str(out))
    assert code == 1 and "0 built" in stdout and "unchanged" in stdout


# ---------------------------------------------------------------- small throwaway batches


def one_template(root: Path) -> Path:
    """Keep only the default template, so a batch has one job per language."""
    for template in (root / "templates").glob("*.yaml"):
        if template.stem != DEFAULT_TEMPLATE:
            template.unlink()
    return root


def manifest_matches_folder(out: Path) -> dict[str, Any]:
    """The manifest, after checking it lists exactly the folder's PDFs, each with its sha256."""
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    listed = {entry["file"]: entry["sha256"] for entry in manifest["files"]}
    on_disk = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in out.glob("*.pdf")}
    assert listed == on_disk
    return manifest


def test_refused_translation_loses_its_previous_pdf(translated_project: Callable[[str], Path], tmp_path: Path) -> None:
    root, out = one_template(translated_project("fr")), tmp_path / "out"
    assert run_cli("--root", str(root), "build", "--all", "--out", str(out))[0] == 0
    assert sorted(manifest_matches_folder(out)["failed"]) == []
    assert (out / "minimal.fr.pdf").is_file()
    # The English changes; the French no longer matches it and is refused.
    leaflet = root / "leaflets" / "minimal.yaml"
    leaflet.write_text(leaflet.read_text("utf-8").replace("Testamol treats tests.", "Testamol treats exams."), "utf-8")
    code, stdout, _ = run_cli("--root", str(root), "build", "--all", "--out", str(out))
    assert code == 1 and "1 built, 0 unchanged, 1 failed, 1 removed" in stdout
    assert not (out / "minimal.fr.pdf").exists()
    manifest = manifest_matches_folder(out)
    assert [entry["file"] for entry in manifest["files"]] == ["minimal.en.pdf"]
    assert [(f["locale"], f["removed"]) for f in manifest["failed"]] == [("fr", "minimal.fr.pdf")]


def test_removed_leaflet_and_leftovers_are_cleaned(make_project: Callable[..., Path], tmp_path: Path) -> None:
    root, out = one_template(make_project([DATA / "leaflets" / "minimal.yaml"])), tmp_path / "out"
    other = (DATA / "leaflets" / "minimal.yaml").read_text("utf-8").replace("id: minimal", "id: other")
    (root / "leaflets" / "other.yaml").write_text(other, "utf-8")
    assert run_cli("--root", str(root), "build", "--all", "--out", str(out))[0] == 0
    (root / "leaflets" / "other.yaml").unlink()
    (out / ".minimal.en.pdf.k2j4h1.tmp").write_bytes(b"half a PDF from a killed run")
    (out / "notes.pdf").write_bytes(b"%PDF- not ours")
    code, stdout, _ = run_cli("--root", str(root), "build", "--all", "--out", str(out))
    assert code == 0 and "0 built, 1 unchanged, 0 failed, 2 removed" in stdout
    assert "removed stale other.en.pdf" in stdout and "removed stale notes.pdf" in stdout
    assert "removed leftover .minimal.en.pdf.k2j4h1.tmp" in stdout
    assert sorted(path.name for path in out.iterdir()) == ["manifest.json", "minimal.en.pdf"]
    manifest_matches_folder(out)


def test_second_batch_into_a_locked_folder_is_refused(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, out = make_project([DATA / "leaflets" / "minimal.yaml"]), tmp_path / "out"
    out.mkdir()
    (out / "minimal.en.pdf").write_bytes(b"%PDF- from the batch that holds the lock")
    monkeypatch.setattr(runner, "LOCK_WAIT", 0.1)
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as the first batch does
        code, stdout, err = run_cli("--root", str(root), "build", "--all", "--out", str(out))
    finally:
        os.close(fd)
    assert (code, stdout) == (1, "")
    assert err == f"error: {out}: another build is writing into this folder; try again when it has finished\n"
    assert [path.name for path in out.iterdir()] == ["minimal.en.pdf"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[1, 2]\n", "1: expected a JSON object, found a list"),
        (b'{"files": []}\n', '1: no "generator": "medleaflet ..." field'),
        (b'{"generator": "medleaflet 0.1.0",\n "files": [1]', "2: not valid JSON (Expecting ',' delimiter)"),
        (b'{"generator": "medleaflet 0.1.0", "files": [1], "failed": []}', '1: every entry of "files" needs'),
        (b"\xff garbage", "1: not valid UTF-8 (byte 0xff)"),
        (None, "1: not a regular file"),  # a folder named manifest.json
    ],
    ids=["list", "not-ours", "garbage", "bad-entry", "binary", "folder"],
)
def test_manifest_not_ours_is_a_located_error(
    make_project: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes | None,
    message: str,
) -> None:
    root = make_project([DATA / "leaflets" / "minimal.yaml"])
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.pdf").write_bytes(b"%PDF- someone else's")
    if content is None:
        (tmp_path / "out" / "manifest.json").mkdir()
    else:
        (tmp_path / "out" / "manifest.json").write_bytes(content)
    code, stdout, err = run_cli("--root", str(root), "build", "--all", "--out", "out")
    assert (code, stdout) == (1, "")
    assert len(err.splitlines()) == 1 and err.startswith(f"out/manifest.json:{message}"), err
    assert (tmp_path / "out" / "keep.pdf").is_file()
