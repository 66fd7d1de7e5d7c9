"""textengine.font_config: fonts.toml read into a FontConfig; every mistake one located error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from textengine.errors import FontConfigError
from textengine.font_config import load_font_config

SOURCE = (ROOT / "fonts" / "fonts.toml").read_text("utf-8")


def test_the_projects_declaration_loads_and_maps_every_script_to_a_declared_family() -> None:
    config = load_font_config(ROOT / "fonts")
    assert config.scripts and all(spec.family in config.families for spec in config.scripts.values())
    for language in config.languages:
        assert set(config.script_families(language).values()) <= set(config.families)


def _first_line(text: str, needle: str) -> int:
    """The first line holding ``needle`` that is not a comment."""
    lines = enumerate(text.splitlines(), 1)
    return next(number for number, line in lines if needle in line and not line.lstrip().startswith("#"))


#: (what to replace in fonts.toml, with what, a part of the reason, the text of the line it is on)
MISTAKES = [
    ("\n[scripts]\n", '\n[scripts]\nSinh = { family = "serif" }', "unknown font family 'serif'", 'family = "serif"'),
    ("\n[scripts]\n", '\n[scripts]\nBEng = { family = "sans" }', "is not an ISO 15924 script code", "BEng"),
    (
        "\n[scripts]\n",
        '\n[scripts]\nXyzw = { family = "sans", line_breaking = "w" }',
        "line_breaking must be",
        "Xyzw",
    ),
    ("\n[languages]\n", '\n[languages]\n"zh TW!" = { Hani = "sans" }', "is not a locale", "zh TW!"),
    ("\n[languages]\n", '\n[languages]\nko = { Hang = "serif" }', "unknown font family 'serif'", "ko = "),
    ('sha256 = "', 'sha265 = "', "unknown key 'sha265'", "sha265"),
    ("[families.sans]\n", '[families.sans]\ncolour = "red"\n', "unknown key 'colour'", "colour"),
    ("[families.sans]\n", "[families.sans]\nline_height = 7\n", "line_height: must be a number", "line_height = 7"),
    ("[families.sans]\n", '[families.sans]\nfeatures = "locl"\n', "features: must be a list", 'features = "locl"'),
    ('italic = "NotoSans-Italic.ttf"', 'italic = "../NotoSans-Italic.ttf"', "must be a file name", "../NotoSans"),
    ("\n[scripts]\n", "\n[scripts\n", "not valid TOML", "[scripts"),
]


@pytest.mark.parametrize(("old", "new", "reason", "where"), MISTAKES, ids=[case[2] for case in MISTAKES])
def test_a_mistake_is_one_error_at_its_line(tmp_path: Path, old: str, new: str, reason: str, where: str) -> None:
    assert old in SOURCE
    text = SOURCE.replace(old, new, 1)
    (tmp_path / "fonts.toml").write_text(text, "utf-8")
    with pytest.raises(FontConfigError) as caught:
        load_font_config(tmp_path)
    assert reason in caught.value.reason
    assert caught.value.line == _first_line(text, where)


def test_a_language_written_with_a_hyphen_is_the_locale_with_an_underscore(tmp_path: Path) -> None:
    text = SOURCE.replace("\n[languages]\n", '\n[languages]\n"pt-BR" = { Latn = "sans" }\n', 1)
    (tmp_path / "fonts.toml").write_text(text, "utf-8")
    assert "pt_BR" in load_font_config(tmp_path).languages


def test_a_missing_declaration_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FontConfigError, match=r"every fonts folder declares its fonts in fonts\.toml"):
        load_font_config(tmp_path)
