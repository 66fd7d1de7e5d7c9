"""``update`` and ``init`` refuse a damaged, empty or missing template, and ``update`` a
damaged catalogue, before Babel reads them leniently and writes back what it guessed.

Each refusal lists every problem of every file at its line, exits 1 and leaves
every file under ``translations/`` as it was (no half-update). ``update`` matches
a changed text fuzzily only to a translation of its own leaflet: a new leaflet's
entries start empty, even when its texts are another's. The languages and
leaflets come from the checkout.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from translate.storage import pypo

from medleaflet.i18n.catalogues import po_path, pot_path
from medleaflet.i18n.locales import SOURCE_LOCALE
from medleaflet.i18n.merge import restore_previous
from medleaflet.i18n.po_format import WIDTH
from medleaflet.project import Project
from tests.conftest import ROOT, run_cli

PROJECT = Project(ROOT)
LOCALES = [locale for locale in PROJECT.locales() if locale != SOURCE_LOCALE]
#: A language the checkout has no catalogue for, to ``init``.
NEW_LOCALE = next(code for code in ("de", "it", "nl", "pl", "sv", "tr") if code not in LOCALES)
POT = pot_path(PROJECT).relative_to(ROOT).as_posix()
MISSING_TEMPLATE = f"error: {POT}: not found; run 'generate.py extract' first"
COMMANDS = {"update": ["update"], "init": ["init", NEW_LOCALE]}


def _copy_project(target: Path) -> Path:
    """A project folder with the checkout's leaflets and translations."""
    for folder in ("leaflets", "translations"):
        shutil.copytree(ROOT / folder, target / folder)
    return target


def _fingerprint(root: Path) -> dict[str, str]:
    """Path -> digest of every file under ``translations/``, to see that nothing was touched."""
    folder = root / "translations"
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _string_lines(text: str, keyword: str) -> list[int]:
    """The 1-based numbers of the ``keyword "..."`` lines with a non-empty string (not the header)."""
    pattern = re.compile(rf'^{keyword} ".+"$')
    return [number for number, line in enumerate(text.splitlines(), start=1) if pattern.match(line)]


def _unquote_lines(text: str, numbers: list[int]) -> str:
    """``text`` with the closing quote of each of the lines ``numbers`` removed."""
    lines = text.splitlines()
    for number in numbers:
        lines[number - 1] = lines[number - 1][:-1]
    return "\n".join(lines) + "\n"


