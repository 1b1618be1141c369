"""Fast look-ups: lexicon alternations as character tries, matches that start a word."""

from __future__ import annotations

import re

import pytest

from chidao.extract.lookup import trie_alternation, word_start_matches


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
