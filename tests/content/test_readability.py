"""medleaflet.content.readability, and the reading grade ``check`` prints for each leaflet."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import pytest

from medleaflet.content.model import Text
from medleaflet.content.readability import GRADE_LIMIT, MIN_WORDS, as_sentence, measure, prose, reading_grade
from medleaflet.content.validate import load_leaflet
from medleaflet.errors import SourceLocation
from medleaflet.i18n.commands import start_check
from medleaflet.project import Project
from tests.conftest import DATA, ROOT, run_cli

PROJECT = Project(ROOT)
PLAIN = "Take one tablet each morning. Do not stop taking it. Ask your doctor if you feel ill."
HARD = (
    "Notwithstanding pharmacokinetic considerations, concomitant administration of centrally acting "
    "antispasmodic pharmacotherapy necessitates individualised titration under specialist supervision"
)
MINIMAL = DATA / "leaflets" / "minimal.yaml"
#: A text of the minimal leaflet, on a line of its own, to make hard to read.
REPLACED = "It does not cure anything."


def _text(value: str, line: int = 1) -> Text:
    return Text(value, "sections.test", SourceLocation("leaflets/test.yaml", line))


def test_plain_words_in_short_sentences_grade_low_and_long_technical_ones_high() -> None:
    assert reading_grade(PLAIN) < GRADE_LIMIT < reading_grade(HARD)
    assert reading_grade("") == reading_grade("   ") == 0.0


def test_prose_is_texts_of_a_few_words_each_closed_as_a_sentence() -> None:
    short = _text(" ".join(["word"] * (MIN_WORDS - 1)))
    long = _text(" ".join(["word"] * MIN_WORDS))
    assert prose([short, long]) == [long]
    assert [as_sentence(value) for value in ("Tell your doctor if you have:", "Stop.", "Why?", "Rest ")] == [
        "Tell your doctor if you have:.",
        "Stop.",
        "Why?",
        "Rest.",
    ]


def test_a_hard_leaflet_is_a_warning_naming_its_hardest_line(tmp_path: Path) -> None:
    text = MINIMAL.read_text("utf-8")
    assert text.count(REPLACED) == 1
    changed = tmp_path / "minimal.yaml"
    changed.write_text(text.replace(REPLACED, HARD), "utf-8")
    line = 1 + text[: text.index(REPLACED)].count("\n")
    result = measure(load_leaflet(changed, tmp_path))
    assert result.too_hard and result.hardest is not None and result.hardest.location.line == line
    assert str(result).startswith("minimal.yaml: warning: English reading grade ")
    assert str(result).endswith(f"; hardest: line {line}, grade {result.hardest_grade:.1f}")


@pytest.mark.parametrize("hard", [False, True], ids=["plain", "hard"])
def test_check_prints_one_grade_line_per_leaflet_and_never_fails_for_it(
    hard: bool, make_project: Callable[..., Path], tmp_path: Path
) -> None:
    source = tmp_path / "minimal.yaml"
    source.write_text(MINIMAL.read_text("utf-8").replace(REPLACED, HARD if hard else REPLACED), "utf-8")
    root = make_project([source])
    code, out, err = run_cli("--root", str(root), "check")
    assert (code, err) == (0, "")
    grades = [line for line in out.splitlines() if "English reading grade" in line]
    assert len(grades) == 1 and grades[0].startswith("leaflets/minimal.yaml: "), out
    assert ("warning: " in grades[0]) is hard


def test_every_leaflet_of_the_checkout_has_a_grade_in_leaflet_order() -> None:
    grades = start_check(PROJECT).readability
    assert [grade.source for grade in grades] == [f"leaflets/{name}.yaml" for name in PROJECT.leaflet_ids()]
    for grade, name in zip(grades, PROJECT.leaflet_ids(), strict=True):
        assert math.isfinite(grade.grade) and grade.texts == len(
            prose(load_leaflet(PROJECT.leaflet_path(name), ROOT).texts())
        )
