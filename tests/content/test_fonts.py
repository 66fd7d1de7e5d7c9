"""medleaflet.content.fonts: the script engine's font errors, located in the project's files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from medleaflet.content.fonts import load_fonts, uncovered
from medleaflet.content.templates import DEFAULT_TEMPLATE, load_template
from medleaflet.errors import InputError, SourceLocation
from medleaflet.project import Project
from tests.conftest import ROOT
from textengine.font_config import load_font_config


@pytest.fixture
def project(make_project: Callable[..., Path]) -> Project:
    """A project with the default template, whose ``fonts/`` is a folder of links to the repository's fonts."""
    root = make_project([], [ROOT / "templates" / f"{DEFAULT_TEMPLATE}.yaml"])
    (root / "fonts").unlink()
    (root / "fonts").mkdir()
    for font in (ROOT / "fonts").iterdir():
        (root / "fonts" / font.name).symlink_to(font)
    return Project(root)


def font_family_line(project: Project) -> int:
    lines = project.template_path(DEFAULT_TEMPLATE).read_text("utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith("font_family:"))


def test_the_project_fonts_load(project: Project) -> None:
    template = load_template(project.template_path(DEFAULT_TEMPLATE), project.root)
    assert load_fonts(template, project).base.name == template.font_family


def test_unknown_family_is_located_at_the_templates_font_family_line(project: Project) -> None:
    template = replace(load_template(project.template_path(DEFAULT_TEMPLATE), project.root), font_family="serif")
    with pytest.raises(InputError) as caught:
        load_fonts(template, project)
    assert caught.value.location == SourceLocation(f"templates/{DEFAULT_TEMPLATE}.yaml", font_family_line(project))
    known = ", ".join(sorted(load_font_config(project.fonts_dir).families))
    assert caught.value.message == f"font_family: unknown font family 'serif' (known: {known})"


def test_missing_font_file_is_located_at_the_file(project: Project) -> None:
    template = load_template(project.template_path(DEFAULT_TEMPLATE), project.root)
    missing = load_font_config(project.fonts_dir).families[template.font_family].bold
    (project.fonts_dir / missing).unlink()
    with pytest.raises(InputError) as caught:
        load_fonts(template, project)
    assert str(caught.value) == f"fonts/{missing}:1: font file is missing; it should be committed under fonts/"


def test_damaged_font_file_is_located_at_the_file(project: Project) -> None:
    template = load_template(project.template_path(DEFAULT_TEMPLATE), project.root)
    damaged = load_font_config(project.fonts_dir).families[template.font_family].regular
    (project.fonts_dir / damaged).unlink()
    (project.fonts_dir / damaged).write_bytes(b"not a font\n" * 20)
    with pytest.raises(InputError) as caught:
        load_fonts(template, project)
    assert caught.value.location == SourceLocation(f"fonts/{damaged}", 1)
    assert caught.value.message.startswith("damaged font (")


def test_a_string_in_a_script_without_a_font_is_one_short_problem(project: Project) -> None:
    template = load_template(project.template_path(DEFAULT_TEMPLATE), project.root)
    fonts = load_fonts(template, project)
    cherokee = "".join(chr(code) for code in range(0x13A0, 0x13AA))  # ten letters, no font declared
    where = SourceLocation("x.po", 3)
    (problem,) = uncovered([(where, "ctx", f"ok {cherokee}")], fonts)
    assert problem.message == (
        "U+13A0 'Ꭰ', U+13A1 'Ꭱ', U+13A2 'Ꭲ', U+13A3 'Ꭳ', U+13A4 'Ꭴ', U+13A5 'Ꭵ' and 4 more (Cher) cannot be "
        "printed: no font is configured for script Cher; add one in fonts/fonts.toml"
    )
    many = uncovered([(SourceLocation("x.po", line), "ctx", cherokee) for line in range(1, 11)], fonts)
    assert [problem.location.line for problem in many] == [1, 2, 3, 4]
    assert many[-1].message.startswith("and 7 more message(s) in script Cher: no font is configured")


def test_a_location_given_as_a_function_is_found_only_for_a_problem(project: Project) -> None:
    """An English build's layout messages are located on demand (finding where one is declared
    runs Babel's extractor): a string that prints costs no lookup, one that does not is located."""
    template = load_template(project.template_path(DEFAULT_TEMPLATE), project.root)
    fonts = load_fonts(template, project)
    asked: list[str] = []

    def locate(name: str) -> SourceLocation:
        asked.append(name)
        return SourceLocation(name, 7)

    strings = [(lambda: locate("fine.py"), "a", "printable"), (lambda: locate("bad.py"), "b", "\u13a0")]
    (problem,) = uncovered(strings, fonts)
    assert (problem.location, asked) == (SourceLocation("bad.py", 7), ["bad.py"])
