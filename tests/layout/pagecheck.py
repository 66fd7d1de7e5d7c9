"""An outside page checker: the faults of a finished PDF, measured with PDFium (pypdfium2) and pypdf.

:func:`check_pdf` takes a PDF's path and returns a list of :class:`Fault`
values (page number and what is wrong), empty for a PDF whose pages hold. It
knows nothing of the layout code; it reads what a printer and a reader get:

* **edge**: any glyph, line, box, curve or image closer than :data:`EDGE` to a
  page edge (printers cannot print there);
* **heading alone**: a heading (every outline entry points at one, with its page
  and top) with no body text below it above the footer on its page;
* **last page**: a last page whose body uses less than :data:`LAST_PAGE_SHARE` of
  the text area's height (measured from the highest body top on the pages after
  the first to the footer rule);
* **footer**: a page number split over lines ("Page 10 of" / "10"), a footer with
  another number of lines than the same document's other pages, or, when told
  how many lines the footer has (``footer_lines``), more than that;
* **overlap**: an image over a glyph.

Glyphs are measured by their font's ascent and descent (what a reader sees as
the line), lines by their baselines. PDFium reads a page about ten times
faster than pdfplumber, which matters when every combination is checked. The
page is read as three zones: the running header (above a full-width rule
near the top that has at most :data:`HEADER_LINES` lines of text above it), the
footer (below the lowest full-width rule) and the body between them. A rule is
a horizontal line or hairline box (a path at most 2 points high) at least half
as wide as the page.
"""

from __future__ import annotations

import ctypes
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader

#: Nothing may be printed closer than this to any page edge, in points.
EDGE = 12.0
#: The least share of the text area's height the last page's body must use.
LAST_PAGE_SHARE = 0.2
#: At most this many lines of text may sit above the rule of a running header.
HEADER_LINES = 2
#: Glyphs whose baselines are this close (points) are on one line.
LINE_TOLERANCE = 2.0
#: An image may touch a glyph's box by this much (points) without covering it.
OVERLAP_TOLERANCE = 0.5

Obj = dict[str, Any]


@dataclass(frozen=True)
class Fault:
    """One fault: the 1-based page it is on and what is wrong."""

    page: int
    what: str

    def __str__(self) -> str:
        return f"page {self.page}: {self.what}"


@dataclass(frozen=True)
class Heading:
    """An outline entry: its title, 1-based page and top (points from the page's top), if given."""

    title: str
    page: int
    top: float | None


@dataclass
class Zones:
    """A page cut into header, body and footer by its rules (tops in points from the page's top)."""

    header_rule: float | None
    footer_rule: float | None
    body: list[Obj]
    footer: list[Obj]


def check_pdf(path: Path, footer_lines: int | None = None) -> list[Fault]:
    """Every fault of the PDF at ``path``, page by page (see the module docstring).

    ``footer_lines`` is the number of lines the footer is planned to have, if known.
    """
    headings = outline_headings(path)
    faults: list[Fault] = []
    pages = read_pages(path)
    zones = [page_zones(page) for page in pages]
    for number, page in enumerate(pages, start=1):
        faults += edge_faults(page, number)
        faults += overlap_faults(page, number)
    for heading in headings:
        if 1 <= heading.page <= len(pages) and heading_alone(zones[heading.page - 1], heading):
            faults.append(Fault(heading.page, f"heading {heading.title!r} alone at the foot of the page"))
    faults += last_page_faults(zones)
    faults += footer_faults(zones, footer_lines)
    return sorted(faults, key=lambda fault: fault.page)


# ----------------------------------------------------------------- reading


def outline_headings(path: Path) -> list[Heading]:
    """Every outline entry, nested ones too, with its page and the top of its destination."""
    reader = PdfReader(path)
    headings: list[Heading] = []

    def walk(items: Iterable[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
                continue
            page = reader.get_destination_page_number(item)
            top = item.get("/Top")
            height = float(reader.pages[page].mediabox.height)
            headings.append(Heading(str(item.title), page + 1, None if top is None else height - float(top)))

    walk(reader.outline)
    return headings


@dataclass(frozen=True)
class Page:
    """A page's size and everything printed on it: non-blank glyphs (``char``), text objects
    (``text``: each run of glyphs drawn, with the true extent of its ink even where a glyph's
    character comes from ``/ActualText`` and has no box of its own), paths (``path``: lines,
    boxes, fills) and images (``image``), each with its box as ``x0``, ``x1``, ``top`` and
    ``bottom`` (points from the page's left and top); a glyph also has its ``text``, ``size``,
    ``fontname`` and ``baseline``."""

    width: float
    height: float
    objects: list[Obj]

    @property
    def chars(self) -> list[Obj]:
        return [obj for obj in self.objects if obj["object_type"] == "char"]

    @property
    def images(self) -> list[Obj]:
        return [obj for obj in self.objects if obj["object_type"] == "image"]

    @property
    def texts(self) -> list[Obj]:
        """The glyphs and the text objects: everything an image must not cover."""
        return [obj for obj in self.objects if obj["object_type"] in ("char", "text")]


def _box(kind: str, left: float, bottom: float, right: float, top: float, height: float) -> Obj:
    return {"object_type": kind, "x0": left, "x1": right, "top": height - top, "bottom": height - bottom}


def _chars(page: Any, height: float) -> list[Obj]:
    """The page's non-blank glyphs, each boxed by its font's ascent and descent."""
    textpage = page.get_textpage()
    chars = []
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    x, y = ctypes.c_double(), ctypes.c_double()
    for index in range(textpage.count_chars()):
        text = chr(pdfium_c.FPDFText_GetUnicode(textpage, index))
        if not text.strip():
            continue
        char = _box("char", *textpage.get_charbox(index, loose=True), height)
        pdfium_c.FPDFText_GetFontInfo(textpage, index, name, len(name), ctypes.byref(flags))
        pdfium_c.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y))
        char.update(
            text=text,
            size=pdfium_c.FPDFText_GetFontSize(textpage, index),
            fontname=name.value.decode("utf-8", "replace"),
            baseline=height - y.value,
        )
        chars.append(char)
    return chars


