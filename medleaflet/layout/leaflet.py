"""One leaflet in one language: the title block, the sections in the template's order, the end matter.

:class:`LeafletLayout` takes a validated :class:`~medleaflet.content.model.Leaflet`,
a :class:`~medleaflet.content.templates.Template`, a
:class:`~medleaflet.i18n.localise.LocalisedLeaflet`, a
:class:`~textengine.itemise.FontStack` and an optional clinic.
:meth:`LeafletLayout.document` gives the
:class:`~medleaflet.layout.document.LaidOutLeaflet` the render stage takes.
Each section is laid out by its own renderer from
:data:`~medleaflet.sections.SECTIONS`, with a :class:`~medleaflet.layout.widgets.Kit`, in the
order :func:`~medleaflet.sections.order.printed_sections` gives.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable

from medleaflet.content.clinic import Clinic
from medleaflet.content.model import Leaflet
from medleaflet.content.templates import Template
from medleaflet.i18n import ui
from medleaflet.i18n.localise import LocalisedLeaflet
from medleaflet.layout.document import Block, BodyFont, DocumentInfo, LaidOutLeaflet, Outline
from medleaflet.layout.furniture import PageFurniture
from medleaflet.layout.structure import Node, Role
from medleaflet.layout.styles import palette, stylesheet
from medleaflet.layout.text import LeafletText
from medleaflet.layout.title import end_matter, title_block
from medleaflet.layout.widgets import Kit
from medleaflet.sections.order import printed_sections
from textengine.itemise import FontStack


class LeafletLayout:
    """Lays out one leaflet in one language with one template.

    ``width`` narrows the text column (bilingual pages set two side by side);
    short lists then stay in one column.
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
        self.styles = stylesheet(template, self.colour, fonts.base, self.text.rtl)
        top, _, bottom, _ = template.margins
        self.width = width or template.text_width
        self.frame_height = template.page_size[1] - top - bottom
        self.list_columns = 2 if width is None else 1
        self.furniture = PageFurniture(self.kit())

    def kit(self) -> Kit:
        """A fresh widget kit for this leaflet, with an empty structure record."""
        return Kit(
            self.text,
            self.template,
            self.styles,
            self.colour,
            self.clinic,
            self.width,
            self.frame_height,
            self.list_columns,
        )

    def blocks(self) -> tuple[Block, ...]:
        """The leaflet in fresh blocks: the title block, each section with its numbered
        heading (a level-2 heading and a bookmark), and the end matter."""
        kit = self.kit()
        lang = self.text.loc.language.bcp47
        blocks = [self._block(kit, title_block(kit, self.leaflet))]
        for number, section in enumerate(printed_sections(self.template.sections, self.leaflet.sections), start=1):
            content = section.render(kit)
            text = kit.u(ui.SECTION_NUMBERED, number=str(number), title=section.heading(kit))
            anchor, heading = kit.heading(text, content[0])
            flowables = (*heading, *content)
            structure = Node(Role.SECTION, kit.structure.nodes(flowables), lang=lang)
            blocks.append(Block(flowables, structure, Outline(f"section-{section.key}", text), anchor))
        blocks.append(self._block(kit, end_matter(kit, self.leaflet)))
        return tuple(blocks)

    def _block(self, kit: Kit, flowables: Sequence[Flowable]) -> Block:
        """A block without a bookmark."""
        lang = self.text.loc.language.bcp47
        return Block(tuple(flowables), Node(Role.SECTION, kit.structure.nodes(flowables), lang=lang))

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

    def document(self, compose: Callable[[], tuple[Block, ...]] | None = None) -> LaidOutLeaflet:
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
