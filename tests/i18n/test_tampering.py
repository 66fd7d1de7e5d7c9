"""Every shipped catalogue, tampered with as a careless or hostile translator would: check and build refuse.

Each tampering is applied to the real catalogue text of every shipped
language, found by meaning (a message with a dose, a message naming two
brands with their strengths, a heading), never by a hard-coded line.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from babel import Locale
from babel.numbers import get_group_symbol

from medleaflet.i18n.catalogues import Catalogue, load_catalogue, parse_catalogue, po_path
from medleaflet.i18n.language_check import project_messages
from medleaflet.i18n.qa.checks import blocking, check_catalogue
from medleaflet.i18n.qa.units import spellings
from medleaflet.i18n.sources import SourceMessage
from medleaflet.project import Project
from tests.conftest import ROOT, run_cli

PROJECT = Project(ROOT)
TRANSLATED = PROJECT.locales()[1:]
MESSAGES = project_messages(PROJECT)
SOURCES = MESSAGES.sources
PROTECTED = MESSAGES.protected
DOSE = re.compile(r"(?<![\d.,])(\d\d+)(?=\s?(mg|мг|ملغ|毫克|मिग्रा))")


def _dose_in(locale: str) -> re.Pattern[str]:
    """A two-digit number (in any digits) before any spelling of mg the locale accepts."""
    names = sorted(spellings(locale)["mg"], key=len, reverse=True)
    return re.compile(r"(?<![\d.,])(\d\d+)(?=\s?(" + "|".join(map(re.escape, names)) + "))")


def _entries(catalogue: Catalogue) -> list[tuple[SourceMessage, str]]:
    """(source, msgstr) of every translated source message."""
    found = []
    for source in SOURCES:
        message = catalogue.find(source.context, source.msgid)
        if message is not None and isinstance(message.string, str) and message.string:
            found.append((source, message.string))
    return found


def _replace(text: str, old: str, new: str) -> str:
    """``text`` (a .po file) with the msgstr ``old`` replaced by ``new``, written on one line."""
    quoted = '"' + old.replace("\\", "\\\\").replace('"', '\\"') + '"'
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not line.startswith("msgstr "):
            continue
        end = index + 1
        while end < len(lines) and lines[end].startswith('"'):
            end += 1
        joined = "".join(part.strip()[1:-1] for part in [line[7:], *lines[index + 1 : end]])
        if '"' + joined + '"' == quoted:
            escaped = new.replace("\\", "\\\\").replace('"', '\\"')
            return "\n".join([*lines[:index], f'msgstr "{escaped}"', *lines[end:]])
    raise AssertionError(f"msgstr not found: {old!r}")


def swap_brands(text: str, catalogue: Catalogue) -> str:
    """Swap two brand names in a message that gives each its strength."""
    for source, translated in _entries(catalogue):
        names = [name for name in PROTECTED if name in source.msgid and DOSE.search(source.msgid)]
        names = [name for name in names if not any(name != other and name in other for other in names)]
        if len(names) >= 2 and all(translated.count(name) == 1 for name in names[:2]):
            first, second = names[:2]
            swapped = translated.replace(first, "\0").replace(second, first).replace("\0", second)
            return _replace(text, translated, swapped)
    pytest.skip("no message names two brands with their strengths")


def split_dose(text: str, catalogue: Catalogue) -> str:
    """Write a two-digit dose with the locale's group mark inside it (25 -> 2,5 / 2.5 / 2 5)."""
    group = get_group_symbol(Locale.parse(catalogue.locale))
    for _, translated in _entries(catalogue):
        match = _dose_in(catalogue.locale).search(translated)
        if match:
            digits = match.group(1)
            changed = translated[: match.start()] + digits[0] + group + digits[1:] + translated[match.end(1) :]
            return _replace(text, translated, changed)
    raise AssertionError("no dose found")


def override_dose(text: str, catalogue: Catalogue) -> str:
    """Wrap a dose in a right-to-left override, so 25 would print as 52."""
    for _, translated in _entries(catalogue):
        match = _dose_in(catalogue.locale).search(translated)
        if match:
            changed = translated[: match.start()] + "\u202e" + match.group(1) + "\u202c" + translated[match.end(1) :]
            return _replace(text, translated, changed)
    raise AssertionError("no dose found")


