"""Stage 3, localise: everything language-specific the layout needs.

:func:`localiser_for` takes a project, a locale and the messages a leaflet
needs, and returns a :class:`Localiser`, which turns the model's
:class:`~medleaflet.content.model.Text` and the layout's
:class:`~medleaflet.i18n.ui.UIText` into display strings, and formats dates, lists
and country names through Babel's CLDR data. Text direction and the
language's own name also come from Babel.

English is the source language: its localiser returns the source text. Other
languages read their catalogue directly (no compiled ``.mo`` to fall out of
step) through :class:`CatalogueLocaliser`, which prints only translations
that pass QA. A fuzzy, missing or stale translation makes the build refuse
the language, or, with ``allow_fallback``, prints the English text marked
:data:`FALLBACK_MARK`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from babel import Locale
from babel.core import get_global
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

from medleaflet.content.model import Text
from medleaflet.errors import IncompleteTranslationError, SourceLocation
from medleaflet.i18n.catalogues import Catalogue, load_catalogue
from medleaflet.i18n.locales import SOURCE_LOCALE, parse_locale
from medleaflet.i18n.qa.checks import blocking, check_catalogue
from medleaflet.i18n.review import TranslationReview, load_record, review_of
from medleaflet.i18n.sources import SourceMessage
from medleaflet.i18n.ui import UIText
from medleaflet.project import Project

#: Put before every English passage printed in place of a missing translation.
FALLBACK_MARK = "[EN]"


class Localiser:
    """Language-specific text and formatting for one locale.

    The base class serves the English source: :meth:`lookup` returns the
    message unchanged.
    """

    def __init__(self, locale: Locale) -> None:
        self.locale = locale

    @property
    def code(self) -> str:
        """The locale code, e.g. ``en`` or ``pt_BR``."""
        return str(self.locale)

    @property
    def bcp47(self) -> str:
        """The language tag for the PDF's ``/Lang`` entry, e.g. ``pt-BR``."""
        return self.code.replace("_", "-")

    @property
    def direction(self) -> str:
        """``'ltr'`` or ``'rtl'``, from CLDR."""
        return "rtl" if self.locale.text_direction == "rtl" else "ltr"

    @property
    def script(self) -> str:
        """The language's usual script (ISO 15924, e.g. ``Deva``), from CLDR's likely subtags."""
        if self.locale.script:
            return self.locale.script
        likely = get_global("likely_subtags").get(self.locale.language, "")
        parts = likely.split("_")
        return parts[1] if len(parts) > 2 else "Latn"

    @property
    def language_name(self) -> str:
        """The language's name in its own language, e.g. ``English``."""
        name = self.locale.get_display_name(self.locale) or self.code
        return name[:1].upper() + name[1:]

    @property
    def translation_review(self) -> TranslationReview | None:
        """The medical sign-off of the translated messages; None for the source language."""
        return None

    @property
    def fallbacks(self) -> frozenset[str]:
        """Contexts printed in English because their translation is not usable."""
        return frozenset()

    def lookup(self, context: str, message: str) -> str:
        """The translation of ``message`` in ``context`` (source: unchanged)."""
        return message

    def where(self, context: str, message: str) -> SourceLocation | None:
        """Where the printed text of ``message`` comes from, if not the source file."""
        return None

    def text(self, text: Text, leaflet_id: str) -> str:
        """A leaflet string in this language."""
        return self.lookup(f"{leaflet_id}:{text.key}", text.value)

    def ui(self, item: UIText, **params: str) -> str:
        """A layout string in this language, with ``{name}`` placeholders filled."""
        translated = self.lookup(item.context, item.message)
        return translated.format(**params) if params else translated

    def date(self, value: dt.date) -> str:
        """A date in the locale's long form, e.g. ``25 November 2026``."""
        return format_date(value, format="long", locale=self.locale)

    def number(self, value: int) -> str:
        """A whole number in the locale's digits and grouping."""
        return format_decimal(value, locale=self.locale)

    def list(self, items: list[str]) -> str:
        """Items joined the locale's way, e.g. ``a, b and c``."""
        return format_list(items, style="standard", locale=self.locale)

    def country(self, code: str) -> str:
        """A country's name in this language, from its ISO 3166 code."""
        return self.locale.territories.get(code, code)


class CatalogueLocaliser(Localiser):
    """A translated language, read from its catalogue.

    Only messages that passed :func:`~medleaflet.i18n.qa.checks.check_catalogue`
    are printed; ``fallback`` holds the contexts to print in English instead.
    """

    def __init__(self, catalogue: Catalogue, review: TranslationReview, fallback: Iterable[str] = ()) -> None:
        super().__init__(parse_locale(catalogue.locale))
        self.catalogue = catalogue
        self.review = review
        self._fallback = frozenset(fallback)

    @property
    def translation_review(self) -> TranslationReview:
        return self.review

    @property
    def fallbacks(self) -> frozenset[str]:
        return self._fallback

    def where(self, context: str, message: str) -> SourceLocation | None:
        entry = None if context in self._fallback else self.catalogue.find(context, message)
        return self.catalogue.location(entry) if entry is not None else None

    def lookup(self, context: str, message: str) -> str:
        if context in self._fallback:
            return f"{FALLBACK_MARK} {message}"
        entry = self.catalogue.find(context, message)
        assert entry is not None and isinstance(entry.string, str), f"{context} was not checked"
        return entry.string


def localiser_for(
    project: Project,
    code: str,
    sources: list[SourceMessage],
    protected: Iterable[str] = (),
    allow_fallback: bool = False,
) -> Localiser:
    """The localiser for ``code``, checked against the ``sources`` it must translate.

    Raises :class:`~medleaflet.errors.IncompleteTranslationError` listing every
    blocking finding: always for QA failures (numbers, placeholders, markup,
    protected names), and for missing or fuzzy messages unless
    ``allow_fallback`` is set.
    """
    locale = project.locale(code)
    if locale == SOURCE_LOCALE:
        return Localiser(parse_locale(locale))
    catalogue = load_catalogue(project, locale)
    findings = blocking(check_catalogue(catalogue, sources, protected))
    refused = [finding for finding in findings if not (allow_fallback and finding.status)]
    if refused:
        missing = sum(1 for finding in refused if finding.status)
        hint = f"{catalogue.display}: refusing to print {locale}: {len(refused)} problem(s)" + (
            f", {missing} of them missing or out-of-date translations (--allow-fallback prints those in "
            "English, marked)"
            if missing
            else ""
        )
        raise IncompleteTranslationError(refused, hint)
    review = review_of(catalogue, load_record(catalogue, project.root), sources)
    return CatalogueLocaliser(catalogue, review, {finding.path for finding in findings if finding.status})
