"""Every catalogue survives the translators' own tools unchanged.

Translators open the catalogues in Poedit, Weblate (translate-toolkit, and its
msgmerge add-on) and the gettext tools. Each shipped catalogue and the
template, and each file the tool writes (``extract``, ``update``, ``init``),
must pass ``msgfmt -c``, open in polib and translate-toolkit with every
message Babel reads, and come back from a ``msgcat``, translate-toolkit or
``msgmerge`` round trip with nothing of substance changed. The files come from
the checkout.
"""

from __future__ import annotations

import difflib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from babel.messages.pofile import read_po
from translate.storage import pypo
from translate.storage.tbx import tbxfile

from medleaflet.i18n.catalogues import DOMAIN, catalogue_paths, pot_path
from medleaflet.i18n.glossary import GLOSSARY_NAME
from medleaflet.i18n.language_check import project_leaflets
from medleaflet.i18n.po_format import WIDTH
from medleaflet.i18n.sources import glossary_terms
from medleaflet.project import Project
from tests.conftest import ROOT, run_cli

PROJECT = Project(ROOT)
SHIPPED = [pot_path(PROJECT), *catalogue_paths(PROJECT)]
#: The most lines an editor's round trip of a shipped file may change (a different gettext release).
SHIPPED_SLACK = 20


def _ids(path: Path) -> list[str]:
    return [path.relative_to(ROOT).as_posix() for path in SHIPPED]


def _changed_lines(before: bytes, after: bytes) -> int:
    """How many lines a round trip added or removed."""
    diff = difflib.unified_diff(before.decode().splitlines(), after.decode().splitlines(), lineterm="", n=0)
    return sum(1 for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---")))


def _msgcat(path: Path) -> bytes:
    return subprocess.run(["msgcat", f"--width={WIDTH}", "-o", "-", str(path)], capture_output=True, check=True).stdout


def _msgmerge(path: Path, template: Path) -> bytes:
    """What Weblate's msgmerge add-on writes, set as the translator guide says."""
    command = ["msgmerge", "-q", "--previous", "--no-fuzzy-matching", f"--width={WIDTH}", "-o", "-"]
    return subprocess.run([*command, str(path), str(template)], capture_output=True, check=True).stdout


def _entries(data: bytes) -> list[tuple[object, ...]]:
    """Every message as polib reads it, with what a translator would see change."""
    catalogue = polib.pofile(data.decode("utf-8"))
    return [
        (
            entry.msgctxt,
            entry.msgid,
            entry.msgid_plural,
            entry.msgstr,
            tuple(sorted(entry.msgstr_plural.items())),
            tuple(sorted(entry.flags)),
            entry.previous_msgid,
            entry.obsolete,
            entry.comment,
            entry.tcomment,
        )
        for entry in catalogue
    ]


def _assert_readable(path: Path) -> None:
    """``msgfmt -c`` accepts the file, and polib and translate-toolkit read every message Babel does."""
    result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    if path.suffix == ".po":  # a template keeps gettext's placeholders in its header
        assert "warning" not in result.stderr, result.stderr
    data = path.read_bytes()
    babel = [(m.context, m.id) for m in read_po(io.BytesIO(data)) if m.id]
    assert [(e.msgctxt, e.msgid) for e in polib.pofile(data.decode("utf-8")) if not e.obsolete] == [
        (context, msgid if isinstance(msgid, str) else msgid[0]) for context, msgid in babel
    ]
    units = [unit for unit in pypo.pofile(data).units if not unit.isheader() and not unit.isobsolete()]
    assert [(unit.getcontext(), unit.source) for unit in units] == [
        (context, msgid if isinstance(msgid, str) else msgid[0]) for context, msgid in babel
    ]


@pytest.mark.parametrize("path", SHIPPED, ids=_ids)
def test_shipped_catalogue_reads_in_every_tool(path: Path) -> None:
    _assert_readable(path)


@pytest.mark.parametrize("path", SHIPPED, ids=_ids)
def test_shipped_catalogue_survives_editors_round_trips(path: Path) -> None:
    """What Poedit or msgcat (gettext's layout) and Weblate (translate-toolkit) write back."""
    data = path.read_bytes()
    assert _changed_lines(data, _msgcat(path)) <= SHIPPED_SLACK
    assert _changed_lines(data, bytes(pypo.pofile(data))) <= SHIPPED_SLACK


@pytest.mark.parametrize("path", catalogue_paths(PROJECT), ids=lambda path: path.parent.parent.name)
def test_weblate_msgmerge_changes_nothing_of_substance(path: Path) -> None:
    """Weblate's msgmerge add-on (previous msgids kept, fuzzy matching off) after ``update``:
    every message, translation, flag, comment and previous msgid stays as it was."""
    assert _entries(_msgmerge(path, pot_path(PROJECT))) == _entries(path.read_bytes())


@pytest.fixture(scope="module")
def rewritten(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the checkout's leaflets and catalogues after ``extract``, ``update`` and ``init``."""
    root = tmp_path_factory.mktemp("project")
    for folder in ("leaflets", "translations"):
        shutil.copytree(ROOT / folder, root / folder)
    new = next(code for code in ("de", "it", "nl", "pl", "sv", "tr") if code not in PROJECT.locales())
    for args in (["extract"], ["update"], ["init", new, "--translator", "Ana Ruiz <ana@example.org>"]):
        code, _, err = run_cli("--root", str(root), *args)
        assert code == 0, err
    return root


def _written(root: Path) -> list[Path]:
    project = Project(root)
    return [pot_path(project), *catalogue_paths(project)]


def test_written_files_are_exactly_as_gettext_writes_them(rewritten: Path) -> None:
    for path in _written(rewritten):
        _assert_readable(path)
        data = path.read_bytes()
        assert _msgcat(path) == data, path
        assert bytes(pypo.pofile(data)) == data, path
        if path.suffix == ".po":  # Weblate's msgmerge add-on: not even the header's order changes
            assert _msgmerge(path, pot_path(Project(rewritten))) == data, path


def test_extract_and_update_again_change_nothing(rewritten: Path) -> None:
    """Nothing changed in the English: not even the template's date changes."""
    before = {path: path.read_bytes() for path in _written(rewritten)}
    for args in (["extract"], ["update"]):
        code, _, err = run_cli("--root", str(rewritten), *args)
        assert code == 0, err
    assert {path: path.read_bytes() for path in _written(rewritten)} == before


def test_init_fills_in_the_translator(rewritten: Path) -> None:
    new = [path for path in catalogue_paths(Project(rewritten)) if path.parent.parent.name not in PROJECT.locales()]
    assert len(new) == 1
    catalogue = polib.pofile(str(new[0]))
    assert catalogue.metadata["Last-Translator"] == "Ana Ruiz <ana@example.org>"
    result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(new[0])], capture_output=True, text=True)
    assert "Last-Translator" not in result.stderr


