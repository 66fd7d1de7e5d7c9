"""The section registry: what every leaflet section declares, in one place.

A :class:`Section` names its key (the field under ``sections:`` in a leaflet
file), its heading (a layout message) and its renderer. The layout stage
numbers the sections in the template's order and calls each renderer with
the section's model; it knows no section by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable

from medleaflet.i18n.ui import UIText

if TYPE_CHECKING:
    from medleaflet.layout.leaflet import LeafletLayout

#: ``render(kit, section)``: the section's flowables, after its heading.
Renderer = Callable[["LeafletLayout", Any], list[Flowable]]


@dataclass(frozen=True)
class Section:
    """One leaflet section: its key, its heading and how it is laid out."""

    key: str
    heading: UIText
    render: Renderer
