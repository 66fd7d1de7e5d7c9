"""The script tables: which font family draws each writing system, and how each is written.

Scripts are ISO 15924 codes as :func:`fontTools.unicodedata.script` gives
them. :data:`FAMILIES` names the files of every family, :data:`SCRIPT_FAMILIES`
the family that draws each script, and the sets say which scripts need
HarfBuzz shaping, run right to left, or break lines between characters.
Pure data: nothing here touches a font file.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FamilyFiles:
    """The font files of one family (``italic`` falls back to ``regular``)."""

    regular: str
    bold: str
    italic: str | None = None


#: Every font family the project ships, by name.
FAMILIES: dict[str, FamilyFiles] = {
    "sans": FamilyFiles("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"),
    "sans-arabic": FamilyFiles("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    "sans-devanagari": FamilyFiles("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
    "sans-gurmukhi": FamilyFiles("NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf"),
    "sans-hebrew": FamilyFiles("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    "sans-sc": FamilyFiles("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf"),
}

#: The family that draws each script (ISO 15924 code), for a template's
#: ``font_family: sans``. Scripts not listed here cannot be printed yet.
SCRIPT_FAMILIES: dict[str, str] = {
    "Latn": "sans",
    "Cyrl": "sans",
    "Grek": "sans",
    "Arab": "sans-arabic",
    "Deva": "sans-devanagari",
    "Guru": "sans-gurmukhi",
    "Hebr": "sans-hebrew",
    "Hani": "sans-sc",
    "Hira": "sans-sc",
    "Kana": "sans-sc",
    "Bopo": "sans-sc",
    "Hang": "sans-sc",
}

#: Scripts whose letters change shape or order in context (HarfBuzz shaping).
COMPLEX_SCRIPTS = frozenset({"Arab", "Deva", "Guru", "Hebr", "Beng", "Taml", "Gujr", "Telu", "Knda", "Mlym"})
#: Scripts written right to left.
RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo"})
#: Scripts that break lines between characters rather than at spaces.
CJK_SCRIPTS = frozenset({"Hani", "Hira", "Kana", "Bopo", "Hans", "Hant", "Jpan"})
#: Pseudo-scripts of characters shared by every script (digits, spaces,
#: punctuation), inherited from the character before (combining marks), or unknown.
NEUTRAL_SCRIPTS = frozenset({"Zyyy", "Zinh", "Zzzz"})