def _spread(numbers: list[int]) -> list[int]:
    """The first, middle and last of ``numbers``."""
    return sorted({numbers[0], numbers[len(numbers) // 2], numbers[-1]})


def _header_only(text: str) -> str:
    return text[: text.index("\n\n") + 1]


def _badly_quoted_msgids(text: str) -> tuple[str, list[str]]:
    broken = _spread(_string_lines(text, "msgid"))
    return _unquote_lines(text, broken), [f"{POT}:{n}: syntax error: badly quoted string" for n in broken]


def _conflict_marker(text: str) -> tuple[str, list[str]]:
    first = _string_lines(text, "msgctxt")[0]
    lines = text.splitlines()
    lines.insert(first - 1, "<<<<<<< HEAD")
    return "\n".join(lines) + "\n", [f"{POT}:{first}: syntax error: Unknown or misformatted keyword"]


#: How a template is damaged -> (its new text, the lines ``update`` and ``init`` print).
TEMPLATE_DAMAGE: dict[str, Callable[[str], tuple[str, list[str]]]] = {
    "garbage": lambda _: ('garbage "\n', [f"{POT}:1: syntax error: Unknown or misformatted keyword"]),
    "badly quoted msgids": _badly_quoted_msgids,
    "merge conflict marker": _conflict_marker,
    "empty file": lambda _: ("", [f"{POT}:1: the template has no messages; run 'generate.py extract'"]),
    "header only": lambda text: (
        _header_only(text),
        [f"{POT}:1: the template has no messages; run 'generate.py extract'"],
    ),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("damage", TEMPLATE_DAMAGE)
def test_a_damaged_or_empty_template_is_refused_touching_nothing(command: str, damage: str, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    template = pot_path(Project(root))
    text, expected = TEMPLATE_DAMAGE[damage](template.read_text("utf-8"))
    template.write_text(text, "utf-8")
    before = _fingerprint(root)
    code, out, err = run_cli("--root", str(root), *COMMANDS[command])
    assert (code, out, err.splitlines()) == (1, "", expected)
    assert _fingerprint(root) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_template_is_one_line(command: str, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    pot_path(Project(root)).unlink()
    before = _fingerprint(root)
    code, out, err = run_cli("--root", str(root), *COMMANDS[command])
    assert (code, out, err) == (1, "", MISSING_TEMPLATE + "\n")
    assert _fingerprint(root) == before


def _break_catalogue(root: Path, locale: str) -> list[str]:
    """Remove the closing quote of the first, middle and last translation of ``locale``'s
    catalogue; returns the lines ``update`` must print for it."""
    path = po_path(Project(root), locale)
    text = path.read_text("utf-8")
    broken = _spread(_string_lines(text, "msgstr"))
    path.write_text(_unquote_lines(text, broken), "utf-8")
    display = path.relative_to(root).as_posix()
    return [f"{display}:{number}: syntax error: badly quoted string" for number in broken]


@pytest.mark.parametrize("locale", LOCALES)
def test_update_refuses_a_badly_quoted_catalogue_touching_nothing(locale: str, tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    expected = _break_catalogue(root, locale)
    before = _fingerprint(root)
    for args in (["update", "--lang", locale], ["update"]):
        code, out, err = run_cli("--root", str(root), *args)
        assert (code, out, err.splitlines()) == (1, "", expected), args
        assert _fingerprint(root) == before


def test_update_lists_the_problems_of_every_catalogue_and_the_template_at_once(tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    expected = [line for locale in LOCALES for line in _break_catalogue(root, locale)]
    template = pot_path(Project(root))
    text, template_lines = _badly_quoted_msgids(template.read_text("utf-8"))
    template.write_text(text, "utf-8")
    before = _fingerprint(root)
    code, _, err = run_cli("--root", str(root), "update")
    by_place = sorted(template_lines + expected, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))
    assert (code, err.splitlines()) == (1, by_place)
    assert _fingerprint(root) == before


def test_a_catalogue_in_a_hidden_folder_is_checked_too(tmp_path: Path) -> None:
    """``update`` merges into every folder of ``translations/``, hidden ones too (as ``pybabel update``)."""
    root = _copy_project(tmp_path / "project")
    hidden = root / "translations" / ".old"
    shutil.copytree(root / "translations" / LOCALES[0], hidden)
    expected = _break_catalogue(root, ".old")
    before = _fingerprint(root)
    code, _, err = run_cli("--root", str(root), "update")
    assert (code, err.splitlines()) == (1, expected)
    assert _fingerprint(root) == before


@pytest.mark.skipif(len(LOCALES) < 2, reason="needs two languages")
def test_a_damaged_catalogue_does_not_block_updating_another(tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    damaged, other = LOCALES[0], LOCALES[1]
    _break_catalogue(root, damaged)
    before = _fingerprint(root)
    code, out, err = run_cli("--root", str(root), "update", "--lang", other)
    assert (code, err) == (0, ""), err
    assert out.startswith(f"updated {other} from ")
    after = _fingerprint(root)
    assert {name for name in before if after.get(name) != before[name]} <= {f"{other}/LC_MESSAGES/leaflets.po"}


@pytest.mark.skipif(po_path(PROJECT, SOURCE_LOCALE).exists(), reason="the checkout has an English catalogue")
def test_update_of_a_language_without_a_catalogue_is_one_line(tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    display = po_path(Project(root), SOURCE_LOCALE).relative_to(root).as_posix()
    code, _, err = run_cli("--root", str(root), "update", "--lang", SOURCE_LOCALE)
    assert (code, err) == (1, f"error: {display}: not found; start a language with 'generate.py init LOCALE'\n")


# --- fuzzy matching stays inside a leaflet ------------------------------------------------------


def _read(path: Path) -> Catalog:
    """The catalogue at ``path``, each message with its ``#|`` previous msgid (Babel reads none)."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    restore_previous(catalog)
    return catalog


def _group_messages(catalog: Catalog, group: str) -> list[Message]:
    return [message for message in catalog if message.id and (message.context or "").startswith(f"{group}:")]


def _translated_leaflet(root: Path) -> str:
    """The first leaflet with texts translated in the first catalogue."""
    found = next((leaflet for leaflet in Project(root).leaflet_ids() if _translated_texts(root, leaflet)), None)
    if found is None:
        pytest.skip(f"no leaflet is translated into {LOCALES[0]}")
    return found


def _add_similar_leaflet(root: Path) -> tuple[str, str]:
    """Copy a translated leaflet as a new one (every text the same, under a new id);
    returns (the translated leaflet's id, the new id)."""
    first = _translated_leaflet(root)
    new = f"{first}-copy"
    text = (root / "leaflets" / f"{first}.yaml").read_text("utf-8")
    (root / "leaflets" / f"{new}.yaml").write_text(re.sub(r"(?m)^id: .*$", f"id: {new}", text, count=1), "utf-8")
    return first, new


def _translated_texts(root: Path, leaflet: str) -> list[tuple[Message, int]]:
    """Each message of ``leaflet`` translated in the first catalogue, with the line its text starts on."""
    project = Project(root)
    lines = {(m.context, m.id): m.locations[0][1] for m in _group_messages(_read(pot_path(project)), leaflet)}
    catalog = _read(po_path(project, LOCALES[0]))
    return [(m, lines[m.context, m.id]) for m in _group_messages(catalog, leaflet) if m.string]


def _append_to_text(root: Path, leaflet: str, message: Message, line: int) -> None:
    """Add a word to the end of ``message``'s text, which starts on ``line`` of ``leaflet``'s file."""
    path = root / "leaflets" / f"{leaflet}.yaml"
    lines = path.read_text("utf-8").splitlines()
    last_word = str(message.id).split()[-1]
    end = next(n for n in range(line - 1, len(lines)) if lines[n].endswith(last_word))
    lines[end] += " Always."
    path.write_text("\n".join(lines) + "\n", "utf-8")


def _change_a_translated_text(root: Path, leaflet: str) -> tuple[str, str]:
    """Add a word to a translated text of ``leaflet``; returns its msgctxt and old msgid."""
    message, line = next((m, n) for m, n in _translated_texts(root, leaflet) if len(m.id) > 30)
    _append_to_text(root, leaflet, message, line)
    return str(message.context), str(message.id)


def test_a_new_leaflet_starts_empty_and_a_changed_text_is_fuzzy_in_its_own_leaflet(tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    first, new = _add_similar_leaflet(root)
    context, old_msgid = _change_a_translated_text(root, first)
    own = {locale: _read(po_path(Project(root), locale)).get(old_msgid, context) for locale in LOCALES}
    for args in (["extract"], ["update"]):
        code, _, err = run_cli("--root", str(root), *args)
        assert (code, err) == (0, ""), err
    template = _group_messages(_read(pot_path(Project(root))), new)
    assert template, "the new leaflet has no messages"
    for locale in LOCALES:
        catalog = _read(po_path(Project(root), locale))
        entries = _group_messages(catalog, new)
        assert len(entries) == len(template)
        assert [m.context for m in entries if m.string or m.fuzzy or m.previous_id] == [], locale
        changed = catalog.get(next(m.id for m in _group_messages(catalog, first) if m.context == context), context)
        assert changed is not None and changed.fuzzy and changed.string, locale
        notes = [comment for comment in changed.user_comments if not comment.startswith("glossary: ")]
        assert changed.previous_id == [old_msgid] and not notes, locale  # only the glossary's notes
        # Its own old translation, never another language's (one template is merged into all).
        before = own[locale]
        assert changed.string == (before.string if before is not None else ""), locale


def test_update_writes_previous_msgids_that_gettext_reads_and_keeps_them(tmp_path: Path) -> None:
    """Babel writes a long previous msgid as wrapped comment text (msgfmt refuses the file) and
    reads one back as a translator comment; ``update`` does neither."""
    root = _copy_project(tmp_path / "project")
    first = _translated_leaflet(root)
    longest, line = max(_translated_texts(root, first), key=lambda found: len(found[0].id))
    assert len(longest.id) > 2 * WIDTH, "no text long enough to wrap"
    _append_to_text(root, first, longest, line)
    for args in (["extract"], ["update"]):
        assert run_cli("--root", str(root), *args)[0] == 0
    first_pass = _fingerprint(root)
    for locale in LOCALES:
        po = po_path(Project(root), locale)
        assert _read(po).get(str(longest.id), longest.context) is None
        lines = po.read_text("utf-8").splitlines()
        assert not [line for line in lines if line.startswith("# |")]
        assert all(re.fullmatch(r'#\| (msgid )?".*"', line) for line in lines if line.startswith("#|")), locale
        result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        # What Weblate (translate-toolkit) and polib read: the message is fuzzy, its old English is #|.
        unit = next(u for u in pypo.pofile(po.read_bytes()).units if u.getcontext() == longest.context)
        assert unit.isfuzzy() and unit.prev_source == longest.id, locale
        entry = next(e for e in polib.pofile(str(po)) if e.msgctxt == longest.context)
        assert entry.fuzzy and entry.previous_msgid == longest.id, locale
    assert run_cli("--root", str(root), "update")[0] == 0
    assert _fingerprint(root) == first_pass


HEADER_DAMAGE = {
    "charset": (lambda text: re.sub("(?i)charset=utf-8", "charset=ISO-8859-1", text, count=1), "charset=UTF-8"),
    "duplicate-field": (
        lambda text: re.sub(r'(?m)^("Language: [^"]*"\n)', r'\1"Language: xx\\n"\n', text, count=1),
        "header field 'Language' given twice",
    ),
    "empty": (lambda text: "", "no header entry"),
}


@pytest.mark.parametrize("damage", sorted(HEADER_DAMAGE))
def test_update_refuses_a_catalogue_whose_header_it_would_misread(damage: str, tmp_path: Path) -> None:
    """Babel would write a UTF-8 file labelled Latin-1 back in Latin-1, keep the last of two
    Language fields, and give an empty file the template's placeholder header: refused instead."""
    root = _copy_project(tmp_path / "project")
    spoil, expected = HEADER_DAMAGE[damage]
    po = po_path(Project(root), LOCALES[0])
    po.write_text(spoil(po.read_text("utf-8")), "utf-8")
    before = _fingerprint(root)
    code, _, err = run_cli("--root", str(root), "update")
    assert code == 1 and expected in err and "Traceback" not in err, err
    assert _fingerprint(root) == before


def test_init_and_update_state_that_the_catalogue_is_not_reviewed(translated_project: Callable[[str], Path]) -> None:
    """The header comment says "NOT reviewed by a qualified medical translator" (init writes it; update
    adds it, once, to a catalogue without it); what a page says comes from the sign-off record."""
    from medleaflet.i18n.pybabel import REVIEW_NOTE

    root = translated_project("fr")
    catalogue = root / "translations" / "fr" / "LC_MESSAGES" / "leaflets.po"
    note = "".join(f"# {line}\n" for line in REVIEW_NOTE.splitlines())
    assert note in catalogue.read_text()
    catalogue.write_text(catalogue.read_text().replace(note, ""))
    for _ in range(2):
        assert run_cli("--root", str(root), "update", "--lang", "fr")[0] == 0
        assert catalogue.read_text().count(note) == 1
