"""The types shared by the stages: folding keeps offsets; the written forms of a name."""

from __future__ import annotations

import dataclasses

import pytest

from chidao.extract.spans import Span, filter_spans, fold, quick_init, written_forms


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


def test_the_overlap_policy_keeps_the_longest_then_the_leftmost_span():
    a, b, c = Span(0, 10, "x", ""), Span(9, 30, "x", ""), Span(29, 60, "x", "")
    # the longest (c) first; b overlaps it; a does not overlap c: both a and c stay
    assert filter_spans([b, a, c]) == [a, c]
    d, e = Span(40, 45, "x", ""), Span(45, 50, "x", "")
    assert filter_spans([d, e]) == [d, e]  # touching is not overlapping
    f, g = Span(5, 9, "x", ""), Span(2, 6, "x", "")
    assert filter_spans([f, g]) == [g]  # same length: the leftmost


def test_a_quickly_built_span_is_still_frozen_equal_and_hashable():
    span = Span(3, 9, "person", "Lê Văn", "name")
    assert span == Span(3, 9, "person", "Lê Văn", "name")
    assert {span: 1}[Span(3, 9, "person", "Lê Văn", "name")] == 1
    assert Span(0, 1, "x", "a").rule == ""  # the default
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 4  # type: ignore[misc]


def test_quick_init_refuses_a_class_it_cannot_build():
    @dataclasses.dataclass(slots=True)
    class Loose:
        start: int

    with pytest.raises(TypeError, match="frozen"):
        quick_init(Loose)
