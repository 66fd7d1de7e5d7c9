"""medleaflet.layout.markup and the layout: text is data, never Paragraph markup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from medleaflet.layout.markup import escape
from tests.conftest import DATA, pdf_text, run_cli

HOSTILE = '<img src="/etc/passwd"/> <a href="https://example.org">link</a> <font size=40>big</font> & <b'


def test_escape() -> None:
    assert escape('<b>x</b> & "y"') == '&lt;b&gt;x&lt;/b&gt; &amp; "y"'


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="latin-1", exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40))
def test_any_text_parses_as_plain_text(text: str) -> None:
    paragraph = Paragraph(escape(text), style=Paragraph("x").style)
    printed = "".join(frag.text for frag in paragraph.frags)
    # A Paragraph collapses runs of white space; nothing else may change.
    assert " ".join(printed.split()) == " ".join(text.split())


def test_hostile_leaflet_text_prints_literally(make_project: Callable[..., Path], tmp_path: Path) -> None:
    source = (DATA / "leaflets" / "minimal.yaml").read_text()
    (tmp_path / "minimal.yaml").write_text(source.replace("intro: Testamol treats tests.", f"intro: '{HOSTILE}'"))
    root = make_project([tmp_path / "minimal.yaml"])
    code, _, err = run_cli("--root", str(root), "build", "minimal", "--out", str(root / "out"))
    assert code == 0, err
    assert HOSTILE in pdf_text(root / "out" / "minimal.en.pdf")
