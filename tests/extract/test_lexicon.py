"""The one lexicon loader: one TSV format (kind, text, example, further columns) in one
folder, and a clear error naming the file and line for a row that breaks it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.extract import lexicon
from chidao.extract.lexicon import LexiconError, load, texts


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon, "DATA", tmp_path)
    load.cache_clear()
    yield tmp_path
    load.cache_clear()


def write(folder, text: str) -> str:
    (folder / "words.tsv").write_text(text, encoding="utf-8")
    return "words.tsv"


def test_rows_carry_kind_text_example_and_the_further_columns(folder):
    name = write(
        folder,
        "# comment\n\nkind\ttext\texample\tpattern\n"
        "body\tBan Dân vận Tỉnh ủy\tTrưởng Ban Dân vận Tỉnh ủy\tban dân vận tỉnh ủy\n"
        "body\tSở Nội Vụ\n",
    )
    rows = load(name, ("body",), ("pattern",))
    assert [(r.kind, r.text, r.example, r.extra) for r in rows] == [
        ("body", "Ban Dân vận Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy", ("ban dân vận tỉnh ủy",)),
        ("body", "Sở Nội Vụ", "", ("",)),
    ]
    assert rows[1].where == "words.tsv:5"
    assert texts(rows) == ("ban dân vận tỉnh ủy", "sở nội vụ")
    assert texts(rows, folded=False)[1] == "Sở Nội Vụ"


def test_texts_keeps_only_the_kinds_asked_for(folder):
    name = write(folder, "kind\ttext\texample\nask\tđề nghị\nsay\tnhấn mạnh\nask\tyêu cầu\n")
    assert texts(load(name, ("ask", "say")), "ask") == ("đề nghị", "yêu cầu")


@pytest.mark.parametrize(
    "body, message",
    [
        ("kind\ttext\nask\tđề nghị\n", r"words\.tsv:1: the header must be"),
        ("", r"words\.tsv: no header line"),
        ("kind\ttext\texample\norder\tra lệnh\n", r"words\.tsv:2: unknown kind 'order'"),
        ("kind\ttext\texample\nask\t\tví dụ\n", r"words\.tsv:2: the entry .* is empty"),
        ("kind\ttext\texample\nask\tđề nghị\tví dụ\tthừa\n", r"words\.tsv:2: 4 columns"),
    ],
)
def test_a_row_that_breaks_the_format_names_the_file_and_line(folder, body, message):
    name = write(folder, body)
    with pytest.raises(LexiconError, match=message):
        load(name, ("ask",))


@pytest.mark.parametrize("path", sorted(lexicon.DATA.glob("*.tsv")), ids=lambda p: p.name)
def test_every_lexicon_of_the_folder_has_the_one_header(path):
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x and x[0] != "#"]
    assert lines[0].split("\t")[:3] == ["kind", "text", "example"]
    kinds = tuple({line.split("\t")[0] for line in lines[1:]})
    columns = tuple(lines[0].split("\t")[3:])
    rows = load(path.name, kinds, columns)
    assert len({(r.kind, r.text) for r in rows}) == len(rows), "a row is written twice"


ASSIGNEE_ROWS = load(lexicon.ASSIGNEES, lexicon.ASSIGNEE_KINDS, ("level",))


@pytest.mark.parametrize("row", ASSIGNEE_ROWS, ids=lambda r: f"{r.kind}:{r.text}")
def test_each_assignee_word_is_shown_at_work_in_its_example(row):
    assert row.example, "each row of assignees.tsv has an example"
    assert row.folded in lexicon.fold(row.example)


def test_the_app_s_words_come_folded_or_without_diacritics():
    assert "thường trực tỉnh ủy" in lexicon.assignee_words("provincial_body")
    assert "hdnd" in lexicon.assignee_words("local_body", marks=False)
    assert lexicon.assignee_levels("abbreviation") == {
        "tp": "thành phố",
        "tx": "thị xã",
        "tt": "thị trấn",
    }
    with pytest.raises(LexiconError, match=r"assignees\.tsv: no kind 'boss'"):
        lexicon.assignee_words("boss")


def test_an_alternation_matches_both_tone_placements_and_prefers_the_longest():
    rx = re.compile(f"(?:{lexicon.alternation(['ủy ban', 'ủy ban nhân dân'])})")
    assert rx.match("uỷ ban nhân dân tỉnh").group() == "uỷ ban nhân dân"
    assert rx.match("ủy ban mặt trận").group() == "ủy ban"
    plain = re.compile(f"(?:{lexicon.alternation(['hđnd'], marks=False)})")
    assert plain.fullmatch("hdnd")


# ---------------------------------------------------------------- a slot's alternation, factored

# entries that share starts, end where others go on ("cần" / "cần phải"), repeat, and hold
# regex characters; texts made of the same pieces
_PIECES = ["c", "ần", "cần", " ", "phải", "đề", " nghị", " xuất", "a", "b", ".", "(", "|", "x"]
_entries = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map("".join)
_texts = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_entries, min_size=1, max_size=8),
    _texts,
    st.sampled_from(["", r"\w*", r"(?!\w)", " x"]),
)
def test_the_factored_alternation_matches_what_the_plain_one_matches(entries, text, after):
    # the engine tries the branches in order: what follows the slot decides which one wins
    plain = re.compile("(?:" + "|".join(re.escape(e) for e in entries) + ")" + after)
    factored = re.compile("(?:" + lexicon.ordered_alternation(entries) + ")" + after)
    assert [m.span() for m in factored.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for pos in range(len(text) + 1):
        m, f = plain.match(text, pos), factored.match(text, pos)
        assert (f and f.span()) == (m and m.span())


@settings(max_examples=300, deadline=None)
@given(st.lists(_entries, min_size=1, max_size=8), _texts, st.sampled_from(["", r"\w*", " x"]))
def test_the_word_start_alternation_matches_what_a_leading_look_behind_matches(
    entries, text, after
):
    plain = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(e) for e in entries) + ")" + after)
    fast = re.compile("(?:" + lexicon.ordered_alternation(entries, word_start=True) + ")" + after)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for pos in range(len(text) + 1):
        m, f = plain.search(text, pos), fast.search(text, pos)
        assert (f and f.span()) == (m and m.span())


def test_the_factored_alternation_keeps_the_order_of_entries_that_share_a_start():
    assert lexicon.ordered_alternation(["cần", "cần phải", "phải"]) == r"cần(?:|\ phải)|phải"
    assert lexicon.ordered_alternation(["cần phải", "cần"]) == r"cần(?:\ phải|)"
    # "a" ends between "ab" and "ac": they are not merged across it
    assert lexicon.ordered_alternation(["ab", "a", "ac"]) == "a(?:b||c)"


def test_fill_factors_only_a_slot_that_is_a_whole_alternative():
    words = {"k": ("đề nghị", "đề xuất")}
    assert lexicon.fill("(?:«k»)", words) == r"(?:đề\ (?:nghị|xuất))"
    assert lexicon.fill("«k»|x", words) == r"đề\ (?:nghị|xuất)|x"
    # glued to other words of its alternative, the slot stays a plain alternation
    assert lexicon.fill("a«k»", words) == r"ađề\ nghị|đề\ xuất"
    assert lexicon.fill(r"\(«k»)", words) == r"\(đề\ nghị|đề\ xuất)"
    # at the start of a word: the check written after the common start of each group
    assert lexicon.fill(r"(?<!\w)(?:«k»)", words) == r"(?:đề\ (?<!\wđề\ )(?:nghị|xuất))"
    # a case-insensitive pattern keeps the plain alternation
    assert lexicon.fill(r"(?<!\w)(?:«k»)", words, factor=False) == r"(?<!\w)(?:đề\ nghị|đề\ xuất)"
