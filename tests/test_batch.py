"""medleaflet.batch: every leaflet x language x template, manifest, skips, partial failure."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from medleaflet import batch
from medleaflet.content.clinic import load_clinic
from medleaflet.pipeline import BuildOptions
from medleaflet.project import Project

from .conftest import DATA, ROOT, run_cli


def copy_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for name in ("leaflets", "templates", "translations"):
        shutil.copytree(ROOT / name, root / name)
    (root / "fonts").symlink_to(ROOT / "fonts")
    return root


def test_batch_builds_everything_and_writes_manifest(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    out = tmp_path / "out"
    # Break one language the way a bad merge would: it fails, the others build.
    po = root / "translations" / "vi" / "LC_MESSAGES" / "leaflets.po"
    po.write_text(po.read_text("utf-8").replace('msgstr "Trang {page}/{pages}"', 'msgstr "Trang {page}"'), "utf-8")
    code, stdout, _ = run_cli("--root", str(root), "build", "--all", "--out", str(out))
    assert code == 1
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    files = {entry["file"]: entry for entry in manifest["files"]}
    locales = {entry["locale"] for entry in manifest["files"]}
    assert {"en", "ar", "hi", "zh", "ru", "fr", "es", "fil"} <= locales and "vi" not in locales
    assert {f["locale"] for f in manifest["failed"]} == {"vi"}
    assert "placeholders" in manifest["failed"][0]["reason"].lower() or "pages" in manifest["failed"][0]["reason"]
    assert "failed: baclofen vi" in stdout
    entry = files["baclofen.ar.large-print.pdf"]
    assert entry["template"] == "large-print" and entry["leaflet_version"] == "1.0"
    assert entry["review_status"] == "not reviewed"
    assert entry["sha256"] == hashlib.sha256((out / entry["file"]).read_bytes()).hexdigest()
    assert entry["pages"] >= 1 and entry["bytes"] == (out / entry["file"]).stat().st_size
    assert files["baclofen.en.pdf"]["review_status"] == "draft"
    assert not (out / "baclofen.vi.pdf").exists()
    assert "baclofen.en.bilingual.pdf" not in files and "baclofen.ar.bilingual.pdf" in files
    assert len(files) == 8 * 3 + 2 - 3  # 8 languages and English; 3 templates, bilingual without English; vi fails

    # A second run rebuilds nothing that has not changed.
    code, stdout, _ = run_cli("--root", str(root), "build", "--all", "--out", str(out))
    assert code == 1 and "0 built" in stdout and "unchanged" in stdout


# ---------------------------------------------------------------- small throwaway batches


def one_template(root: Path) -> Path:
    """Keep only the standard template, so a batch has one job per language."""
    for template in (root / "templates").glob("*.yaml"):
        if template.stem != "standard":
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
    monkeypatch.setattr(batch, "LOCK_WAIT", 0.1)
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


# ---------------------------------------------------------------- the input digest


def digest_project(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A project (fonts as a folder of links), a clinic with a logo, and a copy of the package."""
    from PIL import Image

    root = tmp_path / "project"
    for name in ("leaflets", "templates"):
        shutil.copytree(ROOT / name, root / name)
    (root / "fonts").mkdir()
    for font in (ROOT / "fonts").glob("*.ttf"):
        (root / "fonts" / font.name).symlink_to(font)
    catalogue = root / "translations" / "fr" / "LC_MESSAGES"
    catalogue.mkdir(parents=True)
    shutil.copy(ROOT / "translations" / "fr" / "LC_MESSAGES" / "leaflets.po", catalogue / "leaflets.po")
    Image.new("RGB", (40, 20), "#0b4f8a").save(root / "logo.png")
    clinic = root / "clinic.yaml"
    clinic.write_text((DATA / "clinics" / "lyon.yaml").read_text("utf-8") + "logo: logo.png\n", "utf-8")
    package = tmp_path / "code" / "medleaflet"
    for name in ("medleaflet", "textengine"):
        shutil.copytree(ROOT / name, tmp_path / "code" / name, ignore=shutil.ignore_patterns("__pycache__"))
    return root, clinic, package


def _append(path: Path, data: bytes) -> None:
    path.write_bytes((path.read_bytes() if path.exists() else b"") + data)


def _flip_font_byte(root: Path) -> None:
    """Replace a font by a copy with one byte changed: same size, other content."""
    font = root / "fonts" / "NotoSans-Regular.ttf"
    data = bytearray(font.read_bytes())
    data[-1] ^= 0xFF
    font.unlink()
    font.write_bytes(bytes(data))


def _repaint_logo(root: Path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 20), "#8a0b0b").save(root / "logo.png")


CHANGES: dict[str, Callable[[Path, Path], None]] = {
    "leaflet": lambda root, package: _append(root / "leaflets" / "baclofen.yaml", b"# edited\n"),
    "catalogue": lambda root, package: _append(root / "translations/fr/LC_MESSAGES/leaflets.po", b"\n"),
    "sign-off": lambda root, package: _append(root / "translations/fr/LC_MESSAGES/leaflets.review.yaml", b"{}\n"),
    "template": lambda root, package: _append(root / "templates" / "standard.yaml", b"# edited\n"),
    "clinic": lambda root, package: _append(root / "clinic.yaml", b"# edited\n"),
    "logo": lambda root, package: _repaint_logo(root),
    "font": lambda root, package: _flip_font_byte(root),
    "data table": lambda root, package: _append(package / "content" / "data" / "emergency_numbers.yaml", b"# edited\n"),
    "schema": lambda root, package: _append(package / "content" / "schemas" / "leaflet.schema.json", b"\n"),
    "code": lambda root, package: _append(package / "layout" / "leaflet.py", b"# edited\n"),
    "text engine": lambda root, package: _append(package.parent / "textengine" / "fonts.py", b"# edited\n"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_every_input_changes_the_digest(tmp_path: Path, change: str) -> None:
    root, clinic_file, package = digest_project(tmp_path)
    project = Project(root)
    job = batch.Job("baclofen", "fr", "standard")

    def digest() -> str:
        options = BuildOptions(clinic=load_clinic(clinic_file, root))
        return batch.inputs_digest(project, job, clinic_file, options, (package, package.parent / "textengine"))

    before = digest()
    assert digest() == before  # nothing changed, nothing to rebuild
    CHANGES[change](root, package)
    assert digest() != before


def test_digest_ignores_bytecode_and_other_jobs_files(tmp_path: Path) -> None:
    root, clinic_file, package = digest_project(tmp_path)
    project, options = Project(root), BuildOptions(clinic=load_clinic(clinic_file, root))
    inputs = batch.batch_inputs(project, clinic_file, options, (package, package.parent / "textengine"))
    english = batch.Job("baclofen", "en", "standard")
    before = inputs.digest(english)
    (package / "__pycache__").mkdir(exist_ok=True)
    (package / "__pycache__" / "layout.cpython-311.pyc").write_bytes(b"bytecode")
    _append(root / "translations/fr/LC_MESSAGES/leaflets.po", b"\n")
    assert (
        batch.batch_inputs(project, clinic_file, options, (package, package.parent / "textengine")).digest(english)
        == before
    )
