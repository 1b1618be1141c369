"""One interface over two full-text engines: SQLite's FTS5 and PostgreSQL's text search.

``matching(entries, text)`` keeps the entries whose folded text has every word of ``text``
(each word also as a prefix: "giai phong" finds "giải phóng mặt bằng") and annotates
``rank`` (lower is better): bm25 on SQLite, minus ``ts_rank`` on PostgreSQL (over the
stored vector ``tsv``). Both engines
see the same folded words (``search_key``), so diacritics and tone placement never matter.
Other databases fall back to ``LIKE`` on the folded text.

For the directives alone (the register's free text): ``directive_ids(text)``, the ids of the
directives holding every word, as a subquery, and on PostgreSQL ``directive_holds(text)``, the
same test for one directive at a time (a probe of its words). Both read the directives' own
tables, keyed by the directive: ``search_directive_fts`` on SQLite, ``search_directive_words``
on PostgreSQL (search 0004, 0006).
"""

from __future__ import annotations

import re
from typing import Any

from django.db import connection
from django.db.models import BooleanField, F, Func, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL

from chidao.organisation.models import search_key
from chidao.search.models import EntryKind, SearchEntry

MAX_WORDS = 8


def words(text: str) -> list[str]:
    """The folded words of a query ("Thiệu Hoá" -> ["thieu", "hoa"]), at most ``MAX_WORDS``."""
    return re.findall(r"\w+", search_key(text or ""))[:MAX_WORDS]


def _tsquery(found: list[str]) -> str:
    """PostgreSQL's ``to_tsquery`` text of the folded words: each a prefix, all needed."""
    return " & ".join(f"{w}:*" for w in found)


def matching(
    entries: QuerySet[SearchEntry], text: str, *, ranked: bool = False
) -> QuerySet[SearchEntry]:
    """``entries`` that contain every word of ``text``, annotated with ``rank``.

    ``ranked=True`` computes the rank for a top-level query (a page of results). Otherwise
    the rank is 0: the query may be a subquery, where only the rows matter.
    """
    found = words(text)
    if not found:
        return entries.none().annotate(rank=Value(0.0))
    vendor = connection.vendor
    # unqualified columns: the query may be a subquery, where Django renames the table
    if vendor == "sqlite":
        expr = " ".join(f'"{w}"*' for w in found)
        if ranked:
            # a join, so that FTS5 runs the MATCH once; a correlated "(SELECT rank ... AND
            # rowid = id)" runs it again for every row: 105 s for "thieu hoa" at 300k tasks
            return entries.extra(
                tables=["search_fts"],
                where=["search_fts.rowid = search_searchentry.id", "search_fts MATCH %s"],
                params=[expr],
                select={"rank": "search_fts.rank"},
            )
        return entries.extra(
            where=["id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)"],
            params=[expr],
        ).annotate(rank=Value(0.0))
    if vendor == "postgresql":
        expr = _tsquery(found)
        if ranked:
            # ``tsv``: ``to_tsvector('simple', key)`` stored by PostgreSQL (search 0002) with
            # its own index, so the ranking reads each match's words instead of parsing its
            # text again (340 -> 55 ms for "thieu hoa" at 300,000 tasks)
            return entries.extra(
                where=["tsv @@ to_tsquery('simple', %s)"],
                params=[expr],
                select={"rank": "-ts_rank(tsv, to_tsquery('simple', %s))"},
                select_params=[expr],
            )
        # the rows only (the register's words, a subquery): through the index of the parsed
        # text (search 0003), which PostgreSQL reads for a word found in half the entries;
        # on ``tsv`` it would read the whole table, wider by the stored vectors, instead
        return entries.extra(
            where=["to_tsvector('simple', key) @@ to_tsquery('simple', %s)"],
            params=[expr],
            select={"rank": "0"},
        )
    for w in found:  # pragma: no cover - neither SQLite nor PostgreSQL
        entries = entries.filter(key__contains=w)
    return entries.annotate(rank=Value(0))


def directive_ids(text: str) -> Any:
    """The ids of the directives whose entry holds every word of ``text`` (as ``matching``),
    a subquery for ``directive_id__in``; ``text`` must have words.

    On SQLite they are the rowids of ``search_directive_fts`` (search 0004), the directive's
    id: through ``search_fts`` every match's entry was read for its ``object_id`` ("hoa"*:
    62,000 wide rows, 27 ms of the 33 ms its ids took at 300,000 tasks). On PostgreSQL the
    ``directive_id`` of ``search_directive_words`` (search 0006), a narrow row a directive:
    through the entries' index, each match's wide entry (nine a page) was read instead."""
    found = words(text)
    if connection.vendor == "sqlite":
        expr = " ".join(f'"{w}"*' for w in found)
        return RawSQL(
            "SELECT rowid FROM search_directive_fts WHERE search_directive_fts MATCH %s", [expr]
        )
    if connection.vendor == "postgresql":
        return RawSQL(
            "SELECT directive_id FROM search_directive_words"
            " WHERE words @@ to_tsquery('simple', %s)",
            [_tsquery(found)],
        )
    entries = SearchEntry.objects.filter(kind=EntryKind.DIRECTIVE)  # pragma: no cover
    return matching(entries, " ".join(found)).values("object_id")  # pragma: no cover


class _Holds(Func):
    """``vector @@ query`` (PostgreSQL)."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class _WordsOf(Func):
    """PostgreSQL: the words of the directive whose id is the expression, read from
    ``search_directive_words`` by its primary key (NULL: no such directive indexed)."""

    template = "(SELECT words FROM search_directive_words WHERE directive_id = %(expressions)s)"
    output_field = TextField()


def directive_holds(text: str, directive: str = "directive_id") -> _Holds:
    """PostgreSQL: a condition on the outer query's rows, true when the directive of the column
    ``directive`` holds every word of ``text``: one probe of its row of
    ``search_directive_words`` (its primary key) a row, where ``directive_ids`` reads every
    directive holding the words first. For a few rows to test: "hoa"* is 62,000 directives at
    300,000 tasks (30 ms to read), the tasks of the units named "Thiệu ..." that the register
    tests 2,800 (probes: 3 µs each). A scalar subquery, which PostgreSQL runs row by row (an
    ``EXISTS`` it may turn into the list of every match)."""
    query = Func(Value(_tsquery(words(text))), template="to_tsquery('simple', %(expressions)s)")
    return _Holds(_WordsOf(F(directive)), query)
