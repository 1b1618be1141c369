"""The types shared by the stages: folding keeps offsets; the written forms of a name."""

from __future__ import annotations

from chidao.extract.spans import fold, written_forms


def test_fold_lowers_and_moves_the_tone_mark_keeping_the_length():
    for text, folded in (
        ("Thanh Hoá", "thanh hóa"),
        ("Thuỷ", "thủy"),
        ("quý", "quý"),
        ("hoàn", "hoàn"),
    ):
        assert fold(text) == folded
        assert len(fold(text)) == len(text)


def test_written_forms_capitalise_every_word_in_both_tone_placements():
    assert written_forms("thanh hóa") == {"Thanh Hóa", "Thanh Hoá"}
    assert written_forms("ủy ban") == {"Ủy Ban", "Uỷ Ban"}
    assert written_forms("bà rịa - vũng tàu") == {"Bà Rịa - Vũng Tàu"}
