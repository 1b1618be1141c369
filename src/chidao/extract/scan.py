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

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any, Literal

import ahocorasick

from .spans import Document, quick_init

StartCheck = Literal["pattern", "after"]


@quick_init
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
        before = self.before
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
            if pattern_start and first:  # (``_starts_word``, written out: once per hit)
                ch = text[first - 1]
                if ch.isalnum() or ch == "_" or ch in before:
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


# ---------------------------------------------------------------- cues: regexes read from the scan

_MAX_PREFIXES = 256


def literal_prefixes(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The literal texts one of which every match of ``pattern`` starts with (read from the
    parsed pattern: its alternatives, optional parts, groups and small character sets; the
    zero-width checks are left to the regex), or None when some match may start otherwise
    (a digit class, any character, an empty alternative, case-insensitive matching)."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        found = _sequence_prefixes(list(_parser.parse(pattern.pattern, pattern.flags).data))
    except _NotLiteral:
        return None
    if not found or "" in found or len(found) > _MAX_PREFIXES:
        return None
    return frozenset(found)


class _NotLiteral(Exception):
    """A match may start with something that is not a known literal."""


def _sequence_prefixes(items: list[tuple[Any, Any]]) -> set[str]:
    """The literal prefixes of a sequence of parsed items (each as long as it stays literal)."""
    c = _constants
    literal = ""
    for i, (op, av) in enumerate(items):
        if op is c.LITERAL:
            literal += chr(av)
            continue
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero-width: the regex checks it at each candidate
        if literal:
            # the literal goes on into what follows when that has literal prefixes too
            # ("đề\\ (?:nghị|xuất)", as ``lexicon.ordered_alternation`` writes "đề nghị|đề xuất")
            try:
                rest = _sequence_prefixes(items[i:])
            except _NotLiteral:
                return {literal}
            if not rest or "" in rest or len(rest) > _MAX_PREFIXES:
                return {literal}
            return {literal + r for r in rest}
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & re.IGNORECASE:
                raise _NotLiteral
            return _sequence_prefixes(list(sub.data))
        if op is c.BRANCH:
            out: set[str] = set()
            for alternative in av[1]:
                out |= _sequence_prefixes(list(alternative.data))
            return out
        if op is c.IN:
            return set(_class_chars(av))
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, _high, sub = av
            first = _sequence_prefixes(list(sub.data))
            if low == 0:  # optional: the match may start with what follows
                first |= _sequence_prefixes(items[i + 1 :])
            return first
        raise _NotLiteral
    if not literal:
        raise _NotLiteral  # the sequence may match the empty text
    return {literal}


def _class_chars(items: list[tuple[Any, Any]]) -> list[str]:
    """The characters of a small character set ("[-–+•*]"), else :class:`_NotLiteral`."""
    c = _constants
    out: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            out.append(chr(av))
        elif op is c.RANGE and av[1] - av[0] < 16:
            out.extend(chr(x) for x in range(av[0], av[1] + 1))
        else:
            raise _NotLiteral  # a negated set, a category ("\\d"), a wide range
    if len(out) > 32:
        raise _NotLiteral
    return out


class Cue:
    """A regex that the pipeline runs only where one of its literal prefixes occurs.

    Every cue's prefixes go into one automaton, which reads the folded text of a document
    once (:func:`cue_starts`); a cue's ``finditer``/``search`` then try the regex at those
    offsets only.  The matches are those of ``pattern.finditer(doc.folded, pos, endpos)``
    and ``pattern.search(...)``, since no match can start elsewhere.  A regex without
    literal prefixes (a lexicon's words edited into one that may start with anything) is
    still a cue: it is then run as it is, over the whole range."""

    _all: list[Cue] = []

    def __init__(self, pattern: re.Pattern[str]) -> None:
        prefixes = literal_prefixes(pattern)
        self.pattern = pattern
        self.scanned = prefixes is not None  # False: the regex runs on its own
        prefixes = prefixes or frozenset()
        # a prefix that extends another is found with it: keep the shortest ("chiều", not
        # also "chiều nay"), so that no offset is listed twice
        self.prefixes = frozenset(
            p for p in prefixes if not any(q != p and p.startswith(q) for q in prefixes)
        )
        self.index = len(Cue._all)
        Cue._all.append(self)
        _cue_automaton.cache_clear()

    def starts(self, doc: Document) -> list[int]:
        """The offsets of the folded text where one of the prefixes starts (sorted)."""
        found: list[list[int]] | None = doc.cache.get("scan:cues")
        if found is None or self.index >= len(found):  # not scanned, or a cue made after
            found = cue_starts(doc)
        return found[self.index]

    def finditer(
        self, doc: Document, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """``self.pattern.finditer(doc.folded, pos, endpos)``."""
        text = doc.folded
        end = len(text) if endpos is None else endpos
        if not self.scanned:
            yield from self.pattern.finditer(text, pos, end)
            return
        found: list[list[int]] | None = doc.cache.get("scan:cues")  # (``starts``, written out)
        starts = found[self.index] if found and self.index < len(found) else self.starts(doc)
        first = bisect_left(starts, pos)
        if first == len(starts) or starts[first] >= end:
            return  # most ranges: no prefix
        match = self.pattern.match
        taken = pos
        for i in range(first, len(starts)):
            at = starts[i]
            if at >= end:
                break
            if at < taken:
                continue
            m = match(text, at, end)
            if m is not None:
                yield m
                taken = m.end()

    def finditer_in(self, doc: Document, text: str, offset: int) -> Iterator[re.Match[str]]:
        """``self.pattern.finditer(text)`` where ``text`` is ``doc.folded[offset:...]``, a
        sentence or a paragraph cut out (the regex runs on ``text`` itself, as before)."""
        if not self.scanned:
            yield from self.pattern.finditer(text)
            return
        found: list[list[int]] | None = doc.cache.get("scan:cues")
        starts = found[self.index] if found and self.index < len(found) else self.starts(doc)
        end = offset + len(text)
        first = bisect_left(starts, offset)
        if first == len(starts) or starts[first] >= end:
            return
        match = self.pattern.match
        taken = offset
        for i in range(first, len(starts)):
            at = starts[i]
            if at >= end:
                break
            if at < taken:
                continue
            m = match(text, at - offset)
            if m is not None:
                yield m
                taken = offset + m.end()

    def search_in(
        self, doc: Document, text: str, offset: int, pos: int = 0
    ) -> re.Match[str] | None:
        """``self.pattern.search(text, pos)`` where ``text`` is ``doc.folded[offset:...]``."""
        if not self.scanned:
            return self.pattern.search(text, pos)
        found: list[list[int]] | None = doc.cache.get("scan:cues")
        starts = found[self.index] if found and self.index < len(found) else self.starts(doc)
        end = offset + len(text)
        first = bisect_left(starts, offset + pos)
        if first == len(starts) or starts[first] >= end:
            return None
        match = self.pattern.match
        for i in range(first, len(starts)):
            at = starts[i]
            if at >= end:
                break
            m = match(text, at - offset)
            if m is not None:
                return m
        return None

    def finditer_text(
        self, text: str, doc: Document | None = None, offset: int = 0
    ) -> Iterator[re.Match[str]]:
        """``self.pattern.finditer(text)``: from the scan of ``doc`` when ``text`` is cut out
        of it at ``offset``, by the regex alone when no document is given."""
        if doc is None:
            return self.pattern.finditer(text)
        return self.finditer_in(doc, text, offset)

    def search_text(
        self, text: str, doc: Document | None = None, offset: int = 0
    ) -> re.Match[str] | None:
        """``self.pattern.search(text)``, as :meth:`finditer_text` reads ``doc``."""
        if doc is None:
            return self.pattern.search(text)
        return self.search_in(doc, text, offset)

    def search(
        self, doc: Document, pos: int = 0, endpos: int | None = None
    ) -> re.Match[str] | None:
        """``self.pattern.search(doc.folded, pos, endpos)``."""
        text = doc.folded
        end = len(text) if endpos is None else endpos
        if not self.scanned:
            return self.pattern.search(text, pos, end)
        found: list[list[int]] | None = doc.cache.get("scan:cues")
        starts = found[self.index] if found and self.index < len(found) else self.starts(doc)
        first = bisect_left(starts, pos)
        if first == len(starts) or starts[first] >= end:
            return None
        match = self.pattern.match
        for i in range(first, len(starts)):
            at = starts[i]
            if at >= end:
                break
            m = match(text, at, end)
            if m is not None:
                return m
        return None


def starting_words(matches: Iterable[re.Match[str]], text: str) -> Iterator[re.Match[str]]:
    """The ``matches`` (of ``text``) that start a word: the character before is not a
    letter, digit or "_" (as :func:`lookup.word_start_matches` keeps them)."""
    for m in matches:
        i = m.start()
        if i and (text[i - 1].isalnum() or text[i - 1] == "_"):
            continue
        yield m


@cache
def _cue_automaton() -> Any:
    by_prefix: dict[str, list[int]] = {}
    for cue in Cue._all:
        for p in cue.prefixes:
            by_prefix.setdefault(p, []).append(cue.index)
    automaton = ahocorasick.Automaton()
    for p, ids in by_prefix.items():
        automaton.add_word(p, (len(p), tuple(ids)))
    automaton.make_automaton()
    return automaton


def cue_starts(doc: Document) -> list[list[int]]:
    """For every cue (by index), where its prefixes start in the folded text: one pass of one
    automaton for all the cues, kept in ``doc.cache``."""
    found: list[list[int]] | None = doc.cache.get("scan:cues")
    if found is None or len(found) != len(Cue._all):
        found = [[] for _ in Cue._all]
        for last, (length, ids) in _cue_automaton().iter(doc.folded):
            start = last + 1 - length
            for i in ids:
                found[i].append(start)
        for starts in found:
            starts.sort()
        doc.cache["scan:cues"] = found
    return found
