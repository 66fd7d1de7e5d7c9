"""Golden PDFs: a few representative leaflets, rebuilt and compared with their stored text.

A layout change shows up here as a diff of the normalised PDF text
(:mod:`tests.golden.pdftext`); if it is intended, ``python3 tools/update_golden.py``
rewrites the golden files, and the diff of ``tests/golden/expected/`` is what
to review. A case without a golden file (a new leaflet or language) is skipped.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from medleaflet.project import Project
from tests.conftest import ROOT
from tests.golden.cases import GOLDEN_DIR, TOOLS_FILE, Case, build, golden_cases, tool_versions
from tests.golden.pdftext import normalise

PROJECT = Project(ROOT)
#: How many lines of the unified diff a failure prints.
DIFF_LINES = 60

pytestmark = pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed (see .ci/run)")


@pytest.mark.parametrize("case", golden_cases(PROJECT), ids=str)
def test_pdf_matches_its_golden_text(case: Case, tmp_path: Path) -> None:
    if not case.golden.is_file():
        pytest.skip(f"no golden file {case.golden.relative_to(ROOT)} yet: python3 tools/update_golden.py writes it")
    recorded = TOOLS_FILE.read_text("utf-8").strip() if TOOLS_FILE.is_file() else "unknown tools"
    if recorded != tool_versions().strip():
        # Another ReportLab, HarfBuzz or qpdf may write other bytes for the same page: that is
        # no fault of ours, and the byte-for-byte build tests still run.
        pytest.skip(
            f"golden files were made with {recorded.strip() or 'unknown tools'}; here: {tool_versions().strip()}"
        )
    expected = case.golden.read_text("utf-8")
    actual = normalise(build(PROJECT, case, tmp_path))
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            f"{case.golden.relative_to(ROOT)} (stored)",
            f"{case.pdf_name} (built now)",
        )
        shown = "".join(line for _, line in zip(range(DIFF_LINES), diff, strict=False))
        pytest.fail(
            f"{case.pdf_name} differs from its golden text. If the change is intended, run "
            f"`python3 tools/update_golden.py` and review `git diff {GOLDEN_DIR.relative_to(ROOT)}`.\n"
            f"First differences:\n{shown}",
            pytrace=False,
        )


def test_cases_cover_every_template_and_are_distinct() -> None:
    cases = golden_cases(PROJECT)
    assert len(set(cases)) == len(cases)
    assert {case.template for case in cases} == set(PROJECT.template_names())


def test_normalised_text_is_plain_stable_and_without_binary(tmp_path: Path) -> None:
    pdf = build(PROJECT, golden_cases(PROJECT)[0], tmp_path)
    text = normalise(pdf)
    assert text == normalise(pdf)
    assert all(ch.isprintable() or ch == "\n" for ch in text)
    assert "endstream" in text and "stream omitted (font program)" in text
    assert "/ID" not in text and "xref" not in text and "Original object ID" not in text
