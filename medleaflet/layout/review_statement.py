"""The footer's review statement, decided from the recorded review alone, never from translatable text.

:func:`review_lines` takes a leaflet's :class:`~medleaflet.layout.text.LeafletText`
and returns the lines of small print that say whether the medicine text and,
for a translation, the translation have been reviewed.
"""

from __future__ import annotations

from medleaflet.i18n import ui
from medleaflet.layout.text import LeafletText


def review_lines(text: LeafletText) -> list[str]:
    """Footer small print about review: the patient-language statement (if signed), then the English one.

    Every page says in English whether the medicine text and, for a
    translation, the translation have been reviewed, for the staff who
    print it. The same statement in the patient's language is added only
    where a reviewer has signed off that wording: an unreviewed
    translation's own "not reviewed" line could say anything.
    """
    english = english_review(text)
    translation = text.loc.translation_review
    if translation is None:
        return [english]
    translated = " ".join(
        text.u(item, **params)
        for item, params in _review_messages(text)
        if translation.is_signed(item.context, item.message)
    )
    return [line for line in (translated, english) if line]


def _review_messages(text: LeafletText) -> list[tuple[ui.UIText, dict[str, str]]]:
    """The patient-language review statements that fit the recorded review, with their values."""
    review = text.leaflet.metadata.review
    loc = text.loc
    messages: list[tuple[ui.UIText, dict[str, str]]] = []
    if review.status == "reviewed" and review.by and review.date:
        messages.append((ui.REVIEW_DONE, {"reviewer": review.by, "date": loc.date(review.date)}))
    else:
        messages.append((ui.REVIEW_DRAFT, {}))
    translation = loc.translation_review
    if translation is not None and translation.complete and translation.date:
        messages.append((ui.TRANSLATION_REVIEWED, {"reviewer": translation.by, "date": loc.date(translation.date)}))
    elif translation is not None:
        messages.append((ui.TRANSLATION_DRAFT, {}))
    return messages


def english_review(text: LeafletText) -> str:
    """The review statement in English (never translated), from the recorded review."""
    review = text.leaflet.metadata.review
    loc = text.loc
    if review.status == "reviewed" and review.by and review.date:
        parts = [ui.ENGLISH_TEXT_REVIEWED.format(reviewer=review.by, date=review.date.isoformat())]
    else:
        parts = [ui.ENGLISH_TEXT_DRAFT]
    translation = loc.translation_review
    if translation is not None:
        language = loc.language.english_name
        if translation.complete and translation.date:
            parts.append(
                ui.ENGLISH_TRANSLATION_REVIEWED.format(
                    language=language, reviewer=translation.by, date=translation.date.isoformat()
                )
            )
        elif translation.signed:
            parts.append(
                ui.ENGLISH_TRANSLATION_PARTLY.format(
                    language=language, signed=translation.signed, total=translation.total
                )
            )
        else:
            parts.append(ui.ENGLISH_TRANSLATION_DRAFT.format(language=language))
    return " ".join(parts)
