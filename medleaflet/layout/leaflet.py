"""Stage 4, layout: turn a leaflet into ReportLab flowables and page decorations.

:class:`LeafletLayout` takes a validated :class:`~medleaflet.content.model.Leaflet`,
a :class:`~medleaflet.content.templates.Template`, a
:class:`~medleaflet.i18n.localise.Localiser` and a registered
:class:`~textengine.fonts.FontFamily`. :meth:`LeafletLayout.story` returns a
fresh list of flowables (the render stage may lay the story out twice), and
:meth:`LeafletLayout.draw_page` draws the running header and the footer.

All text passes through :mod:`medleaflet.layout.markup` before it meets a
Paragraph: leaflet and catalogue text is data, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from medleaflet.content.clinic import Clinic
from medleaflet.content.model import Leaflet, Text, TextList
from medleaflet.content.templates import Template
from medleaflet.errors import InputError
from medleaflet.i18n import ui
from medleaflet.i18n.localise import FALLBACK_MARK, Localiser
from medleaflet.layout.markup import bind_units, escape
from medleaflet.sections import SECTIONS
from textengine.bidi import BidiParagraph
from textengine.fonts import CJK_SCRIPTS, COMPLEX_SCRIPTS, RTL_SCRIPTS, FontStack


@dataclass(frozen=True)
class Outline:
    """A bookmark to add when a flowable is drawn: its title and a unique key."""

    key: str
    title: str


#: Inner padding of highlighted boxes, in points (left and right each).
BOX_PADDING = 10
#: Space kept clear below the footer: many printers cannot print closer to the paper's edge.
PRINTER_MARGIN = 10 * mm
#: Gap between the body text and the footer rule, and between the rule and the footer text.
RULE_GAP, FOOTER_GAP = 2.5 * mm, 1.5 * mm


class LeafletLayout:
    """Lays out one leaflet in one language with one template."""

    def __init__(
        self,
        leaflet: Leaflet,
        template: Template,
        localiser: Localiser,
        fonts: FontStack,
        clinic: Clinic | None = None,
        width: float | None = None,
    ) -> None:
        """``width`` narrows the text column (bilingual pages set two side by side)."""
        self.leaflet = leaflet
        self.template = template
        self.loc = localiser
        self.clinic = clinic
        self.fonts = fonts
        self.family = fonts.base
        self.rtl = localiser.direction == "rtl"
        self.colour = {name: colors.HexColor(value) for name, value in template.colours.items()}
        self.styles = self._styles()
        page_width, page_height = template.page_size
        top, right, bottom, left = template.margins
        self.width = width or page_width - left - right
        self.frame_height = page_height - top - bottom
        #: Short lists may run in two columns; not when the text column is narrow.
        self.list_columns = 2 if width is None else 1
        self._bottom_margins: dict[int, float] = {}

    # ----------------------------------------------------------------- text

    def t(self, text: Text) -> str:
        """A leaflet string in the output language, checked for glyph coverage."""
        value = bind_units(self.loc.text(text, self.leaflet.id))
        try:
            self.fonts.runs(value)
        except InputError as exc:
            context = f"{self.leaflet.id}:{text.key}"
            where = self.loc.where(context, text.value) or text.location
            raise InputError(f"{context}: {exc.message}", where) from None
        return value

    def markup(self, text: str, style: ParagraphStyle | None = None) -> str:
        """Escaped ``text`` with a ``<font>`` tag around each run not in the base
        family, in the weight of ``style``."""
        bold = style is not None and style.fontName == self.family.bold
        return "".join(
            escape(run.text)
            if run.family is self.family
            else f'<font face="{run.family.bold if bold else run.family.regular}">{escape(run.text)}</font>'
            for run in self.fonts.runs(text)
        )

    def text_width(self, text: str, style: ParagraphStyle) -> float:
        """The width of ``text`` on one line, run by run."""
        bold = style.fontName == self.family.bold
        return sum(
            stringWidth(run.text, run.family.bold if bold else run.family.regular, style.fontSize)
            for run in self.fonts.runs(text)
        )

    def caps(self, text: str) -> str:
        """``text`` in capitals, unless the template avoids them (large print)."""
        return text.upper() if self.template.uppercase_labels else text

    def u(self, item: ui.UIText, **params: str) -> str:
        """A layout string in the output language.

        In a right-to-left language, a value with no right-to-left letters
        (a phone number, a Latin name, a version) is isolated as left-to-right
        (U+2066 ... U+2069), so "+1 416 555 0199" keeps its order.
        """
        if self.rtl:
            params = {name: self.isolate(value) for name, value in params.items()}
        return self.loc.ui(item, **params)

    def isolate(self, value: str) -> str:
        """``value`` as a left-to-right isolate when it has no right-to-left letters."""
        if any(run.script in RTL_SCRIPTS for run in self.fonts.runs(value)):
            return value
        return f"\u2066{value}\u2069"

    @property
    def medicine(self) -> str:
        return self.t(self.leaflet.identity.generic_name)

    # --------------------------------------------------------------- styles

    def _styles(self) -> dict[str, ParagraphStyle]:
        scale = self.template.type_scale
        align = TA_RIGHT if self.rtl else TA_LEFT
        base = ParagraphStyle(
            "body",
            fontName=self.family.regular,
            bulletFontName=self.family.regular,
            fontSize=scale["body"].size,
            leading=scale["body"].leading,
            textColor=self.colour["text"],
            alignment=align,
            spaceAfter=scale["body"].leading * 0.3,
        )

        def derive(name: str, size: str, **overrides: object) -> ParagraphStyle:
            style = ParagraphStyle(name, parent=base)
            style.fontSize = scale[size].size
            style.leading = scale[size].leading
            style.bulletFontSize = scale[size].size
            for attr, value in overrides.items():
                setattr(style, attr, value)
            return style

        bullet_indent = scale["body"].size * 1.4
        trailing = TA_LEFT if self.rtl else TA_RIGHT
        muted: dict[str, object] = {"textColor": self.colour["muted"], "spaceAfter": 0}
        bold: dict[str, object] = {"fontName": self.family.bold}

        def bulleted(name: str, size: str) -> ParagraphStyle:
            """A list-item style: text indented on the leading side, bullet at the edge."""
            indent = {"rightIndent": bullet_indent} if self.rtl else {"leftIndent": bullet_indent}
            return derive(name, size, bulletIndent=0, spaceAfter=2, **indent)

        return {
            "body": base,
            "title": derive("title", "title", fontName=self.family.bold, textColor=self.colour["accent"], spaceAfter=2),
            "label": derive("label", "small", fontName=self.family.bold, textColor=self.colour["accent"], spaceAfter=4),
            "subtitle": derive("subtitle", "subtitle", textColor=self.colour["muted"], spaceAfter=6),
            "heading": derive(
                "heading",
                "heading",
                fontName=self.family.bold,
                textColor=self.colour["accent"],
                spaceBefore=scale["heading"].leading * 0.5,
                spaceAfter=scale["heading"].leading * 0.35,
            ),
            "subheading": derive("subheading", "subheading", fontName=self.family.bold, spaceBefore=4, spaceAfter=2),
            "bullet": bulleted("bullet", "body"),
            "body_bold": derive("body_bold", "body", fontName=self.family.bold),
            "warning": derive("warning", "warning", spaceAfter=4),
            "warning_title": derive("warning_title", "warning", fontName=self.family.bold, spaceAfter=4),
            "warning_bullet": bulleted("warning_bullet", "warning"),
            "table": derive("table", "table", spaceAfter=0),
            "table_bold": derive("table_bold", "table", fontName=self.family.bold, spaceAfter=0),
            "badge": derive(
                "badge", "table", fontName=self.family.bold, textColor=self.colour["on_dark"], spaceAfter=0
            ),
            "small": derive("small", "small", textColor=self.colour["muted"], spaceAfter=2),
            "furniture": derive("furniture", "small", **muted),
            "furniture_bold": derive("furniture_bold", "small", **muted, **bold),
            "emergency_number": derive(
                "emergency_number",
                "heading",
                fontName=self.family.bold,
                textColor=self.colour["warning"],
                spaceBefore=4,
                spaceAfter=2,
            ),
            # Footer text at the trailing edge: the page number and the clinic.
            "furniture_end": derive("furniture_end", "small", **muted, **bold, alignment=trailing),
            "furniture_end_regular": derive("furniture_end_regular", "small", **muted, alignment=trailing),
        }

    # ------------------------------------------------------------- builders

    def p(self, text: str, style: str = "body", bullet: str | None = None) -> Flowable:
        """A paragraph of plain text, set in the fonts of its scripts.

        Simple left-to-right text uses ReportLab's Paragraph (escaped here).
        A right-to-left language, and any text in a right-to-left, CJK or
        complex (shaped) script, uses :class:`~textengine.bidi.BidiParagraph`,
        which shapes each run itself, applies the CJK line-start and line-end
        rules, and marks each line with its logical text for copying.
        """
        sty = self.styles[style]
        scripts = {run.script for run in self.fonts.runs(text)}
        if self.rtl or scripts & (RTL_SCRIPTS | CJK_SCRIPTS | COMPLEX_SCRIPTS):
            # A paragraph's own direction follows its first strong letters (UAX #9
            # P2): a clinic address in Latin letters stays left to right on an
            # Arabic page, aligned with the rest.
            rtl = self.rtl and bool(scripts & RTL_SCRIPTS)
            return BidiParagraph(text, sty, self.fonts, rtl=rtl, bullet=bullet, bullet_rtl=self.rtl)
        return Paragraph(self.markup(text, sty), sty, bulletText=bullet)

    def bullets(self, items: TextList, style: str = "bullet", columns: int = 1, width: float = 0) -> list[Flowable]:
        """One bulleted paragraph per item, then a little space.

        With ``columns=2``, a list of four or more items that each fit on one
        line of a column (``width`` is the space available, default the text
        width) runs in two columns, top to bottom: it saves space on symptom
        lists without breaking any item.
        """
        sty = self.styles[style]
        texts = [self.t(item) for item in items]
        paragraphs = [self.p(text, style, bullet="\u2022") for text in texts]
        gap = Spacer(1, sty.leading * 0.3)
        column_width = (width or self.width) / columns
        fits = all(self.text_width(text, sty) + sty.leftIndent + sty.rightIndent + 8 <= column_width for text in texts)
        if columns == 1 or not fits or len(paragraphs) < 4:
            return [*paragraphs, gap]
        per_column = -(-len(paragraphs) // columns)
        cells: list[Flowable | list[Flowable]] = [
            paragraphs[start : start + per_column] for start in range(0, len(paragraphs), per_column)
        ]
        table = self.table(
            [cells],
            [column_width] * columns,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ],
        )
        return [table, gap]

    def intro(self, text: Text, style: str = "body") -> Paragraph:
        """A paragraph that introduces a list: never left alone at a page foot."""
        paragraph = self.p(self.t(text), style)
        paragraph.keepWithNext = True
        return paragraph

    def subheading(self, text: str) -> Paragraph:
        heading = self.p(text, "subheading")
        heading.keepWithNext = True
        return heading

    @property
    def box_width(self) -> float:
        """The width available for text inside a highlighted box."""
        return self.width - 2 * BOX_PADDING - 4

    def box(self, content: list[Flowable], kind: str) -> Table:
        """A highlighted box: tinted fill with a thick bar on the leading edge.

        ``kind`` is ``warning`` (red) or ``caution`` (amber). Each flowable
        gets its own row, so a long box can split across pages; the first two
        (a title and its first paragraph) share a row so they stay together.
        """
        edge = self.colour[kind]
        rows: list[list[Flowable | list[Flowable]]] = [[content[:2]], *[[item] for item in content[2:]]]
        table = self.table(
            rows,
            [self.width],
            [
                ("BACKGROUND", (0, 0), (-1, -1), self.colour[f"{kind}_fill"]),
                ("LINEBEFORE" if not self.rtl else "LINEAFTER", (0, 0), (-1, -1), 4, edge),
                ("BOX", (0, 0), (-1, -1), 0.6, edge),
                ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, 0), 7),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
            ],
        )
        table.spaceBefore = 4
        table.spaceAfter = 8
        # The height of the unsplittable first row, for keeping a heading with it.
        table.start_height = (
            7
            + sum(  # type: ignore[attr-defined]
                item.wrap(self.box_width, self.frame_height)[1] + item.getSpaceAfter() for item in content[:2]
            )
        )
        return table

    def heading(self, key: str, number: int, first: Flowable) -> list[Flowable]:
        """A section's numbered heading and rule, kept on the page with the
        start of ``first`` (the section's first flowable)."""
        title = self.u(SECTIONS[key].heading)
        text = self.u(ui.SECTION_NUMBERED, number=str(number), title=title)
        heading = self.p(text, "heading")
        heading.outline = Outline(f"section-{key}", text)  # type: ignore[attr-defined]  # read by render
        heading.keepWithNext = True
        rule = HRFlowable(width="100%", thickness=1.2, color=self.colour["rule"], spaceBefore=0, spaceAfter=5)
        heading_height = heading.wrap(self.width, self.frame_height)[1] + heading.getSpaceBefore() + 6
        start = getattr(first, "start_height", None)
        if start is None:
            start = min(first.wrap(self.width, self.frame_height)[1], 3 * self.styles["body"].leading)
        return [CondPageBreak(heading_height + start + 4), heading, rule]

    def table(
        self,
        rows: list[list[Flowable | list[Flowable]]],
        widths: list[float],
        style: list[tuple],
        split_in_row: bool = False,
    ) -> Table:
        """A table whose columns run in reading order (mirrored for RTL).

        The table's own font is the layout's font: ReportLab sets a cell font
        even for cells holding flowables, and its default is Helvetica.
        """
        if self.rtl:
            rows = [list(reversed(row)) for row in rows]
            widths = list(reversed(widths))
        style = [("FONTNAME", (0, 0), (-1, -1), self.family.regular), *style]
        # split_in_row: a cell taller than a page (a huge list of medicines) may split across pages.
        return Table(
            rows,
            colWidths=widths,
            style=TableStyle(style),
            hAlign="RIGHT" if self.rtl else "LEFT",
            splitInRow=1 if split_in_row else 0,
        )

    # -------------------------------------------------------------- content

    def story(self) -> list[Flowable]:
        """The whole leaflet as a fresh list of flowables."""
        return [flowable for block in self.blocks() for flowable in block]

    def blocks(self) -> list[list[Flowable]]:
        """The leaflet in blocks: the title block, each section with its
        heading, and the end matter. Layouts of one leaflet in two languages
        give blocks that correspond one to one (bilingual pages pair them)."""
        blocks: list[list[Flowable]] = [self.title_block()]
        for number, key in enumerate(self.template.sections, start=1):
            section = SECTIONS[key]
            content = section.render(self, getattr(self.leaflet.sections, key))
            blocks.append([*self.heading(key, number, content[0]), *content])
        blocks.append(self.end_matter())
        return blocks

    def title_block(self) -> list[Flowable]:
        identity = self.leaflet.identity
        story: list[Flowable] = []
        if self.loc.fallbacks:
            notice = self.u(ui.FALLBACK_NOTICE, marker=FALLBACK_MARK)
            story.append(self.box([self.p(notice, "warning_title")], "caution"))
        story += [
            self.p(self.caps(f"{self.u(ui.LEAFLET_LABEL)} \u2013 {self.loc.language_name}"), "label"),
            self.p(self.medicine, "title"),
            self.p(self.t(identity.drug_class), "subtitle"),
        ]
        story.append(self.subheading(self.u(ui.FORMS_HEADING)))
        story.append(self.forms_table())
        if identity.strength_warning:
            story.append(self.box([self.p(self.t(identity.strength_warning), "warning")], "caution"))
        story.append(self.p(self.u(ui.KEEP_LEAFLET), "small"))
        return story

    def forms_table(self) -> Table:
        identity = self.leaflet.identity
        header = [
            self.p(self.u(ui.FORM_COLUMN), "table_bold"),
            self.p(self.u(ui.STRENGTHS_COLUMN), "table_bold"),
            self.p(self.u(ui.BRANDS_COLUMN), "table_bold"),
        ]
        rows: list[list[Flowable | list[Flowable]]] = [header]
        for form in identity.forms:
            brands = [
                self.u(
                    ui.BRAND_WHERE,
                    brand=brand.name,
                    countries=self.loc.list([self.loc.country(c) for c in brand.countries]),
                )
                for brand in identity.brands
                if brand.form == form.key
            ]
            strengths = self.loc.list([self.t(s) for s in form.strengths]) if form.strengths else "\u2013"
            rows.append(
                [
                    self.p(self.t(form.name), "table"),
                    self.p(strengths, "table"),
                    [self.p(brand, "table") for brand in brands] or self.p("\u2013", "table"),
                ]
            )
        widths = [self.width * 0.3, self.width * 0.2, self.width * 0.5]
        return self.table(
            rows,
            widths,
            [
                ("BACKGROUND", (0, 0), (-1, 0), self.colour["accent_fill"]),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, self.colour["rule"]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ],
        )

    def end_matter(self) -> list[Flowable]:
        """Disclaimer and sources, in small print."""
        story: list[Flowable] = [Spacer(1, 2 * mm), self.p(self.u(ui.DISCLAIMER), "small")]
        sources = [f"{source.title} ({source.publisher})" for source in self.leaflet.metadata.sources]
        story.append(self.p(f"{self.u(ui.SOURCES_HEADING)}: " + "; ".join(sources) + ".", "small"))
        return story

    # ------------------------------------------------------- page furniture

    def review_lines(self) -> list[str]:
        """Footer small print about review, decided from the recorded review alone.

        Every page says in English whether the medicine text and, for a
        translation, the translation have been reviewed, for the staff who
        print it. The same statement in the patient's language is added only
        where a reviewer has signed off that wording: an unreviewed
        translation's own "not reviewed" line could say anything.
        """
        english = self.english_review()
        translation = self.loc.translation_review
        if translation is None:
            return [english]
        translated = " ".join(
            self.u(item, **params)
            for item, params in self._review_messages()
            if translation.is_signed(item.context, item.message)
        )
        return [line for line in (translated, english) if line]

    def _review_messages(self) -> list[tuple[ui.UIText, dict[str, str]]]:
        """The patient-language review statements that fit the recorded review, with their values."""
        review = self.leaflet.metadata.review
        messages: list[tuple[ui.UIText, dict[str, str]]] = []
        if review.status == "reviewed" and review.by and review.date:
            messages.append((ui.REVIEW_DONE, {"reviewer": review.by, "date": self.loc.date(review.date)}))
        else:
            messages.append((ui.REVIEW_DRAFT, {}))
        translation = self.loc.translation_review
        if translation is not None and translation.complete and translation.date:
            date = self.loc.date(translation.date)
            messages.append((ui.TRANSLATION_REVIEWED, {"reviewer": translation.by, "date": date}))
        elif translation is not None:
            messages.append((ui.TRANSLATION_DRAFT, {}))
        return messages

    def english_review(self) -> str:
        """The review statement in English (never translated), from the recorded review."""
        review = self.leaflet.metadata.review
        if review.status == "reviewed" and review.by and review.date:
            parts = [ui.ENGLISH_TEXT_REVIEWED.format(reviewer=review.by, date=review.date.isoformat())]
        else:
            parts = [ui.ENGLISH_TEXT_DRAFT]
        translation = self.loc.translation_review
        if translation is not None:
            language = self.loc.locale.get_display_name("en") or self.loc.code
            if translation.complete and translation.date:
                parts.append(
                    ui.ENGLISH_TRANSLATION_REVIEWED.format(
                        language=language, reviewer=translation.by, date=translation.date.isoformat()
                    )
                )
            elif translation.signed:
                parts.append(
                    ui.ENGLISH_TRANSLATION_PARTLY.format(
                        language=language, signed=translation.signed, total=translation.total
                    )
                )
            else:
                parts.append(ui.ENGLISH_TRANSLATION_DRAFT.format(language=language))
        return " ".join(parts)

    def draw_page(self, canvas: Canvas, page: int, pages: int) -> None:
        """Draw the running header (pages after the first) and the footer.

        Both are laid out as paragraphs, so they wrap, mirror for right-to-left
        languages and use the fonts of every script in them.
        """
        width, height = self.template.page_size
        top, right, _, left = self.template.margins
        text_width = width - left - right
        canvas.saveState()
        canvas.setStrokeColor(self.colour["rule"])
        canvas.setLineWidth(0.6)
        if page == 1 and self.clinic and self.clinic.logo:
            # The clinic's logo at the top of the trailing side of page 1.
            logo_height = 14 * mm
            x = left if self.rtl else width - right - 40 * mm
            canvas.drawImage(
                str(self.clinic.logo),
                x,
                height - top - logo_height,
                40 * mm,
                logo_height,
                preserveAspectRatio=True,
                anchor="w" if self.rtl else "e",
                mask="auto",
            )
        if page > 1 and self.template.running_title:
            title = self.p(self.u(ui.RUNNING_TITLE, medicine=self.medicine), "furniture_bold")
            title.wrapOn(canvas, text_width, top)
            rule_y = height - top + 3.5 * mm
            title.drawOn(canvas, left, rule_y + 1.5 * mm)
            canvas.line(left, rule_y, width - right, rule_y)
        rule_y = self.bottom_margin(pages or 99) - RULE_GAP  # as render laid the frame out
        canvas.line(left, rule_y, width - right, rule_y)
        footer = self.footer(page, pages)
        _, footer_height = footer.wrapOn(canvas, text_width, height)
        footer.drawOn(canvas, left, rule_y - FOOTER_GAP - footer_height)
        canvas.restoreState()

    def footer(self, page: int, pages: int) -> Table:
        """The footer of page ``page`` of ``pages``: version and review on the leading side,
        page number and clinic on the trailing side."""
        width = self.template.page_size[0]
        _, right, _, left = self.template.margins
        text_width = width - left - right
        metadata = self.leaflet.metadata
        version = self.u(
            ui.FOOTER_VERSION, leaflet=self.medicine, version=metadata.version, date=self.loc.date(metadata.revised)
        )
        details = [self.p(line, "furniture") for line in [version, *self.review_lines()]]
        trailing: list[Flowable] = []
        if self.template.page_numbers:
            label = self.u(ui.FOOTER_PAGE, page=self.loc.number(page), pages=self.loc.number(pages))
            trailing.append(self.p(label, "furniture_end"))
        if self.clinic:
            trailing.append(self.p(self.clinic.name, "furniture_end"))
            trailing.append(self.p(self.u(ui.CLINIC_PHONE_LINE, phone=self.clinic.phone), "furniture_end_regular"))
        trailing_width = text_width * 0.38 if self.clinic else 30 * mm if trailing else 0
        return self.table(
            [[details, trailing or Spacer(1, 1)]],
            [text_width - trailing_width, trailing_width],
            [("VALIGN", (0, 0), (-1, -1), "TOP")]
            + [(f"{side}PADDING", (0, 0), (-1, -1), 0) for side in ("LEFT", "RIGHT", "TOP", "BOTTOM")],
        )

    def bottom_margin(self, pages: int) -> float:
        """The bottom margin of every page: the template's, or more when the footer of a
        ``pages``-page leaflet needs it, so the footer always ends :data:`PRINTER_MARGIN`
        above the paper's edge."""
        if pages not in self._bottom_margins:
            width, height = self.template.page_size
            _, right, bottom, left = self.template.margins
            _, footer_height = self.footer(pages, pages).wrap(width - left - right, height)
            self._bottom_margins[pages] = max(bottom, footer_height + RULE_GAP + FOOTER_GAP + PRINTER_MARGIN)
        return self._bottom_margins[pages]
