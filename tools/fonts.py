#!/usr/bin/env python3
"""Check the committed font files against fonts/fonts.toml, or re-create them from their sources.

fonts/fonts.toml lists every font file under fonts/ in a ``[files."NAME"]`` table
with its ``sha256`` and its ``source``, one of:

* ``Debian <release> <package> <version>: <path>``: the file is ``<path>`` inside
  that Debian package, copied unchanged;
* ``made by tools/make_cjk_font.py --face <SC|TC> from Debian <release> <package>
  <version>: <path>``: the file is made by that script from the font collection
  ``<path>`` of that package (its folder is the script's --source-dir);
* ``unknown origin: ...``: nothing to fetch it from; ``check`` still checks it.

Commands:

* ``python3 tools/fonts.py check``: every listed file exists and has its sha256,
  every file that a family names is listed, and no font file under fonts/ is
  unlisted. Prints one line per problem (``fonts/X.ttf: sha256 ... expected
  ...``) and exits 1, or prints ``N font files OK``.
* ``python3 tools/fonts.py fetch [NAME ...]``: re-create the listed files (or only
  the NAMEs given): ``apt-get download`` each Debian package at its recorded
  version into a temporary folder, ``dpkg-deb -x`` it, and copy the file (or run
  tools/make_cjk_font.py on it); then check. Needs Debian's apt (run ``apt-get
  update`` first if the version is not found) and, for the made files, fontTools
  (the same version gives the same bytes; a different one may not).

Options: ``--fonts-dir DIR`` (default: the repository's fonts/).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = "fonts.toml"
MAKE_CJK = ROOT / "tools" / "make_cjk_font.py"
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")

_DEBIAN = r"Debian (?P<release>\S+) (?P<package>\S+) (?P<version>\S+): (?P<path>\S+)"
_COPIED = re.compile(rf"^{_DEBIAN}$")
_MADE = re.compile(rf"^made by tools/make_cjk_font\.py --face (?P<face>[A-Z]+) from {_DEBIAN}$")


@dataclass(frozen=True)
class Source:
    """Where one font file comes from: a file of a Debian package, copied or made from (``face``)."""

    package: str
    version: str
    path: str
    face: str | None = None


def parse_source(text: str) -> Source | None:
    """The :class:`Source` that a ``source`` string describes, or None (unknown origin, or not understood)."""
    for pattern in (_MADE, _COPIED):
        match = pattern.match(text.strip())
        if match:
            groups = match.groupdict()
            return Source(groups["package"], groups["version"], groups["path"], groups.get("face"))
    return None


def shown(fonts_dir: Path, name: str) -> str:
    """How a file is named in messages: ``fonts/NAME`` for the repository's fonts, else its path."""
    if fonts_dir.resolve() == (ROOT / "fonts").resolve():
        return f"fonts/{name}"
    return str(fonts_dir / name)


def load_manifest(fonts_dir: Path) -> dict[str, Any]:
    """The parsed ``fonts_dir/fonts.toml``."""
    with (fonts_dir / MANIFEST).open("rb") as handle:
        return tomllib.load(handle)


