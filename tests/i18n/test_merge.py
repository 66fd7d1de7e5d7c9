"""medleaflet.i18n.merge: Babel's update, fuzzy matching only within a leaflet, written as gettext writes."""

from __future__ import annotations

import io
import re

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from medleaflet.i18n.catalogues import parse_strictly
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


def test_a_fuzzy_message_under_a_new_context_keeps_its_first_previous_msgid() -> None:
    """Changed (fuzzy, previous DOSE), then moved to a new key: the previous msgid is still DOSE,
    the English the translation was made from, as msgmerge keeps it."""
    catalog = Catalog(locale="fr")
    catalog.add(CHANGED, "Prenez un comprimé.", context="old:dose", flags={"fuzzy"}, previous_id=[DOSE])
    template = Catalog()
    template.add(CHANGED, context="old:dose_daily")
    merge(catalog, template)
    moved = catalog.get(CHANGED, "old:dose_daily")
    assert moved is not None and moved.fuzzy and moved.previous_id == [DOSE]


def test_merging_leaves_the_template_as_it_was() -> None:
    """One template is merged into every catalogue: none may see another's translation."""
    template = Catalog()
    template.add(CHANGED, context="old:dose")
    french, spanish = Catalog(locale="fr"), Catalog(locale="es")
    french.add(DOSE, "Prenez un comprimé par jour.", context="old:dose")
    spanish.add("Something else entirely.", "Otra cosa.", context="old:other")
    merge(french, template)
    merge(spanish, template)
    assert not next(m for m in template if m.id).string
    entry = spanish.get(CHANGED, "old:dose")
    assert entry is not None and entry.string != "Prenez un comprimé par jour."


def test_an_obsolete_entry_keeps_its_flags_and_previous_msgid_as_gettext_writes_them() -> None:
    catalog = Catalog(locale="fr")
    catalog.add(CHANGED, "Prenez un comprimé.", context="old:dose", flags={"fuzzy"}, previous_id=[DOSE])
    template = Catalog()
    template.add(STORE, context="old:store")
    merge(catalog, template)
    text = po_bytes(catalog).decode("utf-8")
    obsolete = text[text.rindex("#, fuzzy") :]
    assert obsolete.splitlines()[:3] == ["#, fuzzy", f'#~| msgid "{DOSE}"', '#~ msgctxt "old:dose"']
    parsed, problems = parse_strictly(text, "fr.po")
    restore_previous(parsed)
    entry = next(iter(parsed.obsolete.values()))
    assert not problems and entry.fuzzy and entry.previous_id == [DOSE]
