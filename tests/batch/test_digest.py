"""medleaflet.batch.digest: every input of a job changes its fingerprint, nothing else does."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from medleaflet import batch
from medleaflet.content.clinic import load_clinic
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.pipeline import BuildOptions
from medleaflet.project import Project
from tests.conftest import DATA, ROOT

SHIPPED = Project(ROOT)
#: The job whose digest the tests watch: the first leaflet, in the first translated language.
LEAFLET = SHIPPED.leaflet_ids()[0]
LOCALE = next(locale for locale in SHIPPED.locales() if locale != SOURCE_LOCALE)
TEMPLATE = SHIPPED.template_names()[0]


def digest_project(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A project (fonts as a folder of links), a clinic with a logo, and a copy of the package."""
    from PIL import Image

    root = tmp_path / "project"
    for name in ("leaflets", "templates"):
        shutil.copytree(ROOT / name, root / name)
    (root / "fonts").mkdir()
    for font in (ROOT / "fonts").glob("*.ttf"):
        (root / "fonts" / font.name).symlink_to(font)
    catalogue = root / "translations" / LOCALE / "LC_MESSAGES"
    catalogue.mkdir(parents=True)
    shutil.copy(ROOT / "translations" / LOCALE / "LC_MESSAGES" / "leaflets.po", catalogue / "leaflets.po")
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
    font = sorted((root / "fonts").glob("*.ttf"))[0]
    data = bytearray(font.read_bytes())
    data[-1] ^= 0xFF
    font.unlink()
    font.write_bytes(bytes(data))


def _repaint_logo(root: Path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 20), "#8a0b0b").save(root / "logo.png")


def _catalogue(root: Path, name: str) -> Path:
    return root / "translations" / LOCALE / "LC_MESSAGES" / name


def _first(package: Path, pattern: str) -> Path:
    """The first file of the package copy matching ``pattern``, sorted by path."""
    return sorted(package.rglob(pattern))[0]


CHANGES: dict[str, Callable[[Path, Path], None]] = {
    "leaflet": lambda root, package: _append(root / "leaflets" / f"{LEAFLET}.yaml", b"# edited\n"),
    "catalogue": lambda root, package: _append(_catalogue(root, "leaflets.po"), b"\n"),
    "sign-off": lambda root, package: _append(_catalogue(root, "leaflets.review.yaml"), b"{}\n"),
    "template": lambda root, package: _append(root / "templates" / f"{TEMPLATE}.yaml", b"# edited\n"),
    "clinic": lambda root, package: _append(root / "clinic.yaml", b"# edited\n"),
    "logo": lambda root, package: _repaint_logo(root),
    "font": lambda root, package: _flip_font_byte(root),
    "data table": lambda root, package: _append(_first(package, "data/*.yaml"), b"# edited\n"),
    "schema": lambda root, package: _append(_first(package, "schemas/*.json"), b"\n"),
    "code": lambda root, package: _append(_first(package, "*.py"), b"# edited\n"),
    "text engine": lambda root, package: _append(_first(package.parent / "textengine", "*.py"), b"# edited\n"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_every_input_changes_the_digest(tmp_path: Path, change: str) -> None:
    root, clinic_file, package = digest_project(tmp_path)
    project = Project(root)
    job = batch.Job(LEAFLET, LOCALE, TEMPLATE)

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
    english = batch.Job(LEAFLET, SOURCE_LOCALE, TEMPLATE)
    before = inputs.digest(english)
    (package / "__pycache__").mkdir(exist_ok=True)
    (package / "__pycache__" / "layout.cpython-311.pyc").write_bytes(b"bytecode")
    _append(_catalogue(root, "leaflets.po"), b"\n")
    assert (
        batch.batch_inputs(project, clinic_file, options, (package, package.parent / "textengine")).digest(english)
        == before
    )
