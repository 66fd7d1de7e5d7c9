"""medleaflet.templates: the standard template and bad templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from medleaflet.errors import ValidationError
from medleaflet.model import SECTION_KEYS
from medleaflet.templates import load_template

from .conftest import DATA, ROOT, expectations

BAD_TEMPLATES = sorted((DATA / "bad_templates").glob("*.yaml"))


def test_standard_template_meets_usp_17() -> None:
    template = load_template(ROOT / "templates" / "standard.yaml", ROOT)
    assert template.type_scale["body"].size >= 11
    assert template.type_scale["warning"].size >= 12
    assert set(template.sections) == set(SECTION_KEYS)
    assert template.paper in ("a4", "letter")


@pytest.mark.parametrize("path", BAD_TEMPLATES, ids=[path.stem for path in BAD_TEMPLATES])
def test_bad_template(path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        load_template(path, DATA / "bad_templates")
    assert caught.value.lines() == [f"{path.name}:{line}" for line in expectations(path)]
