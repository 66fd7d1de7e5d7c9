"""A PDF as reviewable text, for golden files: what a layout change looks like as a diff.

:func:`normalise` takes PDF bytes and gives text. qpdf rewrites the PDF in its
QDF form (uncompressed, one object after another, page content normalised);
from that, the text keeps every object's dictionary and every page's content
stream, and drops what is unstable or unreadable:

- the file header, cross-reference table, ``/ID``, object-stream lengths and
  qpdf's ``%% Original object ID`` comments;
- the data of binary streams (font programs, images) and of ToUnicode maps,
  each replaced by a line with its size and sha256, so a change still shows;
- UTF-16 strings (outline titles, the document title) are written as
  readable text in double quotes;
- within page content, each shaped line (a ``/Span`` with ``/ActualText``)
  becomes one line with its logical text and a hash of its glyph runs.

Bytes outside printable ASCII are written as PDF octal escapes, and arrays
without strings or dictionaries on one line, so the text is plain UTF-8 and
small.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import tempfile
import unicodedata
from pathlib import Path

_OBJECT = re.compile(rb"^(\d+) 0 obj\n(.*?)^endobj\n", re.S | re.M)
_STREAM = re.compile(rb"\A(<<.*?>>)\nstream\n", re.S)
_LENGTH_REF = re.compile(rb"\n */Length (\d+) 0 R(?=\n)")
_INTEGER = re.compile(rb"\A(\d+)\n\Z")
_SPAN = re.compile(rb"/Span <</ActualText <(?:feff|FEFF)([0-9a-fA-F]*)>>> BDC\n(.*?)\nEMC\n", re.S)
_FLAT_ARRAY = re.compile(r"\[\n([^\[\]()<>]*?)\n *\]")
_UTF16 = re.compile(r"<(?:feff|FEFF)((?:[0-9a-fA-F]{4})*)>")
_UNSTABLE = re.compile(rb"^%% Original object ID: .*\n", re.M)


def qdf(pdf: bytes) -> bytes:
    """``pdf`` in qpdf's QDF form, without object streams; raises ``CalledProcessError`` if qpdf fails."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        command = ["qpdf", "--qdf", "--object-streams=disable", str(source), "-"]
        return subprocess.run(command, capture_output=True, check=True).stdout


def normalise(pdf: bytes) -> str:
    """The reviewable text of ``pdf`` (see the module docstring)."""
    data = _UNSTABLE.sub(b"", qdf(pdf))
    objects = {int(m.group(1)): m for m in _OBJECT.finditer(data)}
    lengths = {number: int(m.group(2)) for number, m in objects.items() if _INTEGER.match(m.group(2))}
    length_refs = {int(ref) for m in objects.values() for ref in _LENGTH_REF.findall(m.group(2))}
    parts = []
    for number, match in objects.items():
        if number in length_refs:
            continue
        body = match.group(2)
        stream = _STREAM.match(body)
        if stream is None:
            parts.append(f"{number} 0 obj\n{_dictionary(body)}endobj\n")
            continue
        ref = _LENGTH_REF.search(stream.group(1))
        if ref is None:  # QDF writes every stream's length as an object of its own
            raise ValueError(f"object {number}: a stream without an indirect /Length")
        header = _LENGTH_REF.sub(b"", stream.group(1))
        content = body[stream.end() : stream.end() + lengths[int(ref.group(1))]]
        parts.append(f"{number} 0 obj\n{_dictionary(header)}\n{_stream_text(header, content)}endobj\n")
    trailer = data[data.rindex(b"\ntrailer") + 1 :].split(b"\nstartxref", 1)[0]
    parts.append(_dictionary(re.sub(rb"\n */ID \[.*?\]\n", b"\n", trailer, flags=re.S)) + "\n")
    return "".join(parts)


def _stream_text(header: bytes, content: bytes) -> str:
    """A stream's data as text: page content in full, anything else as its size and hash."""
    if b"/Length1" in header or b"/Subtype /Image" in header or b"/Filter" in header:
        kind = "font program" if b"/Length1" in header else "binary data"
    elif b"begincmap" in content:
        kind = "ToUnicode map"
    else:
        return f"stream\n{_content(content)}endstream\n"
    return f"stream omitted ({kind}): {len(content)} bytes, sha256 {hashlib.sha256(content).hexdigest()}\n"


def _content(content: bytes) -> str:
    """Page content with each shaped line on one line: ``span "logical text" <hash of its runs>``."""
    pieces, start = [], 0
    for match in _SPAN.finditer(content):
        pieces.append(_ascii(content[start : match.start()]))
        text = bytes.fromhex(match.group(1).decode()).decode("utf-16-be")
        runs = hashlib.sha256(match.group(2)).hexdigest()[:16]
        pieces.append(f'span "{_visible(text)}" {runs}\n')
        start = match.end()
    pieces.append(_ascii(content[start:]))
    text = "".join(pieces)
    return text if text.endswith("\n") else text + "\n"


def _ascii(data: bytes) -> str:
    """``data`` as text, every byte outside printable ASCII (but newlines) as a PDF octal escape."""
    return "".join(chr(b) if 32 <= b < 127 or b == 10 else f"\\{b:03o}" for b in data)


def _visible(text: str) -> str:
    """``text`` with invisible characters (controls, bidi isolates, joiners) and quotes escaped."""
    return "".join(
        f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Cc", "Cf") or ch in '"\\' else ch for ch in text
    )


def _dictionary(data: bytes) -> str:
    """An object outside a stream as text: flat arrays on one line, UTF-16 strings (titles) readable."""
    text = _UTF16.sub(lambda m: f'"{_visible(bytes.fromhex(m.group(1)).decode("utf-16-be"))}"', _ascii(data))
    return _flat_arrays(text)


def _flat_arrays(text: str) -> str:
    """Each array without strings, dictionaries or nested arrays on one line."""
    return _FLAT_ARRAY.sub(lambda m: "[ " + " ".join(m.group(1).split()) + " ]", text)
