"""``generate.py check`` on a partial catalogue: real findings first, untranslated messages counted
(listed with --untranslated), every finding once, at its msgstr line, and --format json."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.catalog import Message

from medleaflet.i18n.catalogues import msgstr_lines
from tests.conftest import edit_catalogue, run_cli

PO = "translations/fr/LC_MESSAGES/leaflets.po"
FINDING = re.compile(rf"^{re.escape(PO)}:(\d+): ")


def partial(root: Path) -> dict[str, str]:
    """Spoil the French catalogue of ``root``: empty every second leaflet message, mark one fuzzy,
    rename a placeholder of a layout message; returns the kind of each spoilt msgctxt."""
    spoilt: dict[str, str] = {}
    state = {"leaflet": 0, "fuzzy": False, "placeholder": False}

    def edit(message: Message) -> None:
        context = message.context or ""
        placeholders = re.findall(r"\{\w+\}", message.id if isinstance(message.id, str) else "")
        if placeholders and not state["placeholder"] and isinstance(message.string, str):
            message.string = message.string.replace(placeholders[0], "{renamed}")
            spoilt[context] = "placeholder"
            state["placeholder"] = True
        elif not context.startswith("ui:") and isinstance(message.string, str):
            state["leaflet"] += 1
            if not state["fuzzy"]:
                message.flags.add("fuzzy")
                spoilt[context] = "fuzzy"
                state["fuzzy"] = True
            elif state["leaflet"] % 2:
                message.string = ""
                spoilt[context] = "untranslated"

    edit_catalogue(root / PO, edit)
    assert set(spoilt.values()) == {"placeholder", "fuzzy", "untranslated"}
    return spoilt


@pytest.fixture
def spoilt(translated_project: Callable[[str], Path]) -> tuple[Path, dict[str, str]]:
    root = translated_project("fr")
    return root, partial(root)


def findings_of(out: str) -> list[str]:
    return [line for line in out.splitlines() if FINDING.match(line)]


def test_real_findings_first_untranslated_only_counted(spoilt: tuple[Path, dict[str, str]]) -> None:
    root, kinds = spoilt
    code, out, _ = run_cli("--root", str(root), "check", "--lang", "fr")
    assert code == 1
    untranslated = sum(1 for kind in kinds.values() if kind == "untranslated")
    listed = findings_of(out)
    assert len(listed) == 2, out  # the fuzzy message and the placeholder, each once
    assert any("fuzzy" in line for line in listed) and any("{renamed}" in line for line in listed)
    assert not any("not translated" in line for line in listed)
    lines = out.splitlines()
    count = f"{PO}: {untranslated} messages not translated, 1 fuzzy (list them with --untranslated)"
    assert lines[-2:] == [count, lines[-1]] and lines[-1].startswith(f"{PO}: ") and " blocking, " in lines[-1]
    assert lines.index(count) > max(lines.index(line) for line in listed)


def test_untranslated_lists_every_message_after_the_findings(spoilt: tuple[Path, dict[str, str]]) -> None:
    root, kinds = spoilt
    code, out, _ = run_cli("--root", str(root), "check", "--lang", "fr", "--untranslated")
    assert code == 1
    listed = findings_of(out)
    empty = [line for line in listed if line.endswith(": not translated")]
    assert len(empty) == sum(1 for kind in kinds.values() if kind == "untranslated")
    assert listed[-len(empty) :] == empty, "the untranslated messages come after the QA findings"
    assert [int(FINDING.match(line)[1]) for line in empty] == sorted(int(FINDING.match(line)[1]) for line in empty)
    assert "(list them with --untranslated)" not in out


def test_each_finding_once_at_its_msgstr_line_never_an_exception(spoilt: tuple[Path, dict[str, str]]) -> None:
    root, kinds = spoilt
    out = run_cli("--root", str(root), "check", "--lang", "fr", "--untranslated")[1]
    listed = findings_of(out)
    assert len(listed) == len(set(listed)) == len(kinds), listed
    assert not re.search(r"\w+Error\(", out)
    msgstr = set(msgstr_lines((root / PO).read_text("utf-8")).values())
    assert {int(FINDING.match(line)[1]) for line in listed} <= msgstr


def test_json(spoilt: tuple[Path, dict[str, str]]) -> None:
    root, kinds = spoilt
    code, out, _ = run_cli("--root", str(root), "check", "--lang", "fr", "--format", "json")
    assert code == 1
    report = json.loads(out)
    findings = report["findings"]
    assert {finding["msgctxt"]: finding["kind"] for finding in findings} == kinds
    assert all(
        set(finding) == {"file", "line", "msgctxt", "msgid", "problem", "blocking", "kind"} and finding["msgid"]
        for finding in findings
    )
    assert all(finding["file"] == PO and finding["blocking"] for finding in findings)
    (language,) = report["languages"]
    untranslated = sum(1 for kind in kinds.values() if kind == "untranslated")
    assert (language["locale"], language["untranslated"], language["fuzzy"], language["missing"]) == (
        "fr",
        untranslated,
        1,
        0,
    )
    assert language["blocking"] == len(kinds)
    assert report["leaflets"] and report["source_problems"] == []


def test_a_complete_catalogue_exits_0_in_both_formats(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    code, out, _ = run_cli("--root", str(root), "check", "--lang", "fr")
    assert code == 0 and "not translated" not in out
    assert out.splitlines()[-1].endswith(" 0 blocking, 0 warnings, 0 signed off by a medical reviewer")
    code, out, _ = run_cli("--root", str(root), "check", "--format", "json")
    assert code == 0 and json.loads(out)["findings"] == []


def test_unsigned_in_json_at_msgstr_lines(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    report = json.loads(run_cli("--root", str(root), "check", "--lang", "fr", "--unsigned", "--format", "json")[1])
    unsigned = report["unsigned"]
    assert unsigned and all(set(item) == {"file", "line", "msgctxt", "msgid"} for item in unsigned)
    assert {item["line"] for item in unsigned} <= set(msgstr_lines((root / PO).read_text("utf-8")).values())
    assert "unsigned" not in json.loads(run_cli("--root", str(root), "check", "--format", "json")[1])


def test_a_damaged_catalogue_hides_no_other_language(translated_project: Callable[[str], Path]) -> None:
    """One catalogue that cannot be read: its error is printed at its line, every other language is
    still checked and summarised, and the exit code is 1."""
    root = translated_project("fr")
    assert run_cli("--root", str(root), "init", "es")[0] == 0
    edit_catalogue(
        root / "translations/es/LC_MESSAGES/leaflets.po", lambda message: setattr(message, "string", message.id)
    )
    damaged = root / PO
    damaged.write_text(damaged.read_text("utf-8").replace('msgstr "', 'msgstr "\n"broken', 1), "utf-8")
    code, out, err = run_cli("--root", str(root), "check")
    assert code == 1, out + err
    assert re.search(rf"^{re.escape(PO)}:\d+: syntax error", err, re.MULTILINE), err
    assert re.search(r"^translations/es/LC_MESSAGES/leaflets\.po: \d+ messages, 0 blocking", out, re.MULTILINE), out
    code, out, err = run_cli("--root", str(root), "check", "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["unreadable"] and [row["locale"] for row in report["languages"]] == ["es"]
    assert PO in err


def test_a_misnamed_catalogue_folder_hides_no_other_language(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    shutil.copytree(root / "translations" / "fr", root / "translations" / "fr.bak")
    code, out, err = run_cli("--root", str(root), "check")
    assert code == 1 and ("must be named" in err or "is not a locale code" in err), err
    assert re.search(rf"^{re.escape(PO)}: \d+ messages, 0 blocking", out, re.MULTILINE), out
