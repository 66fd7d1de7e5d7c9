"""Section ``interactions``: other medicines, one table per group, with a severity legend."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table

from medleaflet.content.model import InteractionGroup, Interactions
from medleaflet.i18n import ui
from medleaflet.sections.registry import Section

if TYPE_CHECKING:
    from medleaflet.layout.leaflet import LeafletLayout

#: Severities in the order the legend lists them.
SEVERITIES = ("serious", "moderate", "minor")


def render(kit: LeafletLayout, section: Interactions) -> list[Flowable]:
    """The introduction, a legend of the severities used, a table per group, and a note
    that the list is not complete."""
    story: list[Flowable] = [kit.p(kit.t(section.intro)), severity_legend(kit, section)]
    for group in section.groups:
        # A group that does not fit splits by row, repeating its title row.
        story.append(interaction_table(kit, group))
    story.append(kit.p(kit.t(section.not_complete)))
    return story


def label_widths(kit: LeafletLayout) -> list[float]:
    """Column widths of label-and-text tables; labels get more room in a narrow column."""
    share = 0.22 if kit.width > 400 else 0.32
    return [kit.width * share, kit.width * (1 - share)]


def severity_badge(kit: LeafletLayout, severity: str) -> Paragraph:
    """The severity's name, in white bold (the cell behind it has the severity's colour)."""
    return kit.p(kit.caps(kit.u(ui.SEVERITY[severity])), "badge")


def severity_legend(kit: LeafletLayout, section: Interactions) -> Table:
    """A badge and its meaning for each severity the groups use."""
    used = [s for s in SEVERITIES if any(g.severity == s for g in section.groups)]
    rows: list[list[Flowable | list[Flowable]]] = [
        [severity_badge(kit, s), kit.p(kit.u(ui.SEVERITY_MEANING[s]), "table")] for s in used
    ]
    style: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    badge_col = -1 if kit.rtl else 0
    for row, severity in enumerate(used):
        colour = colors.HexColor(kit.template.severity_colours[severity])
        style.append(("BACKGROUND", (badge_col, row), (badge_col, row), colour))
    table = kit.table(rows, label_widths(kit), style)
    table.spaceAfter = 8
    return table


def interaction_table(kit: LeafletLayout, group: InteractionGroup) -> Table:
    """One group: its severity and title, the medicines, what can happen and what to do."""
    severity_colour = colors.HexColor(kit.template.severity_colours[group.severity])
    drugs = kit.loc.list([kit.t(drug) for drug in group.drugs])
    rows: list[list[Flowable | list[Flowable]]] = [
        [severity_badge(kit, group.severity), kit.p(kit.t(group.title), "table_bold")],
        [kit.p(kit.u(ui.MEDICINES_LABEL), "table_bold"), kit.p(drugs, "table")],
        [kit.p(kit.u(ui.EFFECT_LABEL), "table_bold"), kit.p(kit.t(group.effect), "table")],
        [kit.p(kit.u(ui.ADVICE_LABEL), "table_bold"), kit.p(kit.t(group.advice), "table")],
    ]
    badge_col = -1 if kit.rtl else 0
    table = kit.table(
        rows,
        label_widths(kit),
        [
            ("BACKGROUND", (0, 0), (-1, 0), kit.colour["accent_fill"]),
            ("BACKGROUND", (badge_col, 0), (badge_col, 0), severity_colour),
            ("BOX", (0, 0), (-1, -1), 0.8, severity_colour),
            ("LINEBELOW", (0, 0), (-1, -2), 0.4, kit.colour["rule"]),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ],
        split_in_row=True,
    )
    table.repeatRows = 1
    table.spaceAfter = 8
    return table


SECTION = Section("interactions", ui.SECTION_TITLES["interactions"], render)
