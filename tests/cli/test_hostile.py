"""Bad and hostile input: random damage never gives a traceback, hostile text
never becomes markup, huge inputs stay bounded, FIFOs and devices never hang,
damaged logos and fonts are named, failed builds leave no PDF behind."""

from __future__ import annotations

import os
import shutil
import string
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medleaflet.content.load import parse_yaml
from medleaflet.content.validate import validate_leaflet
from medleaflet.errors import MedleafletError
from tests.conftest import DATA, ROOT, actual_text, edit_catalogue, expectations, pdf_text, run_cli

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
    tmp_path_factory: pytest.TempPathFactory,
    text: str,
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


def test_usage_error_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("build", "baclofen", "--out", str(out))[0] == 0
    before = (out / "baclofen.en.pdf").read_bytes()
    code, _, err = run_cli("build", "baclofen", "--lang", "fr", "--template", "nope", "--out", str(out))
    assert code == 2 and "unknown template" in err
    assert (out / "baclofen.en.pdf").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["baclofen.en.pdf"]


def test_failed_builds_remove_their_previous_pdf_and_the_rest_still_build(
    translated_project: Callable[[str], Path],
) -> None:
    """A language that no longer prints must not leave last week's PDF to be printed instead."""
    root = translated_project("fr")
    assert run_cli("--root", str(root), "init", "es")[0] == 0
    edit_catalogue(root / "translations" / "es" / "LC_MESSAGES" / "leaflets.po", _as_source)
    out = root / "out"
    build = ["--root", str(root), "build", "minimal", "--lang", "fr", "--lang", "es", "--lang", "en", "--out", str(out)]
    assert run_cli(*build)[0] == 0
    for locale in ("fr", "es"):
        edit_catalogue(root / "translations" / locale / "LC_MESSAGES" / "leaflets.po", _untranslate)
    code, stdout, err = run_cli(*build)
    assert code == 1
    for locale in ("fr", "es"):
        assert f"refusing to print {locale}" in err
        assert f"removed {out / f'minimal.{locale}.pdf'}: its build failed" in err
    english = out / "minimal.en.pdf"
    assert stdout.splitlines()[1:] == [f"wrote {english} (2 pages, {english.stat().st_size} bytes)"]
    assert sorted(p.name for p in out.iterdir()) == ["minimal.en.pdf"]


def _as_source(message: Message) -> None:
    message.string = message.id


def _untranslate(message: Message) -> None:
    message.string = ""


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
    from medleaflet.content.load import MAX_BYTES, load_yaml
    from medleaflet.errors import InputError

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


# ---------------------------------------------------------------- files that are not files


def _special(path: Path, kind: str) -> None:
    """Replace ``path`` by a FIFO nobody writes to, or a link to /dev/zero (endless zeros)."""
    if path.exists() or path.is_symlink():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")


