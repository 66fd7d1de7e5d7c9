#!/usr/bin/env python3
"""Read a leaflet PDF back with OCR and score it against its catalogue.

Usage: python tools/ocr_score.py PDF LOCALE [--dpi 300]

Rasterises every page (pdftoppm), runs tesseract in the language's model,
and reports the share of words read, and of word pairs in reading order,
that occur in the language's catalogue (msgstr texts; the English source
text counts too, for brand names and units). Broken shaping or reversed
right-to-left text scores near 0; correct text scores near 1. For Chinese,
"words" are single characters. Needs Debian's poppler-utils and
tesseract-ocr-<lang>.
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
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
    return [word for word in words if len(word) > 1 or not word.isascii()]


def catalogue_words(locale: str, root: Path = ROOT) -> tuple[set[str], set[tuple[str, str]]]:
    """Every word, and every pair of words in order, of the catalogue's translations and English."""
    path = root / "translations" / locale / "LC_MESSAGES" / "leaflets.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    words: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for message in catalog:
        for text in (message.string, message.id) if message.id else ():
            found = tokens(str(text), locale)
            words.update(found)
            pairs.update(itertools.pairwise(found))
    return words, pairs


def model(locale: str) -> str:
    """Tesseract's models for a page in ``locale``: its language's and English's (every page says
    in English whether it was reviewed, and brand names are Latin)."""
    own = TESSERACT.get(locale) or TESSERACT.get(locale.split("_")[0], "eng")
    return own if own == "eng" else f"{own}+eng"


def ocr(pdf: Path, locale: str, dpi: int) -> str:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), f"{folder}/page"], check=True)
        text = []
        for image in sorted(Path(folder).glob("page-*.png")):
            result = subprocess.run(
                ["tesseract", str(image), "-", "-l", model(locale)],
                capture_output=True,
                text=True,
                check=True,
            )
            text.append(result.stdout)
        return "\n".join(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("locale")
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--root", type=Path, default=ROOT, help="the project whose catalogue is compared")
    args = parser.parse_args()
    known_words, known_pairs = catalogue_words(args.locale, args.root)
    read = tokens(ocr(args.pdf, args.locale, args.dpi), args.locale)
    pairs = list(itertools.pairwise(read))
    word_score = sum(word in known_words for word in read) / max(len(read), 1)
    pair_score = sum(pair in known_pairs for pair in pairs) / max(len(pairs), 1)
    print(
        f"{args.pdf.name}: {len(read)} words read, {word_score:.2f} known; {len(pairs)} pairs, {pair_score:.2f} known"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
