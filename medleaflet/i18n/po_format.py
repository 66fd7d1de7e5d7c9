"""Catalogue files written byte for byte as GNU gettext writes them.

Translators open the catalogues in Poedit, Weblate (msgmerge, translate-toolkit)
and the gettext tools, and each of those rewrites a file the gettext way:
lines wrapped at :data:`WIDTH` (79) columns, broken after a space, a long
``msgstr`` starting with ``""``. Babel wraps differently (before the space, at
76), so a catalogue Babel wrote came back from every editor rewrapped, and the
next ``update`` rewrapped it again: hundreds of changed lines per file that
hide the real changes in review. So the tool writes each catalogue and the
template with Babel (:func:`po_bytes`) and then passes the text once through
``msgcat`` (:func:`gettext_layout`), which changes the layout only: every
message, comment, flag and previous msgid stays as it was. A ``msgcat`` or
``msgmerge`` round trip of a file written here changes nothing.

:func:`po_bytes` also mends one defect of Babel's writer (Babel 2.17 to 2.19):
``write_po(..., include_previous=True)`` wraps a long previous msgid as comment
text (``#| msgid "" "This medicine can make you``, then ``#| sleepy or " "dizzy."``),
which ``msgfmt -c``, polib and translate-toolkit read as a broken string; here
each previous msgid is written as gettext writes it, one quoted string per
``#|`` line.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from collections.abc import Sequence

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import escape, generate_po, normalize, unescape

from medleaflet.errors import InputError

#: Line width of written catalogues: gettext's default, which Poedit and Weblate keep.
WIDTH = 79
#: The prefix of the lines that hold a message's previous msgid.
PREVIOUS = "#|"
#: What to install when ``msgcat`` is missing.
GETTEXT_HINT = "install GNU gettext (Debian and Ubuntu: apt-get install gettext)"


def _previous_lines(message: Message, width: int) -> list[str]:
    """The ``#| msgid`` (and ``#| msgid_plural``) lines of ``message``, one quoted string per line."""
    lines = []
    for keyword, text in zip(("msgid", "msgid_plural"), message.previous_id, strict=False):
        quoted = normalize(text, width=width).splitlines()
        lines.append(f"{PREVIOUS} {keyword} {quoted[0]}\n")
        lines += [f"{PREVIOUS} {line}\n" for line in quoted[1:]]
    return lines


def extra_headers(text: str) -> list[tuple[str, str]]:
    """The header fields of the ``.po`` text ``text`` that Babel does not write back, in order.

    Babel keeps only the fields it knows and drops the others, such as the
    ``X-Generator`` and ``X-Poedit-*`` lines an editor adds; :func:`po_bytes`
    writes them back, so that saving in Poedit and running ``update`` do not
    take turns changing the header.
    """
    lines = text.splitlines()
    try:
        start = lines.index('msgid ""') + 1
    except ValueError:
        return []
    quoted = []
    for line in lines[start:]:
        if not line.startswith(("msgstr ", '"')):
            break
        quoted.append(line.removeprefix("msgstr ").strip())
    header = "".join(unescape(part) for part in quoted if len(part) >= 2)
    fields = [line.partition(":") for line in header.split("\n") if ":" in line]
    return [(name.strip(), value.strip()) for name, _, value in fields if name.strip().lower() not in _BABEL_HEADERS]


#: The header fields Babel writes itself (lower case).
_BABEL_HEADERS = frozenset(name.lower() for name, _ in Catalog(locale="en").mime_headers)


def po_bytes(catalog: Catalog, width: int = WIDTH, extra: Sequence[tuple[str, str]] = ()) -> bytes:
    """``catalog`` as Babel writes a ``.po`` file wrapped at ``width``, with the previous msgid of
    each fuzzy message on well-formed ``#|`` lines (see the module docstring), and the ``extra``
    header fields (see :func:`extra_headers`) after Babel's."""
    text = _po_text(catalog, width, extra) + "".join(_obsolete_lines(catalog, width))
    return text.encode(catalog.charset, "backslashreplace")


def _po_text(catalog: Catalog, width: int, extra: Sequence[tuple[str, str]] = (), omit_header: bool = False) -> str:
    """The header (unless ``omit_header``) and the active entries of ``catalog`` as Babel writes
    them, with well-formed ``#|`` lines and the ``extra`` header fields."""
    previous = iter([message for message in catalog if message.id and message.previous_id])
    out = io.StringIO()
    in_previous = False
    header = "after" if omit_header else "before"  # then "in", then "after" Babel's header entry
    fields: list[str] = []  # the quoted lines of the header's msgstr
    written = generate_po(catalog, include_previous=True, width=width, ignore_obsolete=True, omit_header=omit_header)
    for line in "".join(written).splitlines(keepends=True):  # Babel yields chunks of several lines
        if header == "before" and line.startswith('msgid ""'):
            header = "in"
        elif header == "in" and line.startswith('"'):
            fields.append(line)
            continue
        elif header == "in" and not line.strip():
            out.writelines(escape(f"{name}: {value}\n") + "\n" for name, value in _gettext_order(fields, extra))
            header = "after"
        if line.startswith(PREVIOUS):
            if not in_previous:  # Babel's lines for the next message with a previous msgid
                out.writelines(_previous_lines(next(previous), width))
            in_previous = True
            continue
        in_previous = False
        out.write(line)
    return out.getvalue()


