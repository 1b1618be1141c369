"""The shared scan finds what the regex alternation it replaces finds, match for match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.extract.lookup import trie_alternation, word_start_matches
from chidao.extract.scan import Cue, WordLexicon, hits, literal_prefixes
from chidao.extract.spans import Document

TITLES = ("bí thư", "phó bí thư", "phó bí thư thường trực", "chủ tịch", "phó chủ tịch")
AS_PATTERN = WordLexicon(TITLES)
AFTER = WordLexicon(TITLES, start="after")


def _found(lexicon: WordLexicon, text: str) -> list[tuple[int, int]]:
    return [(h.start, h.end) for h in lexicon.find(text)]


def test_the_longest_entry_at_a_position_wins():
    text = "đồng chí phó bí thư thường trực tỉnh ủy và bí thư huyện ủy"
    found = WordLexicon(TITLES).find(text)
    assert [h.entry for h in found] == ["phó bí thư thường trực", "bí thư"]
    assert all(text[h.start : h.end] == h.entry for h in found)


def test_an_entry_inside_a_longer_word_is_not_found():
    lexicon = WordLexicon(("huyện", "xã"))
    assert lexicon.find("câu chuyện của xãx và huyệnx") == []
    assert _found(lexicon, "câu chuyện của huyện") == [(15, 20)]


def test_a_character_named_before_may_not_precede_an_entry():
    lexicon = WordLexicon(("huyện",), before=".")
    assert lexicon.find("a.huyện b") == []
    assert _found(lexicon, "a huyện b") == [(2, 7)]


def test_follow_demands_a_character_after_the_entry():
    lexicon = WordLexicon(("tp", "tp."), follow=lambda ch: ch.isspace() or ch in ".:")
    assert _found(lexicon, "tp. vinh") == [(0, 3)]
    assert _found(lexicon, "tp.vinh") == [(0, 2)]
    assert lexicon.find("về tp") == []  # nothing after it


def test_the_end_of_the_range_hides_what_follows():
    lexicon = WordLexicon(("bí thư",))
    assert lexicon.find("bí thưa", 0, 7) == []
    assert _found(lexicon, "bí thưa") == []
    assert [(h.start, h.end) for h in lexicon.find("bí thưa", 0, 6)] == [(0, 6)]


def test_a_document_is_scanned_once_per_lexicon():
    doc = Document("Bí thư Tỉnh ủy và Chủ tịch UBND tỉnh")
    lexicon = WordLexicon(TITLES)
    first = hits(doc, "titles", lexicon)
    assert [h.entry for h in first] == ["bí thư", "chủ tịch"]
    assert hits(doc, "titles", lexicon) is first


# texts made of the entries' syllables, glued or spaced, so that entries overlap, sit inside
# longer words and end the text
_PIECES = ["phó", "bí", "thư", "chủ", "tịch", "thường", "trực", "a", "x", "_", ".", " ", " ", ","]
_texts = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join)


@settings(max_examples=150, deadline=None)
@given(_texts)
def test_as_a_word_start_pattern_finds(text):
    # the regex of people.py: the start checked inside the pattern, the longest entry first
    pattern = re.compile(
        "(?:" + "|".join(re.escape(e) for e in sorted(TITLES, key=len, reverse=True)) + r")(?!\w)"
    )
    expected = [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + pattern.pattern, text)]
    assert _found(AS_PATTERN, text) == expected


@settings(max_examples=150, deadline=None)
@given(_texts)
def test_as_word_start_matches_finds(text):
    # the start checked after the match (which still consumes its text), as lookup.py does
    pattern = re.compile("(?:" + trie_alternation(TITLES) + r")(?!\w)")
    expected = [(m.start(), m.end()) for m in word_start_matches(pattern, text)]
    assert _found(AFTER, text) == expected


# ---------------------------------------------------------------- cues


def test_literal_prefixes_follow_alternatives_optional_parts_and_small_sets():
    assert literal_prefixes(re.compile(r"(?<!\w)(?:đồng )?chủ trì(?!\w)")) == {
        "đồng ",
        "chủ trì",
    }
    assert literal_prefixes(re.compile(r"(?:các|lãnh đạo) sở")) == {"các", "lãnh đạo"}
    assert literal_prefixes(re.compile(r"[-–+]\s*giao")) == {"-", "–", "+"}


def test_a_regex_that_may_start_anywhere_has_no_literal_prefixes():
    assert literal_prefixes(re.compile(r"\d+ tỷ")) is None
    assert literal_prefixes(re.compile(r"(?:giao|)\s")) is None  # an empty alternative
    assert literal_prefixes(re.compile(r"giao", re.IGNORECASE)) is None


def test_a_regex_without_literal_prefixes_still_finds_as_a_cue():
    cue = Cue(re.compile(r"\d+ tỷ"))
    doc = Document("Thu ngân sách đạt 12 tỷ đồng, chi 7 tỷ đồng.")
    assert not cue.scanned
    assert [m.group() for m in cue.finditer(doc)] == ["12 tỷ", "7 tỷ"]
    assert cue.search(doc, 20).group() == "7 tỷ"
    assert [m.group() for m in cue.finditer_in(doc, doc.folded[20:], 20)] == ["7 tỷ"]


_CHAIR = Cue(re.compile(r"(?<!\w)(?:đồng )?chủ trì(?: hội nghị)?(?!\w)"))
_CHAIR_WORDS = ["đồng", "chủ", "trì", "hội", "nghị", "x", " ", " ", ",", "\n"]
_chair_texts = st.lists(st.sampled_from(_CHAIR_WORDS), max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(_chair_texts, st.integers(0, 40), st.integers(0, 40))
def test_a_cue_finds_what_its_regex_finds(text, a, b):
    doc = Document(text)
    pattern = _CHAIR.pattern
    assert [m.span() for m in _CHAIR.finditer(doc)] == [m.span() for m in pattern.finditer(text)]
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    found = _CHAIR.search(doc, lo, hi)
    expected = pattern.search(text, lo, hi)
    assert (found and found.span()) == (expected and expected.span())
    piece = doc.folded[lo:hi]  # a sentence cut out of the text: the regex runs on the piece
    assert [m.span() for m in _CHAIR.finditer_in(doc, piece, lo)] == [
        m.span() for m in pattern.finditer(piece)
    ]


def test_a_cue_tries_its_regex_only_where_a_prefix_starts():
    doc = Document("Đồng chí Lê Văn An chủ trì hội nghị; đồng chủ trì có ông B.")
    # "Đồng" (folded), "chủ trì", "đồng", "chủ trì": the regex is tried there only
    assert _CHAIR.starts(doc) == [0, 19, 37, 42]
    assert [m.group() for m in _CHAIR.finditer(doc)] == ["chủ trì hội nghị", "đồng chủ trì"]


def test_literal_prefixes_go_on_after_a_literal_into_what_follows():
    # a factored alternation ("đề nghị|đề xuất" written "đề (?:nghị|xuất)") keeps its prefixes
    assert literal_prefixes(re.compile(r"(?<!\w)đề (?:nghị|xuất)(?!\w)")) == {"đề nghị", "đề xuất"}
    assert literal_prefixes(re.compile(r"cần(?:| phải)")) == {"cần"}  # may end after "cần"
    assert literal_prefixes(re.compile(r"giao\d")) == {"giao"}
