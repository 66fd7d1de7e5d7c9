"""The batch starts its longest jobs first, and --jobs sets how many run at once."""

from __future__ import annotations

from medleaflet.batch.jobs import jobs, longest_first
from medleaflet.project import Project

from ..conftest import ROOT, run_cli

PROJECT = Project(ROOT)


def test_every_job_is_run_once_bilingual_and_long_catalogues_first() -> None:
    todo = jobs(PROJECT)
    ordered = longest_first(PROJECT, todo)
    assert sorted(ordered, key=todo.index) == todo
    bilingual = [name for name in PROJECT.template_names() if name.startswith("bilingual")]
    if bilingual and len(PROJECT.locales()) > 1:
        assert ordered[0].template in bilingual


def test_jobs_must_be_a_whole_number_from_one() -> None:
    for value in ("0", "-1", "two", "1000"):
        code, _, err = run_cli("--root", str(ROOT), "build", "--all", "--jobs", value)
        assert code == 2, err
        assert "--jobs" in err


def test_jobs_is_for_the_batch_only(tmp_path: object) -> None:
    code, _, err = run_cli("--root", str(ROOT), "build", "--jobs", "2", "--out", str(tmp_path))
    assert code == 2
    assert "--jobs is for --all" in err
