"""Shared fixtures: the repository root, throwaway projects, and a built leaflet."""

from __future__ import annotations

import importlib.util
import io
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Message
from babel.messages.pofile import read_po, write_po

from medleaflet.cli import main
from medleaflet.content.validate import load_leaflet
from medleaflet.i18n.language_check import check_language, leaflet_messages
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.project import Project

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def prints(project: Project, leaflet_id: str, locale: str) -> bool:
    """Whether the leaflet ``leaflet_id`` prints in ``locale`` without fallback: English always,
    a translation when its catalogue translates every message of the leaflet and passes QA.

    Tests that need a translated leaflet take the pairs this says yes to, never a fixed list:
    a new leaflet's catalogues start empty.
    """
    if locale == SOURCE_LOCALE:
        return True
    leaflet = load_leaflet(project.leaflet_path(leaflet_id), project.root)
    return not check_language(project, locale, leaflet_messages(leaflet)).blocking


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def expectations(path: Path) -> list[str]:
    """The ``# expect: LINE: message`` lines of a bad-input data file."""
    lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    return [line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: ")]


def copy_project(tmp_path: Path) -> Path:
    """A copy of this project's leaflets, templates and translations in ``tmp_path``, its fonts linked."""
    root = tmp_path / "project"
    for name in ("leaflets", "templates", "translations"):
        shutil.copytree(ROOT / name, root / name)
    (root / "fonts").symlink_to(ROOT / "fonts")
    return root


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """Build a throwaway project with the given leaflet and template files.

    Fonts are linked from the repository; templates default to the real ones.
    """

    def make(leaflets: list[Path] = (), templates: list[Path] | None = None) -> Path:
        root = tmp_path / "project"
        (root / "leaflets").mkdir(parents=True)
        (root / "templates").mkdir()
        (root / "fonts").symlink_to(ROOT / "fonts")
        for leaflet in leaflets:
            shutil.copy(leaflet, root / "leaflets" / leaflet.name)
        for template in templates if templates is not None else list((ROOT / "templates").glob("*.yaml")):
            shutil.copy(template, root / "templates" / template.name)
        return root

    return make


@pytest.fixture(scope="session")
def built_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``baclofen.en.pdf`` built once through the CLI, as a user would."""
    out = tmp_path_factory.mktemp("out")
    code, _, err = run_cli("build", "baclofen", "--lang", "en", "--out", str(out))
    assert code == 0, err
    return out / "baclofen.en.pdf"


def edit_catalogue(path: Path, edit: Callable[[Message], None]) -> None:
    """Apply ``edit`` to every message of a ``.po`` file and write it back."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id:
            edit(message)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=76, include_previous=True)


@pytest.fixture
def translated_project(make_project: Callable[..., Path]) -> Callable[[str], Path]:
    """A project with the minimal leaflet and a complete catalogue for ``locale``.

    Every translation is the English text itself, which passes every check; a
    test then spoils the entries it is about.
    """

    def make(locale: str = "fr") -> Path:
        root = make_project([DATA / "leaflets" / "minimal.yaml"])
        for args in (["extract"], ["init", locale]):
            code, _, err = run_cli("--root", str(root), *args)
            assert code == 0, err
        edit_catalogue(root / "translations" / locale / "LC_MESSAGES" / "leaflets.po", _copy_source)
        return root

    return make


def _copy_source(message: Message) -> None:
    message.string = message.id


def actual_text(pdf: bytes | Path) -> str:
    """The logical text a PDF declares with /ActualText spans, in page order."""
    import re

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    lines = []
    for page in reader.pages:
        content = page.get_contents()
        data = content.get_data() if content is not None else b""
        for match in re.finditer(rb"/ActualText <([0-9A-F]+)>", data):
            lines.append(bytes.fromhex(match.group(1).decode()).decode("utf-16"))
    return "\n".join(lines)


#: The bidi marks pdftotext puts around the runs it reorders; not text of the page.
_BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def logical_text(pdf: bytes | Path) -> str:
    """The text of a PDF in reading (logical) order, as ``pdftotext`` reads it, lines kept,
    without the bidi marks it adds: what copying and searching give a reader, in any direction."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = pdf if isinstance(pdf, Path) else Path(folder) / "in.pdf"
        if isinstance(pdf, bytes):
            path.write_bytes(pdf)
        result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    lines = (line.translate(_BIDI_MARKS).strip() for line in result.stdout.decode("utf-8").splitlines())
    return "\n".join(line for line in lines if line)


def pdf_text(path: Path) -> str:
    """The text of every page of a PDF, white space collapsed to single spaces."""
    import re

    import pdfplumber

    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    return re.sub(r"\s+", " ", text)


def fonts_of(path: Path) -> dict[str, bool]:
    """Every font resource in the PDF: base name -> embedded?"""
    from pypdf import PdfReader

    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = bool(descriptor) and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found


def load_tool(name: str) -> ModuleType:
    """The script ``tools/<name>.py`` as a module (registered under ``name``, so its dataclasses work)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
