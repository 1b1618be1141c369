"""The words around the official names of units are reviewed data (``data/unit_words.tsv``).

Each row is put to work in a province's name written for its kind, and the same name with a
word that is not of the kind (the control) must not give the province, so each check can fail.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from lexicon_contract import Example, lexicon_contract

from chidao.extract import lexicon
from chidao.extract.units import KINDS, WORDS, province_name, unit_rows, unit_words


def names(province: str) -> Callable[[str], bool]:
    return lambda text: province_name(text) == province


# kind -> (a province's name with the entry at "{}", what the entry makes of it, a control)
EXAMPLES: dict[str, Example] = {
    "province_prefix": ("{} Thanh Hoá", names("Thanh Hóa"), "huyện"),
    "province_abbreviation": ("{}. Hồ Chí Minh", names("Hồ Chí Minh"), "Q"),
    "province_alias": ("Tỉnh {}", names("Huế"), "Thừa Thiên"),
}

(
    test_every_kind_has_rows_and_a_written_example,
    test_each_entry_does_its_kind_s_work,
    test_a_word_not_of_the_kind_does_not,
) = lexicon_contract(unit_rows(), KINDS, EXAMPLES, unit_words)


def test_an_alias_without_its_official_name_is_an_error(tmp_path, monkeypatch):
    (tmp_path / WORDS).write_text(
        "kind\ttext\texample\tofficial\nprovince_alias\tThừa Thiên Huế\n", encoding="utf-8"
    )
    monkeypatch.setattr(lexicon, "DATA", tmp_path)
    unit_rows.cache_clear()
    lexicon.load.cache_clear()
    try:
        with pytest.raises(lexicon.LexiconError, match=r"unit_words\.tsv:2: a province_alias row"):
            unit_rows()
    finally:
        unit_rows.cache_clear()
        lexicon.load.cache_clear()
