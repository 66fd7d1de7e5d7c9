"""The batch's ``manifest.json``: reading the previous one, and writing the new one.

:func:`read_manifest` takes the output folder and gives the previous
manifest's entries by file name, refusing (with :class:`InputError` at
``manifest.json:LINE``) a file this tool did not write. :func:`write_manifest`
takes the folder and a :class:`~medleaflet.batch.jobs.BatchResult` and writes,
atomically, every kept and built file with its leaflet, locale, template,
leaflet version, review status, sha256, pages, bytes and input digest, and
every failed job with its reason.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from medleaflet import __version__
from medleaflet.batch.digest import file_hash
from medleaflet.batch.jobs import BatchResult
from medleaflet.content.load import read_text
from medleaflet.errors import InputError, SourceLocation
from medleaflet.write import write_atomic

MANIFEST = "manifest.json"
#: A manifest lists every file of a batch, so it may be larger than an input file.
MAX_MANIFEST_BYTES = 64_000_000
_NOT_OURS = "not a manifest written by medleaflet, so the folder is left as it is (remove it, or choose another --out)"


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


def unchanged(out: Path, entry: dict[str, Any] | None, digest: str) -> bool:
    """Whether the previous manifest ``entry`` has inputs ``digest`` and its file is on disk unchanged."""
    if not entry or entry.get("inputs") != digest:
        return False
    return file_hash(out / entry["file"]) == entry.get("sha256")


def write_manifest(out: Path, result: BatchResult) -> None:
    """Write ``out/manifest.json`` atomically: the kept and built files, and every failure."""
    entries = sorted((o.entry for o in result.kept if o.entry), key=lambda e: e["file"])
    failures = sorted(
        ({**asdict(o.job), "reason": o.error, **({"removed": o.removed} if o.removed else {})} for o in result.failed),
        key=lambda f: (f["leaflet"], f["locale"], f["template"]),
    )
    manifest = {"generator": f"medleaflet {__version__}", "files": entries, "failed": failures}
    write_atomic(out / MANIFEST, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
