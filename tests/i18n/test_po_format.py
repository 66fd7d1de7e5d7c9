"""medleaflet.i18n.po_format: catalogues written as gettext writes them, or a clear refusal."""

from __future__ import annotations

import shutil

import pytest
from babel.messages.catalog import Catalog, Message

from medleaflet.errors import InputError
from medleaflet.i18n.catalogues import parse_strictly
from medleaflet.i18n.merge import restore_previous
from medleaflet.i18n.po_format import WIDTH, catalogue_bytes, gettext_layout

LONG = " ".join(["Take one tablet three times a day, with food or a glass of milk."] * 3)


def _catalog() -> Catalog:
    catalog = Catalog(locale="fr", charset="utf-8")
    catalog.add(LONG, LONG, context="leaflet:long")
    catalog.add("Short.", "Court.", context="leaflet:short", flags={"fuzzy"}, previous_id=[LONG])
    return catalog


def test_lines_fit_gettext_width_and_previous_msgids_are_quoted() -> None:
    text = catalogue_bytes(_catalog(), "fr.po").decode("utf-8")
    assert max(len(line) for line in text.splitlines()) <= WIDTH
    previous = [line for line in text.splitlines() if line.startswith("#|")]
    assert previous[0] == '#| msgid ""' and all(line.startswith('#| "') for line in previous[1:])


def test_layout_is_idempotent() -> None:
    data = catalogue_bytes(_catalog(), "fr.po")
    assert gettext_layout(data, "fr.po") == data


def test_without_msgcat_the_refusal_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(InputError, match=r"^fr\.po: writing a catalogue needs msgcat: install GNU gettext"):
        catalogue_bytes(_catalog(), "fr.po")


def test_text_msgcat_refuses_is_an_error_at_its_line() -> None:
    with pytest.raises(InputError, match=r"fr\.po:\d+: end-of-line within string"):
        gettext_layout(b'msgid ""\nmsgstr "unterminated\n', "fr.po")


def test_a_long_obsolete_entry_reads_back_as_it_was() -> None:
    """An obsolete msgid longer than a line starts with ``#~ msgid ""``: it is an entry, not a header."""
    catalog = _catalog()
    catalog.obsolete[(LONG + " Old.", "leaflet:gone")] = Message(
        LONG + " Old.", "Ancien " + LONG, context="leaflet:gone", flags={"fuzzy"}, previous_id=[LONG]
    )
    parsed, problems = parse_strictly(catalogue_bytes(catalog, "fr.po").decode("utf-8"), "fr.po", catalogue=True)
    restore_previous(parsed)
    [entry] = parsed.obsolete.values()
    assert not problems and (entry.id, entry.string, entry.fuzzy, entry.previous_id) == (
        LONG + " Old.",
        "Ancien " + LONG,
        True,
        [LONG],
    )
    assert [(m.id, m.string) for m in parsed if m.id] == [(m.id, m.string) for m in catalog if m.id]
