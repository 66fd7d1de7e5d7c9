"""medleaflet.i18n.localise: a frozen LocalisedLeaflet, every string resolved with its source location."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.catalog import Message

from medleaflet.content.model import Leaflet
from medleaflet.content.validate import load_leaflet
from medleaflet.errors import IncompleteTranslationError
from medleaflet.i18n.catalogues import load_catalogue
from medleaflet.i18n.coverage import require_coverage
from medleaflet.i18n.locales import SOURCE_LOCALE, language_of
from medleaflet.i18n.localise import FALLBACK_MARK, localise
from medleaflet.i18n.sources import ui_sources
from medleaflet.i18n.ui import UIText
from medleaflet.i18n.ui_extract import ui_locations
from medleaflet.project import Project
from medleaflet.sections import SECTIONS
from tests.conftest import ROOT, edit_catalogue, pdf_text, prints, run_cli

PROJECT = Project(ROOT)
LEAFLETS = [load_leaflet(PROJECT.leaflet_path(name), ROOT) for name in PROJECT.leaflet_ids()]
TRANSLATED = [locale for locale in PROJECT.locales() if locale != SOURCE_LOCALE]
PO = "translations/fr/LC_MESSAGES/leaflets.po"


@pytest.mark.parametrize("leaflet", LEAFLETS, ids=[leaflet.id for leaflet in LEAFLETS])
def test_english_is_the_source_text_at_its_own_line(leaflet: Leaflet) -> None:
    localised = localise(PROJECT, leaflet, SOURCE_LOCALE)
    language = localised.language
    assert (language.code, language.bcp47, language.direction, localised.translation_review) == (
        "en",
        "en",
        "ltr",
        None,
    )
    for text in leaflet.texts():
        assert localised.text(text, leaflet.id) == text.value
        assert localised.where(f"{leaflet.id}:{text.key}", text.value) == text.location
    for source in ui_sources():
        assert localised.ui(UIText(source.context, source.msgid)) == source.msgid
        assert localised.where(source.context, source.msgid) == ui_locations()[(source.context, source.msgid)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        localised.fallbacks = frozenset({"x"})  # type: ignore[misc]


#: Every leaflet with each language it is translated into (a new leaflet may have none yet).
PRINTED = [(leaflet, locale) for leaflet in LEAFLETS for locale in TRANSLATED if prints(PROJECT, leaflet.id, locale)]


@pytest.mark.parametrize(("leaflet", "locale"), PRINTED, ids=[f"{leaflet.id}-{locale}" for leaflet, locale in PRINTED])
def test_a_translation_is_its_catalogue_entry_at_its_line(leaflet: Leaflet, locale: str) -> None:
    catalogue = load_catalogue(PROJECT, locale)
    localised = localise(PROJECT, leaflet, locale)
    assert localised.language == language_of(locale) and not localised.fallbacks
    assert localised.translation_review is not None
    for text in leaflet.texts():
        context = f"{leaflet.id}:{text.key}"
        entry = catalogue.find(context, text.value)
        assert entry is not None
        assert localised.text(text, leaflet.id) == entry.string
        assert localised.where(context, text.value) == catalogue.msgstr_location(entry)


def test_unknown_message_is_refused() -> None:
    localised = localise(PROJECT, LEAFLETS[0], SOURCE_LOCALE)
    with pytest.raises(KeyError, match="not among the messages localised"):
        localised.ui(UIText("ui:nowhere", "Not declared anywhere"))


def test_fallback_is_marked_english_at_the_leaflet_line(translated_project: Callable[[str], Path]) -> None:
    root = translated_project("fr")
    context = "minimal:sections.alcohol.paragraphs.one"

    def stale(message: Message) -> None:
        if message.context == context:
            message.flags.add("fuzzy")

    edit_catalogue(root / PO, stale)
    project = Project(root)
    leaflet = load_leaflet(project.leaflet_path("minimal"), root)
    with pytest.raises(IncompleteTranslationError):
        localise(project, leaflet, "fr")
    localised = localise(project, leaflet, "fr", allow_fallback=True)
    assert localised.fallbacks == {context}
    text = next(text for text in leaflet.texts() if f"minimal:{text.key}" == context)
    assert localised.text(text, "minimal") == f"{FALLBACK_MARK} {text.value}"
    assert localised.where(context, text.value) == text.location


@pytest.mark.parametrize("code", PROJECT.locales())
def test_language_facts_come_from_cldr(code: str) -> None:
    language, locale = language_of(code), Locale.parse(code)
    assert language.direction == locale.text_direction
    assert language.own_name == locale.get_display_name(locale)
    assert language.english_name == locale.get_display_name("en")
    assert language.bcp47 == code.replace("_", "-")


def test_every_uncovered_character_is_reported_at_once(translated_project: Callable[[str], Path]) -> None:
    """Two translations with characters no font draws: one error, a located problem per message
    naming every character of it."""
    from medleaflet.content.fonts import load_fonts
    from medleaflet.content.templates import DEFAULT_TEMPLATE, load_template

    root = translated_project("fr")
    spoilt = {
        "minimal:sections.uses.intro": "Testamol ᎠᎡ treats tests.",  # Cherokee: no font declared
        "minimal:sections.alcohol.paragraphs.one": "Ꭲ",
    }

    def spoil(message: Message) -> None:
        if message.context in spoilt:
            message.string = spoilt[message.context]

    edit_catalogue(root / PO, spoil)
    project = Project(root)
    leaflet = load_leaflet(project.leaflet_path("minimal"), root)
    localised = localise(project, leaflet, "fr")
    fonts = load_fonts(load_template(project.template_path(DEFAULT_TEMPLATE), root), project)
    with pytest.raises(IncompleteTranslationError) as caught:
        require_coverage(localised, fonts)
    problems = caught.value.problems
    assert sorted((problem.path, problem.message.split(" cannot")[0]) for problem in problems) == [
        ("minimal:sections.alcohol.paragraphs.one", "U+13A2 'Ꭲ' (Cher)"),
        ("minimal:sections.uses.intro", "U+13A0 'Ꭰ', U+13A1 'Ꭱ' (Cher)"),
    ]
    catalogue = load_catalogue(project, "fr")
    for problem in problems:
        entry = next(message for message in catalogue.messages() if message.context == problem.path)
        assert problem.location == catalogue.msgstr_location(entry)
    english = localise(project, leaflet, SOURCE_LOCALE)
    require_coverage(english, fonts)  # the English draws


def test_one_translated_heading_prints_among_english_fallbacks(make_project: Callable[..., Path]) -> None:
    """A new language with only one section heading translated: that heading prints translated,
    every other message (its neighbours in the layout included) in English, marked."""
    root = make_project([ROOT / "tests" / "data" / "leaflets" / "minimal.yaml"])
    locale = next(code for code in ("de", "it", "nl", "pl", "sv", "tr") if code not in PROJECT.locales())
    for args in (["extract"], ["init", locale]):
        assert run_cli("--root", str(root), *args)[0] == 0
    heading = SECTIONS["uses"].heading
    translated = "Wofür es verwendet wird"

    def translate_one(message: Message) -> None:
        if message.context == heading.context:
            message.string = translated

    edit_catalogue(root / "translations" / locale / "LC_MESSAGES" / "leaflets.po", translate_one)
    project = Project(root)
    leaflet = load_leaflet(project.leaflet_path("minimal"), root)
    localised = localise(project, leaflet, locale, allow_fallback=True)
    assert localised.ui(heading) == translated
    assert heading.context not in localised.fallbacks
    others = [section.heading for key, section in SECTIONS.items() if key != "uses"]
    assert all(other.context in localised.fallbacks for other in others)
    out = root / "out"
    code, _, err = run_cli(
        "--root", str(root), "build", "minimal", "--lang", locale, "--allow-fallback", "--out", str(out)
    )
    assert code == 0, err
    text = pdf_text(out / f"minimal.{locale}.pdf")
    assert translated in text and f"{FALLBACK_MARK} {translated}" not in text
    assert f"{FALLBACK_MARK} {heading.message}" not in text and FALLBACK_MARK in text


def test_every_layout_message_has_a_context_of_its_own() -> None:
    """Fallback, status and sign-off are per context: two messages must never share one."""
    contexts = [source.context for source in ui_sources()]
    assert len(contexts) == len(set(contexts))
    assert all(re.fullmatch(r"ui:[a-z_]+\.[a-z_]+", context) for context in contexts), contexts


def test_the_pipeline_declares_every_layout_message() -> None:
    """An English build prints the layout messages declared in its process (it runs no extractor):
    importing the pipeline must declare every message Babel extracts from the package, or the
    English coverage check would miss one."""
    script = (
        "import medleaflet.pipeline\n"
        "from medleaflet.i18n.ui import DECLARED\n"
        "from medleaflet.i18n.ui_extract import ui_messages\n"
        "print(sorted({(m.context, m.message) for m in ui_messages()} - set(DECLARED)))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr
