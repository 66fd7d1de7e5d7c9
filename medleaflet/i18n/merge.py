"""Merging the template into one catalogue, fuzzy matching only within a leaflet, and writing it.

:func:`merge` takes a catalogue and the template (Babel :class:`Catalog`\\ s) and
updates the catalogue in place as ``pybabel update`` does, but for one rule:
a new message is matched fuzzily only to a translation of the same *group*,
the part of its ``msgctxt`` before the first colon (the leaflet id, or ``ui``
for the layout's words; see :func:`group_of`). Babel's own fuzzy matching
compares msgids alone and ignores the context, so a new leaflet whose texts
resemble an old one's would start with the old medicine's translations in it
(fuzzy, but written by a translator for another drug). Here a new leaflet's
entries start empty; a changed text of the same leaflet still becomes fuzzy,
with its previous msgid for the translator.

Babel's :meth:`Catalog.update` does both merges: once over the whole
catalogue without fuzzy matching (the order, header and obsolete entries
``pybabel update`` gives), and once per group, with fuzzy matching, whose
fuzzy matches are then copied in.

:mod:`medleaflet.i18n.po_format` writes the merged catalogue.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import unescape


def group_of(context: str | None) -> str:
    """The group of a ``msgctxt``: ``"ui:footer"`` -> ``"ui"``; ``""`` without a colon."""
    if not context or ":" not in context:
        return ""
    return context.partition(":")[0]


def _part(of: Catalog, messages: Iterable[Message]) -> Catalog:
    """A catalogue with ``of``'s headers (so its plural forms) holding only ``messages``."""
    part = Catalog(locale=of.locale, domain=of.domain)
    part.mime_headers = of.mime_headers
    for message in messages:
        part[message.id] = message.clone()
    return part


def _groups(catalog: Catalog) -> dict[str, list[Message]]:
    """The messages of ``catalog`` (not its header) by :func:`group_of` their context."""
    found: dict[str, list[Message]] = {}
    for message in catalog:
        if message.id:
            found.setdefault(group_of(message.context), []).append(message)
    return found


def restore_previous(catalog: Catalog) -> None:
    """Give each message of ``catalog`` read by Babel its previous msgid back.

    Babel's reader keeps a ``#| msgid "..."`` line as a user comment ``| msgid "..."``,
    which ``pybabel update`` then writes back as ``# | msgid ...``, a translator's
    comment, losing the previous text. A ``#| msgctxt`` is dropped: Babel keeps no
    previous context.
    """
    for message in [*catalog, *catalog.obsolete.values()]:
        if message.id:
            previous, comments = _split_previous(message.user_comments)
            if previous:
                message.previous_id = previous
                message.user_comments = comments


def _split_previous(comments: list[str]) -> tuple[list[str], list[str]]:
    """The previous msgid (and msgid_plural) held in ``comments``, and the other comments."""
    found: dict[str, list[str]] = {}
    kept: list[str] = []
    current: list[str] | None = None
    for comment in comments:
        text = comment[1:].strip() if comment.startswith("|") else ""
        keyword, _, rest = text.partition(" ")
        if keyword in ("msgid", "msgid_plural", "msgctxt") and rest.startswith('"'):
            current = found.setdefault(keyword, [])
            current.append(rest)
        elif text.startswith('"') and current is not None:
            current.append(text)
        else:
            kept.append(comment)
            current = None
    previous = [
        "".join(unescape(piece) for piece in found[keyword])
        for keyword in ("msgid", "msgid_plural")
        if keyword in found
    ]
    return previous, kept


def merge(catalog: Catalog, template: Catalog) -> None:
    """Update ``catalog`` in place from ``template`` (see the module docstring).

    Messages in the template and the catalogue keep their translation; a new
    message is empty, or fuzzy with the translation and previous msgid of the
    most similar translated message of its own group; a message the template
    no longer has, and that no new message took up, becomes obsolete, keeping
    its flags and previous msgid. A message still fuzzy keeps the previous
    msgid it had (see :func:`restore_previous`), also when it is matched under
    a new context. A message that comes back while the catalogue still holds it
    as obsolete takes that translation back, fuzzy, for a translator to confirm
    (gettext's msgmerge would print it unchecked).

    ``template`` is left as it was: Babel's merge puts the template's own
    message objects into the catalogue, so each catalogue gets a copy, and one
    language's translation can never reach another's catalogue.
    """
    template = copy.deepcopy(template)
    restore_previous(catalog)
    old, new = _groups(catalog), _groups(template)
    parts = {}
    for group in new:
        part = _part(catalog, old.get(group, []))
        part.update(_part(template, new[group]), update_creation_date=False)
        parts[group] = part
    kept_obsolete = set(catalog.obsolete)
    left = {key for group, messages in old.items() if group not in parts for key, _ in _keyed(messages)}
    left |= {key for part in parts.values() for key in part.obsolete}
    previous = {key: message.previous_id for key, message in _keyed(catalog) if message.previous_id}
    revivable = dict(catalog.obsolete)
    catalog.update(template, no_fuzzy_matching=True)  # drops every previous msgid
    for key, message in _keyed(catalog):
        if message.fuzzy and key in previous:
            message.previous_id = list(previous[key])
        if _translated(message):
            continue
        group = group_of(message.context)
        matched = parts[group].get(message.id, message.context)
        if matched is not None and _translated(matched):
            message.string = matched.string
            message.flags = set(matched.flags)
            message.previous_id = _first_previous(matched.previous_id, old.get(group, []))
            message.user_comments = list(matched.user_comments)
        elif key in revivable and _translated(revivable[key]):
            back = revivable[key]
            message.string = back.string
            message.flags |= set(back.flags) | {"fuzzy"}
            message.previous_id = list(back.previous_id)
            message.user_comments = list(back.user_comments)
    active = {key for key, _ in _keyed(catalog)}
    catalog.obsolete = {
        key: entry for key, entry in catalog.obsolete.items() if key in kept_obsolete | left and key not in active
    }


def _first_previous(previous_id: list[str], old: list[Message]) -> list[str]:
    """The previous msgid a fuzzy match should show: Babel gives the matched message's msgid,
    but if that message was itself fuzzy, the English its translation was made from is its own
    previous msgid (the text before the first change), as msgmerge keeps it."""
    if not previous_id:
        return []
    origins = [m for m in old if _msgid(m) == previous_id[0] and m.fuzzy and m.previous_id]
    if origins and all(origin.previous_id == origins[0].previous_id for origin in origins):
        return list(origins[0].previous_id)
    return list(previous_id)


def _msgid(message: Message) -> str:
    """The msgid of ``message`` (its singular, for a plural message)."""
    return message.id if isinstance(message.id, str) else message.id[0]


def _translated(message: Message) -> bool:
    """Whether ``message`` has any translation (a plural message: any form)."""
    forms = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return any(forms)


def _keyed(messages: Iterable[Message]) -> Iterator[tuple[object, Message]]:
    """Each of ``messages`` but a header, with its catalogue key: the msgid, or (msgid, msgctxt)."""
    for message in messages:
        if message.id:
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            yield ((msgid, message.context) if message.context is not None else msgid), message
