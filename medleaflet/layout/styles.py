"""The stylesheet: a template's type scale and colours as ReportLab paragraph styles.

:func:`palette` turns a template's colours into ReportLab colours;
:func:`stylesheet` gives every paragraph style the layout uses, by name, in
the faces of one font family and aligned for the page's direction.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from medleaflet.content.templates import Template
from textengine.itemise import FontFamily


def palette(template: Template) -> dict[str, colors.Color]:
    """The template's colours by name (``text``, ``accent``, ``rule``, ``warning``...)."""
    return {name: colors.HexColor(value) for name, value in template.colours.items()}


def stylesheet(
    template: Template,
    colour: dict[str, colors.Color],
    family: FontFamily,
    rtl: bool,
    spacing: float = 1.0,
    line_height: float = 1.0,
) -> dict[str, ParagraphStyle]:
    """Every paragraph style by name, from ``template``'s type scale and its :func:`palette`
    ``colour``, set in ``family``, aligned right and indented on the right for a right-to-left page.

    ``spacing`` scales the space before and after every paragraph (never a size or a leading):
    the layout tightens it to save a nearly empty last page. ``line_height`` scales every
    leading, for a language whose script needs more room between lines (Nastaliq)."""
    scale = template.type_scale
    align = TA_RIGHT if rtl else TA_LEFT
    base = ParagraphStyle(
        "body",
        fontName=family.regular,
        bulletFontName=family.regular,
        fontSize=scale["body"].size,
        leading=scale["body"].leading,
        textColor=colour["text"],
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
    trailing = TA_LEFT if rtl else TA_RIGHT
    muted: dict[str, object] = {"textColor": colour["muted"], "spaceAfter": 0}
    bold: dict[str, object] = {"fontName": family.bold}

    def bulleted(name: str, size: str) -> ParagraphStyle:
        """A list-item style: text indented on the leading side, bullet at the edge."""
        indent = {"rightIndent": bullet_indent} if rtl else {"leftIndent": bullet_indent}
        return derive(name, size, bulletIndent=0, spaceAfter=2, **indent)

    styles = {
        "body": base,
        "title": derive("title", "title", fontName=family.bold, textColor=colour["accent"], spaceAfter=2),
        "label": derive("label", "small", fontName=family.bold, textColor=colour["accent"], spaceAfter=4),
        "subtitle": derive("subtitle", "subtitle", textColor=colour["muted"], spaceAfter=6),
        "heading": derive(
            "heading",
            "heading",
            fontName=family.bold,
            textColor=colour["accent"],
            spaceBefore=scale["heading"].leading * 0.5,
            spaceAfter=scale["heading"].leading * 0.35,
        ),
        "subheading": derive("subheading", "subheading", fontName=family.bold, spaceBefore=4, spaceAfter=2),
        "bullet": bulleted("bullet", "body"),
        "body_bold": derive("body_bold", "body", fontName=family.bold),
        "warning": derive("warning", "warning", spaceAfter=4),
        "warning_title": derive("warning_title", "warning", fontName=family.bold, spaceAfter=4),
        "warning_bullet": bulleted("warning_bullet", "warning"),
        "table": derive("table", "table", spaceAfter=0),
        "table_bold": derive("table_bold", "table", fontName=family.bold, spaceAfter=0),
        "badge": derive("badge", "table", fontName=family.bold, textColor=colour["on_dark"], spaceAfter=0),
        "small": derive("small", "small", textColor=colour["muted"], spaceAfter=2),
        "furniture": derive("furniture", "small", **muted),
        "furniture_bold": derive("furniture_bold", "small", **muted, **bold),
        "emergency_number": derive(
            "emergency_number",
            "heading",
            fontName=family.bold,
            textColor=colour["warning"],
            spaceBefore=4,
            spaceAfter=2,
        ),
        # Footer text at the trailing edge: the page number and the clinic.
        "furniture_end": derive("furniture_end", "small", **muted, **bold, alignment=trailing),
        "furniture_end_regular": derive("furniture_end_regular", "small", **muted, alignment=trailing),
    }
    for style in styles.values():
        style.spaceBefore *= spacing
        style.spaceAfter *= spacing
        style.leading *= line_height
    return styles
