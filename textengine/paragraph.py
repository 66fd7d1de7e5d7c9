"""The ReportLab flowable for right-to-left, mixed-direction and CJK paragraphs.

ReportLab's Paragraph cannot set Arabic or Hebrew: it needs the ``rlbidi``
module, which is not on PyPI, and turns bidi reordering off when shaping.
:class:`BidiParagraph` is our own flowable:

1. compute the embedding level of every character of the whole paragraph
   (:func:`textengine.bidi.embedding_levels`);
2. split the text into pieces of one level and one font (script runs from
   :class:`~textengine.itemise.FontStack`), and shape each piece once with
   HarfBuzz in its resolved direction (:mod:`textengine.shaping`), so Arabic
   letters join, lam-alef ligates and brackets mirror;
3. break lines in logical order at spaces, using the shaped widths;
4. reorder the pieces of each line (:func:`textengine.bidi.reorder`, rules L1
   and L2) and draw them from the line's aligned start. Every glyph reads as
   its letters in the text layer (:mod:`textengine.text_layer`); a
   left-to-right line is also a marked-content span whose ``/ActualText`` is
   its logical text, so copying, searching and screen readers get the text,
   not glyph codes (a right-to-left line is not: poppler would reverse it).

Where a script's lines break without spaces (the ``line_breaking`` of its
family: ``ideographic`` for Chinese and Japanese, ``dictionary`` for Thai,
Lao, Khmer and Myanmar), lines also break at ICU's word and character
boundaries (:mod:`textengine.linebreak`), with the East Asian line-start and
line-end rules.

It wraps, splits across pages, draws a bullet on the leading side, and
aligns right (the default for right-to-left text), left or centre.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from textengine.bidi import embedding_levels, reorder
from textengine.fitted import fitting_size, sized, style_key
from textengine.hyphenate import Hyphenator, hyphenated_parts
from textengine.itemise import FontStack
from textengine.linebreak import break_opportunities
from textengine.lines import MAX_MEMOS, MEMOS, Line, Memo, Piece, cut_between_clusters
from textengine.memos import remember
from textengine.pdf_text import pdf_text_string, text_object
from textengine.shaping import ShapedRun, shape_run, shaping_generation

_SPACE = " "


class BidiParagraph(Flowable):
    """A paragraph of plain text in any direction; see the module docstring.

    ``text`` is plain text (no markup), or a list of ``(text, bold)`` spans
    for bold runs inside the paragraph. ``style`` gives font size, leading,
    colour, indents, spacing and alignment; a bold ``fontName`` sets the whole
    paragraph in the bold face of each script's family.

    A word too long for a line takes a hyphen where ``hyphenator`` allows
    (:mod:`textengine.hyphenate`); failing that, the paragraph is set smaller,
    in steps of :data:`~textengine.fitted.SIZE_STEP` down to ``min_size``, until
    every word fits; only a word that fits at no size is cut, with a hyphen
    if it is a word that may take one. The first line of a paragraph of two or
    more lines is never left alone at a page foot.
    """

    def __init__(
        self,
        text: str | Sequence[tuple[str, bool]],
        style: ParagraphStyle,
        fonts: FontStack,
        rtl: bool = True,
        bullet: str | None = None,
        _lines: list[Line] | None = None,
        _first: bool = True,
        bullet_rtl: bool | None = None,
        hyphenator: Hyphenator | None = None,
        min_size: float | None = None,
    ) -> None:
        super().__init__()
        spans = [(text, False)] if isinstance(text, str) else list(text)
        spans = [(unicodedata.normalize("NFC", part), bold) for part, bold in spans]
        self.spans = spans
        self.text = "".join(part for part, _ in spans)
        #: Per character: set in bold although the style is not.
        self._bold_chars = [bold for part, bold in spans for _ in part]
        #: The style asked for; ``style`` is the one set, smaller when a word did not fit.
        self.base_style = style
        self.style = style
        self.fonts = fonts
        self.rtl = rtl
        self.hyphenator = hyphenator
        self.min_size = style.fontSize if min_size is None else min(min_size, style.fontSize)
        self._memo: Memo | None = None
        self.bullet = bullet if _first else None
        #: The side of the bullet follows the page's direction, not the text's.
        self.bullet_rtl = rtl if bullet_rtl is None else bullet_rtl
        self._first = _first
        #: Whether this is the whole paragraph, which may break its lines again for another
        #: width; a piece left by :meth:`split` keeps the lines it was given.
        self._whole = _lines is None
        self._lines = _lines
        self._width = 0.0
        self.height = 0.0

    # ------------------------------------------------------------ shaping

    @property
    def bold(self) -> bool:
        return self.style.fontName == self.fonts.base.bold

    def _font_for(self, family_regular: str, family_bold: str) -> str:
        return family_bold if self.bold else family_regular

    def _shared(self) -> Memo:
        """This paragraph's memo: the one of every paragraph whose words and lines come out the
        same, because they depend only on what the key holds (the text and its bold spans, the
        direction, the faces its runs are set in, the language, how the scripts break lines, the
        hyphenator, and which numbering of shaped glyphs is in force), so a leaflet built again
        in the same process is not shaped and broken again."""
        if self._memo is None:
            key = self._shaping_key()
            memo = MEMOS.get(key)
            if memo is None:
                memo = remember(MEMOS, key, Memo(), MAX_MEMOS)
            self._memo = memo
        return self._memo

    def _shaping_key(self) -> tuple:
        """What :meth:`_shared` keys a memo by."""
        fonts = self.fonts
        runs = tuple(
            (run.family.regular, run.family.bold, run.script, run.family.features, len(run.text))
            for run in fonts.runs(self.text)
        )
        hyphenator = self.hyphenator
        return (
            self.text,
            tuple((len(part), bold) for part, bold in self.spans),
            self.rtl,
            self.base_style.fontName,
            fonts.base.regular,
            fonts.base.bold,
            fonts.language,
            runs,
            tuple(sorted({(run[2], fonts.line_breaking.get(run[2], "spaces")) for run in runs})),
            None if hyphenator is None else (hyphenator.language, hyphenator.keep),
            shaping_generation(),
        )

    def layout_key(self) -> tuple | None:
        """Everything the paragraph's height at any width depends on: two paragraphs with equal
        keys wrap to the same height (a table measuring its cells may take one for the other).
        None for a piece :meth:`split` left, which keeps the lines it was given."""
        if not self._whole:
            return None
        return (type(self).__name__, self._shaping_key(), style_key(self.base_style), self.min_size, self.bullet)

    def words(self) -> list[list[Piece]]:
        """The paragraph as words (lists of shaped pieces); each space is a word of its own.

        A piece is a stretch of one font and one embedding level, shaped once.
        """
        size = self.style.fontSize
        sized_words = self._shared().words
        if size in sized_words:
            return sized_words[size]
        text = self.text
        levels = embedding_levels(text, self.rtl)
        fonts: list[str] = []
        scripts: list[str] = []
        features: list[tuple[str, ...]] = []
        for run in self.fonts.runs(text):
            for _ in run.text:
                bold = self.bold or self._bold_chars[len(fonts)]
                fonts.append(run.family.bold if bold else run.family.regular)
                scripts.append(run.script)
                features.append(run.family.features)
        breaks = self._unspaced_breaks(text, scripts)
        language = self.fonts.language
        space_font = self._font_for(self.fonts.base.regular, self.fonts.base.bold)
        words: list[list[Piece]] = []
        current: list[Piece] = []
        start = 0
        while start < len(text):
            if text[start] == _SPACE:
                if current:
                    words.append(current)
                    current = []
                words.append([Piece(shape_run(_SPACE, space_font, size, False), levels[start], space=True)])
                start += 1
                continue
            end = start + 1
            while (
                end < len(text)
                and text[end] != _SPACE
                and fonts[end] == fonts[start]
                and scripts[end] == scripts[start]
                and levels[end] == levels[start]
                and end not in breaks
            ):
                end += 1
            rtl = bool(levels[start] % 2)
            shaped = shape_run(text[start:end], fonts[start], size, rtl, scripts[start], features[start], language)
            current.append(Piece(shaped, levels[start]))
            if end in breaks:  # a line may break here although there is no space (CJK)
                words.append(current)
                current = []
            start = end
        if current:
            words.append(current)
        sized_words[size] = words
        return words

    def _unspaced_breaks(self, text: str, scripts: list[str]) -> set[int]:
        """Where a line may break without a space: only next to a script whose lines break by
        dictionary (Thai, Lao, Khmer, Myanmar) or between characters (Chinese, Japanese)."""
        unspaced = {script for script in set(scripts) if self.fonts.line_breaking.get(script, "spaces") != "spaces"}
        if not unspaced:
            return set()
        return {
            index for index in break_opportunities(text) if scripts[index - 1] in unspaced or scripts[index] in unspaced
        }

    @property
    def leading(self) -> float:
        """The distance between baselines (the style's; a family that needs more room, such as
        Nastaliq, asks for it with its ``line_height``, which the caller's styles apply)."""
        return self.style.leading

    # ------------------------------------------------------------- layout

    def _available(self, width: float) -> float:
        return max(width - self.style.leftIndent - self.style.rightIndent, 1.0)

    def break_lines(self, width: float) -> list[Line]:
        """Greedy line breaking at spaces, in logical order; a word longer
        than a line is cut between characters.

        Linear in the paragraph's length: each word's width is summed once per size
        (:meth:`word_widths`), and the current line's width is kept as pieces are added, in
        the order :attr:`Line.width` would sum them, so the same breaks come out.
        """
        available = self._available(width)
        key = (self.style.fontSize, available)
        broken = self._shared().broken
        known = broken.get(key)
        if known is None:
            known = broken[key] = self._break_lines(available)
        return list(known)

    def _break_lines(self, available: float) -> list[Line]:
        """The lines of :meth:`break_lines`, ``available`` points wide, at the current size."""
        widths = self.word_widths()
        if sum(widths) < available - 1e-6:  # all on one line, as the loop below would set it
            pieces = [piece for word in self.words() for piece in word]
            start, end = 0, len(pieces)
            while start < end and pieces[start].space:
                start += 1
            while end > start and pieces[end - 1].space:
                end -= 1
            return [Line(pieces[start:end])]
        return self._break_greedy(available)

    def _break_greedy(self, available: float) -> list[Line]:
        """The lines of :meth:`break_lines`, ``available`` points wide: greedy, word by word."""
        lines: list[Line] = [Line()]
        line_width = 0.0
        for word, word_width in zip(self.words(), self.word_widths(), strict=True):
            line = lines[-1]
            if word[0].space:
                if line.pieces:
                    line.pieces.append(word[0])
                    line_width += word[0].width
                continue
            if line.pieces and line_width + word_width > available:
                while line.pieces and line.pieces[-1].space:
                    line.pieces.pop()
                line, line_width = Line(), 0.0
                lines.append(line)
            for piece in word if word_width <= available else self._fit(word, available):
                if line.pieces and line_width + piece.width > available:
                    line, line_width = Line(), 0.0
                    lines.append(line)
                line.pieces.append(piece)
                line_width += piece.width
        for line in lines:
            while line.pieces and line.pieces[-1].space:
                line.pieces.pop()
        return [line for line in lines if line.pieces] or [Line()]

    def word_widths(self) -> list[float]:
        """The width of each word of :meth:`words` at the current size (summed once per size)."""
        size = self.style.fontSize
        sized_widths = self._shared().widths
        widths = sized_widths.get(size)
        if widths is None:
            widths = sized_widths[size] = [sum(piece.width for piece in word) for word in self.words()]
        return widths

    def _hyphenated(self, word: list[Piece], available: float, forced: bool = False) -> list[Piece] | None:
        """``word`` cut where it may take a hyphen into pieces that each fit ``available``, or None.

        Only a word of one left-to-right piece (one font, one level) is hyphenated; with
        ``forced``, between any letters where its dictionary gives no place that fits.
        """
        if self.hyphenator is None or len(word) != 1 or word[0].run.rtl:
            return None
        run = word[0].run
        hyphenator = self.hyphenator
        points = hyphenator.forced_points(run.text) if forced else hyphenator.points(run.text)
        if not points:
            return None

        def shaped(text: str) -> ShapedRun:
            return shape_run(text, run.font_name, run.font_size, False)

        parts = hyphenated_parts(run.text, points, lambda text: shaped(text).width <= available)
        return None if parts is None else [Piece(shaped(part), word[0].level) for part in parts]

    def _fits(self, word: list[Piece], available: float) -> bool:
        """Whether ``word`` fits on a line, whole or hyphenated."""
        return sum(piece.width for piece in word) <= available or self._hyphenated(word, available) is not None

    def _fit(self, word: list[Piece], available: float) -> list[Piece]:
        """``word`` unchanged if it fits, else cut into pieces narrower than a line: where it may
        take a hyphen, else (it fits at no size allowed) between any letters with a hyphen, or,
        for a word that never takes one, between characters.

        The cut between characters is :func:`~textengine.lines.cut_between_clusters`'s.
        """
        if sum(piece.width for piece in word) <= available:
            return word
        hyphenated = self._hyphenated(word, available) or self._hyphenated(word, available, forced=True)
        if hyphenated is not None:
            return hyphenated
        result: list[Piece] = []
        for piece in word:
            if piece.width <= available:
                result.append(piece)
                continue
            result += cut_between_clusters(piece, available)
        return result

    def _fit_size(self, width: float) -> None:
        """Set :attr:`style` to the largest size, down to ``min_size``, at which every word fits
        a line ``width`` wide, whole or hyphenated."""
        base = self.base_style
        available = self._available(width)

        def fits(size: float) -> bool:
            self.style = base if size == base.fontSize else sized(base, size)
            fits_at = self._shared().fits
            known = fits_at.get((size, available))
            if known is None:
                widths = self.word_widths()
                known = fits_at[(size, available)] = max(widths, default=0.0) <= available or all(
                    word[0].space or word_width <= available or self._fits(word, available)
                    for word, word_width in zip(self.words(), widths, strict=True)
                )
            return known

        size = fitting_size(base.fontSize, self.min_size, fits)
        self.style = base if size == base.fontSize else sized(base, size)

    def minWidth(self) -> float:  # noqa: N802 - ReportLab API
        """The width of the widest word at the size asked for, with the indents: the narrowest
        column the paragraph is set in without cutting a word."""
        style, self.style = self.style, self.base_style
        pairs = zip(self.words(), self.word_widths(), strict=True)
        widest = max((width for word, width in pairs if not word[0].space), default=0)
        self.style = style
        return widest + self.base_style.leftIndent + self.base_style.rightIndent

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        # Only the whole paragraph breaks its lines (again, for another width): a piece keeps its own.
        if self._lines is None or (self._whole and self._width != availWidth):
            if self._whole:
                self._fit_size(availWidth)
            self._lines = self.break_lines(availWidth)
        self._width = availWidth
        self.height = len(self._lines) * self.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        assert self._lines is not None
        fit = math.floor((availHeight + 1e-6) / self.leading)
        if fit <= 0:
            return []
        if fit >= len(self._lines):
            # Everything fits (a table measured the cell at another width): an empty rest, since
            # a table splitting a cell takes the second part as what goes on the next page.
            rest = BidiParagraph(self.spans, self.style, self.fonts, self.rtl, None, [], False)
            rest._width = availWidth
            return [self, rest]
        if fit == 1 and self._first:
            return []  # the first line alone at the foot of a page: the paragraph moves on whole
        first = BidiParagraph(
            self.spans, self.style, self.fonts, self.rtl, self.bullet, self._lines[:fit], self._first, self.bullet_rtl
        )
        rest = BidiParagraph(self.spans, self.style, self.fonts, self.rtl, None, self._lines[fit:], False)
        first._width = rest._width = availWidth
        first.keepWithNext = False
        return [first, rest]

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab API
        return self.style.spaceBefore if self._first else 0

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab API
        return self.style.spaceAfter if self._lines != [] else 0

    def draw(self) -> None:
        assert self._lines is not None
        canvas = self.canv
        style = self.style
        available = self._available(self._width)
        canvas.saveState()
        canvas.setFillColor(style.textColor)
        raised = self._raised()
        for number, line in enumerate(self._lines):
            baseline = self.height - number * self.leading - style.fontSize - raised
            pieces = reorder(line.pieces)
            width = sum(piece.width for piece in pieces)
            if style.alignment == TA_RIGHT or (style.alignment not in (TA_LEFT, TA_CENTER) and self.rtl):
                x = style.leftIndent + available - width
            elif style.alignment == TA_CENTER:
                x = style.leftIndent + (available - width) / 2
            else:
                x = style.leftIndent
            # The glyphs are shaped and in visual order; each maps to its letters in the ToUnicode
            # CMap (textengine.text_layer). A line of a left-to-right paragraph also carries its
            # logical text as /ActualText, for Indic conjuncts, reordered vowel signs and a word of
            # another direction. A right-to-left paragraph's line does not: poppler (pdftotext)
            # lays /ActualText out over the glyphs and then reverses the line, so it would read
            # backwards; from the glyphs it reads logically.
            spanned = not self.rtl
            if spanned:
                canvas.addLiteral(f"/Span <</ActualText {pdf_text_string(line.text)}>> BDC")
            placed = []
            for piece in pieces:
                placed.append((x, piece.run))
                x += piece.width
            drawn = text_object(canvas, baseline, placed)
            if drawn:
                canvas.addLiteral(drawn)
            if spanned:
                canvas.addLiteral("EMC")
            if number == 0 and self.bullet:
                self._draw_bullet(baseline)
        canvas.restoreState()

    def _raised(self) -> float:
        """How far below the usual place each baseline goes, for a tall family (Nastaliq) whose
        ``line_height`` gave the line more room: the share of the extra room its ascent takes
        over the base family's (the rest is for its descent)."""
        tall = max(
            (run.family for run in self.fonts.runs(self.text)), key=lambda family: family.line_height, default=None
        )
        if tall is None or tall.line_height <= 1:
            return 0.0
        extra = self.leading * (1 - 1 / tall.line_height)
        face, base = pdfmetrics.getFont(tall.regular).face, pdfmetrics.getFont(self.fonts.base.regular).face
        above, below = max(face.ascent - base.ascent, 0), max(base.descent - face.descent, 0)
        return extra * above / (above + below) if above + below else extra / 2

    def _draw_bullet(self, baseline: float) -> None:
        """Draw the bullet on the leading side of the first line.

        In right-to-left text the bullet is drawn as a small square: a round
        dot is the Arabic digit zero (U+0660), so readers (and OCR) could take
        it for a number.
        """
        style = self.style
        canvas = self.canv
        if self.bullet_rtl:
            side = style.fontSize * 0.3
            x = self._width - style.bulletIndent - side - style.fontSize * 0.15
            canvas.rect(x, baseline + style.fontSize * 0.22, side, side, stroke=0, fill=1)
            return
        bullet = shape_run(self.bullet or "", self.fonts.base.regular, style.fontSize, False)
        drawn = text_object(canvas, baseline, [(style.bulletIndent, bullet)])
        if drawn:
            canvas.addLiteral(drawn)
