"""Placeholders, braces, markup and entities in a translation, against its source.

Each function takes the English ``original`` and one ``translated`` form and
returns a list of problems, at most one per cause, in words a translator can
act on (never a Python exception):

* :func:`placeholder_problems`: for a message with ``{name}`` placeholders
  (``python-brace-format``), the placeholders of the translation must be
  exactly those of the source, each written as in the source (``{page}``,
  not ``{page!r}``, ``{0}`` or ``{{page}}``), with no lone ``{`` or ``}``; a
  placeholder may be repeated or moved;
* :func:`brace_problems`: for plain text, braces that are not in the source;
* :func:`markup_problems`: tags (``<b>``, ``<img ...>``) and character
  entities (``&amp;``) that are not in the source.

:func:`masked` blanks placeholders and tags out of a text before its numbers
are compared, so that each of these problems is reported once.
"""

from __future__ import annotations

import re
from string import Formatter

_BRACES = re.compile(r"\{[^{}]*\}")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?][^<>]*>?")


def placeholders(text: str) -> list[str]:
    """Each placeholder of ``text`` as written (``{page}``, ``{count:d}``), in order.

    Raises :class:`ValueError` for a lone ``{`` or ``}``.
    """
    found = []
    for _, name, spec, conversion in Formatter().parse(text):
        if name is not None:
            found.append("{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return found


def placeholder_problems(original: str, translated: str) -> list[str]:
    """One problem if the placeholders of ``translated`` differ from those of ``original``."""
    wanted = list(dict.fromkeys(placeholders(original)))
    keep = f"write each placeholder exactly as in the source: {', '.join(wanted)}" if wanted else "the source has none"
    try:
        got = set(placeholders(translated))
    except ValueError:
        return [f"placeholders: a lone '{{' or '}}' is not allowed; {keep}"]
    missing = [name for name in wanted if name not in got]
    unknown = sorted(got - set(wanted))
    if not missing and not unknown:
        return []
    parts = []
    if missing:
        parts.append(f"placeholders absent from the translation: {', '.join(missing)}")
    if unknown:
        parts.append(f"placeholders not in the source: {', '.join(unknown)}")
    return [f"{'; '.join(parts)}; {keep}"]


def brace_problems(original: str, translated: str) -> list[str]:
    """One problem if ``translated`` (plain text, no placeholders) has braces the source has not."""
    extra = set(_BRACES.findall(translated)) - set(_BRACES.findall(original))
    return [f"braces {', '.join(sorted(extra))} are not in the source"] if extra else []


def masked(text: str, brace_format: bool) -> str:
    """``text`` with every tag, and with ``brace_format`` every ``{placeholder}``, blanked out
    (same length): the digits of ``{0}`` or ``<font size="40">`` are no number of the text,
    since the placeholder or markup problem is already reported."""
    blank = _TAG.sub(lambda match: "\ufffc" * len(match.group()), text)
    return _BRACES.sub(lambda match: "\ufffc" * len(match.group()), blank) if brace_format else blank


def markup_problems(original: str, translated: str) -> list[str]:
    """A problem for tags, and one for character entities, that ``translated`` has and the source has not."""
    problems = []
    tags = sorted(set(_TAG.findall(translated)) - set(_TAG.findall(original)))
    if tags:
        problems.append(f"markup is not allowed in a translation: {', '.join(tags)}")
    entities = sorted(set(_ENTITY.findall(translated)) - set(_ENTITY.findall(original)))
    if entities:
        written = ", ".join(f"&{name};" for name in entities)
        problems.append(f"character entities such as '&amp;' are not allowed; write the character itself ({written})")
    return problems
