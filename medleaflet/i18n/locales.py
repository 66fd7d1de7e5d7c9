"""Locale codes and language facts: parsing what users type, and the source language.

:func:`parse_locale` turns a code such as ``pt-BR`` into a Babel
:class:`~babel.Locale`; :func:`language_of` gives the :class:`Language`
facts the layout needs (tag, direction, script, names), all from CLDR.

Users may name a language instead of coding it: :func:`choose_locale` finds
the catalogue locale for a code or a name (``vi``, ``VI``, ``vietnamese``,
``Tiếng Việt``; case and accents do not matter) among a project's languages,
and :func:`cldr_locale` finds one among every language CLDR knows (for
``init``). Both suggest the closest languages when nothing matches.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.core import parse_locale as split_identifier
from babel.localedata import locale_identifiers

from medleaflet.errors import UsageError

#: The language leaflets are written in.
SOURCE_LOCALE = "en"


def parse_locale(code: str) -> Locale:
    """Parse a locale code such as ``en``, ``pt_BR`` or ``pt-BR``; raises :class:`UsageError`."""
    try:
        return Locale.parse(code.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        raise UsageError(f"{code!r} is not a valid locale code") from None


@dataclass(frozen=True)
class Language:
    """What CLDR says about one locale, as the layout and the CLI print it."""

    #: The Babel locale, for dates, numbers, lists and country names.
    locale: Locale
    #: The locale code, e.g. ``en`` or ``pt_BR``.
    code: str
    #: The language tag for the PDF's ``/Lang`` entry, e.g. ``pt-BR``.
    bcp47: str
    #: ``'ltr'`` or ``'rtl'``.
    direction: str
    #: The language's usual script (ISO 15924, e.g. ``Deva``), from CLDR's likely subtags.
    script: str
    #: The language's name in its own language, as CLDR writes it (e.g. ``français``).
    own_name: str
    #: The language's name in English (e.g. ``French``).
    english_name: str

    @property
    def own_title(self) -> str:
        """The own name with its first letter capitalised, for lists (CLDR writes ``français``)."""
        return self.own_name[:1].upper() + self.own_name[1:]

    @property
    def names(self) -> str:
        """The English name, and the own name when it differs: ``Vietnamese, Tiếng Việt``."""
        return ", ".join(dict.fromkeys((self.english_name, self.own_title)))


def language_of(code: str) -> Language:
    """The :class:`Language` facts of the locale ``code``; raises :class:`UsageError` for a bad code."""
    locale = parse_locale(code)
    name = str(locale)
    return Language(
        locale=locale,
        code=name,
        bcp47=name.replace("_", "-"),
        direction="rtl" if locale.text_direction == "rtl" else "ltr",
        script=_script_of(locale),
        own_name=locale.get_display_name(locale) or name,
        english_name=locale.get_display_name("en") or name,
    )


def english_name(code: str) -> str:
    """The English name of the locale ``code`` (as :attr:`Language.english_name`), read from CLDR's
    English data alone; raises :class:`UsageError` for a bad code."""
    locale = parse_locale(code)
    return locale.get_display_name("en") or str(locale)


def _script_of(locale: Locale) -> str:
    """The locale's own script subtag, else the one CLDR's likely subtags give its language, else ``Latn``."""
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags").get(locale.language, "")
    parts = likely.split("_")
    return parts[1] if len(parts) > 2 else "Latn"


def fold(text: str) -> str:
    """``text`` as language names and codes are compared: accents removed, case folded,
    ``-`` as ``_``, white space collapsed (``Tiếng  Việt`` and ``tieng viet`` fold alike)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return " ".join(bare.translate(_LETTERS).replace("-", "_").split())


#: Letters NFKD does not take apart, as someone without the keyboard for them types them.
_LETTERS = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ı": "i", "æ": "ae", "œ": "oe"})


def describe(code: str) -> str:
    """``code`` with its names, as messages list languages: ``vi (Vietnamese, Tiếng Việt)``."""
    return f"{code} ({language_of(code).names})"


def _either(codes: Sequence[str]) -> str:
    """The languages ``codes`` described, as a choice: ``a, b or c``."""
    described = [describe(code) for code in codes]
    return " or ".join([", ".join(described[:-1]), described[-1]] if len(described) > 1 else described)


def _code_in(text: str, available: Sequence[str]) -> str | None:
    """The locale of ``available`` that the code ``text`` asks for: the exact locale, else the
    locale's language and script, else its language alone (``tl`` is Babel's alias of ``fil_PH``,
    served by ``fil``); None if ``text`` is no code or none fits."""
    try:
        wanted = parse_locale(text.strip())
    except UsageError:
        return None
    script = f"{wanted.language}_{wanted.script}" if wanted.script else ""
    found = next((code for code in (str(wanted), script, wanted.language) if code and code in available), None)
    # Never another script than the one asked for: zh-TW and "Traditional Chinese" are not zh (Simplified).
    return found if found is None or full_script(text) == full_script(found) else None


def full_script(code: str) -> str:
    """The script the locale ``code`` is written in, as typed (Babel drops a script it has no data
    for: ``ar-Latn`` parses as ``ar``): its script subtag, else the one CLDR's likely subtags give
    its language and territory (``zh_TW``: ``Hant``), else its language's (``zh``: ``Hans``), else
    ``Latn``."""
    try:
        language, territory, script, *_ = split_identifier(code.strip().replace("-", "_"))
    except ValueError:
        return "Latn"
    if script:
        return script.title()
    likely = get_global("likely_subtags")
    for key in (f"{language}_{territory}" if territory else "", language):
        parts = likely.get(key, "").split("_") if key else []
        if len(parts) > 2:
            return parts[1]
    return "Latn"


