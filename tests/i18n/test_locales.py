"""medleaflet.i18n.locales: codes and names of languages as a hurried user types them.

The languages come from the project (its catalogues), never from a fixed list;
the bad inputs are derived from their names.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from babel.core import get_global
from babel.localedata import locale_identifiers

from medleaflet.errors import UsageError
from medleaflet.i18n.locales import (
    SOURCE_LOCALE,
    choose_locale,
    cldr_locale,
    describe,
    fold,
    full_script,
    language_of,
)
from medleaflet.project import Project
from tests.conftest import ROOT

PROJECT = Project(ROOT)
LOCALES = PROJECT.locales()
TRANSLATED = [code for code in LOCALES if code != SOURCE_LOCALE]


def _unaccented(text: str) -> str:
    """``text`` without its combining marks (``Tiếng Việt`` -> ``Tieng Viet``)."""
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def _spellings(code: str) -> list[str]:
    """How a user may write the language ``code``: the code in any case or with a hyphen, and
    its English and own names in any case, with or without accents."""
    language = language_of(code)
    names = [language.english_name, language.own_name, language.own_title]
    return list(
        dict.fromkeys(
            [
                code,
                code.upper(),
                code.replace("_", "-").lower(),
                *names,
                *(name.lower() for name in names),
                *(name.upper() for name in names),
                *(_unaccented(name) for name in names),
                f"  {language.english_name}  ",
            ]
        )
    )


@pytest.mark.parametrize(
    ("code", "spelling"), [(code, spelling) for code in LOCALES for spelling in _spellings(code)], ids=str
)
def test_every_spelling_of_a_project_language_is_its_code(code: str, spelling: str) -> None:
    assert PROJECT.locale(spelling) == code
    assert choose_locale(spelling, LOCALES) == code


def _typo(name: str) -> str:
    """``name`` with its second-to-last letter dropped (``Vietnamese`` -> ``Vietnamee``)."""
    return name[:-2] + name[-1]


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_misspelt_name_suggests_the_language(code: str) -> None:
    typo = _typo(language_of(code).english_name.lower())
    with pytest.raises(UsageError) as caught:
        choose_locale(typo, LOCALES)
    message = str(caught.value)
    assert message.startswith(f"unknown language {typo!r}; did you mean "), message
    assert describe(code) in message and message.endswith("?")
    assert "\n" not in message


def test_the_suggestion_names_the_code_and_both_names() -> None:
    code = next(code for code in TRANSLATED if language_of(code).english_name != language_of(code).own_name)
    language = language_of(code)
    typo = _typo(language.english_name.lower())
    with pytest.raises(UsageError, match="did you mean") as caught:
        PROJECT.locale(typo)
    assert f"{code} ({language.english_name}, {language.own_title})" in str(caught.value)


@pytest.mark.parametrize("text", ["zzzzzzzz", "../../etc/passwd", "12345", "", "   ", "not a locale", "\u202e"])
def test_nothing_close_lists_every_language(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        choose_locale(text, LOCALES)
    message = str(caught.value)
    assert message.startswith(f"unknown language {text!r}; available: ")
    assert message.endswith(", ".join(describe(code) for code in LOCALES))


#: Every locale Babel has data for.
CLDR = frozenset(locale_identifiers())


def _cldr_language_without_catalogue() -> str:
    """A language CLDR knows (with data in Babel) that the project has no catalogue for."""
    wanted = {language_of(code).locale.language for code in LOCALES}
    return next(code for code in sorted(CLDR) if len(code) == 2 and code not in wanted)


@pytest.mark.parametrize("name", ["code", "english_name", "own_name"])
def test_a_language_without_a_catalogue_is_named(name: str) -> None:
    code = _cldr_language_without_catalogue()
    language = language_of(code)
    text = getattr(language, name)
    with pytest.raises(UsageError) as caught:
        PROJECT.locale(text)
    assert str(caught.value).startswith(f"no translation for language {text!r} ({language.names}); available: en ")


@pytest.mark.parametrize("code", LOCALES)
def test_cldr_finds_every_language_by_its_names(code: str) -> None:
    language = language_of(code)
    for spelling in (language.english_name, language.own_name, fold(language.own_name), code.upper()):
        assert cldr_locale(spelling) == code


@pytest.mark.parametrize(
    ("spelling", "code"),
    [("pt-br", "pt_BR"), ("PT_BR", "pt_BR"), ("Portuguese (Brazil)", "pt_BR"), ("portuguese (brazil)", "pt_BR")],
)
def test_cldr_finds_a_language_of_a_country(spelling: str, code: str) -> None:
    assert cldr_locale(spelling) == code


@pytest.mark.parametrize("text", ["../evil", "xx", "", "zzzzzzzzzz"])
def test_cldr_refuses_what_names_no_language(text: str) -> None:
    with pytest.raises(UsageError, match=f"^unknown language {text!r}"):
        cldr_locale(text)


@pytest.mark.parametrize("code", TRANSLATED)
def test_cldr_suggests_a_misspelt_language(code: str) -> None:
    typo = _typo(language_of(code).english_name.lower())
    with pytest.raises(UsageError, match="did you mean") as caught:
        cldr_locale(typo)
    assert f"{code} (" in str(caught.value)


@pytest.mark.parametrize("code", LOCALES)
def test_own_title_capitalises_only_the_first_letter(code: str) -> None:
    language = language_of(code)
    assert language.own_title[1:] == language.own_name[1:]
    assert language.own_title[:1] == language.own_name[:1].upper()


def test_two_catalogues_of_one_language_need_the_full_name() -> None:
    """A name shared by two catalogues (the language alone) is refused, naming both; the full name is not."""

    def territories_of(language: str) -> list[str]:
        found = sorted(code.split("_")[1] for code in CLDR if code.count("_") == 1 and code.startswith(f"{language}_"))
        return [territory for territory in found if len(territory) == 2][:2]

    languages = [language_of(code).locale.language for code in TRANSLATED]
    language = next(language for language in languages if len(territories_of(language)) == 2)
    territories = territories_of(language)
    available = [SOURCE_LOCALE, *(f"{language}_{territory}" for territory in territories)]
    assert len(available) == 3, "the language is spoken in two countries with CLDR data"
    with pytest.raises(UsageError, match="is ambiguous") as caught:
        choose_locale(language_of(language).english_name, available)
    assert all(describe(locale) in str(caught.value) for locale in available[1:])
    for locale in available[1:]:
        assert choose_locale(language_of(locale).english_name, available) == locale


def _other_script_requests(code: str) -> list[str]:
    """Codes that ask for ``code``'s language in another script: an explicit script subtag, and
    each territory CLDR writes the language in another script (``zh-TW`` for ``zh``)."""
    own = full_script(code)
    language = code.split("_")[0]
    requests = [f"{language}-{'Cyrl' if own == 'Latn' else 'Latn'}"]
    for key, value in get_global("likely_subtags").items():
        parts = value.split("_")
        if key.startswith(f"{language}_") and len(key.split("_")) == 2 and len(parts) > 2 and parts[1] != own:
            requests.append(key.replace("_", "-"))
    return requests


OTHER_SCRIPT = [(code, request) for code in LOCALES for request in _other_script_requests(code)]


@pytest.mark.parametrize(("code", "request_"), OTHER_SCRIPT, ids=[f"{c}-{r}" for c, r in OTHER_SCRIPT])
def test_another_script_of_a_language_is_never_served_by_its_catalogue(code: str, request_: str) -> None:
    """A reader of Traditional Chinese must not get the Simplified catalogue, nor Latin-script
    Arabic the Arabic-script one: refused, naming what was asked for, unless the project has a
    catalogue in the script asked for (zh-TW is served by zh_Hant)."""
    try:
        served = choose_locale(request_, LOCALES)
    except UsageError as error:
        assert re.match(rf"^(no translation for|unknown) language {re.escape(repr(request_))}", str(error))
    else:
        assert served != code
        assert full_script(served) == full_script(request_.replace("-", "_")), (request_, served)


@pytest.mark.parametrize("code", LOCALES)
def test_the_catalogues_own_script_is_served(code: str) -> None:
    language = code.split("_")[0]
    assert choose_locale(f"{language}-{full_script(code)}", LOCALES) == code
