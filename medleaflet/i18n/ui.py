"""The layout's own words: section headings, labels, footer text.

Each string is declared with :func:`N_` ``(context, message)``, which only
marks it for extraction (Babel's Python extractor, keyword ``N_:1c,2``) and
returns a :class:`UIText`; :mod:`medleaflet.i18n.localise` translates it at render
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


# TRANSLATORS: Small label above the medicine name on page 1 (printed in capitals where the script has them).
LEAFLET_LABEL = N_("ui:title", "Patient information leaflet")
# TRANSLATORS: Small print under the title block.
KEEP_LEAFLET = N_("ui:title", "Keep this leaflet. You may need to read it again.")
# TRANSLATORS: Heading of the table of dosage forms on page 1.
FORMS_HEADING = N_("ui:identity", "Forms, strengths and brand names")
# TRANSLATORS: Column heading: the dosage form (tablets, liquid...).
FORM_COLUMN = N_("ui:identity", "Form")
# TRANSLATORS: Column heading: the strengths (5 mg, 10 mg...).
STRENGTHS_COLUMN = N_("ui:identity", "Strengths")
# TRANSLATORS: Column heading: brand names and the countries they are sold in.
BRANDS_COLUMN = N_("ui:identity", "Brand names (where sold)")
# TRANSLATORS: {brand} is a brand name (keep it), {countries} a list of country names.
BRAND_WHERE = N_("ui:identity", "{brand} ({countries})")

# TRANSLATORS: Section headings of every leaflet; "it" is the medicine.
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
# TRANSLATORS: A numbered section heading: {number} is 1 to 10, {title} a section heading.
SECTION_NUMBERED = N_("ui:section", "{number}. {title}")

# TRANSLATORS: Sub-heading in "What it is used for": use of the medicine for alcohol problems.
OFF_LABEL_HEADING = N_("ui:uses", "Use for alcohol problems")
MISSED_DOSE_HEADING = N_("ui:how_to_take", "If you forget a dose")
# TRANSLATORS: Sub-heading: for people with a baclofen pump implanted for spinal injection.
PUMP_HEADING = N_("ui:how_to_take", "If you have a baclofen pump")
COMMON_SIDE_EFFECTS = N_("ui:side_effects", "Common side effects")
SERIOUS_SIDE_EFFECTS = N_("ui:side_effects", "Serious side effects")
# TRANSLATORS: Title of the red alcohol warning box.
ALCOHOL_BOX_TITLE = N_("ui:alcohol", "Alcohol and this medicine")
# TRANSLATORS: Title of the red emergency box in "When to get help".
EMERGENCY_BOX_TITLE = N_("ui:seek_help", "Emergency: get help now")
# TRANSLATORS: Label of a blank line where the clinic writes its name.
CLINIC_NAME = N_("ui:seek_help", "Clinic or pharmacy")
# TRANSLATORS: Label of a blank line where the clinic writes its phone number.
CLINIC_PHONE = N_("ui:seek_help", "Phone")
# TRANSLATORS: Label of a blank line for the local emergency phone number.
EMERGENCY_NUMBER = N_("ui:seek_help", "Emergency number")
# TRANSLATORS: Printed in the red emergency box; {number} is the local emergency number, e.g. 911.
EMERGENCY_CALL = N_("ui:seek_help", "Emergency number: {number}")
# TRANSLATORS: The national poison information line; {number} is a phone number.
POISON_CALL = N_("ui:seek_help", "Poison information: {number}")
# TRANSLATORS: The clinic's phone number; {phone} is a phone number.
CLINIC_PHONE_LINE = N_("ui:seek_help", "Phone: {phone}")
# TRANSLATORS: Caption under a QR code that opens the clinic's website.
QR_CAPTION = N_("ui:seek_help", "Scan to open the clinic's website")

# TRANSLATORS: Heading of the key that explains the severity labels.
SEVERITY_LEGEND = N_("ui:interactions", "How serious")
# TRANSLATORS: Severity labels of drug interactions, printed in capitals on a coloured badge. Keep them short.
SEVERITY: dict[str, UIText] = {
    "serious": N_("ui:severity", "Serious"),
    "moderate": N_("ui:severity", "Moderate"),
    "minor": N_("ui:severity", "Minor"),
}
# TRANSLATORS: What each severity label means, printed beside the badge.
SEVERITY_MEANING: dict[str, UIText] = {
    "serious": N_("ui:severity", "Can be dangerous. Use together only if your doctor says so."),
    "moderate": N_("ui:severity", "Your doctor may need to change a dose or watch you closely."),
    "minor": N_("ui:severity", "Usually not a problem, but tell your pharmacist."),
}
# TRANSLATORS: Row labels of each interaction table.
MEDICINES_LABEL = N_("ui:interactions", "Medicines")
EFFECT_LABEL = N_("ui:interactions", "What can happen")
ADVICE_LABEL = N_("ui:interactions", "What to do")

# TRANSLATORS: Label before the list of sources, in small print at the end.
SOURCES_HEADING = N_("ui:end", "Sources")
# TRANSLATORS: Small print at the end of every leaflet.
DISCLAIMER = N_(
    "ui:end",
    "This leaflet does not replace advice from your doctor, nurse or pharmacist. "
    "Read the leaflet that comes with your medicine too.",
)

# TRANSLATORS: PDF document title; {medicine} is the medicine name.
DOCUMENT_TITLE = N_("ui:metadata", "{medicine}: patient information leaflet")
# TRANSLATORS: Header on pages 2 and later; {medicine} is the medicine name.
RUNNING_TITLE = N_("ui:header", "{medicine}: patient information")
# TRANSLATORS: Footer. {leaflet} is the medicine's name as in the title, {version} e.g. 1.0, {date} a date.
FOOTER_VERSION = N_("ui:footer", "Leaflet {leaflet} version {version}, revised {date}")
# TRANSLATORS: Footer page number: {page} of {pages}.
FOOTER_PAGE = N_("ui:footer", "Page {page} of {pages}")
# TRANSLATORS: Footer: the English text has not yet been checked by a health professional.
REVIEW_DRAFT = N_("ui:footer", "Draft: not yet reviewed by a pharmacist or doctor")
# TRANSLATORS: Footer: {reviewer} is a name and qualification, {date} a date.
REVIEW_DONE = N_("ui:footer", "Clinically reviewed by {reviewer} on {date}")
# TRANSLATORS: Footer, small print: nobody qualified has checked this translation yet.
TRANSLATION_DRAFT = N_("ui:footer", "Translation not yet reviewed by a qualified medical translator")
# TRANSLATORS: Footer, small print: {reviewer} is a name and qualification, {date} a date.
TRANSLATION_REVIEWED = N_("ui:footer", "Translation reviewed by {reviewer} on {date}")
#: What every page says about review in English, for the staff who print it. These are chosen by the
#: tool from the recorded review (the leaflet's metadata, the translation's sign-off record) and are
#: deliberately not translatable: they are plain strings, not N_() messages.
ENGLISH_TEXT_REVIEWED = "Medicine text reviewed by {reviewer} on {date}."
ENGLISH_TEXT_DRAFT = "Medicine text: draft, not yet reviewed by a pharmacist or doctor."
ENGLISH_TRANSLATION_REVIEWED = "{language} translation medically reviewed by {reviewer} on {date}."
ENGLISH_TRANSLATION_DRAFT = "{language} translation: NOT reviewed by a qualified medical translator."
ENGLISH_TRANSLATION_PARTLY = (
    "{language} translation: NOT reviewed by a qualified medical translator ({signed} of {total} parts signed off)."
)

# TRANSLATORS: Notice on page 1 when some messages are printed in English because their translation is missing
# or out of date. {marker} is the mark put before each English passage, e.g. [EN].
FALLBACK_NOTICE = N_(
    "ui:fallback",
    "Parts of this leaflet are not translated yet. They are shown in English and marked {marker}.",
)
