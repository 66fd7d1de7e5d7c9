"""medleaflet.batch: every leaflet x language x template, manifest, skips, partial failure."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from .conftest import ROOT, run_cli


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
