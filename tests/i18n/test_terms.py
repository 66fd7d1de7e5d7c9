"""Each language's glossary of key terms: reading it, matching its terms, and check's warnings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.catalog import Message

from medleaflet.content.load import decode
from medleaflet.errors import InputError, SourceLocation, ValidationError
from medleaflet.i18n.terms import GLOSSARY_FILE, Term, parse_glossary
from tests.conftest import DATA, edit_catalogue, run_cli

BAD_GLOSSARIES = sorted((DATA / "bad_glossaries").glob("*.csv"))
EXPECT = b"# expect: "


def _term(source: str, target: str = "x", forms: tuple[str, ...] = ()) -> Term:
    return Term(source, target, forms, "", SourceLocation("glossary.csv", 2))


@pytest.mark.parametrize("path", BAD_GLOSSARIES, ids=lambda path: path.stem)
def test_bad_glossary_is_refused_at_its_line(path: Path) -> None:
    """Each file ends with the problems it must give (``# expect: LINE: message``), which are not part
    of the CSV."""
    lines = path.read_bytes().splitlines(keepends=True)
    expected = [line.removeprefix(EXPECT).decode().rstrip("\n") for line in lines if line.startswith(EXPECT)]
    data = b"".join(line for line in lines if not line.startswith(EXPECT))
    assert expected, f"{path.name} has no '# expect:' line"
    try:
        parse_glossary(decode(data, "glossary.csv"), "glossary.csv")
    except ValidationError as error:
        found = [str(problem).removeprefix("glossary.csv:") for problem in error.problems]
    except InputError as error:  # bad UTF-8: one located line too
        found = [str(error).removeprefix("glossary.csv:")]
    else:
        found = []
    assert found == expected


def test_a_good_glossary_reads_in_order_with_its_forms_and_notes() -> None:
    text = "source,target,forms,notes\nseizure,crisis convulsiva, crisis convulsivas | convulsión ,clear\n"
    text += "\ndose,dosis\n"
    terms = parse_glossary(text, "g.csv")
    assert [(t.source, t.target, t.forms, t.notes, t.location.line) for t in terms] == [
        ("seizure", "crisis convulsiva", ("crisis convulsivas", "convulsión"), "clear", 2),
        ("dose", "dosis", (), "", 4),
    ]


def test_two_columns_are_enough_and_a_bom_is_read() -> None:
    terms = parse_glossary(decode("\ufeffsource,target\r\nkidney,riñón\r\n".encode(), "g.csv"), "g.csv")
    assert [(t.source, t.target) for t in terms] == [("kidney", "riñón")]


@pytest.mark.parametrize(
    ("term", "english", "uses"),
    [
        ("seizure", "It can cause seizures.", True),
        ("seizure", "A Seizure is an emergency.", True),
        ("allergy", "Tell them about allergies.", True),
        ("emergency number", "Call your local emergency\nnumbers now.", True),
        ("dose", "Signs of an overdose.", False),
        ("dose", "Take the next dose.", True),
        ("dose", "Take the doses as told.", True),
        ("kidney", "Kidney problems", True),
        ("tablet", "The tablet-shaped pack", True),  # a hyphen is a word boundary: low-dose is a dose
        ("kidney", "It leaves through the kidneys.", True),
        ("allergy", "Allergy and allergies", True),
        ("medicine", "Keep {medicine} away from children.", False),  # a placeholder is not a word
        ("blood test", "You need blood tests.", True),
        ("bleeding", "Bleed less.", False),
    ],
)
def test_english_term_is_found_with_its_plural_as_whole_words(term: str, english: str, uses: bool) -> None:
    assert _term(term).in_source(english) is uses


@pytest.mark.parametrize(
    ("target", "forms", "translated", "uses"),
    [
        ("crisis convulsiva", (), "Una Crisis Convulsiva puede...", True),
        ("crisis convulsiva", ("crisis convulsivas",), "varias crisis  convulsivas", True),
        ("crisis convulsiva", (), "un ataque", False),
        ("судорожный приступ", ("судорожного приступа",), "после СУДОРОЖНОГО приступа", True),
        ("癫痫发作", (), "可能引起癫痫发作。", True),
        ("e\u0301", (), "\u00e9", True),  # compared in NFC
        ("อาการชัก", (), "เกิดอาการ\u200bชัก", True),  # a zero-width space prints as nothing
    ],
)
def test_translation_uses_the_target_or_a_form_in_any_case(
    target: str, forms: tuple[str, ...], translated: str, uses: bool
) -> None:
    assert _term("seizure", target, forms).in_translation(translated) is uses


def _say_seizure(message: Message) -> None:
    if "Seizures" in str(message.id):
        message.string = "Convulsions."


def test_check_warns_where_a_message_does_not_use_the_chosen_term(
    translated_project: Callable[[str], Path],
) -> None:
    root = translated_project("fr")
    catalogue = root / "translations" / "fr" / "LC_MESSAGES" / "leaflets.po"
    edit_catalogue(catalogue, _say_seizure)
    (root / "translations" / "fr" / GLOSSARY_FILE).write_text("source,target\nseizure,crise convulsive\n")
    code, out, _ = run_cli("--root", str(root), "check", "--lang", "fr")
    warnings = [line for line in out.splitlines() if "glossary:" in line]
    assert code == 0, out
    assert len(warnings) == 1, out
    line = int(warnings[0].split(":")[1])
    assert catalogue.read_text().splitlines()[line - 1] == 'msgstr "Convulsions."'
    assert "chosen as 'crise convulsive' at translations/fr/glossary.csv:2" in warnings[0]
    assert warnings[0].endswith("(warning)")


def _exempt_seizure(message: Message) -> None:
    if "Seizures" in str(message.id):
        message.string = "Convulsions."
        message.user_comments = ["glossary-exception: Dose, seizure"]


def test_a_glossary_exception_comment_silences_its_term_on_its_entry(
    translated_project: Callable[[str], Path],
) -> None:
    root = translated_project("fr")
    edit_catalogue(root / "translations" / "fr" / "LC_MESSAGES" / "leaflets.po", _exempt_seizure)
    (root / "translations" / "fr" / GLOSSARY_FILE).write_text("source,target\nseizure,crise convulsive\n")
    code, out, _ = run_cli("--root", str(root), "check", "--lang", "fr")
    assert code == 0, out
    assert "glossary:" not in out
    assert run_cli("--root", str(root), "update", "--lang", "fr")[0] == 0
    text = (root / "translations" / "fr" / "LC_MESSAGES" / "leaflets.po").read_text()
    assert "# glossary-exception: Dose, seizure" in text
    assert "# glossary: seizure" not in text


def test_a_broken_glossary_fails_check_with_its_line_but_never_stops_a_build(
    translated_project: Callable[[str], Path], tmp_path: Path
) -> None:
    root = translated_project("fr")
    (root / "translations" / "fr" / GLOSSARY_FILE).write_text("source,target\nseizure,\n")
    code, out, err = run_cli("--root", str(root), "check", "--lang", "fr")
    assert code != 0
    assert "translations/fr/glossary.csv:2: 'target' is empty: every term needs both" in out + err
    code, _, err = run_cli("--root", str(root), "build", "minimal", "--lang", "fr", "--out", str(tmp_path / "out"))
    assert code == 0, err
    assert (tmp_path / "out" / "minimal.fr.pdf").exists()


def _comment_testamol(message: Message) -> None:
    if "Seizures" in str(message.id):
        message.user_comments = ["my own note", "glossary: seizure = old choice"]


def test_update_writes_each_chosen_term_as_a_translator_comment_once(
    translated_project: Callable[[str], Path],
) -> None:
    root = translated_project("fr")
    catalogue = root / "translations" / "fr" / "LC_MESSAGES" / "leaflets.po"
    edit_catalogue(catalogue, _comment_testamol)
    glossary = root / "translations" / "fr" / GLOSSARY_FILE
    glossary.write_text("source,target\nseizure,crise convulsive\ndose,dose\n")
    assert run_cli("--root", str(root), "update", "--lang", "fr")[0] == 0
    first = catalogue.read_text()
    entry = first.split('msgid "Seizures."')[0].rsplit("\n\n", 1)[1]
    assert entry.splitlines()[:2] == ["# my own note", "# glossary: seizure = crise convulsive"]
    assert "# glossary: dose = dose" in first.split('msgid "Skip a missed dose."')[0].rsplit("\n\n", 1)[1]
    assert run_cli("--root", str(root), "update", "--lang", "fr")[0] == 0
    assert catalogue.read_text() == first
    glossary.write_text("source,target\ndose,dose\n")
    assert run_cli("--root", str(root), "update", "--lang", "fr")[0] == 0
    assert "glossary: seizure" not in catalogue.read_text()
    assert "# my own note" in catalogue.read_text()


def test_update_refuses_a_broken_glossary_and_writes_nothing(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    catalogue = root / "translations" / "fr" / "LC_MESSAGES" / "leaflets.po"
    before = catalogue.read_bytes()
    (root / "translations" / "fr" / GLOSSARY_FILE).write_text("source,target\n,crise\n")
    code, out, err = run_cli("--root", str(root), "update", "--lang", "fr")
    assert code != 0
    assert "translations/fr/glossary.csv:2: 'source' is empty: every term needs both" in out + err
    assert catalogue.read_bytes() == before


def test_a_broken_glossary_leaves_the_catalogues_own_findings_in_check(
    translated_project: Callable[[str], Path],
) -> None:
    root = translated_project("fr")
    catalogue = root / "translations" / "fr" / "LC_MESSAGES" / "leaflets.po"
    edit_catalogue(catalogue, _change_dose)
    (root / "translations" / "fr" / GLOSSARY_FILE).write_text("source,target\nseizure,\n")
    code, out, _ = run_cli("--root", str(root), "check", "--lang", "fr")
    assert code != 0
    assert "translations/fr/glossary.csv:2: 'target' is empty" in out
    assert "10 mg" in out  # the changed dose is still reported


def _change_dose(message: Message) -> None:
    if "10 mg" in str(message.id):
        message.string = str(message.id).replace("10 mg", "100 mg")


@pytest.mark.parametrize("kind", ["folder", "loop"])
def test_a_glossary_that_is_no_file_is_refused_at_its_path(
    translated_project: Callable[[str], Path], kind: str
) -> None:
    root = translated_project("fr")
    glossary = root / "translations" / "fr" / GLOSSARY_FILE
    if kind == "folder":
        glossary.mkdir()
    else:
        glossary.symlink_to(GLOSSARY_FILE)
    code, out, err = run_cli("--root", str(root), "check", "--lang", "fr")
    assert code != 0
    assert "glossary.csv:1: " in out + err
    assert "internal error" not in out + err
