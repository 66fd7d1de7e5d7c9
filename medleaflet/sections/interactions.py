"""Section ``interactions``: other medicines (and herbal products, foods and drinks), one table per
group, with a legend of the severities used."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, get_args

from reportlab.lib import colors

from medleaflet.content.load import Document, PathKey
from medleaflet.content.model import Text, TextBlocks, TextList
from medleaflet.content.texts import TextReader, value_at
from medleaflet.errors import Problem
from medleaflet.i18n.ui import N_, UIText
from medleaflet.sections.blocks import BLOCK_NOTES, render_blocks
from medleaflet.sections.registry import BLOCKS, KEY, TEXT, Cell, Kit, Section, Story, fields, model

if TYPE_CHECKING:
    from reportlab.platypus import Flowable, Table

#: How strongly to keep apart: ``never`` together, ``avoid``, and three degrees of care.
Severity = Literal["never", "avoid", "serious", "moderate", "minor"]
#: Severities in the order the legend lists them.
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
#: What a group is made of; it names the group's list in its table.
GroupKind = Literal["medicine", "herbal", "food_drink", "other"]
KINDS: tuple[GroupKind, ...] = get_args(GroupKind)


@model
class InteractionGroup:
    """A class of interacting medicines, what can happen and what to do."""

    key: str
    title: Text
    severity: Severity
    kind: GroupKind
    #: The names in the group: medicines, herbal products, foods or drinks, as ``kind`` says.
    drugs: TextList
    effect: Text
    advice: Text


@model
class Interactions:
    intro: Text
    groups: tuple[InteractionGroup, ...]
    not_complete: Text
    more: TextBlocks


GROUP_SCHEMA = fields(
    {
        "title": TEXT,
        "severity": {"enum": list(SEVERITIES)},
        "drugs": {"type": "array", "minItems": 1, "items": TEXT},
        "effect": TEXT,
        "advice": TEXT,
    },
    {"kind": {"enum": list(KINDS)}},
)
SCHEMA = fields(
    {
        "intro": TEXT,
        "groups": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": KEY,
            "additionalProperties": GROUP_SCHEMA,
        },
        "not_complete": TEXT,
    },
    {"more": BLOCKS},
)


def build(read: TextReader, path: PathKey) -> Interactions:
    """The section's model from the schema-valid data at ``path``."""
    groups = []
    for key, group in read.value((*path, "groups")).items():
        here = (*path, "groups", key)
        groups.append(
            InteractionGroup(
                key=key,
                title=read.text((*here, "title")),
                severity=group["severity"],
                kind=group.get("kind", "medicine"),
                drugs=read.text_seq((*here, "drugs")),
                effect=read.text((*here, "effect")),
                advice=read.text((*here, "advice")),
            )
        )
    return Interactions(
        intro=read.text((*path, "intro")),
        groups=tuple(groups),
        not_complete=read.text((*path, "not_complete")),
        more=read.blocks((*path, "more")),
    )


def rules(document: Document, path: PathKey) -> list[Problem]:
    """A medicine listed twice, in one group or two (names compared without case)."""
    problems: list[Problem] = []
    groups = value_at(document.data, (*path, "groups"))
    seen: dict[str, PathKey] = {}
    for group_key, group in groups.items() if isinstance(groups, dict) else ():
        drugs = group.get("drugs") if isinstance(group, dict) else None
        for index, drug in enumerate(drugs if isinstance(drugs, list) else ()):
            if not isinstance(drug, str):
                continue
            here: PathKey = (*path, "groups", group_key, "drugs", index)
            name = drug.casefold()
            if name in seen:
                first = document.location(seen[name])
                problems.append(document.problem(here, f"{drug!r} is listed twice (first at line {first.line})"))
            else:
                seen[name] = here
    return problems


# TRANSLATORS: Section heading.
HEADING = N_("ui:section.interactions", "Other medicines (interactions)")

