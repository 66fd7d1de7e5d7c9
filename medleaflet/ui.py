"""The layout's own words: section headings, labels, footer text.

Each string is declared with :func:`N_` ``(context, message)``, which only
marks it for extraction (Babel's Python extractor, keyword ``N_:1c,2``) and
returns a :class:`UIText`; :mod:`medleaflet.localise` translates it at render
time. Placeholders use ``{name}`` (python-brace-format).
"""

from __future__ import annotations

from typing import NamedTuple


class UIText(NamedTuple):
    """A layout string: its message context and English text."""

    context: str
    message: str


def N_(context: str, message: str) -> UIText:  # noqa: N802 - gettext convention
    """Mark a layout string for extraction; translation happens later."""
    return UIText(context, message)


LEAFLET_LABEL = N_("ui:title", "Patient information leaflet")
KEEP_LEAFLET = N_("ui:title", "Keep this leaflet. You may need to read it again.")
FORMS_HEADING = N_("ui:identity", "Forms, strengths and brand names")
FORM_COLUMN = N_("ui:identity", "Form")
STRENGTHS_COLUMN = N_("ui:identity", "Strengths")
BRANDS_COLUMN = N_("ui:identity", "Brand names (where sold)")
BRAND_WHERE = N_("ui:identity", "{brand} ({countries})")

SECTION_TITLES: dict[str, UIText] = {
    "uses": N_("ui:section", "What it is used for"),
    "how_it_works": N_("ui:section", "How it works"),
    "before_you_take": N_("ui:section", "Before you take it"),
    "how_to_take": N_("ui:section", "How to take it"),
    "interactions": N_("ui:section", "Other medicines (interactions)"),
    "alcohol": N_("ui:section", "Alcohol"),
    "side_effects": N_("ui:section", "Side effects"),
    "overdose": N_("ui:section", "If you take too much (overdose)"),
    "seek_help": N_("ui:section", "When to get help"),
    "storage": N_("ui:section", "How to store it"),
}
SECTION_NUMBERED = N_("ui:section", "{number}. {title}")

OFF_LABEL_HEADING = N_("ui:uses", "Use for alcohol problems")
MISSED_DOSE_HEADING = N_("ui:how_to_take", "If you forget a dose")
PUMP_HEADING = N_("ui:how_to_take", "If you have a baclofen pump")
COMMON_SIDE_EFFECTS = N_("ui:side_effects", "Common side effects")
SERIOUS_SIDE_EFFECTS = N_("ui:side_effects", "Serious side effects")
ALCOHOL_BOX_TITLE = N_("ui:alcohol", "Alcohol and this medicine")
EMERGENCY_BOX_TITLE = N_("ui:seek_help", "Emergency: get help now")
CLINIC_NAME = N_("ui:seek_help", "Clinic or pharmacy")
CLINIC_PHONE = N_("ui:seek_help", "Phone")
EMERGENCY_NUMBER = N_("ui:seek_help", "Emergency number")

SEVERITY_LEGEND = N_("ui:interactions", "How serious")
SEVERITY: dict[str, UIText] = {
    "serious": N_("ui:severity", "Serious"),
    "moderate": N_("ui:severity", "Moderate"),
    "minor": N_("ui:severity", "Minor"),
}
SEVERITY_MEANING: dict[str, UIText] = {
    "serious": N_("ui:severity", "Can be dangerous. Use together only if your doctor says so."),
    "moderate": N_("ui:severity", "Your doctor may need to change a dose or watch you closely."),
    "minor": N_("ui:severity", "Usually not a problem, but tell your pharmacist."),
}
MEDICINES_LABEL = N_("ui:interactions", "Medicines")
EFFECT_LABEL = N_("ui:interactions", "What can happen")
ADVICE_LABEL = N_("ui:interactions", "What to do")

SOURCES_HEADING = N_("ui:end", "Sources")
DISCLAIMER = N_(
    "ui:end",
    "This leaflet does not replace advice from your doctor, nurse or pharmacist. "
    "Read the leaflet that comes with your medicine too.",
)

DOCUMENT_TITLE = N_("ui:metadata", "{medicine}: patient information leaflet")
RUNNING_TITLE = N_("ui:header", "{medicine}: patient information")
FOOTER_VERSION = N_("ui:footer", "Leaflet {leaflet} version {version}, revised {date}")
FOOTER_PAGE = N_("ui:footer", "Page {page} of {pages}")
REVIEW_DRAFT = N_("ui:footer", "Draft: not yet reviewed by a pharmacist or doctor")
REVIEW_DONE = N_("ui:footer", "Clinically reviewed by {reviewer} on {date}")
