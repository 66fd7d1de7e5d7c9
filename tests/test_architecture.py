"""The shape of the code: stages that depend one way, small modules, no medicine in the code.

Every module's imports are read with :mod:`ast` (those inside functions too,
but not those under ``if TYPE_CHECKING:``, which never run) and checked
against the layering, each layer importing only from the layers below it::

    base (errors, project, write) <- textengine <- content <- i18n <- layout <- render
        <- pipeline <- batch <- cli

:mod:`medleaflet.sections` is the section registry that content, i18n and
layout read: it may itself import only the base, textengine, content and
:mod:`medleaflet.i18n.ui` (layout only for type checking).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

PACKAGES = ("medleaflet", "textengine")

#: Each layer's rank: a module may import its own layer's modules and those of lower ranks.
RANKS = {
    "base": 0,
    "textengine": 1,
    "content": 2,
    "sections": 2,
    "i18n": 3,
    "layout": 4,
    "render": 5,
    "pipeline": 6,
    "batch": 7,
    "api": 7,
    "cli": 8,
    "cli_options": 8,
    "cli_catalogue": 8,
    "loading": 8,
}

#: Modules directly in ``medleaflet/`` that every layer may import: they import only each other
#: (but for the exceptions in :data:`ALLOWED`).
#: ``write`` is the last stage for PDFs, but also the atomic file write the translator commands
#: save catalogues and sign-off records with, so it sits with the base.
#: ``memo`` (caches of parsed inputs, keyed by the files' bytes) imports nothing of the packages.
BASE_MODULES = frozenset(
    {"medleaflet", "medleaflet.errors", "medleaflet.memo", "medleaflet.project", "medleaflet.write"}
)

#: What the section registry may import above its rank: the layout's messages it declares headings with.
SECTIONS_MAY_IMPORT = frozenset({"medleaflet.i18n.ui"})

#: Imports against the layering, each with the reason it stays. Each must still be made (no stale entry).
#: Both targets import only :mod:`medleaflet.errors`, textengine and third-party code, so no cycle follows.
ALLOWED = {
    ("medleaflet.project", "medleaflet.content.load"): (
        "a catalogue folder that is not a locale is reported at its display_name, as every input file is"
    ),
    ("medleaflet.project", "medleaflet.i18n.locales"): (
        "a project turns the language codes a user types into catalogue locales, by Babel's rules,"
        " and every command asks the project for its locales"
    ),
}

#: The package's library API, imported on first use of ``medleaflet.build_pdf`` (a module ``__getattr__``)
#: so that importing ``medleaflet`` loads no rendering code: the top of the layers, never a cycle at import.
LAZY_EXPORTS = frozenset({("medleaflet", "medleaflet.api")})

DEV_TOOLS = frozenset({"pytest", "ruff", "mypy", "hypothesis", "pypdf", "pdfplumber", "pypdfium2"})
MAX_LINES = 500
MAX_FLAT_MODULES = 10
MIN_SUBPACKAGES = 5


@dataclass(frozen=True)
class Module:
    """One source file of the packages: its dotted name and path."""

    name: str
    path: Path

    @property
    def tree(self) -> ast.Module:
        return _parse(self.path)

    @property
    def is_package(self) -> bool:
        return self.path.name == "__init__.py"


@cache
def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text("utf-8"), str(path))


def modules() -> list[Module]:
    """Every module of the packages, by dotted name."""
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found.append(Module(name, path))
    return found


MODULES = modules()
MODULE_NAMES = frozenset(module.name for module in MODULES)


def _is_type_checking(test: ast.expr) -> bool:
    """Whether an ``if`` test is ``TYPE_CHECKING`` or ``typing.TYPE_CHECKING``."""
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """Every node below ``node`` that can run, skipping the bodies of ``if TYPE_CHECKING:``."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for branch in child.orelse:
                yield branch
                yield from _runtime_nodes(branch)
            continue
        yield child
        yield from _runtime_nodes(child)


def imports(module: Module) -> set[str]:
    """The modules ``module`` imports at run time, as absolute dotted names.

    ``from package import name`` counts as importing ``package.name`` when
    that is a module of the packages, so ``from medleaflet.i18n import ui``
    is an import of :mod:`medleaflet.i18n.ui`, not of the whole package.
    """
    package = module.name if module.is_package else module.name.rpartition(".")[0]
    names: set[str] = set()
    for node in _runtime_nodes(module.tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                names.add(candidate if candidate in MODULE_NAMES else base)
    return names


def layer(name: str) -> str | None:
    """The layer of a module of the packages (None for anything else)."""
    parts = name.split(".")
    if parts[0] == "textengine":
        return "textengine"
    if parts[0] != "medleaflet":
        return None
    if name in BASE_MODULES:
        return "base"
    return parts[1]


def project_imports() -> Iterator[tuple[str, str]]:
    """Every (importer, imported) pair between modules of the packages."""
    for module in MODULES:
        for name in sorted(imports(module)):
            if layer(name) is not None:
                yield module.name, name


def test_every_module_is_in_a_layer() -> None:
    unknown = sorted(module.name for module in MODULES if layer(module.name) not in RANKS)
    assert not unknown, f"modules in no layer of RANKS: {unknown}"


def violation(importer: str, imported: str) -> str | None:
    """Why ``importer`` may not import ``imported`` (None: it may)."""
    source, target = layer(importer), layer(imported)
    assert source in RANKS and target in RANKS, (importer, imported)
    if (importer, imported) in ALLOWED or (importer, imported) in LAZY_EXPORTS or source == target:
        return None
    if source == "textengine":
        return "textengine imports nothing from medleaflet"
    if source == "sections" and imported in SECTIONS_MAY_IMPORT:
        return None
    if RANKS[target] > RANKS[source]:
        return f"{source} may not import {target}"
    return None


def test_the_rule_refuses_imports_up_the_layers() -> None:
    assert violation("medleaflet.content.load", "medleaflet.i18n.qa.checks")
    assert violation("medleaflet.layout.document", "medleaflet.render.metadata")
    assert violation("medleaflet.i18n.commands", "medleaflet.layout.leaflet")
    assert violation("medleaflet.pipeline", "medleaflet.batch.runner")
    assert violation("textengine.fonts", "medleaflet.errors")
    assert violation("medleaflet.sections.uses", "medleaflet.i18n.localise")
    assert violation("medleaflet.sections.uses", "medleaflet.layout.widgets")
    assert violation("medleaflet.render.pdf", "medleaflet.layout.document") is None
    assert violation("medleaflet.sections.uses", "medleaflet.i18n.ui") is None
    assert violation("medleaflet.content.schema", "medleaflet.sections") is None
    assert violation("medleaflet.i18n.review", "medleaflet.write") is None


def test_layers_import_only_from_layers_below() -> None:
    found = [f"{a} -> {b}: {why}" for a, b in project_imports() if (why := violation(a, b))]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(("importer", "imported"), sorted(ALLOWED))
def test_every_allowed_exception_is_still_needed_and_cannot_close_a_cycle(importer: str, imported: str) -> None:
    pairs = set(project_imports())
    assert (importer, imported) in pairs, f"{importer} no longer imports {imported}: drop it"
    below = {name for source, name in pairs if source == imported}
    assert all(name == "medleaflet.errors" or layer(name) == "textengine" for name in below), below


def test_the_import_reader_sees_function_level_imports_and_skips_type_checking(tmp_path: Path) -> None:
    path = tmp_path / "probe.py"
    path.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from medleaflet.layout.widgets import Kit\n"
        "def f():\n    from medleaflet.render import pdf\n"
        "from medleaflet.i18n import ui\n"
        "from ..content import model\n",
        "utf-8",
    )
    found = imports(Module("medleaflet.sections.probe", path))
    assert found == {"typing", "medleaflet.render.pdf", "medleaflet.i18n.ui", "medleaflet.content.model"}


def test_no_module_is_longer_than_the_limit() -> None:
    long = {module.name: n for module in MODULES if (n := len(module.path.read_text("utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_the_package_is_a_few_modules_and_at_least_five_subpackages() -> None:
    top = ROOT / "medleaflet"
    flat = sorted(path.name for path in top.glob("*.py") if path.name != "__init__.py")
    subpackages = sorted(path.name for path in top.iterdir() if (path / "__init__.py").is_file())
    assert len(flat) <= MAX_FLAT_MODULES, flat
    assert len(subpackages) >= MIN_SUBPACKAGES, subpackages


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.name)
def test_every_package_and_module_has_a_docstring(module: Module) -> None:
    docstring = ast.get_docstring(module.tree)
    assert docstring and docstring.strip(), f"{module.path.relative_to(ROOT)} has no docstring"


def test_the_packages_import_no_dev_tool() -> None:
    found = {
        (module.name, name)
        for module in MODULES
        for node in ast.walk(module.tree)
        for name in _imported_names(node)
        if name.split(".")[0] in DEV_TOOLS
    }
    assert not found


def _imported_names(node: ast.AST) -> list[str]:
    """The modules one node imports, wherever it stands (type checking included)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and not node.level and node.module:
        return [node.module]
    return []


def medicine_names() -> set[str]:
    """Every medicine and brand name of the leaflets in ``leaflets/``: the generic name, the
    brands, and the drugs of the interactions (``meperidine (pethidine)`` gives both)."""
    names: set[str] = set()
    for path in sorted((ROOT / "leaflets").glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        identity = data["identity"]
        names.add(identity["generic_name"])
        names.update(brand["name"] for brand in identity.get("brands", []))
        for drug in _drugs(data["sections"].get("interactions", {})):
            names.update(part.strip() for part in re.split(r"[()]", drug) if part.strip())
    return names


def _drugs(node: object) -> Iterator[str]:
    """Every string in a ``drugs`` list anywhere below ``node``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "drugs":
                yield from value
            else:
                yield from _drugs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _drugs(item)


def test_no_medicine_or_brand_name_appears_in_the_packages() -> None:
    names = medicine_names()
    assert names, "no leaflet names found"
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in sorted(names)) + r")\b", re.IGNORECASE)
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*")):
            if path.suffix not in (".py", ".json", ".yaml", ".cfg", ".txt") or not path.is_file():
                continue
            for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
                found += [f"{path.relative_to(ROOT)}:{number}: {hit}" for hit in pattern.findall(line)]
    assert not found, found
