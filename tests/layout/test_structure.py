"""medleaflet.layout.structure: every block of a real leaflet, laid out in memory, declares its role."""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable

from medleaflet.content.clinic import load_clinic
from medleaflet.content.templates import load_template
from medleaflet.errors import IncompleteTranslationError
from medleaflet.layout.document import LaidOutLeaflet
from medleaflet.layout.structure import Node, Role, StructureRecorder
from medleaflet.pipeline import BuildOptions, lay_out_leaflet
from medleaflet.project import Project
from medleaflet.sections import SECTIONS
from tests.conftest import DATA, ROOT

PROJECT = Project(ROOT)
LEAFLET = PROJECT.leaflet_ids()[0]
#: A shipped test clinic with a website (its QR code is a figure).
CLINIC = next(
    clinic for path in sorted((DATA / "clinics").glob("*.yaml")) if (clinic := load_clinic(path, ROOT)).website
)


@pytest.fixture(scope="module")
def document() -> LaidOutLeaflet:
    return lay_out_leaflet(PROJECT, LEAFLET, "en", BuildOptions(clinic=CLINIC))


@pytest.fixture(scope="module")
def tree(document: LaidOutLeaflet) -> Node:
    return document.structure()


def test_the_document_is_its_blocks_then_the_page_furniture(document: LaidOutLeaflet, tree: Node) -> None:
    assert tree.role is Role.DOCUMENT and tree.lang == document.info.lang
    *blocks, furniture = tree.children
    assert len(blocks) == len(document.blocks())
    assert all(block.role is Role.SECTION and block.lang == "en" for block in blocks)
    assert furniture.role is Role.ARTIFACT


def test_the_medicine_name_is_the_only_level_one_heading(document: LaidOutLeaflet, tree: Node) -> None:
    [title] = [node for node in tree.find(Role.HEADING) if node.level == 1]
    assert title.text is not None and title.text in document.info.title
    assert title in tree.children[0].children


def test_every_section_heading_is_level_two_and_opens_a_bookmark(document: LaidOutLeaflet, tree: Node) -> None:
    sections = [block for block in document.blocks() if block.outline is not None]
    assert len(sections) == len(document.blocks()) - 2  # all but the title block and the end matter
    for block, section in zip(sections, tree.children[1:-2], strict=True):
        heading = section.children[0]
        assert heading.role is Role.HEADING and heading.level == 2
        assert block.outline is not None and heading.text == block.outline.title
        assert block.anchor in _opened(block.flowables)
    titles = [block.outline.title for block in sections if block.outline]
    assert all(any(SECTIONS[key].heading.message in title for key in SECTIONS) for title in titles)


def test_lists_hold_items(tree: Node) -> None:
    lists = tree.find(Role.LIST)
    assert lists
    for listing in lists:
        assert listing.children and all(item.role is Role.LIST_ITEM and item.text for item in listing.children)


def test_tables_hold_rows_of_cells(tree: Node) -> None:
    tables = tree.find(Role.TABLE)
    assert tables
    for table in tables:
        assert table.children and all(row.role is Role.ROW for row in table.children)
        assert all(cell.role is Role.CELL for row in table.children for cell in row.children)


def test_the_qr_code_is_a_figure_whose_alternative_text_is_the_url(tree: Node) -> None:
    [figure] = tree.find(Role.FIGURE)
    assert figure.alt == CLINIC.website


def test_paragraphs_and_headings_carry_their_text(tree: Node) -> None:
    for node in tree.walk():
        if node.role in (Role.PARAGRAPH, Role.HEADING):
            assert node.text


def _opened(flowables: tuple[Flowable, ...]) -> list[Flowable]:
    """``flowables`` with every keep-with-next group opened."""
    return [inner for flowable in flowables for inner in getattr(flowable, "content", [flowable])]


def test_bilingual_blocks_pair_english_with_the_patient_language() -> None:
    bilingual = next(
        name for name in PROJECT.template_names() if load_template(PROJECT.template_path(name), ROOT).bilingual
    )
    for leaflet, locale in ((leaflet, locale) for leaflet in PROJECT.leaflet_ids() for locale in PROJECT.locales()[1:]):
        try:
            tree = lay_out_leaflet(PROJECT, leaflet, locale, BuildOptions(template=bilingual)).structure()
            break
        except IncompleteTranslationError:
            continue  # a leaflet still being translated
    else:
        pytest.skip("no leaflet is translated")
    *blocks, furniture = tree.children
    assert furniture.role is Role.ARTIFACT
    for block in blocks:
        english, patient = block.children
        assert block.role is Role.GROUP and english.lang == "en" and patient.lang == tree.lang != "en"


def test_a_flowable_the_kit_did_not_make_has_no_role() -> None:
    with pytest.raises(TypeError, match="Drawing has no structural role"):
        StructureRecorder().nodes([Drawing(10, 10)])
