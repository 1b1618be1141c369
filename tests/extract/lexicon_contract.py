"""The three checks every lexicon file of the extractor passes, written once.

A ``*_words.tsv`` test module describes each kind by an example template, a predicate that says
the kind did its work, and a control word that must not; ``lexicon_contract`` returns the tests
that hold every row and every kind to them::

    (
        test_every_kind_has_rows_and_a_written_example,
        test_each_entry_does_its_kind_s_work,
        test_a_word_not_of_the_kind_does_not,
    ) = lexicon_contract(ROWS, KINDS, EXAMPLES, agency_words)
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

import pytest

from chidao.extract.lexicon import Row
from chidao.extract.spans import fold

Example = tuple[str, Callable[[str], object], str]  # template with one {} slot, works, control


def lexicon_contract(
    rows: Sequence[Row],
    kinds: Collection[str],
    examples: Mapping[str, Example],
    words: Callable[[], Mapping[str, Collection[str]]],
) -> tuple[Callable[[], None], Callable[[Row], None], Callable[[str], None]]:
    def test_every_kind_has_rows_and_a_written_example() -> None:
        assert {r.kind for r in rows} == set(kinds) == set(examples)

    @pytest.mark.parametrize("row", rows, ids=lambda r: r.where)
    def test_each_entry_does_its_kind_s_work(row: Row) -> None:
        template, works, _ = examples[row.kind]
        example = row.example or template.format(row.text)
        assert row.folded in fold(example)
        assert works(example), example

    @pytest.mark.parametrize("kind", list(kinds))
    def test_a_word_not_of_the_kind_does_not(kind: str) -> None:
        template, works, control = examples[kind]
        assert {control, fold(control)}.isdisjoint(words()[kind])
        assert not works(template.format(control)), template.format(control)

    return (
        test_every_kind_has_rows_and_a_written_example,
        test_each_entry_does_its_kind_s_work,
        test_a_word_not_of_the_kind_does_not,
    )
