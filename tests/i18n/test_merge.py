"""medleaflet.i18n.merge: Babel's update, fuzzy matching only within a leaflet, written as gettext writes."""

from __future__ import annotations

import io
import re

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from medleaflet.i18n.merge import group_of, merge, restore_previous
from medleaflet.i18n.po_format import po_bytes

DOSE = "Take one tablet each day with a glass of water."
CHANGED = "Take one tablet each day with a full glass of water."
STORE = "Keep it in a cool, dry place."


@pytest.mark.parametrize(
    ("context", "group"),
    [("old:sections.dose", "old"), ("ui:footer", "ui"), ("no-colon", ""), (None, ""), ("a:b:c", "a")],
)
def test_the_group_is_the_context_before_its_first_colon(context: str | None, group: str) -> None:
    assert group_of(context) == group


def _catalogues() -> tuple[Catalog, Catalog]:
    """A French catalogue of the leaflets ``old`` and ``gone``, and a template where ``old``
    changed a text and a new leaflet ``new`` has the same texts as ``old``."""
    catalog = Catalog(locale="fr")
    catalog.add(DOSE, "Prenez un comprimé par jour avec un verre d'eau.", context="old:dose")
    catalog.add(STORE, "Conservez-le dans un endroit frais et sec.", context="old:store")
    catalog.add("Gone.", "Parti.", context="gone:text")
    template = Catalog()
    for context, text in (("new:dose", DOSE), ("new:store", STORE), ("old:dose", CHANGED), ("old:store", STORE)):
        template.add(text, context=context)
    return catalog, template


def test_babel_alone_fills_a_new_leaflet_with_another_leaflets_translations() -> None:
    """Why :func:`merge` exists: Catalog.update's fuzzy matching ignores the context."""
    catalog, template = _catalogues()
    catalog.update(template)
    borrowed = catalog.get(DOSE, "new:dose")
    assert borrowed is not None and borrowed.fuzzy and borrowed.string


def test_merge_matches_fuzzily_within_a_leaflet_only() -> None:
    catalog, template = _catalogues()
    merge(catalog, template)
    for context, text in (("new:dose", DOSE), ("new:store", STORE)):
        entry = catalog.get(text, context)
        assert entry is not None and not entry.string and not entry.fuzzy and not entry.previous_id
    changed = catalog.get(CHANGED, "old:dose")
    assert changed is not None and changed.fuzzy and changed.previous_id == [DOSE]
    assert changed.string == "Prenez un comprimé par jour avec un verre d'eau."
    kept = catalog.get(STORE, "old:store")
    assert kept is not None and not kept.fuzzy and kept.string.startswith("Conservez")
    # The removed leaflet's text is obsolete; the changed one was taken up, as Babel does.
    assert list(catalog.obsolete) == [("Gone.", "gone:text")]
    assert [message.context for message in catalog if message.id] == [m.context for m in template if m.id]


def _round_trip(catalog: Catalog) -> tuple[str, Catalog]:
    text = po_bytes(catalog, 76).decode("utf-8")
    again = read_po(io.StringIO(text))
    restore_previous(again)
    return text, again


def test_a_long_previous_msgid_is_one_quoted_string_per_line_and_reads_back() -> None:
    catalog, template = _catalogues()
    long_text = " ".join([DOSE] * 4)
    catalog.add(long_text, "Traduction.", context="old:long")
    template.add(long_text + " Always.", context="old:long")
    merge(catalog, template)
    text, again = _round_trip(catalog)
    previous = [line for line in text.splitlines() if line.startswith("#|")]
    assert len(previous) > 2
    assert all(re.fullmatch(r'#\| (msgid )?"[^"]*"', line) for line in previous), previous
    entry = again.get(long_text + " Always.", "old:long")
    assert entry is not None and entry.previous_id == [long_text] and not entry.user_comments
    # Merging again keeps the previous msgid of an entry that is still fuzzy.
    merge(again, template)
    assert _round_trip(again)[0] == text
