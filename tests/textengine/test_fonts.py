"""textengine.fonts: registration keyed by the font file, the families every script uses, font file errors."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from tests.conftest import ROOT
from textengine.errors import DamagedFontError, MissingFontError, UnknownFamilyError
from textengine.font_config import load_font_config
from textengine.fonts import font_stack, register_family

FONTS = ROOT / "fonts"
CONFIG = load_font_config(FONTS)
FAMILIES = CONFIG.families


def test_every_declared_family_has_files() -> None:
    for spec in FAMILIES.values():
        assert all((FONTS / file).is_file() for file in spec.files.values()), spec.name


def test_the_project_fonts_keep_their_file_names_as_reportlab_names() -> None:
    stack = font_stack("sans", FONTS)
    for family in stack.families:
        files = FAMILIES[family.name]
        assert (family.regular, family.bold) == (Path(files.regular).stem, Path(files.bold).stem)


def test_the_same_files_register_once(tmp_path: Path) -> None:
    linked = tmp_path / "fonts"
    linked.symlink_to(FONTS)
    assert register_family("sans", linked) is register_family("sans", FONTS)


def test_two_folders_with_different_files_of_one_name_give_two_families(tmp_path: Path) -> None:
    other = tmp_path / "fonts"
    other.mkdir()
    for name in ("NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "fonts.toml"):
        (other / name).symlink_to(FONTS / name)
    # A different font under the name of the regular face.
    shutil.copy(FONTS / "NotoSansHebrew-Regular.ttf", other / "NotoSans-Regular.ttf")
    first = register_family("sans", FONTS)
    second = register_family("sans", other)
    assert second.regular != first.regular
    assert second.bold == first.bold  # the same file: registered once, under one name
    first_font, second_font = pdfmetrics.getFont(first.regular), pdfmetrics.getFont(second.regular)
    assert second_font is not first_font, "ReportLab must not alias the second file to the first"
    assert second_font.face.name != first_font.face.name
    hebrew = ord("א")
    assert hebrew in second_font.face.charToGlyph and hebrew not in first_font.face.charToGlyph


def test_unknown_family() -> None:
    with pytest.raises(UnknownFamilyError) as caught:
        register_family("serif", FONTS)
    assert str(caught.value) == f"unknown font family 'serif' (known: {', '.join(sorted(FAMILIES))})"


def test_missing_font_file(tmp_path: Path) -> None:
    (tmp_path / "fonts.toml").symlink_to(FONTS / "fonts.toml")
    with pytest.raises(MissingFontError) as caught:
        register_family("sans", tmp_path)
    assert caught.value.path == tmp_path / FAMILIES["sans"].regular
    assert caught.value.reason == "font file is missing"


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda data: b"not a font\n" * 20, "damaged font ("),
        (lambda data: data[: len(data) * 3 // 4], "damaged font ("),
    ],
    ids=["text", "truncated"],
)
def test_damaged_font_file(tmp_path: Path, damage: Callable[[bytes], bytes], reason: str) -> None:
    for name in ("NotoSans-Regular.ttf", "NotoSans-Italic.ttf", "fonts.toml"):
        (tmp_path / name).symlink_to(FONTS / name)
    (tmp_path / "NotoSans-Bold.ttf").write_bytes(damage((FONTS / "NotoSans-Bold.ttf").read_bytes()))
    with pytest.raises(DamagedFontError) as caught:
        register_family("sans", tmp_path)
    assert caught.value.path == tmp_path / "NotoSans-Bold.ttf"
    assert caught.value.reason.startswith(reason)


def test_a_second_file_with_the_same_postscript_name_is_not_aliased(tmp_path: Path) -> None:
    first = register_family("sans-hebrew", FONTS)
    other = tmp_path / "fonts"
    other.mkdir()
    (other / "fonts.toml").symlink_to(FONTS / "fonts.toml")
    for name in ("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"):
        # The same font, one byte longer: another file with the same PostScript name.
        (other / name).write_bytes((FONTS / name).read_bytes() + b"\0")
    second = register_family("sans-hebrew", other)
    assert (second.regular, second.bold) != (first.regular, first.bold)
    for ours, theirs in ((second.regular, first.regular), (second.bold, first.bold)):
        assert pdfmetrics.getFont(ours) is not pdfmetrics.getFont(theirs)
        assert pdfmetrics.getFont(ours).face.name != pdfmetrics.getFont(theirs).face.name
    assert second.covers("א")
