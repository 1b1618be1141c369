"""The field (lĩnh vực) of a directive from the reviewed lexicon data/topics.tsv."""

from __future__ import annotations

import pytest

from chidao.extract.lexicon import load
from chidao.extract.topics import KINDS, TOPICS, classify, labels


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (
            "Đề nghị UBND xã Tân Lập hoàn thành giải phóng mặt bằng trước ngày 30/6.",
            "Đất đai và giải phóng mặt bằng",
        ),
        ("Sở Xây dựng khẩn trương nâng cấp tuyến đường liên xã Tân Lập - Hòa Bình.", "Giao thông"),
        ("Xã rà soát các tiêu chí nông thôn mới còn thiếu.", "Nông nghiệp và nông thôn mới"),
        ("Hoàn thành nhà lớp học 2 tầng trước năm học mới.", "Giáo dục"),
        ("Khắc phục điểm sạt lở bờ sông trước mùa mưa bão.", "Phòng, chống thiên tai"),
    ],
)
def test_a_directive_takes_the_field_whose_words_it_uses(text, field):
    assert classify(text) == field


def test_a_directive_with_none_of_the_words_has_no_field():
    # "yêu cầu" is no bridge ("cầu"): whole words of the lexicon only
    assert classify("Đồng chí yêu cầu các sở, ngành nghiên cứu, trả lời kiến nghị của xã.") is None


def test_every_keyword_names_a_field_and_every_example_uses_its_word():
    keys = {r.extra[0] for r in load(TOPICS, KINDS, ("field",)) if r.kind == "field"}
    for r in load(TOPICS, KINDS, ("field",)):
        assert r.extra[0] in keys, r.where
        if r.kind == "keyword" and r.example:
            assert r.text.casefold() in r.example.casefold(), r.where
    assert "Đất đai và giải phóng mặt bằng" in labels() and "Y tế" in labels()
