"""The fonts of a template, with the script engine's errors located in the project's files.

:func:`load_fonts` takes a template and the project and gives the
:class:`~textengine.itemise.FontStack` the layout sets text with (and the
coverage checks of :mod:`medleaflet.i18n.coverage` check text against).
:func:`input_error` turns any :class:`~textengine.errors.TextEngineError` into
an :class:`~medleaflet.errors.InputError` with a :class:`~medleaflet.errors.SourceLocation`:
the font file for a missing or damaged font, the template's ``font_family``
line for an unknown family.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from medleaflet.content.load import display_name, load_yaml
from medleaflet.content.templates import Template
from medleaflet.errors import InputError, MedleafletError, Problem, SourceLocation
from medleaflet.project import Project
from textengine.errors import FontFileError, MissingFontError, TextEngineError, UnknownFamilyError
from textengine.fonts import font_stack
from textengine.itemise import FontStack


def load_fonts(template: Template, project: Project) -> FontStack:
    """Register the template's font family and every script family from the project's ``fonts/``.

    Raises :class:`~medleaflet.errors.InputError`, located as :func:`input_error` says.
    """
    try:
        return font_stack(template.font_family, project.fonts_dir)
    except TextEngineError as exc:
        raise input_error(exc, project, template) from None


def input_error(error: TextEngineError, project: Project, template: Template | None = None) -> InputError:
    """``error`` as an :class:`~medleaflet.errors.InputError` located in the project's files.

    A font file's problem is located at the file (line 1), an unknown family
    at the ``font_family`` line of ``template``; anything else keeps the
    engine's message, unlocated.
    """
    if isinstance(error, FontFileError):
        where = SourceLocation(_display(error.path, project.root), 1)
        if isinstance(error, MissingFontError):
            return InputError(f"{error.reason}; it should be committed under fonts/", where)
        return InputError(error.reason, where)
    if isinstance(error, UnknownFamilyError) and template is not None:
        return InputError(f"font_family: {error}", _font_family_line(template, project))
    return InputError(str(error))


def _font_family_line(template: Template, project: Project) -> SourceLocation | None:
    """Where the template's file names its ``font_family`` (None if it cannot be read again)."""
    try:
        document = load_yaml(project.templates_dir / f"{template.name}.yaml", project.root)
    except MedleafletError:
        return None
    return document.location(("font_family",))


def _display(path: Path, root: Path) -> str:
    """``path`` as the user knows it: relative to the project root when inside it (links not followed)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return display_name(path, root)


def uncovered(strings: Iterable[tuple[SourceLocation, str, str]], fonts: FontStack) -> list[Problem]:
    """A problem for every character ``fonts`` cannot draw in each ``(location, path, text)``, in order."""
    return [Problem(where, path, str(item)) for where, path, text in strings for item in fonts.uncovered(text)]