def read_pages(path: Path) -> list[Page]:
    """Every page of the PDF at ``path``, as :class:`Page` values."""
    kinds = {
        pdfium_c.FPDF_PAGEOBJ_TEXT: "text",
        pdfium_c.FPDF_PAGEOBJ_PATH: "path",
        pdfium_c.FPDF_PAGEOBJ_IMAGE: "image",
    }
    document = pdfium.PdfDocument(path)
    pages = []
    try:
        for page in document:
            width, height = page.get_size()
            objects = _chars(page, height)
            for obj in page.get_objects(max_depth=8):
                if obj.type in kinds:
                    objects.append(_box(kinds[obj.type], *obj.get_bounds(), height))
            pages.append(Page(width, height, objects))
    finally:
        document.close()
    return pages


def _is_rule(obj: Obj, page_width: float) -> bool:
    """A horizontal line (or hairline box) at least half the page wide."""
    thin = obj["bottom"] - obj["top"] <= 2.0
    return obj["object_type"] == "path" and thin and obj["x1"] - obj["x0"] >= page_width / 2


def text_lines(chars: Sequence[Obj]) -> list[list[Obj]]:
    """Glyphs grouped into lines (baselines within :data:`LINE_TOLERANCE`), top to bottom, each
    in the order it was drawn: a shaped line's logical text, a column's text before the next."""
    lines: list[list[Obj]] = []
    for char in sorted(chars, key=lambda c: c["baseline"]):  # stable: each line in the order drawn
        if lines and abs(char["baseline"] - lines[-1][0]["baseline"]) <= LINE_TOLERANCE:
            lines[-1].append(char)
        else:
            lines.append([char])
    return lines


def page_zones(page: Page) -> Zones:
    """The page's header rule, footer rule, body objects and footer glyphs."""
    objects = page.objects
    rules = sorted((obj for obj in objects if _is_rule(obj, page.width)), key=lambda obj: obj["top"])
    chars = page.chars
    footer_rule = rules[-1]["top"] if rules else None
    header_rule = None
    if len(rules) >= 2 and rules[0]["top"] < page.height / 5:
        above = [char for char in chars if char["bottom"] <= rules[0]["top"] + 0.5]
        if len(text_lines(above)) <= HEADER_LINES:
            header_rule = rules[0]["top"]
    top = header_rule if header_rule is not None else float("-inf")
    bottom = footer_rule if footer_rule is not None else float("inf")
    ruled = {id(rule) for rule in rules if rule["top"] in (header_rule, footer_rule)}
    body = [obj for obj in objects if obj["top"] > top and obj["bottom"] < bottom + 0.5 and id(obj) not in ruled]
    footer = [char for char in chars if footer_rule is not None and char["top"] >= footer_rule]
    return Zones(header_rule, footer_rule, body, footer)


# ------------------------------------------------------------------ checks


def edge_faults(page: Page, number: int) -> list[Fault]:
    """Anything printed within :data:`EDGE` of an edge of ``page``: one fault per kind and edge."""
    width, height = page.width, page.height
    found: dict[tuple[str, str], float] = {}
    for obj in page.objects:
        kind = obj["object_type"]
        for edge, distance in (
            ("left", obj["x0"]),
            ("right", width - obj["x1"]),
            ("top", obj["top"]),
            ("bottom", height - obj["bottom"]),
        ):
            if distance < EDGE:
                found[(kind, edge)] = min(distance, found.get((kind, edge), distance))
    return [
        Fault(number, f"{kind} {distance:.1f} pt from the {edge} edge (less than {EDGE:g})")
        for (kind, edge), distance in sorted(found.items())
    ]


def overlap_faults(page: Page, number: int) -> list[Fault]:
    """An image that covers any glyph of ``page``."""
    faults = []
    for image in page.images:
        covered = [
            char
            for char in page.texts
            if char["x0"] < image["x1"] - OVERLAP_TOLERANCE
            and char["x1"] > image["x0"] + OVERLAP_TOLERANCE
            and char["top"] < image["bottom"] - OVERLAP_TOLERANCE
            and char["bottom"] > image["top"] + OVERLAP_TOLERANCE
        ]
        if covered:
            text = "".join(char.get("text", "") for char in covered[:20])
            faults.append(Fault(number, f"an image covers {len(covered)} glyphs or runs of text ({text!r})"))
    return faults


