"""The ``validate`` and ``schema`` commands: a leaflet author's checks before any build."""

from __future__ import annotations

import json

import pytest

from medleaflet.content.schema import leaflet_schema
from medleaflet.project import Project
from tests.conftest import DATA, ROOT, expectations, run_cli

LEAFLETS = Project(ROOT).leaflet_ids()
BAD = sorted((DATA / "bad_leaflets").glob("bad-*.yaml"))


def test_validate_checks_every_leaflet_by_default() -> None:
    code, out, err = run_cli("validate")
    assert (code, err) == (0, "")
    assert [line.split(":")[0] for line in out.splitlines()] == [f"leaflets/{name}.yaml" for name in LEAFLETS]


@pytest.mark.parametrize("name", LEAFLETS)
def test_validate_takes_an_id_or_a_path(name: str) -> None:
    by_id, by_path = run_cli("validate", name), run_cli("validate", f"leaflets/{name}.yaml")
    assert by_id == by_path and by_id[0] == 0


def test_validate_accepts_every_optional_part_of_the_schema() -> None:
    code, out, _ = run_cli("validate", str(DATA / "leaflets" / "full.yaml"))
    assert code == 0 and "valid" in out


@pytest.mark.parametrize("path", BAD, ids=[path.stem for path in BAD])
def test_validate_reports_every_problem_of_a_bad_file_at_once(path: object) -> None:
    code, out, err = run_cli("validate", str(path))
    assert code == 1 and out == ""
    reported = [line.split(".yaml:", 1)[1] for line in err.splitlines() if ".yaml:" in line]
    assert reported == expectations(path)  # type: ignore[arg-type]


def test_schema_prints_the_assembled_leaflet_schema() -> None:
    code, out, err = run_cli("schema")
    assert (code, err) == (0, "")
    assert json.loads(out) == leaflet_schema()
