"""medleaflet.content.validate: every problem of a bad leaflet, with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from medleaflet.content.texts import slug
from medleaflet.content.validate import load_leaflet
from medleaflet.errors import InputError, MedleafletError
from tests.conftest import DATA, ROOT, expectations

BAD_LEAFLETS = sorted((DATA / "bad_leaflets").glob("*.yaml"))


def test_real_and_minimal_leaflets_are_valid() -> None:
    assert load_leaflet(ROOT / "leaflets" / "baclofen.yaml", ROOT).id == "baclofen"
    assert load_leaflet(DATA / "leaflets" / "minimal.yaml").id == "minimal"


@pytest.mark.parametrize("path", BAD_LEAFLETS, ids=[path.stem for path in BAD_LEAFLETS])
def test_bad_leaflet_reports_every_problem(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} has no '# expect:' lines"
    with pytest.raises(MedleafletError) as caught:
        load_leaflet(path, DATA / "bad_leaflets")
    assert caught.value.lines() == [f"{path.name}:{line}" for line in expected]
    assert isinstance(caught.value, InputError)


def test_many_problems_are_reported_at_once() -> None:
    with pytest.raises(MedleafletError) as caught:
        load_leaflet(DATA / "bad_leaflets" / "many-problems.yaml")
    assert len(caught.value.lines()) == 4


def test_slug_is_stable() -> None:
    assert slug("meperidine (pethidine)") == "meperidine_pethidine"
    assert slug("5 mg in 5 mL") == "5_mg_in_5_ml"
