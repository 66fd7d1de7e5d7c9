"""Catalogues end to end: translator commands, check, status, build refusal and fallback."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.pofile import read_po

from medleaflet.i18n import ui
from medleaflet.i18n.catalogues import msgstr_lines
from tests.conftest import edit_catalogue, pdf_text, run_cli

PO = "translations/fr/LC_MESSAGES/leaflets.po"


def spoil(root: Path, context: str, change: Callable[[Message], None]) -> int:
    """Apply ``change`` to the entries with ``context``; returns the msgid line
    of the entry it changed."""

    def edit(message: Message) -> None:
        if message.context == context:
            change(message)

    edit_catalogue(root / PO, edit)
    with (root / PO).open("rb") as handle:
        changed = [
            message.lineno
            for message in read_po(handle)
            if message.context == context and (message.fuzzy or message.string != message.id)
        ]
    assert len(changed) == 1 and changed[0] is not None
    return changed[0]


def msgstr_line(root: Path, msgid_line: int) -> int:
    """The line of the msgstr of the entry whose msgid is on ``msgid_line``: where QA findings point."""
    return msgstr_lines((root / PO).read_text("utf-8"))[msgid_line]


def build(root: Path, *extra: str) -> tuple[int, str, str]:
    return run_cli("--root", str(root), "build", "minimal", "--lang", "fr", "--out", str(root / "out"), *extra)


def test_complete_catalogue_checks_builds_and_reports(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    code, out, _ = run_cli("--root", str(root), "check")
    assert code == 0, out
    assert "0 blocking, 0 warnings," in out.strip().splitlines()[-1]
    code, _, err = build(root)
    assert code == 0, err
    assert "French translation: NOT reviewed by a qualified medical translator" in pdf_text(root / "out/minimal.fr.pdf")
    code, out, _ = run_cli("--root", str(root), "status", "--format", "json")
    rows = json.loads(out)
    assert {row["group"] for row in rows} == {"minimal", "ui"}
    assert all(row["missing"] == 0 and row["fuzzy"] == 0 and row["reviewed"] is False for row in rows)


TAMPERING = [
    (
        "minimal:identity.forms.tablets.strengths.10_mg",
        lambda m: setattr(m, "string", "100 mg"),
        "number '10 mg' of the source is missing or changed",
    ),
    (
        "minimal:identity.forms.tablets.strengths.10_mg",
        lambda m: setattr(m, "string", "10 mL"),
        "number '10 mg' of the source is missing or changed",
    ),
    (
        ui.FOOTER_PAGE.context,
        lambda m: setattr(m, "string", "Page {page}"),
        "placeholders absent from the translation: {pages}",
    ),
    (
        "minimal:sections.uses.intro",
        lambda m: setattr(m, "string", '<img src="x.png"/> Testamol treats tests.'),
        "markup is not allowed in a translation",
    ),
    (
        "minimal:sections.uses.intro",
        lambda m: setattr(m, "string", "Testamol treats &amp; tests."),
        "character entities such as '&amp;' are not allowed",
    ),
    (
        "minimal:sections.alcohol.paragraphs.one",
        lambda m: m.flags.add("fuzzy"),
        "fuzzy: the translation is out of date",
    ),
    ("minimal:sections.alcohol.paragraphs.one", lambda m: setattr(m, "string", ""), "not translated"),
    (
        "minimal:sections.alcohol.paragraphs.one",
        lambda m: setattr(m, "id", "Avoid beer."),
        "the English source text has changed",
    ),
]


@pytest.mark.parametrize(("context", "change", "problem"), TAMPERING)
def test_tampering_is_caught_by_check_and_build(
    translated_project: Callable[[str], Path], context: str, change: Callable[[Message], None], problem: str
) -> None:
    root = translated_project("fr")
    line = msgstr_line(root, spoil(root, context, change))
    code, out, _ = run_cli("--root", str(root), "check", "--lang", "fr", "--untranslated")
    assert code == 1
    assert any(
        finding.startswith(f"{PO}:{line}: {context}: ") and problem in finding for finding in out.splitlines()
    ), out
    code, _, err = build(root)
    assert code == 1
    assert f"{PO}:{line}: {context}: " in err
    assert not (root / "out").exists()


def test_fuzzy_is_never_printed_and_fallback_is_marked(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    context = "minimal:sections.alcohol.paragraphs.one"

    def stale(message: Message) -> None:
        message.string = "Évitez absolument l'alcool."
        message.flags.add("fuzzy")

    spoil(root, context, stale)
    code, _, err = build(root)
    assert code == 1 and "--allow-fallback" in err.splitlines()[-1]
    code, _, err = build(root, "--allow-fallback")
    assert code == 0, err
    text = pdf_text(root / "out/minimal.fr.pdf")
    assert "Évitez" not in text
    assert "[EN] Avoid alcohol." in text
    assert "They are shown in English and marked [EN]" in text


def test_fallback_never_covers_a_number_mismatch(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    spoil(root, "minimal:sections.how_to_take.instructions.one", lambda m: setattr(m, "string", "Take 2 tablets."))
    code, _, err = build(root, "--allow-fallback")
    assert code == 1
    assert "number '1' of the source is missing or changed" in err


def test_update_marks_changed_source_fuzzy(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    leaflet = root / "leaflets" / "minimal.yaml"
    leaflet.write_text(leaflet.read_text().replace("one: Avoid alcohol.", "one: Avoid alcohol completely."))
    assert run_cli("--root", str(root), "extract")[0] == 0
    assert run_cli("--root", str(root), "update")[0] == 0
    po = (root / PO).read_text("utf-8")
    assert '#| msgid "Avoid alcohol."' in po and "#, fuzzy" in po
    code, _, err = build(root)
    assert code == 1 and "fuzzy" in err


def test_init_refuses_existing(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    code, _, err = run_cli("--root", str(root), "init", "fr")
    assert code == 1 and "already exists" in err


def test_duplicate_entry_from_a_bad_merge_is_refused(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    po = root / PO
    text = po.read_text("utf-8")
    start = text.index('msgctxt "minimal:sections.alcohol.paragraphs.one"')
    block = text[start : text.index("\n\n", start)]
    po.write_text(text + "\n" + block.replace('msgstr "', 'msgstr "Buvez ', 1) + "\n", "utf-8")
    code, _, err = run_cli("--root", str(root), "check", "--lang", "fr")
    assert code == 1
    assert "minimal:sections.alcohol.paragraphs.one: duplicate entry (first defined on line" in err
    assert build(root)[0] == 1


def test_merge_conflict_markers_are_a_located_syntax_error(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    po = root / PO
    lines = po.read_text("utf-8").splitlines(keepends=True)
    lines.insert(40, "<<<<<<< HEAD\n")
    po.write_text("".join(lines), "utf-8")
    code, _, err = build(root)
    assert code == 1
    assert err.startswith(f"{PO}:41: syntax error")


def test_uncovered_character_is_reported_and_refused(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    line = msgstr_line(
        root, spoil(root, "minimal:sections.uses.intro", lambda m: setattr(m, "string", "Testamol ᎠᎡ treats tests."))
    )
    code, out, _ = run_cli("--root", str(root), "check", "--lang", "fr")
    assert code == 1
    # check and build name the message the same way, in one line: file:line: msgctxt: problem and fix
    expected = (
        f"{PO}:{line}: minimal:sections.uses.intro: U+13A0 'Ꭰ', U+13A1 'Ꭱ' (Cher) cannot be printed: "
        "no font is configured for script Cher; add one in fonts/fonts.toml"
    )
    assert expected in out.splitlines()
    code, _, err = build(root)
    assert code == 1
    assert err.startswith(expected + "\n")
    assert not (root / "out").exists()


NEW_LANGUAGES = {
    # locale: (sample text in its script, font that must be embedded)
    "fa": ("این دارو را ناگهان قطع نکنید", "NotoSansArabic"),
    "he": ("אל תפסיקו את התרופה בפתאומיות", "NotoSansHebrew"),
    "pa": ("ਦਵਾਈ ਨੂੰ ਅਚਾਨਕ ਬੰਦ ਨਾ ਕਰੋ", "NotoSansGurmukhi"),
    "mr": ("औषध अचानक बंद करू नका", "NotoSansDevanagari"),
    "ja": ("薬を急に中止しないでください", "NotoSansSC"),
    "ko": ("약을 갑자기 중단하지 마십시오", "NotoSansSC"),
    "uk": ("Не припиняйте приймати ліки раптово", "NotoSans-"),
}


@pytest.mark.parametrize("locale", NEW_LANGUAGES)
def test_new_language_in_a_configured_script_needs_only_its_po(
    make_project: Callable[..., Path], locale: str, tmp_path: Path
) -> None:
    """A catalogue alone adds a language: fonts, direction and shaping follow from its script."""
    from tests.conftest import DATA, fonts_of, logical_text

    sample, font = NEW_LANGUAGES[locale]
    root = make_project([DATA / "leaflets" / "minimal.yaml"])
    for args in (["extract"], ["init", locale]):
        assert run_cli("--root", str(root), *args)[0] == 0

    def translate(message: Message) -> None:
        keep = re.findall(r"\{\w+\}|\d+(?:\s(?:mg|mL))?", str(message.id))
        message.string = " ".join([sample, *keep]) + "."

    edit_catalogue(root / "translations" / locale / "LC_MESSAGES" / "leaflets.po", translate)
    code, _, err = run_cli("--root", str(root), "build", "minimal", "--lang", locale, "--out", str(root / "out"))
    assert code == 0, err
    pdf = root / "out" / f"minimal.{locale}.pdf"
    assert all(fonts_of(pdf).values()) and any(font in name for name in fonts_of(pdf))
    text = logical_text(pdf) or pdf_text(pdf)
    assert sample.split()[0] in text or sample.replace(" ", "")[:4] in text.replace(" ", "")


def test_every_syntax_problem_of_a_catalogue_is_reported_at_once(translated_project: Callable[[str], Path]) -> None:
    """A bad quote, a merge-conflict marker and a duplicate entry: one error, each problem at its line."""
    from medleaflet.errors import ValidationError
    from medleaflet.i18n.catalogues import parse_catalogue

    root = translated_project("fr")
    lines = (root / PO).read_text("utf-8").splitlines()
    quote = next(number for number, line in enumerate(lines) if line.startswith('msgstr "') and line != 'msgstr ""')
    lines[quote] = lines[quote].rstrip('"')
    conflict = next(number for number in range(quote + 10, len(lines)) if not lines[number])
    lines.insert(conflict, "<<<<<<< HEAD")
    start = lines.index('msgctxt "minimal:sections.alcohol.paragraphs.one"')
    block = lines[start : lines.index("", start)]
    text = "\n".join([*lines, "", *block, ""])
    with pytest.raises(ValidationError) as caught:
        parse_catalogue(text, "fr", root / PO, PO)
    found = [(problem.location.line, problem.message.split(" (")[0]) for problem in caught.value.problems]
    assert found == [
        (quote + 1, "syntax error: badly quoted string"),
        (conflict + 1, "syntax error: Unknown or misformatted keyword"),
        (len(lines) + 3, "duplicate entry"),
    ]
    assert all(problem.location.file == PO for problem in caught.value.problems)
