"""Patterns written for a fast search find what their plain form finds.

A pattern that starts with a set of characters or a literal is searched by skipping to
them; one that starts with a look-behind or a repeat is tried at every position of the
text.  Some patterns of the extractor are written the first way for that reason ("các(?<!\\wcác)"
for "(?<!\\w)các", "\\d\\d?" for "\\d{1,2}"); each must match exactly what its plain form
matches, at every position and in every window."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.extract import (
    assignees,
    clauses,
    dates,
    deadlines,
    indicators,
    lexicon,
    opinions,
    references,
    segment,
    speakers,
)
from chidao.extract.references import people_words
from chidao.extract.spans import Document

_PIECES = [
    " ", "  ", "\n", "a", "x", "1", "12", "2024", "/", ".", "...", "…", "!", ",", ":", "%", '"',
    "”", "(", "A", "Ba", "các", "đồng chí", "đồng  chí", "ông", "bà", "chỉ đạo", "tuần", "tháng",
    "quý", "năm nay", "cuối năm", "hết năm", "năm", "tỷ", "ha", "người", "3,5", "1.200",
    "theo", " tháng ", " năm ", "20", "trả lời", "lãnh đạo sở", " cho biết", "sở",
]  # fmt: skip
_texts = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)

# (the pattern as the extractor writes it, its plain form)
_PAIRS = {
    "dates._DMY": (dates._DMY, r"\d{1,2}/\d{1,2}/\d{4}"),
    "references._GROUP_LEAD": (references._GROUP_LEAD, r"(?<!\w)các đồng chí\s+"),
    "assignees._DIRECTS": (assignees._DIRECTS, r"(?<!\w)chỉ đạo\s+(?=\S)"),
    "clauses._FIGURE": (clauses._FIGURE, clauses._FIGURE.pattern.replace(r"\d\d*", r"\d+", 1)),
    "dates._ISSUED_DATE": (
        dates._ISSUED_DATE,
        r"(?<![\w/])(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>(?:19|20)\d\d)(?!\d)",
    ),
    "speakers._THEO": (
        speakers._THEO,
        lexicon.fill(r"(?<!\w)theo (?:(?:«honorific») )?$", people_words(), factor=False),
    ),
    "segment._BOUNDARY": (
        segment._BOUNDARY,
        segment._BOUNDARY.pattern.replace(
            r"(?P<end>[.…!?](?:(?<=\.)\.\.)?)", r"(?P<end>\.\.\.|…|[.!?])"
        ),
    ),
}


def _found(pattern: re.Pattern[str], text: str, a: int, b: int) -> tuple[object, ...]:
    def seen(m: re.Match[str] | None) -> object:
        return m and m.regs

    return (
        [m.regs for m in pattern.finditer(text)],
        seen(pattern.search(text, a, b)),
        seen(pattern.match(text, a, b)),
    )


@pytest.mark.parametrize("name", sorted(_PAIRS))
@settings(max_examples=200, deadline=None)
@given(text=_texts, a=st.integers(0, 60), b=st.integers(0, 60))
def test_a_fast_pattern_finds_what_its_plain_form_finds(name, text, a, b):
    fast, plain = _PAIRS[name]
    assert fast.pattern != plain  # the plain form is another way of writing it
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    assert _found(fast, text, lo, hi) == _found(re.compile(plain), text, lo, hi)


@settings(max_examples=300, deadline=None)
@given(text=_texts, a=st.integers(0, 60))
def test_an_answer_is_found_by_its_two_parts_searched_apart(text, a):
    end = min(a, len(text))
    assert opinions._answer_in(text, 0, end) == bool(opinions._ANSWER.search(text, 0, end))


@settings(max_examples=300, deadline=None)
@given(text=_texts, a=st.integers(0, 60), b=st.integers(0, 60))
def test_a_deadline_may_be_held_where_a_digit_or_a_period_word_is(text, a, b):
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    plain = re.compile(r"\d|tuần|tháng|quý|năm nay|cuối năm|hết năm")
    assert deadlines._may_hold_deadline(text, lo, hi) == bool(plain.search(text, lo, hi))


_DATE_PIECES = ["1", "12", "123", "/", "//", "2024", "20245", " ", "a", "/3/", "5/"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=14).map("".join))
def test_the_dates_read_at_the_slashes_are_those_a_scan_of_the_text_finds(text):
    assert [m.span() for m in dates.day_month_years(text)] == [
        m.span() for m in dates._DMY.finditer(text)
    ]


def _plan_column_by_scanning(doc, offset):
    # the plain form of indicators._plan_column: each line and cell read from the text itself
    text, folded = doc.text, doc.folded
    line_start = text.rfind("\n", 0, offset) + 1
    if " | " not in text[line_start:offset]:
        return False
    column = text.count("|", line_start, offset)
    line_end = text.find("\n", offset)
    cells = text.count("|", line_start, line_end if line_end >= 0 else len(text))
    end = line_start - 1
    for _ in range(indicators._TABLE_LOOKBACK):
        if end <= 0:
            return False
        above = text.rfind("\n", 0, end) + 1
        if text.count("|", above, end) != cells:
            return False
        header = folded[above:end].split("|")
        if not any(cell.strip()[:1].isdigit() for cell in header[1:]):
            return (
                column < len(header) and indicators._PLAN_COLUMN.search(header[column]) is not None
            )
        end = above - 1
    return False


_TABLE_PIECES = ["\n", " | ", "|", " ", "Dự án", "Kế hoạch vốn", "Giải ngân", "12", "3,5", "a"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TABLE_PIECES), max_size=24).map("".join))
def test_a_plan_column_is_read_from_the_offsets_as_from_the_text(text):
    doc = Document(text)
    for offset in range(len(text) + 1):
        assert indicators._plan_column(doc, offset) == _plan_column_by_scanning(doc, offset)