def run_generate(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run generate.py in a fresh process; a hang fails the test instead of stalling it."""
    command = [sys.executable, str(ROOT / "generate.py"), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


INPUTS = {
    "leaflet": ("leaflets/minimal.yaml", ["build", "minimal"]),
    "clinic": ("clinic.yaml", ["build", "minimal"]),
    "catalogue": ("translations/fr/LC_MESSAGES/leaflets.po", ["build", "minimal", "--lang", "fr"]),
}


@pytest.mark.parametrize("special", ["fifo", "dev-zero"])
@pytest.mark.parametrize("input_kind", sorted(INPUTS))
def test_fifo_or_device_as_input_is_a_located_error(
    translated_project: Callable[[str], Path], input_kind: str, special: str
) -> None:
    root = translated_project("fr")
    relative, command = INPUTS[input_kind]
    _special(root / relative, special)
    result = run_generate("--root", str(root), *command, "--out", str(root / "out"))
    assert result.returncode == 1, result.stderr
    # A link out of the project is named by its path as given.
    assert result.stderr.splitlines() in (
        [f"{relative}:1: not a regular file"],
        [f"{root / relative}:1: not a regular file"],
    ), result.stderr
    assert not (root / "out").exists()


def test_batch_with_a_fifo_leaflet_builds_the_rest(make_project: Callable[..., Path]) -> None:
    root = make_project([DATA / "leaflets" / "minimal.yaml"], [ROOT / "templates" / "standard.yaml"])
    os.mkfifo(root / "leaflets" / "stuck.yaml")
    result = run_generate("--root", str(root), "build", "--all", "--out", str(root / "out"))
    assert result.returncode == 1, result.stderr
    assert "failed: stuck en standard: leaflets/stuck.yaml:1: not a regular file" in result.stdout
    assert sorted(p.name for p in (root / "out").iterdir()) == ["manifest.json", "minimal.en.pdf"]


def _text_bytes(path: Path) -> None:
    path.unlink()  # it may be a link to the repository's file, which must stay intact
    path.write_bytes(b"This is a text file, not an image or a font.\n" * 20)


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.unlink()  # it may be a link to the repository's file, which must stay intact
    path.write_bytes(data[: len(data) * 3 // 4])


DAMAGE = {"text": _text_bytes, "truncated": _truncate}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_logo_is_named_with_its_line(make_project: Callable[..., Path], damage: str) -> None:
    from PIL import Image

    root = make_project([DATA / "leaflets" / "minimal.yaml"])
    Image.effect_noise((300, 100), 60).convert("RGB").save(root / "logo.png")
    DAMAGE[damage](root / "logo.png")
    (root / "clinic.yaml").write_text((DATA / "clinics" / "lyon.yaml").read_text("utf-8") + "logo: logo.png\n")
    code, _, err = run_cli("--root", str(root), "build", "minimal", "--out", str(root / "out"))
    assert code == 1
    assert len(err.splitlines()) == 1 and err.startswith("clinic.yaml:5: logo: logo.png: not a readable image ("), err
    assert not (root / "out").exists()


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_font_is_named(make_project: Callable[..., Path], damage: str) -> None:
    root = make_project([DATA / "leaflets" / "minimal.yaml"], [ROOT / "templates" / "standard.yaml"])
    (root / "fonts").unlink()
    (root / "fonts").mkdir()
    for font in (ROOT / "fonts").iterdir():
        (root / "fonts" / font.name).symlink_to(font)
    DAMAGE[damage](root / "fonts" / "NotoSans-Bold.ttf")
    # A fresh process, as a user runs it (fonts are registered once per process, by file).
    result = run_generate("--root", str(root), "build", "minimal", "--out", str(root / "out"))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("fonts/NotoSans-Bold.ttf:1: damaged font ("), result.stderr


@pytest.mark.parametrize(
    "command", [["list"], ["check"], ["status"], ["build", "--all"]], ids=["list", "check", "status", "build-all"]
)
def test_catalogue_folder_that_is_not_a_locale(translated_project: Callable[[str], Path], command: list[str]) -> None:
    root = translated_project("fr")
    stray = root / "translations" / "not_a_locale" / "LC_MESSAGES"
    stray.mkdir(parents=True)
    shutil.copy(root / "translations" / "fr" / "LC_MESSAGES" / "leaflets.po", stray / "leaflets.po")
    extra = ["--out", str(root / "out")] if command[0] == "build" else []
    code, _, err = run_cli("--root", str(root), *command, *extra)
    assert code == 1
    assert err.splitlines() == [
        "translations/not_a_locale/LC_MESSAGES/leaflets.po:1: catalogue folder 'not_a_locale' is not a locale code "
        "(such as fr, pt_BR or zh_Hans); rename the folder"
    ]


@pytest.mark.parametrize("command", [["build", "minimal"], ["build", "--all"]], ids=["build", "build-all"])
def test_out_is_a_file(make_project: Callable[..., Path], command: list[str]) -> None:
    root = make_project([DATA / "leaflets" / "minimal.yaml"])
    (root / "out.pdf").write_bytes(b"%PDF- a file, not a folder")
    code, stdout, err = run_cli("--root", str(root), *command, "--out", str(root / "out.pdf"))
    assert (code, stdout) == (1, "")
    assert err == f"error: {root / 'out.pdf'}: not a folder; --out names the folder the PDFs go into\n"
    assert (root / "out.pdf").read_bytes() == b"%PDF- a file, not a folder"
