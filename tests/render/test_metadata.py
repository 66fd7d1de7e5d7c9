"""medleaflet.render.metadata: the PDF's information dictionary and its reproducible date, in memory."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from medleaflet.layout.document import LaidOutLeaflet
from medleaflet.pipeline import BuildOptions, lay_out_leaflet
from medleaflet.project import Project
from medleaflet.render.metadata import document_options, pdf_date_formatter
from medleaflet.render.pdf import render_pdf
from tests.conftest import ROOT

PROJECT = Project(ROOT)


@pytest.fixture(scope="module")
def document() -> LaidOutLeaflet:
    return lay_out_leaflet(PROJECT, PROJECT.leaflet_ids()[0], "en", BuildOptions())


def test_the_date_is_midnight_utc_whatever_reportlab_passes() -> None:
    formatter = pdf_date_formatter(dt.date(2026, 11, 25))
    assert formatter(2000, 1, 1, 0, 0, 0) == "D:20261125000000+00'00'"
    assert formatter(2031, 5, 6, 7, 8, 9) == "D:20261125000000+00'00'"


def test_options_carry_the_info_and_invariance(document: LaidOutLeaflet) -> None:
    options = document_options(document.info)
    assert options["title"] == document.info.title and options["lang"] == document.info.lang
    assert options["keywords"] == list(document.info.keywords)
    assert options["invariant"] is True


@pytest.mark.parametrize("epoch", [None, "1700000000"])
def test_creation_and_modification_dates_are_the_revision_date(
    document: LaidOutLeaflet, monkeypatch: pytest.MonkeyPatch, epoch: str | None
) -> None:
    """Not the clock, and not ReportLab's SOURCE_DATE_EPOCH either."""
    if epoch:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    info = PdfReader(io.BytesIO(render_pdf(document).data)).metadata
    stamp = f"D:{document.info.date:%Y%m%d}000000+00'00'"
    assert info["/CreationDate"] == info["/ModDate"] == stamp
    assert info.title == document.info.title and info.subject == document.info.subject


def test_rendering_twice_gives_the_same_bytes(document: LaidOutLeaflet) -> None:
    assert render_pdf(document).data == render_pdf(document).data
