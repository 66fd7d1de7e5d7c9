"""Lists joined by CLDR's patterns: every locale and style works, and no number runs into a word."""

from __future__ import annotations

import re

import pytest
from babel import Locale

from medleaflet.i18n.lists import join_list
from medleaflet.project import Project
from tests.conftest import ROOT

LOCALES = Project(ROOT).locales()
#: Every locale Babel knows with a script of its own, not just the shipped ones.
SAMPLE = sorted({*LOCALES, "th", "ta", "bn", "pa", "ur", "ps", "so", "zh_Hant", "ja", "ko", "my", "am", "km", "lo"})
STRENGTHS = ["5 mg", "10 mg", "20 mg", "25 mg"]


@pytest.mark.parametrize("style", ["standard", "unit"])
@pytest.mark.parametrize("locale", SAMPLE)
@pytest.mark.parametrize("count", [2, 3, 4])
def test_every_strength_stays_a_number_of_its_own(locale: str, style: str, count: int) -> None:
    items = STRENGTHS[:count]
    joined = join_list(items, locale, style)
    positions = [joined.index(item) for item in items]
    assert positions == sorted(positions), joined
    for item, at in zip(items, positions, strict=True):
        before = joined[at - 1 : at]
        attached = before in "وו"  # Arabic and Hebrew "and" is written onto the next word
        assert not re.match(r"\w", before) or attached, f"{locale}: {joined!r}"
        after = joined[at + len(item) : at + len(item) + 1]
        assert not after.isdigit(), f"{locale}: {joined!r}"


def _patterns(locale: str, style: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(locale).list_patterns[style])
    except KeyError:
        return {}


@pytest.mark.parametrize("locale", SAMPLE)
def test_unit_lists_never_say_and_unless_the_locale_does(locale: str) -> None:
    """``unit`` (parts of one thing: "yellow, round") takes a missing pattern from a ``middle`` or
    ``start`` pattern, never from ``standard``'s "and" (Arabic joins every item with و: that stays)."""
    standard = _patterns(locale, "standard")
    allowed = " ".join([*_patterns(locale, "unit").values(), standard.get("start", ""), standard.get("middle", "")])
    word = standard.get("end", "").replace("{0}", "").replace("{1}", "").strip(" ,،、\u200f")
    if word and word not in allowed:
        assert word not in join_list(["A", "B", "C"], locale, "unit")


@pytest.mark.parametrize(
    ("locale", "style", "expected"),
    [
        ("th", "standard", "5 mg 10 mg และ 20 mg"),  # CLDR's "{0} และ{1}" would give "และ20"
        ("zh", "unit", "5 mg、10 mg、20 mg"),  # Babel's unit end "{0}{1}" gives "5 mg10 mg20 mg"
        ("zh", "standard", "5 mg、10 mg 和 20 mg"),  # CLDR's "{0}和{1}" gives "10 mg和20 mg"
        ("en", "standard", "5 mg, 10 mg, and 20 mg"),
        ("fr", "standard", "5 mg, 10 mg et 20 mg"),
        ("ta", "unit", "5 mg, 10 mg, 20 mg"),  # Babel raises KeyError('start')
        ("ar", "standard", "5 mg و10 mg و20 mg"),  # as Arabic writes it
    ],
)
def test_known_joins(locale: str, style: str, expected: str) -> None:
    assert join_list(STRENGTHS[:3], locale, style) == expected


def test_one_item_and_none() -> None:
    assert join_list(["5 mg"], "th") == "5 mg"
    assert join_list([], "th") == ""
