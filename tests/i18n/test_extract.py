"""Extraction: the leaflet extractor, the committed template in step, `extract` from any project folder,
and pybabel run without hidden state."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from babel.messages.pofile import read_po

from medleaflet.i18n import pybabel
from medleaflet.i18n.catalogues import pot_path
from medleaflet.i18n.extract import extract_leaflet
from medleaflet.i18n.po_format import catalogue_bytes
from medleaflet.i18n.sources import ui_sources
from medleaflet.project import Project
from tests.conftest import DATA, ROOT, run_cli


class NamedBytes(io.BytesIO):
    """A file object with a name, as Babel passes to extractors."""

    name = "leaflets/baclofen.yaml"


def extracted() -> list[tuple[int, str, tuple[str, str], list[str]]]:
    data = (ROOT / "leaflets" / "baclofen.yaml").read_bytes()
    return list(extract_leaflet(NamedBytes(data), [], [], {}))


def test_every_message_has_context_notes_and_real_line() -> None:
    lines = (ROOT / "leaflets" / "baclofen.yaml").read_text().splitlines()
    results = extracted()
    assert len(results) > 100
    for lineno, funcname, (context, msgid), notes in results:
        assert funcname == "pgettext"
        assert context.startswith("baclofen:")
        assert notes and notes[0]
        # The text (or its first words, for folded paragraphs) starts on that line or the next.
        near = " ".join(lines[lineno - 1 : lineno + 1])
        assert msgid.split()[0].strip('"') in near, (lineno, msgid)


def test_specific_message() -> None:
    by_context = {context: (lineno, msgid, notes) for lineno, _, (context, msgid), notes in extracted()}
    lineno, msgid, notes = by_context["baclofen:identity.strength_warning"]
    assert msgid.startswith("Liquid baclofen comes in different strengths.")
    assert "Keep unchanged: Fleqsuvy, Ozobax" in notes
    assert "Numbers and units must match: 25 mg, 5 mL, 5, 5 mg, 5 mL" in notes
    assert (ROOT / "leaflets/baclofen.yaml").read_text().splitlines()[lineno - 1].strip() == "strength_warning: >-"
    assert "baclofen:sections.interactions.groups.opioids.drugs.meperidine_pethidine" in by_context


#: A template message as compared: context, msgid, references, notes and flags.
PotMessage = tuple[str | None, object, tuple[tuple[str, int], ...], tuple[str, ...], tuple[str, ...]]


def run_pybabel(root: Path, *args: str) -> None:
    """Stock ``pybabel ARGS`` in ``root``, as a translator runs it."""
    command = [sys.executable, "-m", "babel.messages.frontend", "-q", *args]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def _messages(pot: bytes) -> list[PotMessage]:
    """Every message of a template, in file order."""
    catalog = read_po(io.BytesIO(pot))
    return [
        (m.context, m.id, tuple(m.locations), tuple(m.auto_comments), tuple(sorted(m.flags))) for m in catalog if m.id
    ]


def _notes_as_text(messages: list[PotMessage]) -> list[PotMessage]:
    """The messages with their ``#.`` notes joined into one text, however a writer wrapped them, and
    without the ``#. group:`` note ``generate.py extract`` adds to layout messages."""
    return [
        (*message[:3], (" ".join(note for note in message[3] if not note.startswith("group: ")),), *message[4:])
        for message in messages
    ]


def test_committed_template_is_in_step(tmp_path: Path) -> None:
    """`pybabel extract -F babel.cfg` today gives exactly the committed .pot messages (but the group notes)."""
    out = tmp_path / "fresh.pot"
    run_pybabel(ROOT, "extract", "-F", "babel.cfg", "-o", str(out), ".")
    fresh = _notes_as_text(_messages(out.read_bytes()))
    committed = _notes_as_text(_messages(pot_path(Project(ROOT)).read_bytes()))
    assert fresh == committed, "run 'python3 generate.py extract' and 'update', then commit"
    contexts = [message[0] for message in fresh]
    assert "baclofen:sections.interactions.groups.opioids.advice" in contexts
    assert ("leaflets/baclofen.yaml", 0) not in [loc for message in fresh for loc in message[2]]


def test_extract_needs_no_package_source_in_the_project(make_project: Callable[..., Path]) -> None:
    """A project folder without medleaflet/ (or babel.cfg) still gets every layout message."""
    root = make_project([DATA / "leaflets" / "minimal.yaml"])
    assert not (root / "medleaflet").exists() and not (root / "babel.cfg").exists()
    code, _, err = run_cli("--root", str(root), "extract")
    assert code == 0, err
    fresh = _messages(pot_path(Project(root)).read_bytes())
    layout = _layout(fresh)
    assert layout == _layout(_messages(pot_path(Project(ROOT)).read_bytes()))
    assert {(context, msgid) for context, msgid, *_ in layout} == {(s.context, s.msgid) for s in ui_sources()}
    assert len(fresh) > len(layout), "the leaflet's messages come first"


def _layout(messages: list[PotMessage]) -> list[PotMessage]:
    """The messages declared in the package (every reference is a medleaflet/ file)."""
    return [message for message in messages if all(file.startswith("medleaflet/") for file, _ in message[2])]


def test_generate_extract_gives_the_committed_template() -> None:
    """`generate.py extract` in this checkout writes the messages of the committed template."""
    fresh = catalogue_bytes(pybabel.template_catalog(Project(ROOT)), "fresh.pot")
    assert _messages(fresh) == _messages(pot_path(Project(ROOT)).read_bytes())


def test_every_layout_message_notes_its_group() -> None:
    layout = _layout(_messages(pot_path(Project(ROOT)).read_bytes()))
    assert layout
    for context, _, _, notes, _ in layout:
        assert f"group: {context.rpartition('.')[0]}" in notes, context


def test_extract_refuses_a_project_without_leaflets(make_project: Callable[..., Path]) -> None:
    root = make_project([])
    code, _, err = run_cli("--root", str(root), "extract")
    assert code == 1
    assert "leaflets: no leaflets to extract messages from" in err
    assert not pot_path(Project(root)).exists()


def _babel_logging() -> list[tuple[str, int, list[logging.Handler]]]:
    """Level and handlers of Babel's loggers."""
    names = ["babel", *(name for name in logging.root.manager.loggerDict if name.startswith("babel."))]
    return [(name, logging.getLogger(name).level, list(logging.getLogger(name).handlers)) for name in names]


def test_update_and_init_leave_cwd_and_logging_as_they_were(translated_project: Callable[[str], Path]) -> None:
    project = Project(translated_project("fr"))
    cwd, before = os.getcwd(), _babel_logging()
    pybabel.update(project, "fr")
    pybabel.init(project, "de")
    assert os.getcwd() == cwd and _babel_logging() == before
