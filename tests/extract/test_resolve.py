"""The one decision step: where the stages' proposals overlap, one policy decides."""

from __future__ import annotations

from chidao.extract.resolve import resolve
from chidao.extract.spans import Document, Item, Span


def item(start: int, end: int, label: str) -> Item:
    return Item(Span(start, end, label, ""))


def test_a_petition_over_the_words_of_a_directive_is_dropped_and_the_others_stay():
    doc = Document(text="x" * 200)
    doc.directives = [item(10, 40, "directive"), item(100, 120, "directive")]
    doc.petitions = [
        item(0, 10, "petition"),  # ends where the directive starts: stays
        item(30, 50, "petition"),  # overlaps the first directive
        item(60, 90, "petition"),  # between them: stays
        item(110, 112, "petition"),  # inside the second
        item(120, 150, "petition"),  # starts where it ends: stays
    ]
    resolve(doc)
    assert [(p.span.start, p.span.end) for p in doc.petitions] == [(0, 10), (60, 90), (120, 150)]
    assert len(doc.directives) == 2  # the winners are left as they are


def test_a_long_directive_hides_every_petition_it_covers():
    doc = Document(text="x" * 300)
    doc.directives = [item(0, 250, "directive"), item(20, 30, "directive")]
    doc.petitions = [item(200, 210, "petition"), item(260, 270, "petition")]
    resolve(doc)
    assert [(p.span.start, p.span.end) for p in doc.petitions] == [(260, 270)]


def test_a_figure_inside_a_directive_or_a_petition_is_no_result():
    doc = Document(text="x" * 200)
    doc.directives = [item(10, 40, "directive")]
    doc.petitions = [item(100, 140, "petition")]
    doc.indicators = [
        item(20, 25, "indicator"),
        item(60, 70, "indicator"),
        item(110, 115, "indicator"),
    ]
    resolve(doc)
    assert [(i.span.start, i.span.end) for i in doc.indicators] == [(60, 70)]
