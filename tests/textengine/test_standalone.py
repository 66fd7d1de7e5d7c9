"""textengine stands alone: it imports nothing from medleaflet, and only fpdf2's bidi module."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import textengine
from tests.conftest import ROOT

PACKAGE = Path(textengine.__file__).resolve().parent


def imported_modules(path: Path) -> set[str]:
    """Every module the file at ``path`` imports (absolute names; relative ones start with a dot)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
    return names


def test_no_module_imports_medleaflet_or_fpdf() -> None:
    modules = sorted(PACKAGE.glob("*.py"))
    assert modules
    for path in modules:
        for name in imported_modules(path):
            top = name.split(".")[0]
            assert top not in ("medleaflet", "fpdf"), f"{path.name} imports {name}"


def run(code: str) -> set[str]:
    """The names in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_importing_textengine_imports_no_medleaflet() -> None:
    loaded = run("import textengine, textengine.fonts, textengine.paragraph")
    assert not {name for name in loaded if name.split(".")[0] == "medleaflet"}


def test_setting_a_paragraph_loads_only_the_bidi_module_of_fpdf2() -> None:
    code = """
import io
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate
from textengine.fonts import font_stack
from textengine.paragraph import BidiParagraph
stack = font_stack("sans", __import__("pathlib").Path("fonts"))
style = ParagraphStyle("p", fontName=stack.base.regular, fontSize=12, leading=16)
SimpleDocTemplate(io.BytesIO()).build([BidiParagraph("لا تتوقف (Lioresal) 25 mg", style, stack)])
"""
    loaded = run(code)
    assert "_fpdf_parts.bidi" in loaded
    assert not {name for name in loaded if name.split(".")[0] == "fpdf"}
