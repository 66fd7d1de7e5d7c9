"""Stage 1, load: read a YAML file into plain data that remembers its line numbers.

:func:`load_yaml` takes a file path and returns a :class:`Document`: the data
(dicts, lists, strings, numbers, booleans, None) plus a map from each value's
path to the 1-based line it came from. Later stages use the map to report
``file:line`` and to give translators ``#: file:line`` references.

Loading is safe-only: no YAML tag can construct Python objects. Dates stay
strings (the schema checks their form), keys are always the literal text
written in the file, duplicate keys are reported rather than overwritten,
and alias expansion is bounded.

A syntax error is reported at the line to fix, in plain words with a hint of
the fix (:func:`explain`). PyYAML names the token it did not expect
(``expected <block end>, but found '<block mapping start>'``) and, for an
unclosed quote, the end of the file; an editor needs the mistake behind it:
a tab, a colon inside a value, a line out of line, a quote never closed, a
list item where a key belongs. Each of :data:`SYNTAX_RULES` matches PyYAML's
words for one of them; any other error keeps PyYAML's own words.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from medleaflet.errors import InputError, Problem, SourceLocation, ValidationError
from textengine.characters import BadCharacter, disallowed

PathKey = tuple[str | int, ...]

#: Upper bound on values visited while loading (aliases count every time they
#: are expanded), so a "billion laughs" file fails fast instead of eating memory.
MAX_NODES = 200_000
#: Upper bound on the size of an input file, in bytes.
MAX_BYTES = 2_000_000

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def format_path(path: PathKey) -> str:
    """Render a value's path for messages: ``("a", 2, "b")`` -> ``a[2].b``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class Document:
    """Data loaded from one YAML file, with the line of every value.

    ``display`` is the file name used in messages (relative to the project
    root when the file lies inside it).
    """

    display: str
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)

    def location(self, path: PathKey) -> SourceLocation:
        """The location of the value at ``path``, or of its nearest ancestor."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return SourceLocation(self.display, line)
        return SourceLocation(self.display, 1)

    def problem(self, path: PathKey, message: str) -> Problem:
        """A :class:`Problem` located at ``path``."""
        return Problem(self.location(path), format_path(path), message)


def display_name(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` when inside it, else as given (POSIX style)."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):  # outside root; a symlink loop (RuntimeError before 3.13)
            pass
    return path.as_posix()


def read_text(path: Path, display: str, limit: int = MAX_BYTES) -> str:
    """Read a UTF-8 text file of at most ``limit`` bytes; a BOM and CRLF line ends are accepted.

    Every input file goes through here (or :func:`read_bytes`). Raises
    :class:`InputError`, located at ``display:1``, for a missing, unreadable,
    non-regular, oversized or non-UTF-8 file.
    """
    return decode(read_bytes(path, display, limit), display, limit)


def read_bytes(path: Path, display: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file ``path``, refused beyond ``limit`` bytes.

    Anything that is not a regular file (a FIFO, a device such as
    ``/dev/zero``, a folder) is refused before it is read, and at most
    ``limit + 1`` bytes are read, so no input can hang the tool or fill its
    memory. The file is opened without blocking and checked again once open,
    in case it was swapped after the first look. Raises :class:`InputError`
    located at ``display:1``.
    """
    where = SourceLocation(display, 1)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise InputError("not a regular file", where)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise InputError("not a regular file", where)
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError("file not found", where) from None
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", where) from None
    if len(raw) > limit:
        raise InputError(f"file is too large ({max(info.st_size, len(raw))} bytes, limit {limit})", where)
    return raw


def load_yaml(path: Path, root: Path | None = None) -> Document:
    """Load one YAML file into a :class:`Document`.

    Raises :class:`InputError` for unreadable files and YAML syntax errors,
    and :class:`ValidationError` listing every duplicate key found.
    """
    display = display_name(path, root)
    return parse_yaml(read_text(path, display), display)


def decode(raw: bytes, display: str, limit: int = MAX_BYTES) -> str:
    """Decode UTF-8 file contents of at most ``limit`` bytes (BOM and CRLF accepted); raises :class:`InputError`."""
    if len(raw) > limit:
        raise InputError(f"file is too large ({len(raw)} bytes, limit {limit})", SourceLocation(display, 1))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            SourceLocation(display, line),
        ) from None
    return text.replace("\r\n", "\n")


