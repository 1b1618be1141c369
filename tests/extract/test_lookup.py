"""Fast look-ups: lexicon alternations as character tries, matches that start a word."""

from __future__ import annotations

import re

import pytest

from chidao.extract import people
from chidao.extract.lookup import mentions_in, trie_alternation, word_start_matches
from chidao.extract.segment import segment
from chidao.extract.spans import Document


def test_a_trie_alternation_matches_every_entry_and_prefers_the_longest():
    entries = ["phó bí thư", "phó bí thư thường trực", "bí thư", "sở", "sở tài chính", "a.b"]
    rx = re.compile(f"(?:{trie_alternation(entries)})")
    for e in entries:
        assert rx.fullmatch(e), e
    assert rx.match("phó bí thư thường trực tỉnh ủy").group() == "phó bí thư thường trực"
    assert rx.match("sở tài chính tỉnh").group() == "sở tài chính"
    assert rx.fullmatch("axb") is None  # entries are literal: "." is no wildcard


def test_an_empty_entry_is_refused():
    with pytest.raises(ValueError, match="empty entry"):
        trie_alternation(["sở", ""])


def test_word_start_matches_skips_matches_inside_a_word():
    rx = re.compile("huyện")
    text = "câu chuyện của huyện Yên Thành, _huyện"
    assert [m.start() for m in word_start_matches(rx, text)] == [text.index("huyện Yên")]


def test_the_mentions_in_a_stretch_are_found_in_order_and_follow_new_mentions():
    doc = Document(text="Ông Lò Văn Sinh và bà Mùa Thị Dế dự họp.")
    segment(doc)
    people.find_people(doc)
    assert [m.span.text for m in mentions_in(doc, 0, len(doc.text))] == [
        "Lò Văn Sinh",
        "Mùa Thị Dế",
    ]
    assert [m.span.text for m in mentions_in(doc, 16, len(doc.text))] == ["Mùa Thị Dế"]
    assert mentions_in(doc, 0, 4) == []
    doc.mentions = doc.mentions[1:]  # a stage that sets new mentions gets a fresh index
    assert [m.span.text for m in mentions_in(doc, 0, 16)] == []
