"""Paragraphs whose words always fit their column: hyphenated where the language allows, else set smaller.

:class:`FittedParagraph` is ReportLab's Paragraph for left-to-right text in
scripts ReportLab sets itself (Latin, Cyrillic, Greek). ReportLab cuts a word
too long for a line between any two letters, without a hyphen ("Concen" /
"traciones"). Here, such a word (and only such a word: ordinary line ends are
never hyphenated) takes a hyphen where the :class:`~textengine.hyphenate.Hyphenator`
allows; failing that, the paragraph is set smaller, in steps of
:data:`SIZE_STEP` down to ``min_size``, until every word fits; at that size a
word that still does not fit is cut between letters with a hyphen if it may
take one, and only a number or a name is cut without.

:func:`sized` and :func:`fitting_size` are shared with
:class:`~textengine.paragraph.BidiParagraph`, which does the same for the text
it sets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import _getFragWords, cleanBlockQuotedText

from textengine.hyphenate import Hyphenator, hyphenated_parts
from textengine.memos import remember

#: How much smaller, in points, each try sets a paragraph whose longest word does not fit.
SIZE_STEP = 0.5
#: The most wrapped (or parsed) paragraphs remembered before all are forgotten.
MAX_WRAPS = 20_000
#: The most paragraph styles whose keys are remembered.
MAX_STYLES = 2_000

#: Each paragraph's first fitting and line breaking, by :meth:`FittedParagraph.layout_key` and
#: width: a page is laid out again with other spacing to save a nearly empty last page, and a
#: document again for the next request, with new paragraphs of the same text at the same widths.
#: The frags and lines are shared, never changed: drawing reads them, and a split makes new ones.
_WRAPS: dict[Any, tuple[Any, ...]] = {}
#: Each paragraph text as ReportLab's parser reads it (its frags), by text, style and options:
#: the same words are parsed again for every pass and every document. Shared, never changed.
_PARSES: dict[Any, tuple[Any, ...]] = {}


#: :func:`style_key` of each style given to a paragraph, by the style's id (the style is held,
#: so its id is not reused): a layout hands the same few styles to hundreds of paragraphs, and
#: never changes a style it has handed out.
_GIVEN_STYLES: dict[int, tuple[ParagraphStyle, tuple[tuple[str, str], ...]]] = {}


def _given_style_key(style: ParagraphStyle) -> tuple[tuple[str, str], ...]:
    """:func:`style_key` of ``style``, worked out once per style object."""
    kept = _GIVEN_STYLES.get(id(style))
    if kept is None or kept[0] is not style:
        kept = remember(_GIVEN_STYLES, id(style), (style, style_key(style)), MAX_STYLES)
    return kept[1]


def sized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    """``style`` at font size ``size``, its leading and bullet scaled alike."""
    scale = size / style.fontSize
    return ParagraphStyle(
        f"{style.name}@{size:g}",
        parent=style,
        fontSize=size,
        leading=style.leading * scale,
        bulletFontSize=style.bulletFontSize * scale,
    )


def style_key(style: ParagraphStyle) -> tuple[tuple[str, str], ...]:
    """Every attribute of ``style`` (ReportLab copies a parent's into its children), but its name
    and parent, as text: equal for two styles that set text alike."""
    return tuple(sorted((name, repr(value)) for name, value in vars(style).items() if name not in ("name", "parent")))


def fitting_size(size: float, floor: float, fits: Callable[[float], bool]) -> float:
    """The largest size from ``size`` down to ``floor``, in steps of :data:`SIZE_STEP`, at which
    ``fits`` holds; ``floor`` if none does."""
    while size - SIZE_STEP >= floor - 1e-6 and not fits(size):
        size -= SIZE_STEP
    return max(size, floor)


class FittedParagraph(Paragraph):
    """ReportLab's Paragraph of ``text`` (Paragraph markup) in ``style`` whose words fit its column;
    see the module docstring. ``min_size`` is the smallest size it may be set in (default: the
    style's own, so it is never set smaller)."""

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,  # noqa: N803 - ReportLab's name, which split passes
        hyphenator: Hyphenator | None = None,
        min_size: float | None = None,
        **options: Any,
    ) -> None:
        # A style of its own: line breaking reads the hyphenation rule from it.
        own_style = ParagraphStyle(style.name, parent=style)
        self._style_key = _given_style_key(style)
        parse_key = None if text is None else (text, self._style_key, bulletText, repr(sorted(options.items())))
        parsed = _PARSES.get(parse_key) if parse_key is not None else None
        if parsed is not None:
            frags, cleaned, bullet = parsed
            super().__init__(cleaned, own_style, bullet, frags=frags, **options)
        else:
            super().__init__(text, own_style, bulletText, **options)
            parsed_as = vars(self)  # set by ReportLab's untyped __init__
            if parse_key is not None and parsed_as["style"] is own_style:
                parsed = (parsed_as["frags"], parsed_as["text"], parsed_as["bulletText"])
                remember(_PARSES, parse_key, parsed, MAX_WRAPS)
        self.markup = text
        self.base_style = style
        self.hyphenator = hyphenator
        self.min_size = style.fontSize if min_size is None else min(min_size, style.fontSize)
        #: The size the text is parsed at, and the width it was last fitted to (None: a piece
        #: a split left, fitted already).
        self._size = style.fontSize
        self._fitted_to: float | None = -1.0 if text is not None else None
        self._base_words: list[tuple[str, str, float]] | None = None
        #: The text as parsed at the style's own size: what the words are measured in.
        self._base_frags: list[Any] = getattr(self, "frags")  # noqa: B009 - set by ReportLab, untyped
        self._layout_key: tuple | None = None
        #: The width it was last wrapped at (None: never). Only a first wrap is shared
        #: (:data:`_WRAPS`), as what a later one leaves may owe something to the widths tried before.
        self._wrapped_at: float | None = None
        self._widest = 0.0

    def layout_key(self) -> tuple | None:
        """Everything the paragraph's height at any width depends on: two paragraphs with equal
        keys wrap to the same height (a table measuring its cells may take one for the other).
        None for a piece a split left."""
        if self._fitted_to is None:
            return None
        if self._layout_key is None:
            hyphenator = self.hyphenator
            self._layout_key = (
                type(self).__name__,
                self.markup,
                self._style_key,
                self.bulletText,
                self.min_size,
                None if hyphenator is None else (hyphenator.language, hyphenator.keep),
            )
        return self._layout_key

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        key = self.layout_key()
        if key is None or self._wrapped_at is not None:  # a piece a split left, or one wrapped before
            return self._wrap_fitted(availWidth, availHeight)
        memo_key = (key, availWidth)
        kept = _WRAPS.get(memo_key)
        if kept is not None:
            style, self.frags, self.text, self._size, self.blPara, self._wrapWidths, self.height = kept
            # A style of its own, as after fitting: a later fit to another width changes only it.
            self.style = ParagraphStyle(style.name, parent=style)
            self.width = self._fitted_to = self._wrapped_at = availWidth
            return self.width, self.height
        size = self._wrap_fitted(availWidth, availHeight)
        if hasattr(self, "blPara"):
            state = (self.style, self.frags, self.text, self._size, self.blPara, self._wrapWidths, self.height)
            remember(_WRAPS, memo_key, state, MAX_WRAPS)
            self.style = ParagraphStyle(self.style.name, parent=self.style)
        return size

    def _wrap_fitted(self, width: float, height: float) -> tuple[float, float]:
        """ReportLab's wrap, the paragraph fitted to ``width`` first (unless it is a piece a split
        left); wrapped again at the width it was last wrapped at, it keeps its lines (a wrap's
        lines depend on the width alone)."""
        if self._wrapped_at == width and "blPara" in vars(self):
            return self.width, self.height
        if self._fitted_to is not None and self._fitted_to != width:
            self._fit(width)
            self._fitted_to = width
        size = super().wrap(width, height)
        self._wrapped_at = width
        return size

    def _words(self) -> list[tuple[str, str, float]]:
        """Each word of the text as parsed at the style's own size: its text, its (first) font and its width."""
        words = []
        for word in _getFragWords(self._base_frags):
            pieces = [(frag, text) for frag, text in word[1:] if text]
            if pieces:
                words.append(("".join(text for _, text in pieces), pieces[0][0].fontName, word[0]))
        return words

    def _fits(self, size: float, available: float, forced: bool = False) -> bool:
        """Whether every word fits a line ``available`` wide at ``size``, whole or hyphenated
        (between any letters, with ``forced``)."""
        if self._base_words is None:
            self._base_words = self._words()
            self._widest = max((width for _, _, width in self._base_words), default=0.0)
        scale = size / self.base_style.fontSize
        if self._widest * scale <= available:
            return True
        hyphenator = self.hyphenator
        for word, font, width in self._base_words:
            if width * scale <= available:
                continue
            if hyphenator is None:
                return False
            points = hyphenator.forced_points(word) if forced else hyphenator.points(word)

            def fits(part: str, font: str = font) -> bool:
                return _width(part, font, size) <= available

            if not points or hyphenated_parts(word, points, fits) is None:
                return False
        return True

    def _fit(self, width: float) -> None:
        """Set the paragraph at the largest size, down to ``min_size``, at which every word fits a
        line ``width`` wide, whole or hyphenated, and let line breaking hyphenate only such words."""
        base = self.base_style
        available = max(width - base.leftIndent - base.rightIndent, 1.0)
        size = fitting_size(base.fontSize, self.min_size, lambda size: self._fits(size, available))
        if size == base.fontSize == self._size and self._widest <= available:
            self.style.hyphenationLang = ""  # every word fits whole: nothing to hyphenate
            self.style.splitLongWords = self.base_style.splitLongWords
            return
        if size != self._size:
            style = sized(base, size) if size != base.fontSize else ParagraphStyle(base.name, parent=base)
            self._setup(self.markup, style, self.bulletText, None, cleanBlockQuotedText)
            self._size = size
        hyphenator = self.hyphenator
        if hyphenator is None:
            return
        forced = not self._fits(size, available)
        font = self.style.fontName

        def pairs(word: str) -> list[tuple[str, str]]:
            if _width(word, font, size) <= available:
                return []  # it fits on a line of its own: it moves to the next line whole
            found = hyphenator.pairs(word)
            if forced:
                found += [(word[:point], word[point:]) for point in reversed(hyphenator.forced_points(word))]
            return found

        self.style.hyphenationLang = pairs
        self.style.hyphenationMinWordLength = 1
        # Unless a word fits at no size allowed, ReportLab must not cut one that does not fit the
        # rest of a line: it moves to the next line, where it is hyphenated.
        self.style.splitLongWords = 1 if forced else 0


def _width(text: str, font: str, size: float) -> float:
    """The width of ``text`` in ``font`` at ``size``."""
    return stringWidth(text, font, size)
