"""Stage 1, load: read a YAML file into plain data that remembers its line numbers.

:func:`load_yaml` takes a file path and returns a :class:`Document`: the data
(dicts, lists, strings, numbers, booleans, None) plus a map from each value's
path to the 1-based line it came from. Later stages use the map to report
``file:line`` and to give translators ``#: file:line`` references.

Loading is safe-only: no YAML tag can construct Python objects. Dates stay
strings (the schema checks their form), keys are always the literal text
written in the file, duplicate keys are reported rather than overwritten,
and alias expansion is bounded.
"""

from __future__ import annotations

import os
import stat
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
        except ValueError:
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
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        column = f" (column {mark.column + 1})" if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputError(f"YAML syntax error{column}: {problem}", SourceLocation(display, line)) from None
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
                        f"duplicate key (first defined on line {first})",
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
