"""medleaflet.content.templates: the standard template and bad templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from medleaflet.content.templates import load_template
from medleaflet.errors import ValidationError
from medleaflet.sections import SECTIONS
from tests.conftest import DATA, ROOT, expectations

BAD_TEMPLATES = sorted((DATA / "bad_templates").glob("*.yaml"))


def test_standard_template_meets_usp_17() -> None:
    template = load_template(ROOT / "templates" / "standard.yaml", ROOT)
    assert template.type_scale["body"].size >= 11
    assert template.type_scale["warning"].size >= 12
    assert set(template.sections) == set(SECTIONS)
    assert template.paper in ("a4", "letter")


@pytest.mark.parametrize("path", BAD_TEMPLATES, ids=[path.stem for path in BAD_TEMPLATES])
def test_bad_template(path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        load_template(path, DATA / "bad_templates")
    assert caught.value.lines() == [f"{path.name}:{line}" for line in expectations(path)]


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("name", ["standard", "large-print", "bilingual"])
def test_colour_contrast_meets_wcag_aa(name: str) -> None:
    template = load_template(ROOT / "templates" / f"{name}.yaml", ROOT)
    colours = template.colours
    pairs = [
        (colours["text"], "#ffffff"),
        (colours["muted"], "#ffffff"),
        (colours["accent"], "#ffffff"),
        (colours["text"], colours["warning_fill"]),
        (colours["text"], colours["caution_fill"]),
        (colours["text"], colours["accent_fill"]),
        (colours["muted"], colours["warning_fill"]),
        (colours["warning"], colours["warning_fill"]),
        *[(colours["on_dark"], severity) for severity in template.severity_colours.values()],
    ]
    for foreground, background in pairs:
        assert contrast(foreground, background) >= 4.5, (foreground, background)


def test_large_print_sizes(tmp_path: Path) -> None:
    import statistics

    import pdfplumber

    from tests.conftest import run_cli

    code, _, err = run_cli("build", "baclofen", "--template", "large-print", "--out", str(tmp_path))
    assert code == 0, err
    pdf = tmp_path / "baclofen.en.large-print.pdf"
    with pdfplumber.open(pdf) as document:
        chars = [c for page in document.pages for c in page.chars if c["text"].strip()]
        text = " ".join(page.extract_text() or "" for page in document.pages)
    sizes = [round(c["size"], 1) for c in chars]
    assert statistics.median(sizes) >= 16
    assert sum(size >= 14 for size in sizes) / len(sizes) >= 0.9
    bold_headings = [c["size"] for c in chars if "Bold" in c["fontname"] and c["size"] >= 18]
    assert bold_headings and min(bold_headings) >= 18
    assert not any("Italic" in c["fontname"] for c in chars)
    assert "PATIENT INFORMATION" not in text and "SERIOUS" not in text
