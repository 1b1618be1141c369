"""The words that decide where a sentence ends are reviewed data (``data/segment_words.tsv``).

Each abbreviation is put to work: a full stop after it, before a capitalised word, ends no
sentence; after a word that is not one (``CONTROL``) the same full stop does.
"""

from __future__ import annotations

import pytest

from chidao.extract import lexicon
from chidao.extract.pipeline import process
from chidao.extract.segment import KINDS, WORDS, segment_words

TEMPLATE = "Sáng 5/4, đoàn công tác làm việc tại {}. Hà Tĩnh có nhiều đổi mới."
CONTROL = "xã"

ROWS = lexicon.load(WORDS, KINDS)


def sentences(text: str) -> int:
    return len(process(text).sentences)


@pytest.mark.parametrize(
    "row", [r for r in ROWS if r.kind == "abbreviation"], ids=lambda r: r.where
)
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
