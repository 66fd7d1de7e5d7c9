"""Glossary warnings: a message whose English uses a key term, translated without the term's chosen words.

:func:`term_findings` takes a catalogue, the current source messages and the
language's glossary (:func:`medleaflet.i18n.terms.load_glossary`) and returns
one non-blocking :class:`~medleaflet.i18n.qa.checks.Finding` (kind
``glossary``) per message and term, at the message's ``msgstr`` line, naming
the chosen translation and the glossary line that chose it. Only printable
messages are looked at: an untranslated or fuzzy one is already refused. A
translator comment ``# glossary-exception: TERM`` exempts its entry from TERM.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from medleaflet.content.load import display_name
from medleaflet.errors import InputError, SourceLocation, ValidationError
from medleaflet.i18n.catalogues import Catalogue
from medleaflet.i18n.qa.checks import Finding, message_strings, usable
from medleaflet.i18n.sources import SourceMessage
from medleaflet.i18n.terms import Term, glossary_path, load_glossary, terms_used
from medleaflet.project import Project


def glossary_findings(project: Project, catalogue: Catalogue, sources: Sequence[SourceMessage]) -> list[Finding]:
    """:func:`term_findings` for the glossary of ``catalogue``'s language; a glossary that cannot be
    read gives one blocking finding per problem instead, so the catalogue's own findings still show."""
    try:
        terms = load_glossary(project, catalogue.locale)
    except ValidationError as error:
        return [Finding(p.location, "", p.message, kind="glossary") for p in error.problems]
    except InputError as error:
        where = error.location or SourceLocation(
            display_name(glossary_path(project, catalogue.locale), project.root), 1
        )
        return [Finding(where, "", error.message, kind="glossary")]
    return term_findings(catalogue, sources, terms)


def term_findings(catalogue: Catalogue, sources: Iterable[SourceMessage], terms: Sequence[Term]) -> list[Finding]:
    """A warning for each printable message of ``catalogue`` that uses a term of ``terms`` in its
    English but neither the term's ``target`` nor its ``forms`` in some translated form."""
    findings = []
    for source in sources if terms else ():
        message = catalogue.find(source.context, source.msgid)
        if message is None or not usable(message, source):
            continue
        english = " ".join(filter(None, (source.msgid, source.plural)))
        for term in terms_used(english, message.user_comments, terms):
            if not all(term.in_translation(form) for form in message_strings(message)):
                text = (
                    f"glossary: the English says '{term.source}', chosen as '{term.target}' at {term.location}; "
                    "use it here, or add the form used to that term's forms"
                )
                findings.append(
                    Finding(
                        catalogue.msgstr_location(message),
                        source.context,
                        text,
                        blocking=False,
                        kind="glossary",
                        msgid=source.msgid,
                    )
                )
    return findings
