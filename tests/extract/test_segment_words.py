"""The words that decide where a sentence ends are reviewed data (``data/segment_words.tsv``).

Each abbreviation is put to work: a full stop after it, before a capitalised word, ends no
sentence; after a word that is not one (``CONTROL``) the same full stop does.
"""

from __future__ import annotations

import pytest
from lexicon_contract import Example, lexicon_contract

from chidao.extract import lexicon
from chidao.extract.pipeline import process
from chidao.extract.segment import DATELINE, KINDS, WORDS, segment_words
from chidao.extract.spans import fold

TEMPLATE = "Sáng 5/4, đoàn công tác làm việc tại {}. Hà Tĩnh có nhiều đổi mới."
CONTROL = "xã"

ROWS = lexicon.load(WORDS, KINDS)
ABBREVIATIONS = [r for r in ROWS if r.kind == "abbreviation"]


def sentences(text: str) -> int:
    return len(process(text).sentences)


@pytest.mark.parametrize("row", ABBREVIATIONS, ids=lambda r: r.where)
def test_a_full_stop_after_an_abbreviation_ends_no_sentence(row):
    example = row.example or TEMPLATE.format(row.text)
    assert row.text in example
    assert sentences(example) == 1, example


def test_a_full_stop_after_another_word_ends_the_sentence():
    assert CONTROL not in segment_words()["abbreviation"]
    assert sentences(TEMPLATE.format(CONTROL)) == 2


def test_abbreviations_keep_their_capitals():
    """ "TP" and "tp" are rows of their own: the file's text is read as written."""
    assert {"TP", "Tp", "tp"} <= set(segment_words()["abbreviation"])


# ---- the words of a lede's opening (``segment.DATELINE``), held to the lexicon contract


def opens_a_lede(paragraph: str) -> bool:
    """The paragraph opens with the time of the session: it is a lede."""
    return DATELINE.match(fold(paragraph)) is not None


def a_lede_with_its_year(paragraph: str) -> bool:
    """The lede's date runs to its year."""
    m = DATELINE.match(fold(paragraph))
    return m is not None and m.group().endswith("2025")


LEDE_DATE = "{} 5/4, đoàn công tác làm việc tại xã Tân Phú."
LEDE_NO_DATE = "{}, đoàn công tác làm việc tại xã Tân Phú."
# kind -> (paragraph with the entry at "{}", what the entry makes of it, a word not of the kind)
EXAMPLES: dict[str, Example] = {
    "lede_time": (LEDE_DATE, opens_a_lede, "bữa"),
    "span_open": ("{} 2 ngày 12 và 13/6, đoàn công tác làm việc tại xã.", opens_a_lede, "sau"),
    "span_day": ("Trong 2 {} 12 và 13/6, đoàn công tác làm việc tại xã.", opens_a_lede, "buổi"),
    "month_word": ("Ngày 25 {} 11 năm 2025, đoàn công tác làm việc tại xã.", opens_a_lede, "buổi"),
    "year_word": (
        "Ngày 25 tháng 11 {} 2025, đoàn công tác làm việc tại xã.",
        a_lede_with_its_year,
        "của",
    ),
    "part_of_day": (LEDE_NO_DATE.format("{} nay"), opens_a_lede, "hôm"),
    "nearby_day": (LEDE_NO_DATE.format("Chiều {}"), opens_a_lede, "mai"),
    "recently": (LEDE_NO_DATE, opens_a_lede, "Hôm ấy"),
}
LEDE_KINDS = tuple(EXAMPLES)

(
    test_every_lede_kind_has_rows_and_a_written_example,
    test_each_lede_entry_does_its_kind_s_work,
    test_a_word_not_of_the_lede_kind_does_not,
) = lexicon_contract([r for r in ROWS if r.kind in LEDE_KINDS], LEDE_KINDS, EXAMPLES, segment_words)


NUMBERED = "Xã đạt 41% dự toán trong {} I. Đồng chí Bí thư ghi nhận kết quả."


@pytest.mark.parametrize(
    "row", [r for r in ROWS if r.kind == "numeral_head"], ids=lambda r: r.where
)
def test_a_roman_numeral_after_its_noun_ends_the_sentence(row):
    """ "quý I. Đồng chí ...": the numeral is a number, not an initial (issue 6, held-out round
    47: a sentence ending "trong quý I." swallowed the leader's next one)."""
    example = row.example or NUMBERED.format(row.text)
    assert row.text in example
    assert sentences(example) == 2, example


def test_a_capital_initial_after_another_word_still_ends_no_sentence():
    assert sentences(NUMBERED.format("ông")) == 1
