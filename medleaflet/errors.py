"""The exception hierarchy and source locations.

Every error the tool raises on purpose derives from :class:`MedleafletError`.
The CLI prints such errors as one line each (``file:line: what is wrong``) and
exits with the error's ``exit_code``; anything else is an internal error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class SourceLocation:
    """A place in an input file: a display path and a 1-based line number."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


#: A source location, or a function that finds it when it is asked for (finding it may cost:
#: where a layout message is declared takes a run of Babel's extractor over the package).
Locating = SourceLocation | Callable[[], SourceLocation]


def locate(where: Locating) -> SourceLocation:
    """The location ``where`` is, or finds."""
    return where if isinstance(where, SourceLocation) else where()


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about an input file, e.g. a schema violation.

    ``path`` is the dotted path to the field (``sections.uses.intro``), or
    empty when the problem concerns the whole document.
    """

    location: SourceLocation
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.location}: {where}{self.message}"


class MedleafletError(Exception):
    """Root of every error the tool raises on purpose.

    ``location`` (optional) says where in an input file the problem is;
    ``str(error)`` renders it as ``file:line: message``.
    """

    exit_code = 1

    def __init__(self, message: str, location: SourceLocation | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message

    def lines(self) -> list[str]:
        """The error as the lines the CLI prints (one unless it holds a list)."""
        return [str(self)]


class InputError(MedleafletError):
    """An input file (leaflet, template, catalogue) is unreadable or wrong."""


class ValidationError(InputError):
    """An input file broke one or more rules; every problem found is kept."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems)
        first = self.problems[0] if self.problems else None
        super().__init__(
            f"{len(self.problems)} problem(s) found",
            first.location if first else None,
        )

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def lines(self) -> list[str]:
        return [str(problem) for problem in self.problems]


class IncompleteTranslationError(ValidationError):
    """A language cannot be printed: messages are missing, stale or fail QA."""

    #: At most this many problems are printed; ``check`` lists them all.
    SHOWN = 25

    def __init__(self, problems: Sequence[Problem], hint: str) -> None:
        super().__init__(problems)
        self.hint = hint

    def lines(self) -> list[str]:
        lines = super().lines()
        if len(lines) > self.SHOWN:
            lines = [*lines[: self.SHOWN], f"... and {len(lines) - self.SHOWN} more ('generate.py check' lists all)"]
        return [*lines, self.hint]


class UsageError(MedleafletError):
    """The command line asks for something that does not exist or makes no sense."""

    exit_code = 2


class OutputError(MedleafletError):
    """The PDF could not be written (permissions, full disk, bad folder)."""


class SeveralFailedError(MedleafletError):
    """Several errors raised together (the builds of a plain ``build`` that failed, the catalogues
    ``check`` could not read): each error with its notes (on the previous PDFs a build removed),
    printed as the CLI prints a single error."""

    def __init__(self, failures: list[tuple[MedleafletError, list[str]]]) -> None:
        located = next((error.location for error, _ in failures if error.location), None)
        super().__init__(f"{len(failures)} failed", located)
        self.failures = failures

    def lines(self) -> list[str]:
        """Every failure's lines and notes; ``main`` adds "error: " only when no failure is located."""
        lines: list[str] = []
        for error, notes in self.failures:
            lines += [line if error.location or not self.location else f"error: {line}" for line in error.lines()]
            lines += notes
        return lines
