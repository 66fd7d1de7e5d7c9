"""How each writing system is written: the script properties the engine needs.

Scripts are ISO 15924 codes as :func:`fontTools.unicodedata.script` gives
them. Which font draws a script is configuration (a fonts folder's
``fonts.toml``, :mod:`textengine.font_config`); what is here are facts about
the scripts themselves: which need HarfBuzz shaping, which run right to
left, which are written without spaces. Pure data.
"""

from __future__ import annotations

#: Scripts written right to left.
RTL_SCRIPTS = frozenset(
    {"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr", "Yezi", "Mend", "Hung", "Phnx"}
)
#: Scripts whose letters change shape, join, reorder or stack in context (HarfBuzz shaping):
#: the Indic and South-East Asian scripts, and the joining scripts.
COMPLEX_SCRIPTS = frozenset(
    {
        "Arab", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Thaa", "Hebr", "Mong",
        "Deva", "Beng", "Guru", "Gujr", "Orya", "Taml", "Telu", "Knda", "Mlym", "Sinh",
        "Thai", "Laoo", "Khmr", "Mymr", "Tibt", "Bali", "Java", "Ethi", "Tfng", "Cher",
    }
)  # fmt: skip
#: Scripts that break lines between characters rather than at spaces.
CJK_SCRIPTS = frozenset({"Hani", "Hira", "Kana", "Bopo", "Hans", "Hant", "Jpan"})
#: Scripts written without spaces between words, broken into lines at word boundaries by dictionary.
UNSPACED_SCRIPTS = frozenset({"Thai", "Laoo", "Khmr", "Mymr", "Tibt"})
#: Pseudo-scripts of characters shared by every script (digits, spaces,
#: punctuation), inherited from the character before (combining marks), or unknown.
NEUTRAL_SCRIPTS = frozenset({"Zyyy", "Zinh", "Zzzz"})
