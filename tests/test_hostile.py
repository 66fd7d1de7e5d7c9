"""Bad and hostile input: random damage never gives a traceback, hostile text
never becomes markup, huge inputs stay bounded, failed builds leave nothing."""

from __future__ import annotations

import shutil
import string
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medleaflet.errors import MedleafletError
from medleaflet.load import parse_yaml
from medleaflet.validate import validate_leaflet

from .conftest import DATA, ROOT, actual_text, expectations, run_cli
from .test_render import pdf_text

MINIMAL = (DATA / "leaflets" / "minimal.yaml").read_text("utf-8")


@settings(max_examples=300, deadline=None)
@given(
    position=st.integers(min_value=0, max_value=len(MINIMAL)),
    cut=st.integers(min_value=0, max_value=40),
    insert=st.text(alphabet=string.printable + "&<>{}[]!*|'\"\u00a0\u202e", max_size=12),
)
def test_damaged_yaml_never_crashes(position: int, cut: int, insert: str) -> None:
    damaged = MINIMAL[:position] + insert + MINIMAL[position + cut :]
    try:
        validate_leaflet(parse_yaml(damaged, "leaflets/minimal.yaml"), expected_id="minimal")
    except MedleafletError as exc:
        assert all(line.startswith("leaflets/minimal.yaml:") for line in exc.lines()), exc.lines()


HOSTILE_TEXT = (
    st.text(alphabet=st.sampled_from(list("Abc xyz 12 &<>;/\"'=#é中ب")), min_size=1, max_size=30)
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE_TEXT)
def test_leaflet_text_prints_as_plain_characters(
    make_project: Callable[..., Path],
    tmp_path_factory,
    text: str,  # type: ignore[no-untyped-def]
) -> None:
    """Any leaflet text, markup characters included, prints exactly as written."""
    work = tmp_path_factory.mktemp("hostile")
    source = MINIMAL.replace("intro: Testamol treats tests.", "intro: " + _yaml_quote(text))
    (work / "minimal.yaml").write_text(source, "utf-8")
    root = work / "project"
    (root / "leaflets").mkdir(parents=True)
    shutil.copy(work / "minimal.yaml", root / "leaflets" / "minimal.yaml")
    shutil.copytree(ROOT / "templates", root / "templates")
    (root / "fonts").symlink_to(ROOT / "fonts")
    code, _, err = run_cli("--root", str(root), "build", "minimal", "--out", str(root / "out"))
    assert code == 0, err
    pdf = root / "out" / "minimal.en.pdf"
    printed = (pdf_text(pdf) + actual_text(pdf)).replace(" ", "").replace("\n", "")
    assert text.replace(" ", "") in printed


def _yaml_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def test_failed_build_leaves_the_previous_pdf(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("build", "baclofen", "--out", str(out))[0] == 0
    before = (out / "baclofen.en.pdf").read_bytes()
    code, _, err = run_cli("build", "baclofen", "--lang", "fr", "--template", "nope", "--out", str(out))
    assert code == 2 and "unknown template" in err
    assert (out / "baclofen.en.pdf").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["baclofen.en.pdf"]


def test_read_only_output_folder_is_a_clean_error(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:  # root ignores permissions; use a path below a file instead
        blocker = tmp_path / "file"
        blocker.write_text("x")
        target = blocker / "out"
    else:
        target = tmp_path / "ro"
        target.mkdir()
        target.chmod(0o500)
    code, _, err = run_cli("build", "baclofen", "--out", str(target))
    assert code == 1 and err.startswith("error: ") and "Traceback" not in err


BAD_CATALOGUES = sorted((DATA / "bad_catalogues").glob("*.po"))


@pytest.mark.parametrize("path", BAD_CATALOGUES, ids=[path.stem for path in BAD_CATALOGUES])
def test_bad_catalogue_fails_cleanly(make_project: Callable[..., Path], path: Path) -> None:
    """Hostile or broken catalogues: one clean error per problem, file:line, exit 1, no PDF."""
    expected = expectations(path)[0]
    root = make_project([DATA / "leaflets" / "minimal.yaml"])
    target = root / "translations" / "fr" / "LC_MESSAGES" / "leaflets.po"
    target.parent.mkdir(parents=True)
    shutil.copy(path, target)
    for command in (["check", "--lang", "fr"], ["build", "minimal", "--lang", "fr", "--out", str(root / "out")]):
        code, out, err = run_cli("--root", str(root), *command)
        assert code == 1, (command, out, err)
        text = out + err
        assert "Traceback" not in text
        assert expected in text, text
        assert any(line.startswith("translations/fr/LC_MESSAGES/leaflets.po:") for line in text.splitlines())
    assert not (root / "out").exists()


def test_absurdly_large_file_is_refused(tmp_path: Path) -> None:
    from medleaflet.errors import InputError
    from medleaflet.load import MAX_BYTES, load_yaml

    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * (MAX_BYTES + 10) + "\n")
    with pytest.raises(InputError, match=r"^big.yaml:1: file is too large"):
        load_yaml(big, tmp_path)


def test_two_builds_at_once_both_give_valid_files(tmp_path: Path) -> None:
    import subprocess
    import sys

    from pypdf import PdfReader

    command = [sys.executable, str(ROOT / "generate.py"), "build", "baclofen", "--out", str(tmp_path)]
    runs = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
    assert all(run.wait(timeout=120) == 0 for run in runs)
    assert [p.name for p in tmp_path.iterdir()] == ["baclofen.en.pdf"]
    assert len(PdfReader(tmp_path / "baclofen.en.pdf").pages) >= 1


def test_missing_plural_header_builds_with_a_warning(make_project: Callable[..., Path]) -> None:
    root = make_project([DATA / "leaflets" / "minimal.yaml"])
    target = root / "translations" / "fr" / "LC_MESSAGES" / "leaflets.po"
    target.parent.mkdir(parents=True)
    shutil.copy(DATA / "catalogues" / "no-plural-header.po", target)
    code, out, _ = run_cli("--root", str(root), "check", "--lang", "fr")
    assert code == 0 and "no Plural-Forms header" in out and "(warning)" in out
    code, _, err = run_cli("--root", str(root), "build", "minimal", "--lang", "fr", "--out", str(root / "out"))
    assert code == 0, err
