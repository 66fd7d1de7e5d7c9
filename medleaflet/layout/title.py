"""The title block and the end matter: what comes before the first section and after the last.

:func:`title_block` gives the leaflet's label, the medicine's name (the
level-1 heading), its class, the forms-and-brands table and any strength
warning; :func:`end_matter` gives the disclaimer and the sources.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from medleaflet.content.model import Brand, Leaflet, Strength, Text
from medleaflet.i18n import ui
from medleaflet.i18n.localise import FALLBACK_MARK
from medleaflet.layout.structure import Node, Role
from medleaflet.layout.widgets import Cell, Kit


def title_block(kit: Kit, leaflet: Leaflet) -> list[Flowable]:
    """The flowables of the title block; a notice first if any text fell back to English."""
    identity = leaflet.identity
    story: list[Flowable] = []
    if kit.loc.fallbacks:
        notice = kit.u(ui.FALLBACK_NOTICE, marker=FALLBACK_MARK)
        story.append(kit.box([kit.p(notice, "warning_title")], "caution"))
    medicine = kit.t(identity.generic_name)
    title = kit.p(medicine, "title")
    kit.structure.mark(title, Node(Role.HEADING, level=1, text=medicine))
    story += [
        kit.p(kit.caps(f"{kit.u(ui.LEAFLET_LABEL)} \u2013 {kit.loc.language_name}"), "label"),
        title,
        kit.p(kit.t(identity.drug_class), "subtitle"),
    ]
    story.append(kit.subheading(kit.u(ui.FORMS_HEADING), level=2))
    story.append(forms_table(kit, leaflet))
    if identity.strength_warning:
        story.append(kit.box([kit.p(kit.t(identity.strength_warning), "warning")], "caution"))
    story.append(kit.p(kit.u(ui.KEEP_LEAFLET), "small"))
    return story


def forms_table(kit: Kit, leaflet: Leaflet) -> Table:
    """A row per form of the medicine: its name, its strengths (with what each looks like and
    where it is sold, if the leaflet says), and its brands with their countries and status."""
    identity = leaflet.identity
    header: list[Cell] = [
        kit.p(kit.u(ui.FORM_COLUMN), "table_bold"),
        kit.p(kit.u(ui.STRENGTHS_COLUMN), "table_bold"),
        kit.p(kit.u(ui.BRANDS_COLUMN), "table_bold"),
    ]
    rows: list[list[Cell]] = [header]
    for form in identity.forms:
        brands = [brand_line(kit, brand, identity.generic_name) for brand in identity.brands if brand.form == form.key]
        strengths = [kit.p(line, "table") for line in strength_lines(kit, form.strengths)]
        rows.append(
            [
                kit.p(where_sold(kit, kit.t(form.name), form.countries), "table"),
                strengths or kit.p("\u2013", "table"),
                [kit.p(brand, "table") for brand in brands] or kit.p("\u2013", "table"),
            ]
        )
    widths = [kit.width * 0.3, kit.width * 0.2, kit.width * 0.5]
    return kit.table(
        rows,
        widths,
        [
            ("BACKGROUND", (0, 0), (-1, 0), kit.colour["accent_fill"]),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, kit.colour["rule"]),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ],
    )


def countries(kit: Kit, codes: tuple[str, ...]) -> str:
    """Country names in the output language, listed the locale's way."""
    return kit.loc.list([kit.loc.country(code) for code in codes])


def where_sold(kit: Kit, item: str, codes: tuple[str, ...]) -> str:
    """``item``, and the countries it is only sold in, if limited."""
    return kit.u(ui.ONLY_IN, name=item, countries=countries(kit, codes)) if codes else item


def strength_lines(kit: Kit, strengths: tuple[Strength, ...]) -> list[str]:
    """The strengths as printed: plain ones listed together, each with details on a line of its own."""
    plain = [kit.t(strength.text) for strength in strengths if not (strength.appearance or strength.countries)]
    detailed = [strength_line(kit, strength) for strength in strengths if strength.appearance or strength.countries]
    return ([kit.loc.list(plain)] if plain else []) + detailed


def strength_line(kit: Kit, strength: Strength) -> str:
    """A strength as printed: what it looks like and where it is sold, if the leaflet says."""
    text = kit.t(strength.text)
    looks = strength.appearance
    if looks:
        parts = [kit.t(part) for part in (looks.colour, looks.shape, looks.marking) if part]
        text = kit.u(ui.STRENGTH_LOOKS, strength=text, looks=kit.loc.parts(parts))
    return where_sold(kit, text, strength.countries)


def brand_line(kit: Kit, brand: Brand, generic_name: Text) -> str:
    """A brand, its countries, and whether it is a generic or no longer sold; a generic sold
    under the medicine's own name (``generic_name``) is printed with that name translated."""
    message = {"current": ui.BRAND_WHERE, "discontinued": ui.BRAND_DISCONTINUED, "generic": ui.BRAND_GENERIC}
    name = brand.name
    if brand.status == "generic" and name.casefold() == generic_name.value.casefold():
        name = kit.t(generic_name)  # the medicine's own name, as this language writes it
    return kit.u(message[brand.status], brand=name, countries=countries(kit, brand.countries))


def end_matter(kit: Kit, leaflet: Leaflet) -> list[Flowable]:
    """Disclaimer and sources, in small print."""
    story: list[Flowable] = [Spacer(1, 2 * mm), kit.p(kit.u(ui.DISCLAIMER), "small")]
    sources = [f"{source.title} ({source.publisher})" for source in leaflet.metadata.sources]
    story.append(kit.p(f"{kit.u(ui.SOURCES_HEADING)}: " + "; ".join(sources) + ".", "small"))
    return story