def _names_of(code: str) -> tuple[list[str], list[str]]:
    """The folded names of ``code``: its full names (``Portuguese (Brazil)``, ``português (Brasil)``),
    and those of its language alone (``Portuguese``, ``português``)."""
    language = language_of(code)
    alone = language_of(language.locale.language)
    return [fold(language.english_name), fold(language.own_name)], [fold(alone.english_name), fold(alone.own_name)]


def _locale_codes(available: Iterable[str]) -> list[str]:
    """The entries of ``available`` that are locale codes (a stray catalogue folder is not)."""
    return [code for code in available if _parses(code)]


def _named_in(text: str, available: Sequence[str]) -> str | None:
    """The locale of ``available`` that ``text`` names, by its full name first, then by the name
    of its language alone; None if none. Raises :class:`UsageError` when two locales share it."""
    wanted = fold(text)
    names = {code: _names_of(code) for code in _locale_codes(available)}
    for kind in (0, 1):
        found = [code for code, both in names.items() if wanted in both[kind]]
        if len(found) > 1:
            raise UsageError(f"language {text!r} is ambiguous: give one of {', '.join(map(describe, found))}")
        if found:
            return found[0]
    return None


def _close(text: str, available: Sequence[str]) -> list[str]:
    """The locales of ``available`` whose codes or names are closest to ``text``, best first."""
    keys: dict[str, str] = {}
    for code in _locale_codes(available):
        full, alone = _names_of(code)
        keys.update({key: code for key in (*alone, *full, fold(code)) if key})
    close = difflib.get_close_matches(fold(text), list(keys), n=6)
    return list(dict.fromkeys(keys[key] for key in close))[:3]


def choose_locale(text: str, available: Sequence[str]) -> str:
    """The locale of ``available`` (a project's catalogue languages) that ``text`` asks for: a code
    (``vi``, ``VI``, ``pt-br``, ``tl``) or a name in English or in the language itself, case- and
    accent-insensitive (``vietnamese``, ``Tiếng Việt``).

    Raises :class:`UsageError` naming the language when CLDR knows it but ``available`` lacks it,
    else suggesting the closest languages of ``available``, else listing them all.
    """
    found = _code_in(text, available) or _named_in(text, available)
    if found:
        return found
    listing = ", ".join(map(describe, _locale_codes(available)))
    known = _cldr_match(text)
    if known:
        found = _code_in(known, available)  # "Tagalog" is tl, served by fil
        if found and not (_parses(text.strip()) and full_script(text) != full_script(found)):
            return found
        raise UsageError(f"no translation for language {text!r} ({language_of(known).names}); available: {listing}")
    close = _close(text, available)
    if close:  # with the language's other catalogues: "chinee" may mean zh or zh_Hant
        languages = {code.split("_")[0] for code in close}
        close = [*close, *(code for code in _locale_codes(available) if code.split("_")[0] in languages)]
        raise UsageError(f"unknown language {text!r}; did you mean {_either(list(dict.fromkeys(close)))}?")
    raise UsageError(f"unknown language {text!r}; available: {listing}")


@cache
def _cldr_names() -> dict[str, str]:
    """Folded name -> locale code, for every locale CLDR knows: English names of all of them, own
    names of those without a territory, then the English names of the language codes Babel takes
    as aliases (``Tagalog``: ``tl``); the shortest code wins a shared name."""
    english = Locale("en")
    names: dict[str, str] = {}
    for code in sorted(locale_identifiers(), key=lambda code: (code.count("_"), code)):
        locale = Locale.parse(code)
        own = locale.get_display_name(locale) if not locale.territory else None
        for name in (locale.get_display_name(english), own):
            if name:
                names.setdefault(fold(name), code)
    for code, name in sorted(english.languages.items()):
        if fold(name) not in names and _parses(code):
            names[fold(name)] = code
    return names


def _parses(code: str) -> bool:
    """Whether Babel takes ``code`` as a locale."""
    try:
        parse_locale(code)
    except UsageError:
        return False
    return True


def _cldr_match(text: str) -> str | None:
    """The locale code CLDR has for the code or name ``text`` (``Tagalog``: ``fil_PH``), or None."""
    code = text.strip() if _parses(text.strip()) else _cldr_names().get(fold(text))
    return _as_typed(code) if code else None


def _as_typed(code: str) -> str:
    """The locale of ``code`` as Babel writes it, without a territory the code did not name:
    Babel reads ``tl`` as ``fil_PH``, but a Filipino catalogue is ``fil``."""
    locale = parse_locale(code)
    named = {part.upper() for part in code.replace("-", "_").split("_")[1:]}
    if locale.territory and locale.territory not in named:
        return str(Locale(locale.language, script=locale.script))
    return str(locale)


def cldr_locale(text: str) -> str:
    """The locale code for ``text``, a code or a language's name in English or in itself, among
    every language CLDR knows (``init``). Raises :class:`UsageError` with the closest names."""
    found = _cldr_match(text)
    if found:
        return found
    names = _cldr_names()
    close = difflib.get_close_matches(fold(text), list(names), n=6)
    codes = list(dict.fromkeys(names[name] for name in close))[:3]
    hint = f"; did you mean {_either(codes)}?" if codes else " (give a code such as fr or pt_BR)"
    raise UsageError(f"unknown language {text!r}{hint}")
