"""The field (lĩnh vực) of a directive, from the reviewed lexicon ``data/topics.tsv``.

A small classifier: the field whose words the directive uses most (whole words, case and
tone placement aside; ties go to the field listed first); ``None`` when it uses none. The
office corrects it on the review page.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import LexiconError, alternation, load
from .spans import fold

TOPICS = "topics.tsv"
KINDS = ("field", "keyword")


@cache
def fields() -> tuple[tuple[str, str], ...]:
    """(key, label) of every field, in the lexicon's order."""
    return tuple((r.extra[0], r.text) for r in load(TOPICS, KINDS, ("field",)) if r.kind == "field")


def labels() -> tuple[str, ...]:
    """The fields' labels, as the register and the review page offer them."""
    return tuple(label for _key, label in fields())


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    keys = [key for key, _label in fields()]
    words: dict[str, list[str]] = {key: [] for key in keys}
    for r in load(TOPICS, KINDS, ("field",)):
        if r.kind == "keyword":
            if r.extra[0] not in words:
                raise LexiconError(f"{r.where}: unknown field {r.extra[0]!r} (one of {keys})")
            words[r.extra[0]].append(r.folded)
    return tuple(
        (key, re.compile(rf"(?<!\w)(?:{alternation(words[key])})(?!\w)"))
        for key in keys
        if words[key]
    )


def classify(text: str) -> str | None:
    """The label of the field ``text`` (a directive) belongs to, or None."""
    folded = fold(text or "")
    best, best_count = None, 0
    for key, pattern in _patterns():
        count = len(pattern.findall(folded))
        if count > best_count:
            best, best_count = key, count
    return dict(fields())[best] if best else None
