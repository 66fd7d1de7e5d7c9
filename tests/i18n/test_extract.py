"""medleaflet.i18n.extract and the committed template: contexts, notes, line numbers, in step."""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.pofile import read_po

from medleaflet.i18n.catalogues import pot_path
from medleaflet.i18n.extract import extract_leaflet
from medleaflet.i18n.pybabel import run_pybabel
from medleaflet.project import Project
from tests.conftest import ROOT


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


def _messages(pot: bytes) -> list[tuple[object, ...]]:
    catalog = read_po(io.BytesIO(pot))
    return [
        (m.context, m.id, tuple(m.locations), tuple(m.auto_comments), tuple(sorted(m.flags))) for m in catalog if m.id
    ]


def test_committed_template_is_in_step(tmp_path: Path) -> None:
    """`pybabel extract -F babel.cfg` today gives exactly the committed .pot messages."""
    out = tmp_path / "fresh.pot"
    run_pybabel(Project(ROOT), "extract", "-F", "babel.cfg", "-o", str(out), ".")
    fresh = _messages(out.read_bytes())
    committed = _messages(pot_path(Project(ROOT)).read_bytes())
    assert fresh == committed, "run 'python3 generate.py extract' and 'update', then commit"
    contexts = [message[0] for message in fresh]
    assert "baclofen:sections.interactions.groups.opioids.advice" in contexts
    assert ("leaflets/baclofen.yaml", 0) not in [loc for message in fresh for loc in message[2]]
