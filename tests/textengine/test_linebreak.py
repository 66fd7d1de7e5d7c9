"""textengine.linebreak (ICU line breaking) and CJK paragraphs: line-start and line-end rules hold at every width."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import unicodedata
from itertools import pairwise

import icu
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle

from tests.conftest import ROOT
from textengine.fonts import font_stack
from textengine.itemise import FontStack
from textengine.linebreak import CANNOT_END, CANNOT_START, NUMBER_UNITS, break_opportunities, is_cjk, is_unspaced
from textengine.paragraph import BidiParagraph

CHINESE = (
    "突然停药可能引起严重的停药反应（戒断症状）。医生会慢慢减少您的剂量，通常需要1到2周或更长时间。"
    "请注意不要让药用完。停药反应的表现包括：看到或听到实际上不存在的东西；意识模糊、焦虑或行为怪异；"
    "《注意》Fleqsuvy（25 mg/5 mL）的浓度是Ozobax（5 mg/5 mL）的5倍，每天3次。"
)


@pytest.fixture(scope="module")
def stack() -> FontStack:
    return font_stack("sans", ROOT / "fonts")


def test_break_opportunities() -> None:
    breaks = break_opportunities("巴氯芬（25 mg）。每天3次")
    text = "巴氯芬（25 mg）。每天3次"
    assert 3 in breaks  # before the opening bracket
    assert 4 not in breaks  # not after it
    assert text.index("。") not in breaks  # never before a full stop
    assert text.index("次") not in breaks  # a number keeps its counter
    assert not any(0 < i < len(text) and text[i - 1].isascii() and text[i].isascii() for i in breaks)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("你好。世界", {1, 3, 4}),  # never before the full stop
        ("「注意」です", {2, 4, 5}),  # never after an opening bracket, never before a closing one
        ("ちょっと", {3}),  # small kana do not start a line
        ("价格￥5", {1, 2}),  # a currency sign stays with its amount
        ("第3次", {1}),  # a number stays with its counter
        ("abc中文", {3, 4}),  # between Latin and CJK, but not inside the Latin word
        ("中 文", set()),  # spaces are the caller's breaks
        ("Latin words only", set()),
    ],
)
def test_cjk_line_start_and_line_end_rules(text: str, expected: set[int]) -> None:
    assert break_opportunities(text) == expected


def test_is_cjk() -> None:
    assert all(is_cjk(char) for char in "中かカㄅ。，（")
    assert not any(is_cjk(char) for char in "a1 한ب")


@pytest.mark.parametrize("width", range(80, 400, 7))
def test_no_line_starts_or_ends_with_forbidden_punctuation(stack: FontStack, width: int) -> None:
    style = ParagraphStyle("z", fontName=stack.base.regular, fontSize=11, leading=15)
    paragraph = BidiParagraph(CHINESE, style, stack, rtl=False)
    lines = ["".join(piece.run.text for piece in line.pieces) for line in paragraph.break_lines(width)]
    assert "".join(lines).replace(" ", "") == CHINESE.replace(" ", "")
    for line in lines[1:]:
        assert line[0] not in CANNOT_START, (width, line)
    for line in lines[:-1]:
        assert line[-1] not in CANNOT_END, (width, line)


def test_korean_wraps_at_spaces(stack: FontStack) -> None:
    style = ParagraphStyle("k", fontName=stack.base.regular, fontSize=11, leading=15)
    text = "바클로펜을 갑자기 중단하지 마십시오. 신장에 문제가 있으면 의사에게 알리십시오."
    lines = BidiParagraph(text, style, stack, rtl=False).break_lines(120)
    words = set(text.split())
    assert all(set("".join(p.run.text for p in line.pieces).split()) <= words for line in lines)


# ------------------------------------------------------------------ ICU


def pieces(text: str, **options: str) -> list[str]:
    """``text`` cut at its break opportunities."""
    cuts = [0, *sorted(break_opportunities(text, **options)), len(text)]
    return [text[start:end] for start, end in pairwise(cuts)]


def grapheme_starts(text: str) -> set[int]:
    """The grapheme cluster boundaries of ``text`` (code point indices), by ICU's character iterator."""
    iterator = icu.BreakIterator.createCharacterInstance(icu.Locale(""))
    iterator.setText(text)
    units = [0]
    for char in text:
        units.append(units[-1] + (2 if ord(char) > 0xFFFF else 1))
    index = {unit: i for i, unit in enumerate(units)}
    return {0} | {index[unit] for unit in iterator}


def test_icu_is_there() -> None:
    assert int(icu.ICU_VERSION.split(".")[0]) >= 60


def test_without_pyicu_the_import_fails_with_the_fix() -> None:
    code = "import sys; sys.modules['icu'] = None; import textengine.linebreak"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "PyICU is required for line breaking" in result.stderr
    assert "apt-get install libicu-dev pkg-config g++ && pip install PyICU" in result.stderr


@pytest.mark.parametrize("locale", [None, "zh", "zh_Hant", "ja", "ja@lb=normal", "ja@lb=loose", "ko"])
def test_kinsoku_between_ideographs_in_every_locale(locale: str | None) -> None:
    # ICU alone (strict) lets a line start with — 〃 〆 ～; "ja" and "zh" default to normal, which
    # also allows small kana and ー; loose allows far more. The sets filter all of it.
    for char in sorted(CANNOT_START | CANNOT_END):
        text = f"中{char}文"
        breaks = break_opportunities(text, locale=locale)
        if char in CANNOT_START:
            assert 1 not in breaks, (locale, char)
        if char in CANNOT_END:
            assert 2 not in breaks, (locale, char)


def test_ordinary_ideographs_and_kana_break_anywhere() -> None:
    assert break_opportunities("中文漢字かなカナ") == set(range(1, 8))
    assert break_opportunities("ちょっと", locale="ja") == {3}
    assert pieces("コーヒーを飲む") == ["コー", "ヒー", "を", "飲", "む"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("每天3次", "3次"),
        ("每2周一次", "2周"),
        ("每天10毫克，分2次", "10毫克"),
        ("每次5毫升", "5毫升"),
        ("1日3回5ミリグラム", "5ミリグラム"),
        ("服用２錠", "２錠"),  # full-width digits too
    ],
)
def test_a_number_keeps_its_counter_or_unit(text: str, kept: str) -> None:
    start = text.index(kept)
    assert not break_opportunities(text) & set(range(start + 1, start + len(kept)))
    assert start in break_opportunities(text) or start == 0  # but a line may break before the number


def test_units_are_known() -> None:
    assert {"毫克", "毫升", "ミリグラム"} <= NUMBER_UNITS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("self-care", {5}),  # after a hyphen between letters, two or more before it
        ("well\u2010known", {5}),  # U+2010 HYPHEN
        ("re\u0301sume\u0301-style", {9}),  # combining marks are not letters to count but do not stop the count
        ("x-ray", set()),  # one letter before the hyphen
        ("COVID-19", set()),  # a number after it
        ("5-10 mg", set()),
        ("25 mg/day", set()),
        ("mg/kg/day", set()),
        ("and/or", set()),
        ("10mg 2.5% 3·4", set()),
        ("http://example.org/a/b", set()),
        ("supercalifragilistic", set()),
        ("Баклофен—таблетки", set()),
        ("ال-باكلوفين", {3}),  # Arabic letters count as letters
        ("바클로펜을", set()),  # Korean breaks at spaces only
        ("बैक्लोफ़ेन", set()),
    ],
)
def test_spaced_scripts_break_only_after_a_hyphen_between_letters(text: str, expected: set[int]) -> None:
    assert break_opportunities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ยานี้ใช้รักษาอาการกล้ามเนื้อเกร็ง", ["ยา", "นี้", "ใช้", "รักษา", "อาการ", "กล้าม", "เนื้อ", "เกร็ง"]),
        ("ຢານີ້ໃຊ້ປິ່ນປົວອາການກ້າມຊີ້ນແຂງ", ["ຢາ", "ນີ້", "ໃຊ້", "ປິ່ນປົວ", "ອາການ", "ກ້າມຊີ້ນ", "ແຂງ"]),
        ("ថ្នាំនេះប្រើសម្រាប់ព្យាបាលការរឹងសាច់ដុំ", ["ថ្នាំ", "នេះ", "ប្រើ", "សម្រាប់", "ព្យាបាល", "ការ", "រឹង", "សាច់ដុំ"]),
        (
            "ဤဆေးသည်ကြွက်သားတောင့်တင်းခြင်းကိုကုသသည်",
            ["ဤ", "ဆေးသည်", "ကြွက်သား", "တောင့်တင်း", "ခြင်း", "ကို", "ကု", "သ", "သည်"],
        ),
    ],
)
def test_unspaced_southeast_asian_scripts_break_between_words(text: str, expected: list[str]) -> None:
    # What ICU 72's dictionaries give; a newer ICU may cut a little differently, but the
    # properties below must hold for any.
    found = pieces(text)
    assert len(found) >= 3
    breaks = break_opportunities(text)
    starts = grapheme_starts(text)
    for index in breaks:
        assert not unicodedata.category(text[index]).startswith("M"), (text, index)
        assert text[index - 1] not in "\u1039\u17d2", (text, index)  # never under a stacked consonant
        assert index in starts
    for piece in found:  # every Myanmar piece is whole syllables: none starts with a killed consonant
        assert not (len(piece) > 1 and piece[1] == "\u103a"), piece
    if icu.ICU_VERSION.startswith("72."):
        assert found == expected