#: The header fields in the order gettext's tools (msginit, msgmerge, Poedit) write them.
GETTEXT_HEADER_ORDER = (
    "Project-Id-Version",
    "Report-Msgid-Bugs-To",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Plural-Forms",
)


def _gettext_order(quoted: list[str], extra: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The header fields Babel wrote (its quoted lines ``quoted``) and the ``extra`` ones, in
    gettext's order (:data:`GETTEXT_HEADER_ORDER`, then the others as they came), with the charset
    spelt ``UTF-8`` as gettext spells it; so ``msgmerge`` leaves the header as it is."""
    text = "".join(unescape(line.strip()) for line in quoted)
    fields = [(name.strip(), value.strip()) for name, _, value in (f.partition(":") for f in text.split("\n") if f)]
    fields += list(extra)
    rank = {name.lower(): index for index, name in enumerate(GETTEXT_HEADER_ORDER)}
    ordered = sorted(fields, key=lambda field: rank.get(field[0].lower(), len(rank)))
    return [(name, re.sub(r"(?i)charset=utf-8", "charset=UTF-8", value)) for name, value in ordered]


def _obsolete_lines(catalog: Catalog, width: int) -> list[str]:
    """The obsolete entries of ``catalog`` as gettext writes them: translator comments, flags
    (``#, fuzzy`` stays, so an entry brought back by ``msgmerge`` is still fuzzy), the previous
    msgid as ``#~|`` lines, then the entry as ``#~`` lines. Babel writes none of the flags or
    previous msgids, and so loses that a translation was out of date."""
    if not catalog.obsolete:
        return []
    entries = Catalog(locale=catalog.locale, charset=catalog.charset)
    for message in catalog.obsolete.values():
        entry = message.clone()
        entry.locations, entry.auto_comments = [], []
        entries[entry.id] = entry
    lines = []
    for line in _po_text(entries, width, omit_header=True).splitlines(keepends=True):
        if line.startswith(PREVIOUS):
            lines.append("#~|" + line[len(PREVIOUS) :])
        elif line.startswith("#") or not line.strip():
            lines.append(line)
        else:
            lines.append("#~ " + line)
    return lines


def gettext_layout(data: bytes, display: str) -> bytes:
    """The ``.po`` or ``.pot`` text ``data`` laid out as gettext writes it (``msgcat --width=79``).

    ``display`` names the file in errors. Raises :class:`InputError` when
    ``msgcat`` is not installed, or refuses the text (its first message, at
    the line of ``display`` it names).
    """
    msgcat = shutil.which("msgcat")
    if msgcat is None:
        raise InputError(f"{display}: writing a catalogue needs msgcat: {GETTEXT_HINT}")
    result = subprocess.run(
        [msgcat, f"--width={WIDTH}", "--output-file=-", "-"],
        input=data,
        capture_output=True,
        check=False,
        env={**os.environ, "LC_ALL": "C.UTF-8", "LANGUAGE": ""},  # messages in English, text as bytes
    )
    if result.returncode:
        lines = result.stderr.decode("utf-8", "replace").splitlines() or [f"exit code {result.returncode}"]
        first = lines[0].replace("<stdin>", display, 1)
        raise InputError(f"msgcat refused the catalogue it was given: {first}")
    return result.stdout


def catalogue_bytes(catalog: Catalog, display: str, extra: Sequence[tuple[str, str]] = ()) -> bytes:
    """``catalog`` as the bytes of a ``.po`` or ``.pot`` file, as gettext writes it (see the module
    docstring), with the ``extra`` header fields; ``display`` names it in errors."""
    return gettext_layout(po_bytes(catalog, extra=extra), display)


def same_messages(old: bytes, new: bytes) -> bool:
    """Whether two template files differ at most in their ``POT-Creation-Date`` header line, so
    ``extract`` can keep the old file instead of dating a template whose messages did not change."""

    def undated(data: bytes) -> list[bytes]:
        return [line for line in data.splitlines() if not line.startswith(b'"POT-Creation-Date: ')]

    return undated(old) == undated(new)
