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

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from medleaflet.content.load import display_name, load_yaml
from medleaflet.content.templates import Template
from medleaflet.errors import InputError, Locating, MedleafletError, Problem, SourceLocation, locate
from medleaflet.project import Project
from textengine.errors import FontConfigError, FontFileError, MissingFontError, TextEngineError, UnknownFamilyError
from textengine.fonts import font_stack
from textengine.itemise import FontFamily, FontStack
from textengine.scripts import NEUTRAL_SCRIPTS


def load_fonts(template: Template, project: Project, locale: str | None = None) -> FontStack:
    """The font stack the project's ``fonts/fonts.toml`` declares, for ``locale`` (its own
    choices, such as Nastaliq for Urdu) and the template (its ``font_family`` for text of no
    script, its ``script_fonts`` over any other choice).

    Raises :class:`~medleaflet.errors.InputError`, located as :func:`input_error` says.
    """
    try:
        stack = font_stack(template.font_family, project.fonts_dir, locale, template.script_fonts)
    except TextEngineError as exc:
        raise input_error(exc, project, template) from None
    stack.by_script = _Located(stack.by_script, project, template)
    return stack


class _Located(Mapping[str, FontFamily]):
    """A stack's families by script, each registered when first needed: a font file that cannot
    be used then is an :class:`~medleaflet.errors.InputError` at the file, like one found at once."""

    def __init__(self, families: Mapping[str, FontFamily], project: Project, template: Template) -> None:
        self._families = families
        self._project = project
        self._template = template

    def __getitem__(self, script: str) -> FontFamily:
        try:
            return self._families[script]
        except TextEngineError as exc:
            raise input_error(exc, self._project, self._template) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._families)

    def __len__(self) -> int:
        return len(self._families)


def input_error(error: TextEngineError, project: Project, template: Template | None = None) -> InputError:
    """``error`` as an :class:`~medleaflet.errors.InputError` located in the project's files.

    A font file's problem is located at the file (line 1), an unknown family
    at the ``font_family`` line of ``template``; anything else keeps the
    engine's message, unlocated.
    """
    if isinstance(error, FontConfigError):
        return InputError(error.reason, SourceLocation(_display(error.path, project.root), error.line or 1))
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


#: Past this many strings in one script that has no font, the rest are counted, not listed.
LISTED_PER_SCRIPT = 3
#: Past this many characters of one script in one string, the rest are counted, not listed.
LISTED_CHARACTERS = 6


def uncovered(strings: Iterable[tuple[Locating, str, str]], fonts: FontStack) -> list[Problem]:
    """One problem per string of ``(location, path, text)`` with characters ``fonts`` cannot draw;
    a location may be given as a function that finds it, called only for a string with a problem.

    Each names the characters, their script and the fix. Text in a script for
    which no font is configured at all is a matter of configuration, not of
    each message: after :data:`LISTED_PER_SCRIPT` strings, one more problem
    counts the rest.
    """
    problems: list[Problem] = []
    unlisted: dict[str, list[Problem]] = {}
    for where, path, text in strings:
        missing = fonts.uncovered(text)
        for script in dict.fromkeys(item.script for item in missing):
            named = [f"U+{ord(item.char):04X} {item.char!r}" for item in missing if item.script == script]
            rest = f" and {len(named) - LISTED_CHARACTERS} more" if len(named) > LISTED_CHARACTERS else ""
            chars = ", ".join(named[:LISTED_CHARACTERS]) + rest
            problem = Problem(locate(where), path, f"{chars} ({script}) cannot be printed: {_why(script, fonts)}")
            if script in fonts.by_script or script in NEUTRAL_SCRIPTS:
                problems.append(problem)
            else:
                unlisted.setdefault(script, []).append(problem)
    for script, found in unlisted.items():
        problems += found[:LISTED_PER_SCRIPT]
        if len(found) > LISTED_PER_SCRIPT:
            more = len(found) - LISTED_PER_SCRIPT
            problems.append(
                Problem(
                    found[LISTED_PER_SCRIPT].location,
                    "",
                    f"and {more} more message(s) in script {script}: {_why(script, fonts)}",
                )
            )
    return problems


def _why(script: str, fonts: FontStack) -> str:
    """Why characters of ``script`` cannot be printed, and what to do."""
    if script in NEUTRAL_SCRIPTS:
        return "no configured font has them; add a font that does in fonts/fonts.toml, or rewrite the text"
    family = fonts.by_script.get(script)
    if family is None:
        return f"no font is configured for script {script}; add one in fonts/fonts.toml"
    return f"the font family {family.name} for script {script} lacks them; use another font in fonts/fonts.toml"