def blank_heading(text: str, catalogue: Catalogue) -> str:
    """Make a section heading a zero-width space."""
    entry = next(e for e in _entries(catalogue) if e[0].context.startswith("ui:section.") and "{" not in e[0].msgid)
    return _replace(text, entry[1], "\u200b")


def space_heading(text: str, catalogue: Catalogue) -> str:
    entry = next(e for e in _entries(catalogue) if e[0].context.startswith("ui:section.") and "{" not in e[0].msgid)
    return _replace(text, entry[1], " ")


def wrong_language(text: str, catalogue: Catalogue) -> str:
    """The catalogue of another shipped language, header and all, in this folder."""
    other = next(locale for locale in TRANSLATED if locale != catalogue.locale)
    return po_path(PROJECT, other).read_text("utf-8")


#: Each tampering and a pattern its finding must match.
TAMPERINGS: dict[str, tuple[Callable[[str, Catalogue], str], str]] = {
    "swapped-brands": (swap_brands, "belongs? to"),
    "group-mark-in-dose": (split_dose, "not a valid number|missing or changed"),
    "override-around-dose": (override_dose, r"U\+202E RIGHT-TO-LEFT OVERRIDE is not allowed here"),
    "zero-width-heading": (blank_heading, r"U\+200B ZERO WIDTH SPACE is not allowed here"),
    "space-heading": (space_heading, "blank"),
    "wrong-language": (wrong_language, "the Language header says"),
}


@pytest.mark.parametrize("name", list(TAMPERINGS))
@pytest.mark.parametrize("locale", TRANSLATED)
def test_tampering_blocks(locale: str, name: str) -> None:
    catalogue = load_catalogue(PROJECT, locale)
    tamper, expected = TAMPERINGS[name]
    text = tamper(po_path(PROJECT, locale).read_text("utf-8"), catalogue)
    tampered = parse_catalogue(text, locale, catalogue.path, catalogue.display)
    findings = [str(finding) for finding in blocking(check_catalogue(tampered, SOURCES, PROTECTED))]
    assert any(re.search(expected, finding) for finding in findings), findings
    assert all(re.match(rf"{re.escape(catalogue.display)}:\d+: ", finding) for finding in findings)


@pytest.mark.parametrize("name", list(TAMPERINGS))
def test_tampering_stops_check_and_build_with_no_pdf(tmp_path: Path, name: str) -> None:
    """End to end, in a copy of the project, for one shipped language per tampering."""
    locale = TRANSLATED[list(TAMPERINGS).index(name) % len(TRANSLATED)]
    root = tmp_path / "project"
    for folder in ("leaflets", "templates", "translations"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "fonts").symlink_to(ROOT / "fonts")
    project = Project(root)
    catalogue = load_catalogue(project, locale)
    tamper, expected = TAMPERINGS[name]
    tampered = tamper(po_path(project, locale).read_text("utf-8"), catalogue)
    po_path(project, locale).write_text(tampered, "utf-8")
    blocked = _leaflets_touched(catalogue, parse_catalogue(tampered, locale, catalogue.path, catalogue.display))
    out = root / "out"
    for command in (["check", "--lang", locale], ["build", "--lang", locale, "--out", str(out)]):
        code, stdout, stderr = run_cli("--root", str(root), *command)
        assert code == 1 and re.search(expected, stdout + stderr) and "Traceback" not in stderr, (
            command,
            stdout,
            stderr,
        )
    printed = {path.name for path in out.glob("*.pdf")} if out.exists() else set()
    assert not {f"{leaflet}.{locale}.pdf" for leaflet in blocked} & printed, printed


def _leaflets_touched(before: Catalogue, after: Catalogue) -> set[str]:
    """The leaflets whose PDFs a tampering must stop: those whose messages it changed, or every
    leaflet if it changed a layout message or the header (which every leaflet prints with)."""
    old = {(m.context, m.id): m.string for m in before.catalog if m.id}
    new = {(m.context, m.id): m.string for m in after.catalog if m.id}
    changed = {key[0] or "" for key in old.keys() | new.keys() if old.get(key) != new.get(key)}
    every = set(PROJECT.leaflet_ids())
    if after.locale != before.locale or any(context.partition(":")[0] not in every for context in changed):
        return every
    return {context.partition(":")[0] for context in changed}
