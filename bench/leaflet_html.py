"""The same leaflet as HTML, for the peer renderer (WeasyPrint) the benchmark compares with.

:func:`leaflet_html` takes a laid-out leaflet (the one medleaflet prints) and
gives an HTML document of the same text in the same roles -- headings,
paragraphs, lists, tables -- set in the same font files (``@font-face`` on the
project's ``fonts/``), on the same paper, with a running "page X of Y" footer.
It is built from the structure tree (:meth:`LaidOutLeaflet.structure`), so
every leaflet, language and template the project has is there without code.
"""

from __future__ import annotations

import html
from pathlib import Path

from medleaflet.layout.document import LaidOutLeaflet
from medleaflet.layout.structure import Node, Role
from textengine.font_config import load_font_config

_TAGS = {
    Role.PARAGRAPH: "p",
    Role.LIST: "ul",
    Role.LIST_ITEM: "li",
    Role.TABLE: "table",
    Role.ROW: "tr",
    Role.CELL: "td",
    Role.SECTION: "section",
    Role.GROUP: "div",
}


def _element(node: Node) -> str:
    """One node of the structure tree as HTML (text escaped; figures and artifacts left out)."""
    if node.role in (Role.ARTIFACT, Role.FIGURE):
        return ""
    if node.role is Role.HEADING:
        level = min(node.level or 2, 6)
        return f"<h{level}>{html.escape(node.text or '')}</h{level}>"
    inner = html.escape(node.text) if node.text else "".join(_element(child) for child in node.children)
    tag = _TAGS.get(node.role, "div")
    lang = f' lang="{html.escape(node.lang)}"' if node.lang else ""
    return f"<{tag}{lang}>{inner}</{tag}>"


def _font_faces(fonts_dir: Path) -> tuple[str, list[str]]:
    """``@font-face`` rules for every family of ``fonts_dir``, and the family names in order
    (the Latin one first), for a font-family fallback list."""
    config = load_font_config(fonts_dir)
    rules, names = [], []
    for family in config.families.values():
        names.append(family.name)
        for weight, file in (("normal", family.regular), ("bold", family.bold)):
            url = (fonts_dir / file).resolve().as_uri()
            rules.append(f"@font-face {{ font-family: '{family.name}'; src: url('{url}'); font-weight: {weight}; }}")
    return "\n".join(rules), names


def leaflet_html(document: LaidOutLeaflet, fonts_dir: Path) -> str:
    """The HTML of ``document``'s text (see the module docstring)."""
    faces, families = _font_faces(fonts_dir)
    width, height = document.page_size
    top, right, bottom, left = document.margins
    structure = document.structure()
    direction = "rtl" if structure.lang and structure.lang.split("-")[0] in {"ar", "he", "fa", "ur", "ps"} else "ltr"
    body = "".join(_element(child) for child in structure.children)
    font_list = ", ".join(f"'{name}'" for name in families)
    return f"""<!DOCTYPE html>
<html lang="{html.escape(structure.lang or "en")}" dir="{direction}">
<head><meta charset="utf-8"><title>{html.escape(document.info.title)}</title>
<style>
{faces}
@page {{ size: {width}pt {height}pt; margin: {top}pt {right}pt {bottom}pt {left}pt;
  @bottom-center {{ content: "page " counter(page) " of " counter(pages);
    font-family: {font_list}; font-size: 8pt; }} }}
body {{ font-family: {font_list}; font-size: {document.font.size}pt; line-height: {document.font.leading}pt; }}
h1 {{ font-size: 22pt; }} h2 {{ font-size: 14pt; break-after: avoid; }} h3 {{ font-size: 12pt; }}
table {{ border-collapse: collapse; width: 100%; }}
td {{ border: 0.5pt solid #888; padding: 3pt; vertical-align: top; }}
</style></head>
<body>{body}</body>
</html>
"""
