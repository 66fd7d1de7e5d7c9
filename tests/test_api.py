"""The library API: ``medleaflet.build_pdf`` gives the command line's bytes, and sees every change."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import medleaflet
from medleaflet.content.templates import load_template
from medleaflet.errors import MedleafletError, UsageError
from medleaflet.i18n.locales import SOURCE_LOCALE, language_of
from medleaflet.pipeline import output_name
from medleaflet.project import Project

from .conftest import ROOT, copy_project, prints, run_cli

PROJECT = Project(ROOT)
LEAFLET = PROJECT.leaflet_ids()[0]


def _cases() -> list[tuple[str, str]]:
    """English in every template that is not bilingual; the first right-to-left language that
    prints, in every template (a bilingual one sets English beside it)."""
    rtl = next(
        code for code in PROJECT.locales() if language_of(code).direction == "rtl" and prints(PROJECT, LEAFLET, code)
    )
    cases = []
    for name in PROJECT.template_names():
        bilingual = load_template(PROJECT.template_path(name), ROOT).bilingual
        if not bilingual:
            cases.append((SOURCE_LOCALE, name))
        cases.append((rtl, name))
    return cases


@pytest.mark.parametrize(("locale", "template"), _cases())
def test_build_pdf_gives_the_bytes_the_command_line_writes(tmp_path: Path, locale: str, template: str) -> None:
    code, _, err = run_cli("--root", str(ROOT), "build", LEAFLET, "--lang", locale, "--template", template,
                           "--out", str(tmp_path))  # fmt: skip
    assert code == 0, err
    written = (tmp_path / output_name(LEAFLET, locale, template)).read_bytes()
    assert medleaflet.build_pdf(LEAFLET, locale, template=template, root=ROOT) == written
    assert medleaflet.build_pdf(LEAFLET, locale, template=template, root=ROOT) == written  # warm: the same


def _fresh_build(root: Path, leaflet: str, locale: str) -> bytes:
    """The PDF as a new process builds it: no cache of this one's."""
    out = root / "fresh"
    subprocess.run(
        [sys.executable, str(ROOT / "generate.py"), "--root", str(root), "build", leaflet, "--lang", locale,
         "--out", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    return (out / output_name(leaflet, locale, "standard")).read_bytes()


def _edit(path: Path, change: Callable[[str], str]) -> None:
    text = path.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    path.write_text(changed, encoding="utf-8")


def test_a_changed_leaflet_is_seen_at_once(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    before = medleaflet.build_pdf(LEAFLET, SOURCE_LOCALE, root=root)
    # The same size and, written within the same few milliseconds, possibly the same modification time.
    _edit(root / "leaflets" / f"{LEAFLET}.yaml", lambda text: text.replace('version: "', 'version: "9', 1)[:-1])
    after = medleaflet.build_pdf(LEAFLET, SOURCE_LOCALE, root=root)
    assert after != before
    assert after == _fresh_build(root, LEAFLET, SOURCE_LOCALE)


def test_a_leaflet_broken_after_a_build_is_refused_every_time(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    medleaflet.build_pdf(LEAFLET, SOURCE_LOCALE, root=root)
    (root / "leaflets" / f"{LEAFLET}.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(MedleafletError, match=rf"leaflets/{LEAFLET}\.yaml:\d+"):
            medleaflet.build_pdf(LEAFLET, SOURCE_LOCALE, root=root)


def test_a_changed_catalogue_is_seen_at_once(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    project = Project(root)
    locale = next(code for code in project.locales() if code != SOURCE_LOCALE and prints(project, LEAFLET, code))
    medleaflet.build_pdf(LEAFLET, locale, root=root)
    po = root / "translations" / locale / "LC_MESSAGES" / "leaflets.po"
    _edit(po, lambda text: text.replace('msgstr "', 'msgstr "25 mg ', 5))  # numbers the English does not have
    with pytest.raises(MedleafletError, match=r"leaflets\.po:\d+"):
        medleaflet.build_pdf(LEAFLET, locale, root=root)


@pytest.mark.parametrize(
    "call",
    [
        {"leaflet_id": "no-such-medicine", "locale": SOURCE_LOCALE},
        {"leaflet_id": LEAFLET, "locale": "xx-nowhere"},
        {"leaflet_id": LEAFLET, "locale": SOURCE_LOCALE, "template": "poster"},
        {"leaflet_id": LEAFLET, "locale": SOURCE_LOCALE, "paper": "a3"},
        {"leaflet_id": "../../etc/passwd", "locale": SOURCE_LOCALE},
    ],
)
def test_unknown_names_are_usage_errors(call: dict[str, str]) -> None:
    with pytest.raises(UsageError):
        medleaflet.build_pdf(**call, root=ROOT)  # type: ignore[arg-type]


def test_importing_medleaflet_loads_no_rendering_code() -> None:
    script = (
        "import sys, medleaflet; "
        "print([m for m in sys.modules if m.startswith(('reportlab', 'medleaflet.pipeline', 'textengine'))])"
    )
    result = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("command", [["--help"], ["list"], ["status"], ["build", "--help"]])
def test_listing_commands_load_no_rendering_code(command: list[str]) -> None:
    heavy = (
        "reportlab.platypus", "reportlab.pdfgen", "reportlab.graphics", "medleaflet.render", "medleaflet.layout",
        "medleaflet.pipeline", "medleaflet.batch", "textengine.paragraph", "textengine.shaping", "fpdf",
    )  # fmt: skip
    script = (
        "import io, sys, contextlib\n"
        "from medleaflet.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    main({command!r})\n"
        f"print(sorted(m for m in sys.modules if m.startswith({heavy!r})))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


@pytest.mark.parametrize(
    ("command", "absent"),
    [
        (["--help"], ("jsonschema", "translate", "textstat", "uharfbuzz", "PIL", "icu", "pyphen", "textengine.fonts")),
        (["build", "--help"], ("jsonschema", "translate", "textstat", "uharfbuzz", "PIL")),
    ],
)
def test_help_loads_no_validation_or_catalogue_code(command: list[str], absent: tuple[str, ...]) -> None:
    """``--help`` is instant: it loads neither the schema validator, nor translate-toolkit, nor fonts."""
    script = (
        "import io, sys, contextlib\n"
        "from medleaflet.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    main({command!r})\n"
        f"absent = {absent!r}\n"
        "print(sorted(m for m in sys.modules if m in absent or m.startswith(tuple(p + '.' for p in absent))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


def test_an_english_build_loads_no_catalogue_checker() -> None:
    """An English build checks no catalogue, so translate-toolkit (the catalogue QA) stays unloaded;
    it prints the layout's messages as declared, so Babel's catalogue and extractor code stay unloaded too."""
    absent = ("translate", "babel.messages", "medleaflet.i18n.language_check")
    script = (
        "import sys, medleaflet\n"
        f"medleaflet.build_pdf({LEAFLET!r}, {SOURCE_LOCALE!r}, root={str(ROOT)!r})\n"
        f"absent = {absent!r}\n"
        "print(sorted(m for m in sys.modules if m in absent or m.startswith(tuple(p + '.' for p in absent))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr
