"""Complex-script shaping across font runs inside one word.

ReportLab's Paragraph shapes text word by word with HarfBuzz
(``shaping=1``), but it shapes a whole word with the font of the word's
*first* fragment. A "word" such as ``(Baclocur)को`` -- Latin in Noto Sans,
then Devanagari in Noto Sans Devanagari, with no space between -- is shaped
with the wrong font for one of its parts, which prints missing-glyph boxes.

:func:`shape_frag_word` fixes that by shaping each run of one font
separately with ReportLab's own ``shapeFragWord`` and joining the results.
:func:`install` puts it in place of ReportLab's function in the Paragraph
module; it is idempotent.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph

_original = ttfonts.shapeFragWord


def _font_key(pair: tuple[Any, str]) -> tuple[str, float] | None:
    fragment = pair[0]
    if hasattr(fragment, "cbDefn"):
        return None
    return fragment.fontName, fragment.fontSize


def shape_frag_word(word: list[Any], *args: Any, **kwargs: Any) -> list[Any]:
    """Shape a Paragraph frag word run by run; see the module docstring."""
    if isinstance(word, ttfonts.ShapedFragWord):
        return word
    groups = [list(pairs) for _, pairs in groupby(word[1:], key=_font_key)]
    if len(groups) < 2 or any(_font_key(group[0]) is None for group in groups):
        return _original(word, *args, **kwargs)
    pieces = []
    changed = False
    for group in groups:
        width = sum(pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize) for frag, text in group)
        shaped = _original([width, *group], *args, **kwargs)
        changed = changed or shaped[1:] != group
        pieces.append(shaped)
    if not changed:
        return word
    joined = ttfonts.makeShapedFragWord(word)([])
    joined.append(sum(piece[0] for piece in pieces))
    for piece in pieces:
        joined.extend(piece[1:])
    return joined


def install() -> None:
    """Make ReportLab's Paragraph use :func:`shape_frag_word`."""
    paragraph.shapeFragWord = shape_frag_word
