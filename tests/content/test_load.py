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


def test_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml(write(tmp_path, "a: [1, 2\nb: 3\n"), tmp_path)
    assert str(caught.value).startswith("doc.yaml:2: YAML syntax error (column")


def test_duplicate_keys_are_all_reported(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        load_yaml(write(tmp_path, "a: 1\nb: 2\na: 3\nb: 4\n"), tmp_path)
    assert caught.value.lines() == [
        "doc.yaml:3: a: duplicate key (first defined on line 1)",
        "doc.yaml:4: b: duplicate key (first defined on line 2)",
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
