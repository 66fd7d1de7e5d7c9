"""The optional sections made only of blocks: monitoring, food and drink, pregnancy, driving, surgery.

Each is a mapping of stable keys to blocks (:mod:`medleaflet.sections.blocks`)
under a heading of the tool's; a leaflet includes those its medicine needs.
"""

from __future__ import annotations

from medleaflet.sections.blocks import blocks_section
from medleaflet.sections.registry import N_

SECTIONS = (
    # TRANSLATORS: Section heading: blood tests and other checks while taking the medicine.
    blocks_section("monitoring", N_("ui:section.monitoring", "Check-ups and blood tests")),
    # TRANSLATORS: Section heading.
    blocks_section("food_and_drink", N_("ui:section.food_and_drink", "Food and drink")),
    # TRANSLATORS: Section heading.
    blocks_section("pregnancy", N_("ui:section.pregnancy", "Pregnancy, breastfeeding and fertility")),
    # TRANSLATORS: Section heading.
    blocks_section("driving", N_("ui:section.driving", "Driving and using machines")),
    # TRANSLATORS: Section heading: what to tell a surgeon or dentist.
    blocks_section("surgery", N_("ui:section.surgery", "Operations and dental treatment")),
)
