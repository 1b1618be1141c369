"""Fast look-ups: a document's sentences by offset (bisection), and lexicon
alternations compiled as character tries (one branch per next character, so the
regex engine never retries every entry at every position)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

from .spans import Document, Mention, Span


class SentenceIndex:
    """The sentences of ``doc`` by offset, for stages that ask many times."""

    def __init__(self, doc: Document) -> None:
        self.sentences = doc.sentences
        self.starts = [s.start for s in doc.sentences]

    def at(self, offset: int) -> Span | None:
        """The sentence that holds ``offset`` (None between sentences)."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def within(self, start: int, end: int) -> list[Span]:
        """The sentences inside ``start..end`` (a paragraph)."""
        i = bisect_right(self.starts, start - 1)
        out = []
        while i < len(self.sentences) and self.sentences[i].end <= end:
            if self.sentences[i].start >= start:
                out.append(self.sentences[i])
            i += 1
        return out


class Intervals:
    """The offsets covered by some spans, asked by bisection over the merged spans (a set of
    every covered offset costs as many insertions as the spans have characters)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if b <= a:
                continue
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


def mentions_in(doc: Document, start: int, end: int) -> list[Mention]:
    """The mentions of ``doc`` (sorted by offset) that start inside ``start..end``, in
    order; found by bisection over an index built once per list of mentions."""
    cached = doc.cache.get("mention-starts")
    if cached is None or cached[0] is not doc.mentions or cached[1] != len(doc.mentions):
        cached = doc.cache["mention-starts"] = (
            doc.mentions,
            len(doc.mentions),
            [m.span.start for m in doc.mentions],
        )
    starts = cached[2]
    return doc.mentions[bisect_left(starts, start) : bisect_left(starts, end)]


def trie_alternation(entries: Iterable[str]) -> str:
    """A regex (no group) that matches any of ``entries`` literally, built as a
    character trie: the longest entry wins where one is a prefix of another, and the
    engine can scan for the entries' first characters."""
    trie: dict[str, Any] = {}
    for entry in entries:
        if not entry:
            raise ValueError("empty entry in a lexicon alternation")
        node = trie
        for ch in entry:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def word_start_matches(
    pattern: re.Pattern[str], text: str, pos: int = 0
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos)`` restricted to matches that start a word (the
    character before is not a letter, digit or "_").  Faster than a leading
    ``(?<!\\w)`` in the pattern, which the engine would test at every position."""
    for m in pattern.finditer(text, pos):
        i = m.start()
        if i and (text[i - 1].isalnum() or text[i - 1] == "_"):
            continue
        yield m
