"""medleaflet.layout.widgets: the widget kit, on a real leaflet laid out in memory (milliseconds each)."""

from __future__ import annotations

import pytest
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer, Table

from medleaflet.content.model import Text
from medleaflet.errors import IncompleteTranslationError
from medleaflet.i18n import ui
from medleaflet.i18n.localise import localise
from medleaflet.layout.leaflet import LeafletLayout
from medleaflet.layout.structure import Node, Role
from medleaflet.layout.widgets import Kit
from tests.sections.kit import LEAFLETS, PROJECT, layout, leaflet
from textengine.paragraph import BidiParagraph


@pytest.fixture(scope="module")
def english() -> LeafletLayout:
    return layout(leaflet(LEAFLETS[0]))


@pytest.fixture
def kit(english: LeafletLayout) -> Kit:
    return english.kit()


@pytest.fixture(scope="module")
def rtl_kit() -> Kit:
    """A kit in the first shipped right-to-left language, for the first leaflet translated into it."""
    for name in LEAFLETS:
        shipped = leaflet(name)
        for locale in PROJECT.locales():
            try:
                localised = layout(shipped, localised=localise(PROJECT, shipped, locale))
            except IncompleteTranslationError:
                continue  # a leaflet still being translated
            if localised.text.rtl:
                return localised.kit()
    pytest.skip("no right-to-left language is shipped")


def node_of(kit: Kit, flowable: Flowable) -> Node:
    """The structure node ``kit`` recorded for ``flowable`` (there must be one)."""
    node = kit.structure.node(flowable)
    assert node is not None, f"no role recorded for {flowable!r}"
    return node


def texts_by_length(layout: LeafletLayout) -> list[Text]:
    """Every text of the leaflet, shortest first."""
    return sorted(layout.leaflet.texts(), key=lambda text: len(text.value))


def test_a_paragraph_is_escaped_plain_text(kit: Kit) -> None:
    paragraph = kit.p("1 < 2 & <b>not bold</b>")
    assert isinstance(paragraph, Paragraph)
    assert "".join(frag.text for frag in paragraph.frags) == "1 < 2 & <b>not bold</b>"
    assert node_of(kit, paragraph).role is Role.PARAGRAPH


def test_a_right_to_left_paragraph_is_set_by_the_text_engine(rtl_kit: Kit) -> None:
    assert isinstance(rtl_kit.p(rtl_kit.u(ui.KEEP_LEAFLET)), BidiParagraph)


def test_a_box_keeps_its_title_with_its_first_paragraph(kit: Kit) -> None:
    content = [kit.p("Title", "warning_title"), kit.p("First."), kit.p("Second."), kit.p("Third.")]
    box = kit.box(content, "warning")
    assert [row[0] for row in box._cellvalues] == [content[:2], content[2], content[3]]
    group = node_of(kit, box)
    assert group.role is Role.GROUP
    assert [node.text for node in group.children] == ["Title", "First.", "Second.", "Third."]


def test_short_lists_run_in_two_columns_only_when_every_item_fits(english: LeafletLayout) -> None:
    kit = english.kit()
    short = texts_by_length(english)[:4]
    two = kit.bullets(short, columns=2)
    assert isinstance(two[0], Table) and isinstance(two[1], Spacer) and len(two) == 2
    assert len(two[0]._cellvalues[0]) == 2
    listing = node_of(kit, two[0])
    assert listing.role is Role.LIST
    assert [item.role for item in listing.children] == [Role.LIST_ITEM] * 4
    assert [item.text for item in listing.children] == [kit.t(text) for text in short]

    too_few = kit.bullets(short[:3], columns=2)
    assert all(isinstance(f, Paragraph) for f in too_few[:3]) and len(too_few) == 4

    longest = texts_by_length(english)[-1]
    assert kit.text.width(kit.t(longest), kit.styles["bullet"]) > kit.width / 2
    one = kit.bullets([*short[:3], longest], columns=2)
    assert not any(isinstance(flowable, Table) for flowable in one)
    # The items of one list are one list node, in reading order.
    assert kit.structure.nodes(one) == (node_of(kit, one[0]),)
    assert node_of(kit, one[0]).role is Role.LIST


def test_lists_stay_in_one_column_in_a_narrow_layout(english: LeafletLayout) -> None:
    text = english.text
    narrow = LeafletLayout(english.leaflet, english.template, text.loc, text.fonts, width=english.width / 2)
    assert english.list_columns == 2 and narrow.list_columns == 1


def test_tables_mirror_in_right_to_left_languages_and_keep_reading_order(kit: Kit, rtl_kit: Kit) -> None:
    for layout_kit, mirrored in ((kit, False), (rtl_kit, True)):
        first, second = layout_kit.p("first"), layout_kit.p("second")
        table = layout_kit.table([[first, second]], [100, 200], [], fit=False)
        assert table._cellvalues[0] == ([second, first] if mirrored else [first, second])
        assert table._colWidths == ([200, 100] if mirrored else [100, 200])
        assert table.hAlign == ("RIGHT" if mirrored else "LEFT")
        structure = node_of(layout_kit, table)
        assert structure.role is Role.TABLE
        [row] = structure.children
        assert row.role is Role.ROW
        assert [cell.role for cell in row.children] == [Role.CELL, Role.CELL]
        assert [cell.children[0].text for cell in row.children] == ["first", "second"]


def test_a_heading_and_its_rule_keep_with_what_follows(kit: Kit) -> None:
    heading, rule = kit.heading("1. Heading")
    assert isinstance(rule, HRFlowable) and heading.keepWithNext and rule.keepWithNext
    assert node_of(kit, heading).role is Role.HEADING and node_of(kit, heading).level == 2
    assert kit.structure.node(rule) is None and kit.structure.nodes([rule])[0].role is Role.ARTIFACT


def test_a_table_fits_its_columns_to_their_content(kit: Kit) -> None:
    """A short label column beside long text gets only the room its label needs."""
    label, text = kit.p("Label", "table_bold"), kit.p("A long text that wraps over several lines. " * 6, "table")
    table = kit.table([[label, text]], [kit.width / 2, kit.width / 2], [])
    narrow, wide = table._colWidths
    assert narrow < kit.width / 4 and narrow + wide == pytest.approx(kit.width)
    assert narrow >= label.minWidth() + 12  # ReportLab's default padding, 6 on each side


def test_a_subheading_opens_a_bookmark_under_its_section(kit: Kit) -> None:
    subheading = kit.subheading("Sub")
    [(anchor, outline)] = kit.marks
    assert anchor is subheading and outline.title == "Sub" and outline.level == 1


def test_intro_and_subheading_keep_with_next(kit: Kit, english: LeafletLayout) -> None:
    intro = kit.intro(texts_by_length(english)[0])
    subheading = kit.subheading("Sub")
    assert intro.keepWithNext and subheading.keepWithNext
    assert node_of(kit, subheading).role is Role.HEADING and node_of(kit, subheading).level == 3


def test_a_figure_says_what_it_shows(kit: Kit) -> None:
    figure = kit.figure(Spacer(10, 10), alt="https://example.org")
    node = node_of(kit, figure)
    assert node.role is Role.FIGURE and node.alt == "https://example.org"


def test_capitals_follow_the_template(kit: Kit) -> None:
    assert kit.caps("Serious") == ("SERIOUS" if kit.template.uppercase_labels else "Serious")
