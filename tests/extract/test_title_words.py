"""The words that tell a leading title and a city's title are reviewed data (``data/titles.tsv``,
kinds ``leading``, ``vice``, ``city_level`` and ``city_abbreviation``).

Each row is put to work in a title written for its kind, and the same title with a word that is
not of the kind (the control) must not do the kind's work, so each check can fail.
"""

from __future__ import annotations

from lexicon_contract import Example, lexicon_contract

from chidao.extract import lexicon
from chidao.extract.spans import fold
from chidao.extract.titles import _LEADING, TITLE_KINDS, TITLES, is_local_title

KINDS = ("leading", "vice", "city_level", "city_abbreviation")


def leads(title: str) -> bool:
    """The title is one of those who give directions."""
    return _LEADING.match(fold(title)) is not None


def title_words() -> dict[str, tuple[str, ...]]:
    rows = lexicon.load(TITLES, TITLE_KINDS)
    return {k: lexicon.texts(rows, k) for k in KINDS}


# kind -> (title with the entry at "{}", what the entry makes of it, a word not of the kind)
EXAMPLES: dict[str, Example] = {
    "leading": ("{} UBND tỉnh Nghệ An", leads, "Giám đốc"),
    "vice": ("{} Chủ tịch UBND tỉnh Nghệ An", leads, "nguyên"),
    # a city of a province: its leaders are of the lower side
    "city_level": ("Bí thư {} Vinh", is_local_title, "Tỉnh ủy"),
    "city_abbreviation": ("Chủ tịch UBND {}. Vinh", is_local_title, "KP"),
}

ROWS = [r for r in lexicon.load(TITLES, TITLE_KINDS) if r.kind in KINDS]

(
    test_every_kind_has_rows_and_a_written_example,
    test_each_entry_does_its_kind_s_work,
    test_a_word_not_of_the_kind_does_not,
) = lexicon_contract(ROWS, KINDS, EXAMPLES, title_words)


def test_a_city_s_level_is_read_in_either_case_and_tone_placement():
    assert is_local_title("Bí thư thành uỷ Vinh")
    assert is_local_title("Chủ tịch UBND TP Vinh")
