"""The words around the names of people are reviewed data (``data/people_words.tsv``).

Each row of each kind is put to work: the test writes a lede with the entry before a name
that a title makes a person's, and checks that the entry makes it a place's (no person
taking part); the same lede with a word that is not of the kind (``CONTROL``) keeps the
person, so each check can fail.
"""

from __future__ import annotations

from collections.abc import Callable

from lexicon_contract import lexicon_contract

from chidao.extract import lexicon
from chidao.extract.pipeline import process
from chidao.extract.references import KINDS, WORDS, people_words


def nobody(text: str) -> bool:
    return [p.name.text for p in process(text).people] == []


# kind -> (lede with the entry at "{}", what the entry makes of it, a word not of the kind)
EXAMPLES: dict[str, tuple[str, Callable[[str], bool], str]] = {
    "place_before": (
        "Sáng 5/4, đoàn công tác đến {} Lê Văn Tám, Phó Chủ tịch UBND tỉnh Nghệ An cùng đi.",
        nobody,
        "cùng",
    ),
    "memorial": (
        "Sáng 5/4, đoàn công tác dâng hương tại {} Đại tướng Trần Văn Nam rồi làm việc với xã.",
        nobody,
        "trước",
    ),
}

ROWS = lexicon.load(WORDS, KINDS)


(
    test_every_kind_has_rows_and_a_written_example,
    test_each_entry_does_its_kind_s_work,
    test_a_word_not_of_the_kind_does_not,
) = lexicon_contract(ROWS, KINDS, EXAMPLES, people_words)
