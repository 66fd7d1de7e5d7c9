"""``update`` over a message's history: changed, removed, brought back, renamed, and merged by
Weblate's msgmerge in between. A translation never loses the mark that it is out of date, and
every file stays one that gettext, polib and the tool itself read. Leaflets and languages come
from the checkout."""

from __future__ import annotations

import subprocess
from pathlib import Path

from babel.messages.catalog import Catalog

from medleaflet.i18n.catalogues import parse_strictly, po_path
from medleaflet.i18n.merge import restore_previous
from medleaflet.project import Project
from tests.conftest import run_cli
from tests.i18n.test_update import (
    LOCALES,
    _append_to_text,
    _copy_project,
    _translated_leaflet,
    _translated_texts,
)


def _read(path: Path) -> Catalog:
    """The catalogue at ``path`` as the tool reads it (``#|`` and ``#~|`` previous msgids included)."""
    catalog, problems = parse_strictly(path.read_text("utf-8"), path.name)
    assert not problems, problems
    restore_previous(catalog)
    return catalog


def _refresh(root: Path) -> None:
    for args in (["extract"], ["update"]):
        code, _, err = run_cli("--root", str(root), *args)
        assert code == 0, err


def _gettext_reads(root: Path) -> None:
    for locale in LOCALES:
        po = po_path(Project(root), locale)
        result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def _a_text(root: Path) -> tuple[str, str, int, str]:
    """A translated text of a leaflet: (leaflet, msgctxt, line, msgid)."""
    leaflet = _translated_leaflet(root)
    message, line = next((m, n) for m, n in _translated_texts(root, leaflet) if len(str(m.id)) > 30)
    return leaflet, str(message.context), line, str(message.id)


def test_a_removed_then_restored_leaflet_comes_back_fuzzy_with_its_own_translations(tmp_path: Path) -> None:
    """A text changes (fuzzy), then its leaflet is removed: every message is obsolete, the changed
    one still fuzzy with its ``#|``. The removal is reverted: each message is back once (never a
    duplicate entry that blocks ``update``), with its own translation, fuzzy for a translator to
    confirm, and the changed one still shows the English its translation was made from."""
    root = _copy_project(tmp_path / "project")
    leaflet, context, line, msgid = _a_text(root)
    message, line = next((m, n) for m, n in _translated_texts(root, leaflet) if m.context == context)
    _append_to_text(root, leaflet, message, line)
    _refresh(root)
    own = {locale: _read(po_path(Project(root), locale)).get(msgid + " Always.", context) for locale in LOCALES}
    path = root / "leaflets" / f"{leaflet}.yaml"
    kept = path.read_bytes()
    path.unlink()
    _refresh(root)
    _gettext_reads(root)
    for locale in LOCALES:
        catalog = _read(po_path(Project(root), locale))
        assert not [m for m in catalog if m.id and (m.context or "").startswith(f"{leaflet}:")], locale
        gone = [entry for entry in catalog.obsolete.values() if entry.context == context]
        before = own[locale]
        if before is not None and before.string:
            assert len(gone) == 1 and gone[0].fuzzy and gone[0].previous_id == [msgid], locale
    path.write_bytes(kept)
    _refresh(root)
    _gettext_reads(root)
    for locale in LOCALES:
        catalog = _read(po_path(Project(root), locale))
        active = {(m.id, m.context) for m in catalog if m.id}
        assert not [key for key, e in catalog.obsolete.items() if (e.id, e.context) in active], locale
        back = catalog.get(msgid + " Always.", context)
        before = own[locale]
        assert back is not None, locale
        if before is not None and before.string:
            assert back.fuzzy and back.string == before.string and back.previous_id == [msgid], locale
        revived = [m for m in catalog if m.id and (m.context or "").startswith(f"{leaflet}:") and m.string]
        assert all(m.fuzzy for m in revived), locale
