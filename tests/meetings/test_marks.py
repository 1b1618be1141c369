"""The source text with its items marked: escaped, nested, well formed."""

from __future__ import annotations

from chidao.meetings.marks import Mark, draft_marks, render
from chidao.meetings.templatetags.meetings_tags import vn_number


def test_it_marks_an_item_and_escapes_the_text():
    text = "A <b> & B đề nghị xã làm."
    start = text.index("đề")
    html = render(text, [Mark(start, len(text), "directives", "m-directives-0")])
    assert (
        html
        == 'A &lt;b&gt; &amp; B <mark id="m-directives-0" class="mark mark-directive">đề nghị xã làm.</mark>'
    )


def test_it_nests_a_name_inside_a_petition():
    text = "Ông Lê Văn Hòa kiến nghị tỉnh."
    html = render(text, [Mark(0, 30, "petitions", "p"), Mark(4, 14, "people", "n")])
    assert html == (
        '<mark id="p" class="mark mark-petition">Ông <mark id="n" class="mark mark-person">Lê Văn Hòa</mark>'
        " kiến nghị tỉnh.</mark>"
    )


def test_it_cuts_a_crossing_mark_at_the_end_of_the_outer_one():
    html = render("abcdefghij", [Mark(0, 5, "difficulties", "a"), Mark(3, 8, "indicators", "b")])
    assert html == (
        '<mark id="a" class="mark mark-difficulty">abc<mark id="b" class="mark mark-indicator">de</mark></mark>fghij'
    )


def test_it_skips_offsets_outside_the_text():
    assert render("abc", [Mark(2, 9, "agencies", "x"), Mark(2, 2, "agencies", "y")]) == "abc"


def test_the_draft_gives_one_mark_per_item_with_offsets():
    draft = {
        "directives": [
            {"text": "x", "start": 1, "end": 2},
            {"text": "typed", "start": None, "end": None},
        ],
        "site_visits": [{"text": "cầu", "start": 5, "end": 8}],
    }
    assert draft_marks(draft) == [
        Mark(5, 8, "site_visits", "m-site_visits-0"),
        Mark(1, 2, "directives", "m-directives-0"),
    ]


def test_numbers_are_written_the_vietnamese_way():
    assert [vn_number(v) for v in (11710.0, 12.36, 12.5, 35.0, 1250, None, "n/a")] == [
        "11.710",
        "12,36",
        "12,5",
        "35",
        "1.250",
        "",
        "n/a",
    ]


def test_on_the_review_page_each_run_of_text_says_where_it_starts():
    text = "Ông Lê Văn Hòa kiến nghị <tỉnh>."
    html = render(
        text, [Mark(0, len(text), "petitions", "p"), Mark(4, 14, "people", "n")], segments=True
    )
    assert html == (
        '<mark id="p" class="mark mark-petition"><span class="seg" data-start="0">Ông </span>'
        '<mark id="n" class="mark mark-person"><span class="seg" data-start="4">Lê Văn Hòa</span></mark>'
        '<span class="seg" data-start="14"> kiến nghị &lt;tỉnh&gt;.</span></mark>'
    )
