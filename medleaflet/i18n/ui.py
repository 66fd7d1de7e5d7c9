"""The layout's own words: title block, section numbering, footer text.

Words that belong to one section (its heading, its labels) are declared in
that section's module, :mod:`medleaflet.sections`; :func:`medleaflet.i18n.sources.ui_sources`
collects both.

Each string is declared with :func:`N_` ``(context, message)``, which only
marks it for extraction (Babel's Python extractor, keyword ``N_:1c,2``) and
returns a :class:`UIText`; :mod:`medleaflet.i18n.localise` translates it at render
time. Placeholders use ``{name}`` (python-brace-format).

Every message has a context of its own, ``ui:GROUP.NAME`` (``ui:footer.page``):
whether a translation is usable, printed in English as a fallback, or signed
off is decided per message, so one finished heading prints translated while
its neighbours are still being written. ``GROUP`` names the part of the page;
the template carries it as a ``#. group:`` note, and the tests refuse two
messages with one context. A context, once shipped, stays: renaming it makes
every translation of the message fuzzy until a translator confirms it.
"""

from __future__ import annotations

from typing import NamedTuple


class UIText(NamedTuple):
    """A layout string: its message context and English text."""

    context: str
    message: str


#: Every layout string declared so far in this process, in declaration order: what an English
#: build prints as it is, without running Babel's extractor over the package (which it runs
#: only to say where a string is declared, :func:`medleaflet.i18n.ui_extract.ui_location`).
DECLARED: dict[UIText, None] = {}


def N_(context: str, message: str) -> UIText:  # noqa: N802 - gettext convention
    """Mark a layout string for extraction (translation happens later), and record it in
    :data:`DECLARED`."""
    item = UIText(context, message)
    DECLARED.setdefault(item, None)
    return item


# TRANSLATORS: Small label above the medicine name on page 1 (printed in capitals where the script has them).
LEAFLET_LABEL = N_("ui:title.label", "Patient information leaflet")
# TRANSLATORS: Small print under the title block.
KEEP_LEAFLET = N_("ui:title.keep", "Keep this leaflet. You may need to read it again.")
# TRANSLATORS: Heading of the table of dosage forms on page 1.
FORMS_HEADING = N_("ui:identity.heading", "Forms, strengths and brand names")
# TRANSLATORS: Column heading: the dosage form (tablets, liquid...).
FORM_COLUMN = N_("ui:identity.form_column", "Form")
# TRANSLATORS: Column heading: the strengths (5 mg, 10 mg...).
STRENGTHS_COLUMN = N_("ui:identity.strengths_column", "Strengths")
# TRANSLATORS: Column heading: brand names and the countries they are sold in.
BRANDS_COLUMN = N_("ui:identity.brands_column", "Brand names (where sold)")
# TRANSLATORS: {brand} is a brand name (keep it), {countries} a list of country names.
BRAND_WHERE = N_("ui:identity.brand_where", "{brand} ({countries})")
# TRANSLATORS: A brand that is no longer sold; {brand} is a brand name (keep it), {countries} country names.
BRAND_DISCONTINUED = N_("ui:identity.brand_discontinued", "{brand} ({countries}): no longer sold")
# TRANSLATORS: A generic (unbranded) product; {brand} is its name on the pack (keep it), {countries} country names.
BRAND_GENERIC = N_("ui:identity.brand_generic", "{brand} (generic, {countries})")
# TRANSLATORS: A form or strength sold only in some countries; {name} e.g. "10 mg", {countries} country names.
ONLY_IN = N_("ui:identity.only_in", "{name} (only in {countries})")
# TRANSLATORS: What a tablet of one strength looks like; {strength} e.g. "10 mg", {looks} e.g. "yellow, round".
STRENGTH_LOOKS = N_("ui:identity.strength_looks", "{strength}: {looks}")

# TRANSLATORS: A numbered section heading: {number} is 1 to 10, {title} a section heading.
SECTION_NUMBERED = N_("ui:section.numbered", "{number}. {title}")

# TRANSLATORS: The clinic's phone number; {phone} is a phone number.
CLINIC_PHONE_LINE = N_("ui:seek_help.clinic_phone_line", "Phone: {phone}")
# TRANSLATORS: Label before the list of sources, in small print at the end.
SOURCES_HEADING = N_("ui:end.sources", "Sources")
# TRANSLATORS: Small print at the end of every leaflet.
DISCLAIMER = N_(
    "ui:end.disclaimer",
    "This leaflet does not replace advice from your doctor, nurse or pharmacist. "
    "Read the leaflet that comes with your medicine too.",
)

# TRANSLATORS: PDF document title; {medicine} is the medicine name.
DOCUMENT_TITLE = N_("ui:metadata.document_title", "{medicine}: patient information leaflet")
# TRANSLATORS: Header on pages 2 and later; {medicine} is the medicine name.
RUNNING_TITLE = N_("ui:header.running_title", "{medicine}: patient information")
# TRANSLATORS: Footer. {leaflet} is the medicine's name as in the title, {version} e.g. 1.0, {date} a date.
# "revised" means changed (updated) on that date: use a word that cannot be read as "reviewed" or "checked".
FOOTER_VERSION = N_("ui:footer.version", "Leaflet {leaflet} version {version}, revised {date}")
# TRANSLATORS: Footer page number: {page} of {pages}.
FOOTER_PAGE = N_("ui:footer.page", "Page {page} of {pages}")
# TRANSLATORS: Footer: the English text has not yet been checked by a health professional.
REVIEW_DRAFT = N_("ui:footer.review_draft", "Draft: not yet reviewed by a pharmacist or doctor")
# TRANSLATORS: Footer: {reviewer} is a name and qualification, {date} a date.
REVIEW_DONE = N_("ui:footer.review_done", "Clinically reviewed by {reviewer} on {date}")
# TRANSLATORS: Footer, small print: nobody qualified has checked this translation yet.
TRANSLATION_DRAFT = N_("ui:footer.translation_draft", "Translation not yet reviewed by a qualified medical translator")
# TRANSLATORS: Footer, small print: {reviewer} is a name and qualification, {date} a date.
TRANSLATION_REVIEWED = N_("ui:footer.translation_reviewed", "Translation reviewed by {reviewer} on {date}")
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
    "ui:fallback.notice",
    "Parts of this leaflet are not translated yet. They are shown in English and marked {marker}.",
)
