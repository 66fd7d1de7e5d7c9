"""medleaflet.i18n.review: a translation is "reviewed" only as far as a recorded sign-off covers its exact text."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest
from babel.messages.catalog import Message

from medleaflet.content.validate import load_leaflet
from medleaflet.errors import MedleafletError
from medleaflet.i18n import ui
from medleaflet.i18n.catalogues import load_catalogue
from medleaflet.i18n.review import SignOff, SignOffRecord, load_record, message_digest, record_path, review_of
from medleaflet.i18n.sources import leaflet_sources, ui_sources
from medleaflet.project import Project
from tests.conftest import ROOT, edit_catalogue, run_cli

PO = "translations/fr/LC_MESSAGES/leaflets.po"
RECORD = "translations/fr/LC_MESSAGES/leaflets.review.yaml"
REVIEWER = "A. Martin, medical translator"
#: The English statements every translated page must carry (one of them).
NOT_REVIEWED = re.compile(r"French translation: NOT reviewed by a qualified medical translator")
REVIEWED = f"French translation medically reviewed by {REVIEWER} on 2026-11-20."


def page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [re.sub(r"\s+", " ", page.extract_text() or "") for page in pdf.pages]


def build(root: Path, *extra: str) -> Path:
    code, _, err = run_cli("--root", str(root), "build", "minimal", "--lang", "fr", "--out", str(root / "out"), *extra)
    assert code == 0, err
    return root / "out" / "minimal.fr.pdf"


def signoff(root: Path, *extra: str) -> tuple[int, str, str]:
    return run_cli("--root", str(root), "signoff", "--lang", "fr", "--by", REVIEWER, "--date", "2026-11-20", *extra)


def test_unsigned_translation_says_not_reviewed_in_english_on_every_page(
    translated_project: Callable[[str], Path],
) -> None:
    root = translated_project("fr")
    pages = page_texts(build(root))
    assert pages and all(NOT_REVIEWED.search(page) for page in pages)


def test_signoff_makes_every_page_say_reviewed_and_status_agrees(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    code, out, err = signoff(root)
    assert code == 0, err
    assert "signed" in out and (root / RECORD).is_file()
    pages = page_texts(build(root))
    assert all(REVIEWED in page for page in pages)
    # The patient-language line is printed too, because its wording is signed.
    assert all("Translation reviewed by" in page for page in pages)
    code, out, _ = run_cli("--root", str(root), "status", "--format", "json")
    rows = json.loads(out)
    assert rows and all(row["reviewed"] and row["signed"] == row["total"] for row in rows)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda m: setattr(m, "string", m.string + " Extra."), id="msgstr-edited"),
        pytest.param(lambda m: m.flags.add("fuzzy"), id="marked-fuzzy"),
    ],
)
def test_any_change_after_signoff_unsigns(
    translated_project: Callable[[str], Path], change: Callable[[Message], None]
) -> None:
    root = translated_project("fr")
    assert signoff(root)[0] == 0

    def edit(message: Message) -> None:
        if message.context == "minimal:sections.uses.intro":
            change(message)

    edit_catalogue(root / PO, edit)
    pages = page_texts(build(root, "--allow-fallback"))
    assert all(NOT_REVIEWED.search(page) for page in pages)
    assert not any("Translation reviewed by" in page for page in pages)
    out = run_cli("--root", str(root), "check", "--lang", "fr", "--unsigned")[1]
    assert "minimal:sections.uses.intro: not signed off by a medical reviewer" in out


def test_translatable_review_text_cannot_claim_a_review(translated_project: Callable[[str], Path]) -> None:
    """A translator who writes "reviewed" into the not-reviewed line, or into the header, changes nothing."""
    root = translated_project("fr")

    def edit(message: Message) -> None:
        if message.context == ui.TRANSLATION_DRAFT.context:
            message.string = "Traduction vérifiée par un traducteur médical"

    edit_catalogue(root / PO, edit)
    path = root / PO
    text = path.read_text("utf-8")
    claim = "# Medical review: reviewed\n# Medical reviewer: Nobody\n# Medical review date: 2026-01-01\n"
    path.write_text(claim + text)
    pages = page_texts(build(root))
    assert all(NOT_REVIEWED.search(page) for page in pages)
    assert not any("vérifiée" in page for page in pages)
    out = run_cli("--root", str(root), "check", "--lang", "fr")[1]
    assert "'Medical review' line is ignored" in out
    assert json.loads(run_cli("--root", str(root), "status", "--format", "json")[1])[0]["reviewed"] is False


def test_signoff_refuses_a_catalogue_with_blocking_problems(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")

    def edit(message: Message) -> None:
        if message.context == "minimal:sections.how_to_take.instructions.one":
            message.string = "Take 2 tablets."

    edit_catalogue(root / PO, edit)
    code, _, err = signoff(root)
    assert code == 1 and "not signed" in err and "Traceback" not in err
    assert not (root / RECORD).exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2026-13-01"], "is not a date"),
        (["--group", "nonsense"], "unknown group"),
    ],
)
def test_signoff_usage_errors(translated_project: Callable[[str], Path], args: list[str], message: str) -> None:
    root = translated_project("fr")
    code, _, err = signoff(root, *args)
    assert code == 2 and message in err


def test_signoff_by_group_signs_only_that_group(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    assert signoff(root, "--group", "ui")[0] == 0
    rows = {row["group"]: row for row in json.loads(run_cli("--root", str(root), "status", "--format", "json")[1])}
    assert rows["ui"]["reviewed"] and not rows["minimal"]["reviewed"] and rows["minimal"]["signed"] == 0
    pages = page_texts(build(root))
    assert all(re.search(r"NOT reviewed .*\(\d+ of \d+ parts signed off\)", page) for page in pages)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[]\n", "must be a mapping with one key, 'signoffs'"),
        ("signoffs:\n  - by: X\n    date: yesterday\n    messages: {}\n", ":3: signoffs[0].date: must be a date"),
        ("signoffs:\n  - by: X\n    date: 2026-01-01\n    messages: {a: b}\n", "must map message contexts"),
        ("signoffs:\n  - by: X\n", "needs exactly 'by', 'date' and 'messages'"),
        ('signoffs:\n  - by: "X\u202e"\n    date: 2026-01-01\n    messages: {}\n', "U+202E"),
    ],
)
def test_damaged_record_is_a_located_error(translated_project: Callable[[str], Path], text: str, expected: str) -> None:
    root = translated_project("fr")
    (root / RECORD).write_text(text, "utf-8")
    for command in (["check", "--lang", "fr"], ["build", "minimal", "--lang", "fr", "--out", str(root / "out")]):
        code, out, err = run_cli("--root", str(root), *command)
        assert code == 1 and expected in out + err and RECORD in out + err and "Traceback" not in err
    assert not (root / "out" / "minimal.fr.pdf").exists()


def test_digest_covers_context_msgid_and_every_form() -> None:
    base = message_digest("ctx", "One", ["Un"])
    assert len({base, message_digest("ctx2", "One", ["Un"]), message_digest("ctx", "One.", ["Un"])}) == 3
    assert message_digest("ctx", "One", ["Un "]) != base
    assert message_digest("ctx", ("One", "Many"), ["Un", "Des"]) != message_digest("ctx", ("One", "Many"), ["Un", ""])


def test_a_later_signoff_of_other_text_supersedes_an_earlier_one(tmp_path: Path) -> None:
    old = SignOff("A", dt.date(2026, 1, 1), {"k": "1" * 64})
    new = SignOff("B", dt.date(2026, 2, 1), {"k": "2" * 64})
    record = SignOffRecord(tmp_path / "r.yaml", "r.yaml", (old, new))
    assert record.signer("k", "2" * 64) is new
    assert record.signer("k", "1" * 64) is None
    assert record.signer("other", "1" * 64) is None


def test_shipped_records_sign_only_current_text() -> None:
    """Every sign-off record we ship is valid, and a leaflet is reviewed only if all its messages are signed."""
    project = Project(ROOT)
    for locale in project.locales()[1:]:
        catalogue = load_catalogue(project, locale)
        record = load_record(catalogue, project.root)
        for leaflet_id in project.leaflet_ids():
            leaflet = load_leaflet(project.leaflet_path(leaflet_id), project.root)
            review = review_of(catalogue, record, leaflet_sources(leaflet) + ui_sources())
            assert review.complete == (review.signed == review.total > 0)
            if not record_path(catalogue).exists():
                assert review.signed == 0


def test_record_path_is_beside_the_catalogue(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    catalogue = load_catalogue(Project(root), "fr")
    assert record_path(catalogue) == root / RECORD
    with pytest.raises(MedleafletError):
        (root / RECORD).write_text("signoffs: 5\n", "utf-8")
        load_record(catalogue, root)
