"""The shared scan: each lexicon is looked for once per document, by an automaton.

Stages ask the same questions of the whole text again and again ("where are the title
heads?", "where are the level words?", "where are the province names?").  Asked with a
regex alternation, each question walks the text once per question and, at every position
where an entry could start, tries the entries' branches: the profile of a report was flat
over such scans.  Here each lexicon is compiled once into an Aho-Corasick automaton
(``pyahocorasick``), which finds every entry in one pass in C, and :func:`hits` keeps the
answer for the document (``doc.cache``), so a second stage asking reads it.

The answers are those of the regex the lexicon replaces, match for match: for every start
position the longest entry that ends a word (``(?!\\w)``) and starts one (the character
before is not a letter, digit or "_"), the matches taken from the left without overlap as
``re.finditer`` takes them.  Two ways of checking the start of a word exist in the code and
both are kept:

- ``start="pattern"``: the check is part of the pattern (``b(?<!\\w.)í thư``), so a match
  that does not start a word is never taken and hides nothing;
- ``start="after"``: the matches are taken first and those that do not start a word are
  dropped afterwards, as :func:`lookup.word_start_matches` does (such a match still
  consumes its text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

import ahocorasick

from .spans import Document

StartCheck = Literal["pattern", "after"]


@dataclass(frozen=True, slots=True)
class Hit:
    """An entry of a lexicon found in a text: ``text[start:end] == entry``."""

    start: int
    end: int
    entry: str


def _is_word(ch: str) -> bool:
    """What ``\\w`` matches in a ``str`` pattern: a letter, a digit or "_"."""
    return ch.isalnum() or ch == "_"


class WordLexicon:
    """A set of entries (as they appear in the text searched: folded entries for the folded
    text) found as whole words, leftmost and longest first, by one automaton.

    ``before``: further characters that may not stand before a match (beyond letters,
    digits and "_"); ``start``: where the start of a word is checked (see the module);
    ``follow``: when given, what the character after a match must be (a look-ahead
    ``(?=[...])``: there must be one) instead of anything but a letter, digit or "_"."""

    def __init__(
        self,
        entries: Iterable[str],
        *,
        before: str = "",
        start: StartCheck = "pattern",
        follow: Callable[[str], bool] | None = None,
    ) -> None:
        self.entries = frozenset(entries)
        if not self.entries or "" in self.entries:
            raise ValueError("a word lexicon needs entries, none of them empty")
        self.before = before
        self.start = start
        self.follow = follow
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
        for entry in self.entries:
            self._automaton.add_word(entry)
        self._automaton.make_automaton()

    def _starts_word(self, text: str, i: int) -> bool:
        if not i:
            return True
        ch = text[i - 1]
        return not (ch.isalnum() or ch == "_" or ch in self.before)

    def find(self, text: str, pos: int = 0, endpos: int | None = None) -> list[Hit]:
        """The entries in ``text[pos:endpos]``, as ``re.finditer`` of the regex would find
        them (the character after ``endpos`` is not seen; the one before ``pos`` is)."""
        end = len(text) if endpos is None else min(endpos, len(text))
        if pos >= end:
            return []
        pattern_start = self.start == "pattern"
        follow = self.follow
        longest: dict[int, int] = {}  # start -> the end of the longest entry there
        for last, length in self._automaton.iter(text, pos, end):
            after = last + 1
            if follow is not None:
                if after >= end or not follow(text[after]):
                    continue
            elif after < end:
                ch = text[after]
                if ch.isalnum() or ch == "_":
                    continue  # does not end a word
            first = after - length
            if pattern_start and not self._starts_word(text, first):
                continue
            if longest.get(first, -1) < after:
                longest[first] = after
        out: list[Hit] = []
        taken = pos
        for first in sorted(longest):
            if first < taken:
                continue  # inside the previous match
            after = longest[first]
            taken = after
            if pattern_start or self._starts_word(text, first):
                out.append(Hit(first, after, text[first:after]))
        return out


def hits(doc: Document, key: str, lexicon: WordLexicon, folded: bool = True) -> list[Hit]:
    """The entries of ``lexicon`` in the document's folded text (``folded=False``: in its
    text as written), found once per document and kept under ``key`` for the other stages."""
    cache_key = f"scan:{key}:{'folded' if folded else 'text'}"
    found: list[Hit] | None = doc.cache.get(cache_key)
    if found is None:
        found = lexicon.find(doc.folded if folded else doc.text)
        doc.cache[cache_key] = found
    return found
