"""medleaflet.content.load: YAML with line numbers, safely."""

from __future__ import annotations

from pathlib import Path

import pytest

from medleaflet.content.load import MAX_NODES, format_path, load_yaml
from medleaflet.errors import InputError, ValidationError
from tests.conftest import ROOT


def write(tmp_path: Path, content: bytes | str, name: str = "doc.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_lines_are_recorded_for_keys_and_list_items() -> None:
    document = load_yaml(ROOT / "leaflets" / "baclofen.yaml", ROOT)
    assert document.display == "leaflets/baclofen.yaml"
    lines = (ROOT / "leaflets" / "baclofen.yaml").read_text().splitlines()
    advice_line = document.lines[("sections", "interactions", "groups", "opioids", "advice")]
    assert lines[advice_line - 1].strip().startswith("advice:")
    drug_line = document.lines[("sections", "interactions", "groups", "opioids", "drugs", 0)]
    assert lines[drug_line - 1].strip() == "- alfentanil"


def test_location_falls_back_to_nearest_ancestor(tmp_path: Path) -> None:
    document = load_yaml(write(tmp_path, "a:\n  b: 1\n"), tmp_path)
    assert document.location(("a", "missing")).line == 1
    assert document.location(("a", "b")).line == 2


def test_dates_stay_text_and_keys_stay_literal(tmp_path: Path) -> None:
    document = load_yaml(write(tmp_path, "revised: 2026-01-02\nno: yes\n"), tmp_path)
    assert document.data == {"revised": "2026-01-02", "no": True}


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    document = load_yaml(write(tmp_path, b"\xef\xbb\xbfa: 1\r\nb: two\r\n"), tmp_path)
    assert document.data == {"a": 1, "b": "two"}
    assert document.lines[("b",)] == 2


QUOTE_IT = "put the whole value in double quotes"
LINE_UP = "line up the keys of one mapping (or the items of one list) with the same number of spaces"

#: The common YAML mistakes: (the text, its line and column to fix, what ``load_yaml`` says there).
SYNTAX_ERRORS: dict[str, tuple[str, int, int, str]] = {
    "tab indentation": (
        "a:\n  b: 1\n\tc: 2\n",
        3,
        1,
        "a tab character; YAML indents with spaces only: replace the tab with spaces",
    ),
    "tab after a key": ("a:\tb\n", 1, 3, "a tab character; YAML indents with spaces only: replace the tab with spaces"),
    "colon inside a value": (
        "a:\n  b: Note: take it with food\n",
        2,
        10,
        f"a colon followed by a space inside a value; {QUOTE_IT}",
    ),
    "colon inside a list item": (
        "a:\n  - Note: take it: now\n",
        2,
        18,
        f"a colon followed by a space inside a value; {QUOTE_IT}",
    ),
    "no space after a colon": ("a:b\nc: 1\n", 1, 2, "a key needs a space after its ':' (key: value)"),
    "a key indented too far": (
        "a:\n  b: 1\n    c: 2\n",
        3,
        6,
        f"this line is indented further than the line above allows; {LINE_UP}, "
        "and give a key either a value or keys under it, not both",
    ),
    "a key indented too little": (
        "a:\n    b: 1\n  c: 2\n",
        3,
        3,
        f"this line is not in line with the lines above; {LINE_UP}",
    ),
    "a list indented too little": (
        "a:\n  - x\n - y\n",
        3,
        2,
        f"this list is not in line with the lines above; {LINE_UP}",
    ),
    "an unclosed double quote": (
        'a:\n  b: "hello\n  c: 2\n  d: 3\n',
        2,
        6,
        "the quote that opens this value is never closed; end the value with the same quote mark",
    ),
    "an unclosed single quote": (
        "a: 'hello\n",
        1,
        4,
        "the quote that opens this value is never closed; end the value with the same quote mark",
    ),
    "an apostrophe in single quotes": (
        "a: 'don't'\n",
        1,
        9,
        f"text after the closing quote or bracket of a value; {QUOTE_IT} (an apostrophe inside single quotes is "
        "written '')",
    ),
    "a stray list item": (
        "a:\n  b: 1\n  - c\n",
        3,
        3,
        "a list item ('- ') where a key was expected; indent the items under a key that ends in ':', "
        "or remove the '- '",
    ),
    "an unclosed list": (
        "a: [1, 2\nb: 3\n",
        1,
        4,
        "the '[' list on this line is not closed with ']', or its items are not separated by commas",
    ),
    "a value starting with @": ("a: @home\n", 1, 4, f"a value cannot start with '@'; {QUOTE_IT}"),
    "a value starting with *": ("a: *important\n", 1, 4, f"a value cannot start with '*'; {QUOTE_IT}"),
    "a second document": (
        "a: 1\n---\nb: 2\n",
        2,
        1,
        "a second document ('---'); the file is one document: remove the '---' line",
    ),
    "a line with no key": (
        "a: |\nb\n",
        2,
        1,
        "a line of text with no 'key:'; add the key, or indent the line to continue the text above it",
    ),
}


@pytest.mark.parametrize("mistake", SYNTAX_ERRORS)
def test_a_syntax_error_is_one_line_at_the_mistake_with_a_hint(mistake: str, tmp_path: Path) -> None:
    text, line, column, message = SYNTAX_ERRORS[mistake]
    with pytest.raises(InputError) as caught:
        load_yaml(write(tmp_path, text), tmp_path)
    assert caught.value.lines() == [f"doc.yaml:{line}: YAML syntax error (column {column}): {message}"]


def test_an_error_no_rule_knows_keeps_pyyaml_words(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml(write(tmp_path, "a: ? x\n"), tmp_path)
    assert caught.value.lines() == ["doc.yaml:1: YAML syntax error (column 4): mapping keys are not allowed here"]


def test_duplicate_keys_are_all_reported(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        load_yaml(write(tmp_path, "a: 1\nb: 2\na: 3\nb: 4\n"), tmp_path)
    hint = "keep one, or give the other a key of its own"
    assert caught.value.lines() == [
        f"doc.yaml:3: a: duplicate key (first defined on line 1); {hint}",
        f"doc.yaml:4: b: duplicate key (first defined on line 2); {hint}",
    ]


@pytest.mark.parametrize(
    "content",
    [
        "a: !!python/object/apply:os.system ['echo hi']\n",
        "a: !!python/name:os.system\n",
        "!!python/object:builtins.dict {}\n",
    ],
)
def test_python_tags_are_refused(tmp_path: Path, content: str) -> None:
    with pytest.raises(InputError, match=r"^doc.yaml:1: unsupported YAML"):
        load_yaml(write(tmp_path, content), tmp_path)


def test_alias_bomb_is_bounded(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 9):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    with pytest.raises(InputError, match=f"limit {MAX_NODES} values"):
        load_yaml(write(tmp_path, "\n".join(lines) + "\n"), tmp_path)


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml(write(tmp_path, b"a: 1\nb: caf\xe9\n"), tmp_path)
    assert str(caught.value) == "doc.yaml:2: not valid UTF-8 (byte 0xe9); save the file as UTF-8"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        load_yaml(tmp_path / "nope.yaml")


def test_format_path() -> None:
    assert format_path(("sections", "groups", 2, "drugs")) == "sections.groups[2].drugs"
    assert format_path(()) == ""
