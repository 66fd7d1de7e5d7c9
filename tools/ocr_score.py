#!/usr/bin/env python3
"""Read a leaflet PDF back with OCR and score it against what the language can print.

Usage: python tools/ocr_score.py PDF LOCALE [--dpi 300]

Rasterises every page (pdftoppm), runs tesseract in the language's model,
and reports the share of words read, and of word pairs in reading order,
that occur in what a page in that language can print (:func:`printable_texts`:
the catalogue's translations and English, brand names, CLDR's country names,
the English review lines). Broken shaping or reversed
right-to-left text scores near 0; correct text scores near 1. For Chinese,
"words" are single characters. Needs Debian's poppler-utils and
tesseract-ocr-<lang>.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from medleaflet.i18n import ui  # noqa: E402
from medleaflet.i18n.language_check import project_leaflets  # noqa: E402
from medleaflet.i18n.locales import language_of  # noqa: E402
from medleaflet.i18n.sources import glossary_terms  # noqa: E402
from medleaflet.project import Project  # noqa: E402

#: Tesseract's model for each language (Debian's tesseract-ocr-<model> packages; Somali has none, and is
#: read with English's, its letters being ASCII).
TESSERACT = {
    "ar": "ara", "fa": "fas", "ur": "urd", "ps": "pus", "ckb": "kur_ara", "he": "heb", "yi": "yid",
    "hi": "hin", "pa": "pan", "bn": "ben", "ta": "tam", "gu": "guj", "te": "tel", "mr": "mar", "ne": "nep",
    "th": "tha", "lo": "lao", "km": "khm", "my": "mya", "am": "amh", "ti": "tir",
    "zh": "chi_sim", "zh_Hans": "chi_sim", "zh_Hant": "chi_tra", "zh_TW": "chi_tra", "zh_HK": "chi_tra",
    "ja": "jpn", "ko": "kor", "ru": "rus", "uk": "ukr", "vi": "vie", "fr": "fra", "es": "spa", "pt": "por",
    "so": "eng", "ht": "hat", "fil": "fil", "tl": "tgl", "en": "eng",
}  # fmt: skip
#: Tesseract's environment: one OpenMP thread, four times faster than its default on this 2-core machine.
TESSERACT_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}
#: Languages written without spaces between words: scored by pairs of characters, not words.
UNSPACED = ("zh", "ja", "th", "lo", "km", "my")


def _word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


def tokens(text: str, locale: str) -> list[str]:
    """Words of ``text``: runs of letters, marks and digits; for a language written without
    spaces, its characters (so pairs of them are scored)."""
    text = unicodedata.normalize("NFC", text.lower())
    words = ["".join(group) for is_word, group in itertools.groupby(text, _word_char) if is_word]
    if locale.split("_")[0] in UNSPACED:
        return [char for word in words for char in word if not char.isascii() and unicodedata.category(char)[0] == "L"]
    return [word for word in words if len(word) > 1 or not (word.isascii() or _lone_jamo(word))]


def _lone_jamo(char: str) -> bool:
    """A Hangul compatibility jamo on its own is never Korean text: it is tesseract reading a bullet (•)."""
    return "\u3130" <= char <= "\u318f"


def printable_texts(locale: str, root: Path = ROOT) -> list[str]:
    """Every text a page in ``locale`` can show: the catalogue's translations and English, the names
    kept unchanged (brands, ``GABA-B``), the country and language names CLDR gives the locale (the
    tool prints them), and the tool's own English lines (review status)."""
    path = root / "translations" / locale / "LC_MESSAGES" / "leaflets.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    texts = [str(text) for message in catalog if message.id for text in (message.string, message.id)]
    texts += glossary_terms(project_leaflets(Project(root)))
    cldr = Locale.parse(locale)
    texts += [*cldr.territories.values(), *cldr.languages.values(), cldr.get_display_name("en") or ""]
    texts += [value for name, value in vars(ui).items() if name.startswith("ENGLISH_") and isinstance(value, str)]
    return texts


def own_words(words: list[str], locale: str) -> list[str]:
    """The words of a language not written in Latin letters that are in its own script (with a
    letter beyond ASCII): the bar is how well *its* words read. Latin words on such a page are brand
    names and units, and what tesseract makes of rules, boxes and QR codes (``rr``, ``jz``)."""
    if language_of(locale).script == "Latn":
        return words
    return [word for word in words if not word.isascii()]


def catalogue_words(locale: str, root: Path = ROOT) -> tuple[set[str], set[tuple[str, str]]]:
    """Every word, and every pair of words in order, of :func:`printable_texts`."""
    words: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for text in printable_texts(locale, root):
        found = tokens(text, locale)
        words.update(found)
        pairs.update(itertools.pairwise(found))
    return words, pairs


def model(locale: str) -> str:
    """Tesseract's models for a page in ``locale``: its language's and English's (every page says
    in English whether it was reviewed, and brand names are Latin)."""
    own = TESSERACT.get(locale) or TESSERACT.get(locale.split("_")[0], "eng")
    return own if own == "eng" else f"{own}+eng"


def ocr(pdf: Path, locale: str, dpi: int, pages: tuple[int, int] | None = None) -> str:
    """The text tesseract reads on ``pdf`` (every page, or the ``pages`` first to last) at ``dpi``."""
    with tempfile.TemporaryDirectory() as folder:
        chosen = ["-f", str(pages[0]), "-l", str(pages[1])] if pages else []
        subprocess.run(["pdftoppm", "-r", str(dpi), *chosen, "-png", str(pdf), f"{folder}/page"], check=True)
        text = []
        for image in sorted(Path(folder).glob("page-*.png")):
            result = subprocess.run(
                ["tesseract", str(image), "-", "-l", model(locale)],
                capture_output=True,
                text=True,
                check=True,
                env=TESSERACT_ENV,
            )
            text.append(result.stdout)
        return "\n".join(text)


@dataclass(frozen=True)
class Score:
    """What OCR read: how many words (characters, for unspaced languages), and the share of them,
    and of the pairs of them in reading order, that the catalogue holds."""

    read: int
    words: float
    pairs: float

    def share(self, locale: str) -> float:
        """The share the bar counts: pairs of characters for unspaced languages, else words."""
        return self.pairs if locale.split("_")[0] in UNSPACED else self.words


def score(pdf: Path, locale: str, root: Path = ROOT, dpi: int = 300, pages: tuple[int, int] | None = None) -> Score:
    """Read ``pdf`` by OCR and score it against ``locale``'s catalogue in the project at ``root``."""
    known_words, known_pairs = catalogue_words(locale, root)
    read = own_words(tokens(ocr(pdf, locale, dpi, pages), locale), locale)
    pairs = list(itertools.pairwise(read))
    word_score = sum(word in known_words for word in read) / max(len(read), 1)
    pair_score = sum(pair in known_pairs for pair in pairs) / max(len(pairs), 1)
    return Score(len(read), word_score, pair_score)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("locale")
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--root", type=Path, default=ROOT, help="the project whose catalogue is compared")
    args = parser.parse_args()
    found = score(args.pdf, args.locale, args.root, args.dpi)
    print(
        f"{args.pdf.name}: {found.read} words read, {found.words:.2f} known; "
        f"{max(found.read - 1, 0)} pairs, {found.pairs:.2f} known"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