@pytest.mark.parametrize(
    "value", ["Ana\nLanguage: xx", "", "   ", "Ana\x00", "Ana\u202eRuiz <a@b.org>", "Ana Ruiz", "Ana <not an address"]
)
def test_init_refuses_a_translator_that_would_break_the_header(value: str, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(ROOT / "leaflets", root / "leaflets")
    assert run_cli("--root", str(root), "extract")[0] == 0
    code, _, err = run_cli("--root", str(root), "init", "de", "--translator", value)
    assert code == 2 and "--translator" in err and "Traceback" not in err
    assert not (root / "translations" / "de").exists()


def test_glossary_lists_every_protected_name_as_untranslatable(rewritten: Path) -> None:
    """The glossary Weblate imports: each name to keep, marked "Translation needed: No"."""
    store = tbxfile.parsestring((rewritten / "translations" / GLOSSARY_NAME).read_bytes())
    assert [unit.source for unit in store.units] == glossary_terms(project_leaflets(Project(rewritten)))
    assert store.units and not any(unit.istranslatable() for unit in store.units)


def test_shipped_glossary_is_in_step() -> None:
    code_path = pot_path(PROJECT).with_name(GLOSSARY_NAME)
    store = tbxfile.parsestring(code_path.read_bytes())
    assert [unit.source for unit in store.units] == glossary_terms(project_leaflets(PROJECT))


def test_stock_pybabel_compiles_with_the_documented_domain(tmp_path: Path) -> None:
    """``pybabel compile -D leaflets -d translations``, as the translator guide says, and git ignores
    the ``.mo`` files it writes."""
    shutil.copytree(ROOT / "translations", tmp_path / "translations")
    command = [sys.executable, "-m", "babel.messages.frontend", "compile", "-D", DOMAIN, "-d", "translations"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    compiled = sorted(tmp_path.glob(f"translations/*/LC_MESSAGES/{DOMAIN}.mo"))
    assert [path.parent.parent.name for path in compiled] == sorted(
        p.parent.parent.name for p in catalogue_paths(PROJECT)
    )
    guide = (ROOT / "translations" / "README.md").read_text("utf-8")
    assert f"-D {DOMAIN}" in guide and f"translations/*/LC_MESSAGES/{DOMAIN}.po" in guide
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "--no-index", f"translations/xx/LC_MESSAGES/{DOMAIN}.mo"], cwd=ROOT
    )
    assert ignored.returncode == 0, ".mo files are not in .gitignore"


def test_update_keeps_the_header_fields_an_editor_added(tmp_path: Path) -> None:
    """Poedit and Weblate add header fields Babel does not know (X-Generator, X-Poedit-...):
    ``update`` writes them back, so the editor and ``update`` do not take turns changing the header."""
    for folder in ("leaflets", "translations"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    path = catalogue_paths(Project(tmp_path))[0]
    added = '"X-Generator: Poedit 3.4.2\\n"\n"X-Poedit-Bookmarks: 3,-1\\n"\n'
    text = path.read_text("utf-8")
    path.write_text(
        text.replace('"Content-Transfer-Encoding: 8bit\\n"\n', '"Content-Transfer-Encoding: 8bit\\n"\n' + added),
        "utf-8",
    )
    code, _, err = run_cli("--root", str(tmp_path), "update")
    assert code == 0, err
    metadata = polib.pofile(str(path)).metadata
    assert (metadata["X-Generator"], metadata["X-Poedit-Bookmarks"]) == ("Poedit 3.4.2", "3,-1")
    once = path.read_bytes()
    assert run_cli("--root", str(tmp_path), "update")[0] == 0
    assert path.read_bytes() == once