def sha256_of(path: Path) -> str:
    """The sha256 of the file ``path``, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_problems(fonts_dir: Path, files: dict[str, Any]) -> list[str]:
    """A line for each listed file that is missing or whose sha256 is not the one recorded."""
    problems = []
    for name, entry in files.items():
        path = fonts_dir / name
        expected = entry.get("sha256", "")
        if not path.is_file():
            problems.append(f"{shown(fonts_dir, name)}: missing (expected sha256 {expected})")
            continue
        actual = sha256_of(path)
        if actual != expected:
            problems.append(f"{shown(fonts_dir, name)}: sha256 {actual} expected {expected}")
    return problems


def listing_problems(fonts_dir: Path, manifest: dict[str, Any]) -> list[str]:
    """A line for each font file a family names that has no [files] entry, and each unlisted font file."""
    files = manifest.get("files", {})
    problems = []
    for family, spec in manifest.get("families", {}).items():
        for face in ("regular", "bold", "italic"):
            name = spec.get(face)
            if name and name not in files:
                problems.append(f"{shown(fonts_dir, name)}: named by families.{family}.{face} but has no [files] entry")
    for path in sorted(fonts_dir.iterdir()):
        if path.suffix.lower() in FONT_SUFFIXES and path.name not in files:
            problems.append(f"{shown(fonts_dir, path.name)}: not listed in {shown(fonts_dir, MANIFEST)}")
    return problems


def check(fonts_dir: Path) -> int:
    """Print each problem with the font files, or how many are OK; 1 if there is a problem, else 0."""
    manifest = load_manifest(fonts_dir)
    files = manifest.get("files", {})
    problems = listing_problems(fonts_dir, manifest) + file_problems(fonts_dir, files)
    for line in problems:
        print(line)
    if problems:
        return 1
    print(f"{len(files)} font files OK")
    return 0


def unpack(package: str, version: str, workdir: Path) -> Path:
    """Download Debian ``package`` at ``version`` into ``workdir`` and unpack it; returns the unpacked root."""
    download = workdir / "download"
    download.mkdir()
    result = subprocess.run(["apt-get", "download", f"{package}={version}"], cwd=download, check=False)
    if result.returncode != 0:
        raise SystemExit(f"apt-get download {package}={version} failed (run apt-get update first?)")
    (deb,) = download.glob("*.deb")
    root = workdir / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root


def make(face: str, collection: Path, fonts_dir: Path) -> None:
    """Run tools/make_cjk_font.py for ``face`` (both weights) on the folder of ``collection``."""
    command = [sys.executable, str(MAKE_CJK), "--face", face]
    command += ["--source-dir", str(collection.parent), "--output-dir", str(fonts_dir)]
    subprocess.run(command, check=True)


def fetch_package(package: str, version: str, entries: dict[str, Source], fonts_dir: Path) -> None:
    """Re-create ``entries`` (file name to source), all from one version of one Debian package."""
    with tempfile.TemporaryDirectory(prefix="medleaflet-fonts-") as temporary:
        root = unpack(package, version, Path(temporary))
        made: set[str] = set()
        for name, source in sorted(entries.items()):
            packaged = root / source.path
            if not packaged.is_file():
                raise SystemExit(f"{shown(fonts_dir, name)}: {source.path} is not in {package} {version}")
            if source.face is None:
                shutil.copyfile(packaged, fonts_dir / name)
                print(f"{shown(fonts_dir, name)}: copied from {package} {version}")
            elif source.face not in made:
                make(source.face, packaged, fonts_dir)
                made.add(source.face)


def fetch(fonts_dir: Path, names: list[str]) -> int:
    """Re-create the listed files (all, or only ``names``) from their sources, then check them all."""
    files = load_manifest(fonts_dir).get("files", {})
    unknown = [name for name in names if name not in files]
    if unknown:
        raise SystemExit(f"not listed in {shown(fonts_dir, MANIFEST)}: {', '.join(unknown)}")
    by_package: dict[tuple[str, str], dict[str, Source]] = {}
    for name in names or list(files):
        source = parse_source(files[name].get("source", ""))
        if source is None:
            print(f"{shown(fonts_dir, name)}: cannot fetch: source is {files[name].get('source', '')!r}")
            continue
        by_package.setdefault((source.package, source.version), {})[name] = source
    for (package, version), entries in by_package.items():
        fetch_package(package, version, entries, fonts_dir)
    return check(fonts_dir)


def main() -> int:
    """Run the command given on the command line; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fonts-dir", type=Path, default=ROOT / "fonts")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check every listed file's sha256")
    fetch_parser = commands.add_parser("fetch", help="re-create the listed files from their sources, then check")
    fetch_parser.add_argument("names", nargs="*", metavar="NAME", help="only these files (default: all)")
    args = parser.parse_args()
    if args.command == "check":
        return check(args.fonts_dir)
    return fetch(args.fonts_dir, args.names)


if __name__ == "__main__":
    sys.exit(main())