def parse_yaml(text: str, display: str) -> Document:
    """Parse YAML ``text`` (from the file called ``display``) into a :class:`Document`."""
    try:
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text, display) from None
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        line, column, problem = explain(exc, text)
        where = f" (column {column})" if column else ""
        raise InputError(f"YAML syntax error{where}: {problem}", SourceLocation(display, line)) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text, display) from None
    except yaml.YAMLError as exc:
        raise InputError(f"YAML error: {exc}", SourceLocation(display, 1)) from None
    finally:
        loader.dispose()
    document = Document(display, None)
    builder = _Builder(loader, document, text)
    document.data = builder.build(node, ()) if node is not None else None
    if builder.problems:
        raise ValidationError(builder.problems)
    return document


def _reader_error(exc: yaml.reader.ReaderError, text: str, display: str) -> InputError:
    """A located error for a character YAML does not allow (control characters)."""
    line = text[: exc.position].count("\n") + 1
    return InputError(f"character U+{exc.character:04X} is not allowed in YAML", SourceLocation(display, line))


class _Builder:
    """Turns a composed YAML node tree into plain data, recording lines."""

    def __init__(self, loader: yaml.SafeLoader, document: Document, text: str) -> None:
        self.loader = loader
        self.text = text
        self.document = document
        self.problems: list[Problem] = []
        self.visited = 0

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise InputError(
                f"document is too large or expands too many aliases (limit {MAX_NODES} values)",
                SourceLocation(self.document.display, node.start_mark.line + 1),
            )
        self.document.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            self._require_tag(node, _MAP_TAG)
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            self._require_tag(node, _SEQ_TAG)
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, Any]:
        self.loader.flatten_mapping(node)  # resolves "<<" merge keys
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise InputError(
                    "mapping keys must be plain text",
                    SourceLocation(self.document.display, key_node.start_mark.line + 1),
                )
            key = key_node.value
            child = (*path, key)
            if key in result:
                first = self.document.lines.get(child)
                self.problems.append(
                    Problem(
                        SourceLocation(self.document.display, key_node.start_mark.line + 1),
                        format_path(child),
                        f"duplicate key (first defined on line {first}); keep one, or give the other a key of its own",
                    )
                )
                continue
            self.document.lines[child] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: yaml.Node, path: PathKey) -> Any:
        if node.tag == _TIMESTAMP_TAG:
            return node.value
        try:
            value = self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", None) or str(exc)
            raise InputError(
                f"unsupported YAML value: {problem}",
                SourceLocation(self.document.display, node.start_mark.line + 1),
            ) from None
        if isinstance(value, str):
            # Input text is data: no bidi controls, invisible or control characters. Line breaks
            # are the schema's business (most fields must be one paragraph).
            for char in dict.fromkeys(item.char for item in disallowed(value) if item.char != "\n"):
                self.problems.append(Problem(self._line_of(char, node), format_path(path), str(BadCharacter(0, char))))
        return value

    def _line_of(self, char: str, node: yaml.Node) -> SourceLocation:
        """Where ``char`` is written in ``node``'s source text (its first line if not found)."""
        start, end = node.start_mark.index, node.end_mark.index
        found = self.text.find(char, start, end)
        line = self.text.count("\n", 0, found) + 1 if found >= 0 else node.start_mark.line + 1
        return SourceLocation(self.document.display, line)

    def _require_tag(self, node: yaml.Node, tag: str) -> None:
        if node.tag != tag:
            raise InputError(
                f"unsupported YAML tag {node.tag!r}; only plain data is allowed",
                SourceLocation(self.document.display, node.start_mark.line + 1),
            )


# --- syntax errors in plain words ---------------------------------------------------------------

#: Where a mistake is (0-based line and column) and what it is.
_Found = tuple[int, int, str]
#: ``rule(error, lines)``: the mistake behind ``error`` in the parsed ``lines``, or None when it does not apply.
SyntaxRule = Callable[[yaml.MarkedYAMLError, list[str]], _Found | None]

_QUOTE_IT = "put the whole value in double quotes"
_LINE_UP = "line up the keys of one mapping (or the items of one list) with the same number of spaces"


def _at(mark: yaml.Mark, message: str) -> _Found:
    return mark.line, mark.column, message


def _problem(error: yaml.MarkedYAMLError) -> str:
    return error.problem or ""


def _context(error: yaml.MarkedYAMLError) -> str:
    return error.context or ""


def _tab(error: yaml.MarkedYAMLError, lines: list[str]) -> _Found | None:
    if error.problem_mark and ("'\\t'" in _problem(error) or "tab character" in _problem(error)):
        return _at(error.problem_mark, "a tab character; YAML indents with spaces only: replace the tab with spaces")
    return None


