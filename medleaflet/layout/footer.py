"""The footer's plan: which text goes on which line, so that no footer line ever wraps.

:func:`plan_footer` takes the footer's leading items (the version line, the
review statements), its trailing items (the page number, the clinic's name and
phone), the width of the text column and a way to measure text, and gives
:class:`FooterLine` values, one per printed line. Each line holds at most one
item on each side, set in one line of the template's small print, so a page
number is never split ("Page 10 of" / "10") and the footer's height is known
before any page is drawn:

* a trailing item sits beside a leading line where both fit with
  :data:`GAP` between them, in order, from the top; one that fits beside none
  gets a line of its own, below;
* a leading item wider than the column is planned as several lines: a
  sentence a line, and a sentence still too wide cut between words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm

#: The least space between the leading and the trailing text of one line.
GAP = 4 * mm
#: Where a statement may be cut between sentences.
_SENTENCE_END = re.compile(r"(?<=[.!?。۔।])\s+")

Measure = Callable[[str, str], float]


@dataclass(frozen=True)
class FooterLine:
    """One footer line: the text on its leading side and on its trailing side (either may be
    None), each with the name of its paragraph style."""

    leading: str | None = None
    trailing: str | None = None
    leading_style: str = "furniture"
    trailing_style: str = "furniture_end"


def split_to_fit(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` as lines no wider than ``width``: whole if it fits, else a line per sentence,
    and a sentence still too wide cut between words (a word wider than the line stays whole)."""
    if measure(text) <= width:
        return [text]
    lines: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        if measure(sentence) <= width:
            lines.append(sentence)
            continue
        current = ""
        for word in sentence.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and measure(candidate) > width:
                lines.append(current)
                candidate = word
            current = candidate
        lines.append(current)
    return lines


def plan_footer(
    leading: Sequence[str], trailing: Sequence[tuple[str, str]], width: float, measure: Measure
) -> list[FooterLine]:
    """The footer's lines (see the module docstring). ``leading`` are texts in the ``furniture``
    style; ``trailing`` are (text, style name) pairs; ``measure(text, style)`` gives the width of
    ``text`` on one line."""
    lines = [
        FooterLine(leading=line)
        for item in leading
        for line in split_to_fit(item, width, lambda text: measure(text, "furniture"))
    ]
    row = 0
    for text, style in trailing:
        need = measure(text, style)
        while row < len(lines) and measure(lines[row].leading or "", "furniture") + GAP + need > width:
            row += 1
        if row < len(lines):
            lines[row] = FooterLine(lines[row].leading, text, trailing_style=style)
        else:
            lines.append(FooterLine(trailing=text, trailing_style=style))
        row += 1
    return lines