# TRANSLATORS: Heading of the key that explains the severity labels.
SEVERITY_LEGEND = N_("ui:interactions.severity_legend", "How serious")
# TRANSLATORS: Severity labels of drug interactions, printed in capitals on a coloured badge. Keep them short.
SEVERITY: dict[str, UIText] = {
    "never": N_("ui:severity.never", "Never together"),
    "avoid": N_("ui:severity.avoid", "Avoid"),
    "serious": N_("ui:severity.serious", "Serious"),
    "moderate": N_("ui:severity.moderate", "Moderate"),
    "minor": N_("ui:severity.minor", "Minor"),
}
# TRANSLATORS: What each severity label means, printed beside the badge.
SEVERITY_MEANING: dict[str, UIText] = {
    "never": N_("ui:severity.never_meaning", "Never take these together."),
    "avoid": N_("ui:severity.avoid_meaning", "Avoid. Take together only if your doctor says so."),
    "serious": N_("ui:severity.serious_meaning", "Can be dangerous. Use together only if your doctor says so."),
    "moderate": N_("ui:severity.moderate_meaning", "Your doctor may need to change a dose or watch you closely."),
    "minor": N_("ui:severity.minor_meaning", "Usually not a problem, but tell your pharmacist."),
}
# TRANSLATORS: Row labels of each interaction table; the first names what the group is made of.
KIND_LABEL: dict[str, UIText] = {
    "medicine": N_("ui:interactions.kind_medicine", "Medicines"),
    "herbal": N_("ui:interactions.kind_herbal", "Herbal products"),
    "food_drink": N_("ui:interactions.kind_food_drink", "Food and drink"),
    "other": N_("ui:interactions.kind_other", "Includes"),
}
EFFECT_LABEL = N_("ui:interactions.effect_label", "What can happen")
ADVICE_LABEL = N_("ui:interactions.advice_label", "What to do")


def render(kit: Kit, section: Interactions) -> Story:
    """The introduction, a legend of the severities used, a table per group, and a note
    that the list is not complete."""
    story: Story = [kit.p(kit.t(section.intro)), severity_legend(kit, section)]
    for group in section.groups:
        # A group that does not fit splits by row, repeating its title row.
        story.append(interaction_table(kit, group))
    story.append(kit.p(kit.t(section.not_complete)))
    return story + render_blocks(kit, section.more)


def label_widths(kit: Kit) -> list[float]:
    """Column widths of label-and-text tables; labels get more room in a narrow column."""
    share = 0.22 if kit.width > 400 else 0.32
    return [kit.width * share, kit.width * (1 - share)]


def severity_badge(kit: Kit, severity: str) -> Flowable:
    """The severity's name, in white bold (the cell behind it has the severity's colour)."""
    return kit.p(kit.caps(kit.u(SEVERITY[severity])), "badge")


def severity_legend(kit: Kit, section: Interactions) -> Table:
    """A badge and its meaning for each severity the groups use."""
    used = [s for s in SEVERITIES if any(g.severity == s for g in section.groups)]
    rows: list[list[Cell]] = [[severity_badge(kit, s), kit.p(kit.u(SEVERITY_MEANING[s]), "table")] for s in used]
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


def interaction_table(kit: Kit, group: InteractionGroup) -> Table:
    """One group: its severity and title, the medicines, what can happen and what to do."""
    severity_colour = colors.HexColor(kit.template.severity_colours[group.severity])
    drugs = kit.loc.list([kit.t(drug) for drug in group.drugs])
    rows: list[list[Cell]] = [
        [severity_badge(kit, group.severity), kit.p(kit.t(group.title), "table_bold")],
        [kit.p(kit.u(KIND_LABEL[group.kind]), "table_bold"), kit.p(drugs, "table")],
        [kit.p(kit.u(EFFECT_LABEL), "table_bold"), kit.p(kit.t(group.effect), "table")],
        [kit.p(kit.u(ADVICE_LABEL), "table_bold"), kit.p(kit.t(group.advice), "table")],
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


SECTION = Section(
    key="interactions",
    heading=HEADING,
    schema=SCHEMA,
    model=Interactions,
    build=build,
    render=render,
    notes=(
        (
            r"\.drugs\.",
            "Name of an interacting medicine (INN), in a list. Use the INN your language uses; keep any "
            "name in brackets as a second name.",
        ),
        (r"\.effect$", "Interaction table, row 'What can happen'."),
        (r"\.advice$", "Interaction table, row 'What to do'."),
        *BLOCK_NOTES,
    ),
    rules=rules,
)
