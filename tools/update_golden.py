"""Rewrite the golden files of tests/golden/ from the PDFs the working tree builds now.

Usage: ``python3 tools/update_golden.py`` (from anywhere). Builds every case
of :func:`tests.golden.cases.golden_cases`, writes its normalised text to
``tests/golden/expected/<pdf name>.txt`` and the tools' versions to
``tests/golden/expected/tools.txt``, and removes golden files no case
has any more. Then review the change with ``git diff tests/golden/expected``.
Needs qpdf.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from medleaflet.project import Project  # noqa: E402
from tests.golden.cases import GOLDEN_DIR, TOOLS_FILE, build, golden_cases, tool_versions  # noqa: E402
from tests.golden.pdftext import normalise  # noqa: E402


def main() -> int:
    """Write every golden file; prints one line per file; returns the exit code."""
    project = Project(ROOT)
    cases = golden_cases(project)
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as out:
        for case in cases:
            text = normalise(build(project, case, Path(out)))
            old = case.golden.read_text("utf-8") if case.golden.is_file() else None
            if old != text:
                case.golden.write_text(text, "utf-8")
            state = "unchanged" if old == text else "new" if old is None else "updated"
            print(f"{state:9} {case.golden.relative_to(ROOT)} ({len(text.encode()) // 1024} KB)")
    TOOLS_FILE.write_text(tool_versions(), "utf-8")
    for stale in sorted(set(GOLDEN_DIR.glob("*.txt")) - {case.golden for case in cases} - {TOOLS_FILE}):
        stale.unlink()
        print(f"removed   {stale.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