def _colon(error: yaml.MarkedYAMLError, lines: list[str]) -> _Found | None:
    """``mapping values are not allowed here``: a second ``: `` on a line is a colon inside a
    value; a first one follows a ``key:value`` line with no space, or is a key indented under a
    key that already has a value."""
    mark = error.problem_mark
    if mark is None or _problem(error) != "mapping values are not allowed here":
        return None
    before = lines[mark.line][: mark.column] if mark.line < len(lines) else ""
    if ": " in before:
        return _at(mark, f"a colon followed by a space inside a value; {_QUOTE_IT}")
    above = next((n for n in range(mark.line - 1, -1, -1) if lines[n].strip()), None)
    if above is not None and re.search(r"^\s*[^\s#:\"'][^:]*:[^\s:]", lines[above]) and ": " not in lines[above]:
        column = lines[above].index(":")
        return above, column, "a key needs a space after its ':' (key: value)"
    return _at(
        mark,
        "this line is indented further than the line above allows; "
        f"{_LINE_UP}, and give a key either a value or keys under it, not both",
    )


def _found(what: str, message: str) -> SyntaxRule:
    """A rule for ``expected <block end>, but found 'WHAT'``."""

    def rule(error: yaml.MarkedYAMLError, lines: list[str]) -> _Found | None:
        if error.problem_mark and _problem(error) == f"expected <block end>, but found '{what}'":
            return _at(error.problem_mark, message)
        return None

    return rule


def _opened(context: str, message: str) -> SyntaxRule:
    """A rule for an error inside something opened earlier (a quote, a bracket): reported where it opened."""

    def rule(error: yaml.MarkedYAMLError, lines: list[str]) -> _Found | None:
        if error.context_mark and _context(error) == context:
            return _at(error.context_mark, message)
        return None

    return rule


def _cannot_start(error: yaml.MarkedYAMLError, lines: list[str]) -> _Found | None:
    """A value starting with a character YAML reserves (``@``, a backquote, ``%``, ``*``, ``&``)."""
    mark = error.problem_mark
    if mark is None or mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return None
    char = lines[mark.line][mark.column]
    problem = _problem(error)
    if "that cannot start any token" in problem or problem.startswith("found undefined alias"):
        return _at(mark, f"a value cannot start with {char!r}; {_QUOTE_IT}")
    if _context(error) == "while scanning an anchor" and error.context_mark:
        return _at(error.context_mark, f"a value cannot start with '&'; {_QUOTE_IT}")
    return None


def _second_document(error: yaml.MarkedYAMLError, lines: list[str]) -> _Found | None:
    if error.problem_mark and _context(error) == "expected a single document in the stream":
        return _at(error.problem_mark, "a second document ('---'); the file is one document: remove the '---' line")
    return None


SYNTAX_RULES: tuple[SyntaxRule, ...] = (
    _tab,
    _colon,
    _found("<block mapping start>", f"this line is not in line with the lines above; {_LINE_UP}"),
    _found("<block sequence start>", f"this list is not in line with the lines above; {_LINE_UP}"),
    _found(
        "-",
        "a list item ('- ') where a key was expected; indent the items under a key that ends in ':', "
        "or remove the '- '",
    ),
    _found(
        "<scalar>",
        "text after the closing quote or bracket of a value; put the whole value in double quotes "
        "(an apostrophe inside single quotes is written '')",
    ),
    _opened(
        "while scanning a quoted scalar",
        "the quote that opens this value is never closed; end the value with the same quote mark",
    ),
    _opened(
        "while parsing a flow sequence",
        "the '[' list on this line is not closed with ']', or its items are not separated by commas",
    ),
    _opened(
        "while parsing a flow mapping",
        "the '{' on this line is not closed with '}'; if the value is text, " + _QUOTE_IT,
    ),
    _opened(
        "while scanning a simple key",
        "a line of text with no 'key:'; add the key, or indent the line to continue the text above it",
    ),
    _cannot_start,
    _second_document,
)


def explain(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int | None, str]:
    """The 1-based line and column of ``error`` in ``text`` and what is wrong, in plain words
    with a hint when a rule of :data:`SYNTAX_RULES` knows the mistake, else in PyYAML's words."""
    lines = text.splitlines()
    for rule in SYNTAX_RULES:
        found = rule(error, lines)
        if found is not None:
            line, column, message = found
            return line + 1, column + 1, message
    where = error.problem_mark or error.context_mark
    message = error.problem or error.context or "invalid YAML"
    return (where.line + 1, where.column + 1, message) if where else (1, None, message)