def test_zero_width_space_marks_a_word_break() -> None:
    assert 3 in break_opportunities("ยา\u200bนี้")
    khmer = "ថ្នាំ\u200bនេះ"
    assert khmer.index("\u200b") + 1 in break_opportunities(khmer)
    assert break_opportunities("dose\u200bcalculator") == {5}  # an explicit break, in any script
    assert 4 not in break_opportunities("dose\u200bcalculator")  # but not before it


def test_astral_characters_give_code_point_indices() -> None:
    text = "𠀀𠀀。𠀀😀中文"
    assert break_opportunities(text) == {1, 3, 4, 5, 6}
    # the same text with BMP ideographs breaks at the same places
    assert break_opportunities("𠀀a𠀁。𠀂次𠀃") == break_opportunities("中a中。中次中")
    family = "👨\u200d👩\u200d👧中文"  # an emoji ZWJ sequence is one cluster
    assert break_opportunities(family) == {5, 6}
    assert pieces("ยา😀นี้𠀀ใช้") == ["ยา", "😀", "นี้", "𠀀", "ใช้"] or all(
        not unicodedata.category(p[0]).startswith("M") for p in pieces("ยา😀นี้𠀀ใช้")
    )


def test_is_unspaced() -> None:
    assert all(is_unspaced(char) for char in "中かーกລកကབ。")
    assert not any(is_unspaced(char) for char in "a1 한بक-")


SCRIPTS_ALPHABET = (
    "abcxyz-/%·.,()"  # Latin and dose signs
    "0123456789"
    "中文药每天次周毫克"  # Han
    "ちょっとコーヒーァ々〃〆～"  # kana and marks
    "，。、（）「」《》：；！？￥—…"  # CJK punctuation
    "ยานี้ใช้รักษาอาการ"  # Thai
    "ຢານີ້ໃຊ້"  # Lao
    "ថ្នាំនេះប្រើ"  # Khmer
    "ဤဆေးသည်ကြွက်သား\u1039"  # Myanmar
    "بلا"  # Arabic
    "한국"  # Hangul
    "\u0301\u0308"  # combining marks
    "\u200b\u200c\u200d"  # ZWSP, ZWNJ, ZWJ
    " \u00a0\t"  # white space
    "𠀀😀👍\U0001f3fd"  # astral: ideograph, emoji, skin tone modifier
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=SCRIPTS_ALPHABET, max_size=40))
def test_breaks_never_split_a_character_or_a_dose(text: str) -> None:
    breaks = break_opportunities(text)
    starts = grapheme_starts(text)
    for index in breaks:
        before, after = text[index - 1], text[index]
        base = text[max(start for start in starts if start < index)]  # of the cluster before the break
        assert 0 < index < len(text)
        assert not before.isspace() and not after.isspace()
        assert index in starts, "inside a grapheme cluster"
        assert not unicodedata.category(after).startswith("M")
        assert after not in "\u200c\u200d" and before not in "\u200c\u200d"
        assert before not in "\u1039\u17d2"
        assert after not in CANNOT_START and before not in CANNOT_END
        if before != "\u200b":
            assert unicodedata.category(before) != "Nd"
            assert before not in "/%·" and after not in "/%·"
            if not (is_unspaced(base) or is_unspaced(after)):
                assert before == "-" and unicodedata.category(after).startswith("L"), (text, index)


def test_the_iterators_are_per_thread() -> None:
    texts = ["ยานี้ใช้รักษาอาการกล้ามเนื้อเกร็ง" * 5, CHINESE, "ဤဆေးသည်ကြွက်သားတောင့်တင်းခြင်းကိုကုသသည်" * 5]
    expected = [break_opportunities(text) for text in texts]
    failures: list[int] = []

    def work(n: int) -> None:
        for _ in range(30):
            if break_opportunities(texts[n % 3]) != expected[n % 3]:
                failures.append(n)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures


def test_a_long_paragraph_is_quick() -> None:
    text = (CHINESE * 20)[:2000]
    break_opportunities(text)
    best = min(_timed(text) for _ in range(5))
    assert best < 0.05  # about 3 ms on a developer machine; generous for slow CI


def _timed(text: str) -> float:
    start = time.perf_counter()
    break_opportunities(text)
    return time.perf_counter() - start
