"""Every page holds: each leaflet x template x shipped language x paper, checked from outside.

The combinations are derived from the project: the leaflets (``leaflets/*.yaml``),
templates (``templates/*.yaml``), shipped languages (``translations/*/LC_MESSAGES/leaflets.po``,
and the source language) and both papers; the template with the largest small print (large
print, the tallest footer) is built with and without the Toronto clinic too, and every
bilingual template with it on Letter. The clinic is given a logo, so no logo may cover text.
Each PDF is built once per session, through the Python API, by as many worker processes as
there are cores, and :func:`tests.layout.pagecheck.check_pdf` must find no fault in it. A
leaflet whose translation into a language is not complete yet is skipped for that language.
"""

from __future__ import annotations

import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from itertools import product
from pathlib import Path

import pytest
from PIL import Image

from medleaflet.content.clinic import load_clinic
from medleaflet.content.templates import load_template
from medleaflet.errors import IncompleteTranslationError
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.pipeline import BuildOptions, render_leaflet
from medleaflet.project import Project
from tests.conftest import DATA, ROOT
from tests.layout.pagecheck import check_pdf

PAPERS = ("a4", "letter")
TORONTO = DATA / "clinics" / "toronto.yaml"


def _stems(pattern: str) -> list[str]:
    return sorted(path.stem for path in ROOT.glob(pattern))


LEAFLETS = _stems("leaflets/*.yaml")
TEMPLATES = _stems("templates/*.yaml")
LANGUAGES = [
    SOURCE_LOCALE,
    *sorted(path.parent.parent.name for path in ROOT.glob("translations/*/LC_MESSAGES/leaflets.po")),
]
_SCALES = {name: load_template(ROOT / "templates" / f"{name}.yaml", ROOT) for name in TEMPLATES}
#: The template with the largest small print: the tallest footer, the likeliest to leave the paper.
LARGE_PRINT = max(TEMPLATES, key=lambda name: _SCALES[name].type_scale["small"].size)
BILINGUAL = [name for name in TEMPLATES if _SCALES[name].bilingual]


@dataclass(frozen=True)
class Combination:
    """One PDF: a leaflet, a template, a language, a paper, with the clinic or without."""

    leaflet: str
    template: str
    locale: str
    paper: str
    clinic: bool = False

    def __str__(self) -> str:
        return f"{self.leaflet}-{self.template}-{self.locale}-{self.paper}{'-clinic' if self.clinic else ''}"


def combinations() -> list[Combination]:
    """Every combination this test builds (see the module docstring)."""
    plain = [Combination(*values) for values in product(LEAFLETS, TEMPLATES, LANGUAGES, PAPERS)]
    clinic = [
        Combination(leaflet, template, locale, paper, clinic=True)
        for leaflet, locale in product(LEAFLETS, LANGUAGES)
        for template, paper in [*((LARGE_PRINT, paper) for paper in PAPERS), *((name, "letter") for name in BILINGUAL)]
    ]
    return plain + clinic


@dataclass(frozen=True)
class Outcome:
    """What building and checking one combination gave: its faults, or why it was skipped."""

    faults: tuple[str, ...] = ()
    skipped: str | None = None
    seconds: float = 0.0


def _clinic_with_logo(folder: Path) -> Path:
    """The Toronto clinic's profile with a logo (a wide coloured PNG) beside it, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (400, 100), (11, 79, 138)).save(folder / "logo.png")
    profile = folder / "clinic.yaml"
    profile.write_text(TORONTO.read_text("utf-8") + "logo: logo.png\n", "utf-8")
    return profile


def _check(combination: Combination, out: str, clinic_file: str) -> Outcome:
    """Build ``combination`` into ``out`` (in a worker process) and check its pages."""
    start = time.perf_counter()
    project = Project(ROOT)
    clinic = load_clinic(Path(clinic_file), ROOT) if combination.clinic else None
    options = BuildOptions(combination.template, clinic=clinic, paper=combination.paper)
    try:
        pdf = render_leaflet(project, combination.leaflet, combination.locale, options)
    except IncompleteTranslationError:
        return Outcome(skipped=f"{combination.leaflet} is not fully translated into {combination.locale} yet")
    path = Path(out) / f"{combination}.pdf"
    path.write_bytes(pdf.data)
    faults = tuple(str(fault) for fault in check_pdf(path))
    return Outcome(faults, seconds=time.perf_counter() - start)


@pytest.fixture(scope="session")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[Combination, Outcome]:
    """Every combination built and checked once, in parallel; prints how long it took."""
    out = tmp_path_factory.mktemp("pages")
    clinic = _clinic_with_logo(out / "clinic")
    todo = combinations()
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        results = dict(
            zip(todo, pool.map(_check, todo, [str(out)] * len(todo), [str(clinic)] * len(todo)), strict=True)
        )
    elapsed = time.perf_counter() - start
    built = [outcome for outcome in results.values() if outcome.skipped is None]
    print(
        f"\npage properties: {len(built)} PDFs built and checked, {len(todo) - len(built)} skipped, in {elapsed:.1f} s"
    )
    shutil.rmtree(out, ignore_errors=True)
    return results


@pytest.mark.parametrize("combination", combinations(), ids=str)
def test_every_page_holds(outcomes: dict[Combination, Outcome], combination: Combination) -> None:
    outcome = outcomes[combination]
    if outcome.skipped:
        pytest.skip(outcome.skipped)
    assert not outcome.faults, "\n".join(outcome.faults)


def test_the_combinations_come_from_the_project() -> None:
    """Nothing is listed by hand: a new leaflet, template or language is checked as it lands."""
    found = combinations()
    assert {c.leaflet for c in found} == set(Project(ROOT).leaflet_ids())
    assert {c.template for c in found} == set(Project(ROOT).template_names())
    assert {c.locale for c in found} == set(Project(ROOT).locales())
    assert {c.paper for c in found} == set(PAPERS)
    assert {replace(c, clinic=False) for c in found if c.clinic} <= set(found)
