"""One leaflet in one language: the title block, the sections in the template's order, the end matter.

:class:`LeafletLayout` takes a validated :class:`~medleaflet.content.model.Leaflet`,
a :class:`~medleaflet.content.templates.Template`, a
:class:`~medleaflet.i18n.localise.LocalisedLeaflet`, a
:class:`~textengine.itemise.FontStack` and an optional clinic.
:meth:`LeafletLayout.document` gives the
:class:`~medleaflet.layout.document.LaidOutLeaflet` the render stage takes.
Each section is laid out by its own renderer from
:data:`~medleaflet.sections.SECTIONS`, with a :class:`~medleaflet.layout.widgets.Kit`, in the
order :func:`~medleaflet.sections.order.printed_sections` gives. Every heading is kept
with the start of what follows it (:mod:`medleaflet.layout.keep`), and opens a bookmark.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable

from medleaflet.content.clinic import Clinic
from medleaflet.content.model import Leaflet
from medleaflet.content.templates import Template
from medleaflet.i18n import ui
from medleaflet.i18n.localise import LocalisedLeaflet
from medleaflet.i18n.sources import protected_names
from medleaflet.layout.document import Block, BodyFont, DocumentInfo, LaidOutLeaflet, Outline
from medleaflet.layout.furniture import PageFurniture
from medleaflet.layout.keep import keep_with_next
from medleaflet.layout.structure import Node, Role
from medleaflet.layout.styles import palette, stylesheet
from medleaflet.layout.text import LeafletText
from medleaflet.layout.title import end_matter, title_block
from medleaflet.layout.widgets import Kit
from medleaflet.sections.order import printed_sections
from textengine.hyphenate import Hyphenator
from textengine.itemise import FontStack


class LeafletLayout:
    """Lays out one leaflet in one language with one template.

    ``width`` narrows the text column (bilingual pages set two side by side);
    short lists then stay in one column. Words too long for their column are
    hyphenated in the output language's way, never the medicine's and brand
    names.
    """

    def __init__(
        self,
        leaflet: Leaflet,
        template: Template,
        localiser: LocalisedLeaflet,
        fonts: FontStack,
        clinic: Clinic | None = None,
        width: float | None = None,
    ) -> None:
        self.leaflet = leaflet
        self.template = template
        self.clinic = clinic
        self.text = LeafletText(leaflet, localiser, fonts)
        self.colour = palette(template)
        self.styles = stylesheet(template, self.colour, fonts.base, self.text.rtl, line_height=self.text.line_height)
        names = [*protected_names(leaflet), *self.text.medicine.split()]
        self.hyphenator = Hyphenator(self.text.loc.language.code, keep=names)
        #: Fitted table widths, shared by the kits of every render pass.
        self.column_widths: dict[tuple, list[float]] = {}
        top, _, bottom, _ = template.margins
        self.width = width or template.text_width
        self.frame_height = template.page_size[1] - top - bottom
        self.list_columns = 2 if width is None else 1
        self.furniture = PageFurniture(self.kit())

    def kit(self, spacing: float = 1.0) -> Kit:
        """A fresh widget kit for this leaflet, with an empty structure record; ``spacing``
        scales the space between blocks."""
        styles = (
            self.styles
            if spacing == 1.0
            else stylesheet(
                self.template, self.colour, self.text.fonts.base, self.text.rtl, spacing, self.text.line_height
            )
        )
        return Kit(
            self.text,
            self.template,
            styles,
            self.colour,
            self.clinic,
            self.width,
            self.frame_height,
            self.list_columns,
            spacing,
            self.hyphenator,
            self.column_widths,
        )

    def blocks(self, spacing: float = 1.0) -> tuple[Block, ...]:
        """The leaflet in fresh blocks: the title block, each section with its numbered
        heading (a level-2 heading and a bookmark), and the end matter; ``spacing`` scales
        the space between paragraphs, boxes and headings."""
        kit = self.kit(spacing)
        blocks = [self._block(kit, title_block(kit, self.leaflet))]
        for number, section in enumerate(printed_sections(self.template.sections, self.leaflet.sections), start=1):
            content = section.render(kit)
            text = kit.u(ui.SECTION_NUMBERED, number=kit.loc.number(number), title=section.heading(kit))
            heading = kit.heading(text)
            outline = Outline(f"section-{section.key}", text)
            blocks.append(self._block(kit, [*heading, *content], outline, heading[0]))
        blocks.append(self._block(kit, end_matter(kit, self.leaflet)))
        return tuple(blocks)

    def _block(
        self, kit: Kit, flowables: Sequence[Flowable], outline: Outline | None = None, anchor: Flowable | None = None
    ) -> Block:
        """A block of ``flowables``, each heading kept with what follows it, with the bookmark
        ``outline`` placed at ``anchor`` and those of the sub-headings the kit made since the last block."""
        lang = self.text.loc.language.bcp47
        structure = Node(Role.SECTION, kit.structure.nodes(flowables), lang=lang)
        marks = tuple(kit.marks)
        kit.marks.clear()
        return Block(tuple(keep_with_next(flowables)), structure, outline, anchor, marks)

    def info(self) -> DocumentInfo:
        """The PDF metadata, in the leaflet's language."""
        leaflet, text = self.leaflet, self.text
        return DocumentInfo(
            title=text.u(ui.DOCUMENT_TITLE, medicine=text.medicine),
            subject=text.t(leaflet.identity.drug_class),
            author="medleaflet",
            keywords=(leaflet.id, f"version {leaflet.metadata.version}", text.loc.language.code),
            lang=text.loc.language.bcp47,
            date=leaflet.metadata.revised,
        )

    def body_font(self) -> BodyFont:
        """The regular face of the layout's family at the body size."""
        body = self.template.type_scale["body"]
        return BodyFont(self.text.fonts.base.regular, body.size, body.leading)

    def document(self, compose: Callable[[float], tuple[Block, ...]] | None = None) -> LaidOutLeaflet:
        """The laid-out leaflet the render stage takes; ``compose`` arranges other blocks
        (a bilingual page's) on this layout's pages, with its font, furniture and metadata."""
        return LaidOutLeaflet(
            source=str(self.leaflet.source),
            page_size=self.template.page_size,
            margins=self.template.margins,
            font=self.body_font(),
            furniture=self.furniture,
            info=self.info(),
            compose=compose or self.blocks,
        )