def _style(char: Obj) -> tuple[float, bool]:
    """A glyph's size and weight, which tell a heading from the text below it."""
    return round(float(char["size"]), 1), "bold" in str(char["fontname"]).lower()


def heading_alone(zones: Zones, heading: Heading) -> bool:
    """Whether ``heading`` has no body text below it, above the footer, on its page.

    The heading's own lines are the first lines whose baselines are below its top, set
    in the size and weight of its first glyph; any other glyph below them is body text.
    """
    top = heading.top if heading.top is not None else float("-inf")
    below = [obj for obj in zones.body if obj["object_type"] == "char" and obj["baseline"] > top]
    lines = text_lines(below)
    if not lines:
        return True
    style = _style(lines[0][0])
    rest = lines[1:] if all(_style(char) == style for char in lines[0]) else lines
    while rest and all(_style(char) == style for char in rest[0]):
        rest = rest[1:]
    return not rest


def last_page_faults(zones: Sequence[Zones]) -> list[Fault]:
    """A last page whose body uses less than :data:`LAST_PAGE_SHARE` of the text area's height."""
    if len(zones) < 2:
        return []
    tops = [min(obj["top"] for obj in zone.body) for zone in zones[1:] if zone.body]
    last = zones[-1]
    if not tops or not last.body or last.footer_rule is None:
        return [] if last.body else [Fault(len(zones), "the last page has no body text")]
    area_top = min(tops)
    used = max(obj["bottom"] for obj in last.body) - area_top
    share = used / (last.footer_rule - area_top)
    if share >= LAST_PAGE_SHARE:
        return []
    return [Fault(len(zones), f"the last page is {share:.0%} full (less than {LAST_PAGE_SHARE:.0%})")]


def _digits(text: str) -> str:
    """``text`` with every decimal digit (any script) as an ASCII digit, other characters as spaces."""
    return "".join(str(unicodedata.digit(char)) if unicodedata.digit(char, None) is not None else " " for char in text)


def _has_page_number(line: str, page: int, pages: int) -> bool:
    """Whether ``line`` holds ``page`` and ``pages`` as neighbouring numbers, in either order; read
    backwards too (PDFium may give a right-to-left line's text in visual order)."""
    for text in (line, line[::-1]):
        numbers = [int(number) for number in _digits(text).split()]
        if any((a, b) in {(page, pages), (pages, page)} for a, b in pairwise(numbers)):
            return True
    return False


#: A gap wider than this many times the font size between two glyphs of a line parts two columns.
COLUMN_GAP = 1.5


def _segments(zone: Zones) -> list[str]:
    """The footer's lines cut into columns where the gap to the next glyph, left to right, is wide,
    as text (in visual order: a right-to-left column reads backwards, and a number in it, such as a
    phone number, may come in any order from the text layer, so only gaps on the page count)."""
    segments = []
    for line in text_lines(zone.footer):
        line = sorted(line, key=lambda char: char["x0"])
        current = [line[0]]
        for before, char in pairwise(line):
            if char["x0"] - before["x1"] > COLUMN_GAP * float(char["size"]):
                segments.append(current)
                current = []
            current.append(char)
        segments.append(current)
    return ["".join(char["text"] for char in segment) for segment in segments]


def _lone_number(segment: str, page: int, pages: int) -> bool:
    """Whether ``segment`` is the page number or count alone, without letters (the tail of a wrapped
    "page X of Y")."""
    numbers = {int(number) for text in (segment, segment[::-1]) for number in _digits(text).split()}
    alone = len(_digits(segment).split()) == 1 and not any(char.isalpha() for char in segment)
    return alone and bool(numbers & {page, pages})


def footer_faults(zones: Sequence[Zones], footer_lines: int | None) -> list[Fault]:
    """Footers that wrap: a page number split over lines or missing from some pages, a line count
    unlike the other pages', or more lines than planned."""
    pages = len(zones)
    counts = [len(text_lines(zone.footer)) for zone in zones]
    usual = Counter(counts).most_common(1)[0][0] if counts else 0
    sides = [_segments(zone) for zone in zones]
    numbered = [any(_has_page_number(line, n, pages) for line in lines) for n, lines in enumerate(sides, start=1)]
    faults = []
    for number, (lines, count) in enumerate(zip(sides, counts, strict=True), start=1):
        if any(_lone_number(line, number, pages) for line in lines):
            faults.append(Fault(number, f"a footer line is a number alone (a wrapped page number): {lines}"))
        if any(numbered) and not numbered[number - 1]:
            faults.append(Fault(number, f"no footer line says page {number} of {pages}: {lines}"))
        if count != usual:
            faults.append(Fault(number, f"the footer has {count} lines, {usual} on most pages"))
        if footer_lines is not None and count > footer_lines:
            faults.append(Fault(number, f"the footer has {count} lines, more than the {footer_lines} planned"))
    return faults
