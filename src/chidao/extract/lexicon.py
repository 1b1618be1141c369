"""The one loader of the extractor's lexicons: the genre's vocabulary, kept as reviewed data.

Code keeps the grammar of the genre; the words it is written in live in the TSV files of
``chidao/extract/data/``, all in one format:

- lines starting with ``#`` are comments: each file explains its kinds there;
- the first other line is the header: ``kind<TAB>text<TAB>example``, then the names of the
  file's further columns, if any (``agencies.tsv`` adds ``pattern``);
- every row gives a kind (one of those the reading module declares), the entry as written,
  a sentence of the genre where the entry does its work (may be empty where a test builds
  one for each row of the kind), then the further columns (an empty trailing cell may be
  left out).

A row that breaks the format raises :class:`LexiconError` naming the file, the line and
what is wrong, so a reviewer's typo is found when the lexicon is read, not as a quiet miss.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .spans import fold, strip_marks, written_forms

DATA = Path(__file__).with_name("data")
BASE_COLUMNS = ("kind", "text", "example")


class LexiconError(ValueError):
    """A lexicon file that breaks the format (the message names the file and line)."""


@dataclass(frozen=True, slots=True)
class Row:
    """One reviewed entry of a lexicon."""

    kind: str
    text: str  # as written in the file
    example: str
    extra: tuple[str, ...]  # the file's further columns, in the header's order
    where: str  # "titles.tsv:42", for messages

    @property
    def folded(self) -> str:
        """The entry as the stages compare it (lower case, modern tone placement)."""
        return fold(self.text)


@cache
def load(name: str, kinds: tuple[str, ...], columns: tuple[str, ...] = ()) -> tuple[Row, ...]:
    """The rows of ``data/<name>``, checked: the header is ``kind, text, example`` and then
    ``columns``; each row's kind is one of ``kinds``; its text is not empty."""
    path = DATA / name
    header = (*BASE_COLUMNS, *columns)
    rows: list[Row] = []
    seen_header = False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not seen_header:
            if tuple(cells) != header:
                raise LexiconError(
                    f"{name}:{n}: the header must be {chr(9).join(header)!r}, not {line!r}"
                )
            seen_header = True
            continue
        if len(cells) > len(header):
            raise LexiconError(
                f"{name}:{n}: {len(cells)} columns, the header names {len(header)}: {line!r}"
            )
        cells += [""] * (len(header) - len(cells))
        kind, text, example, *extra = cells
        if kind not in kinds:
            raise LexiconError(f"{name}:{n}: unknown kind {kind!r} (one of {kinds}): {line!r}")
        if not text:
            raise LexiconError(f"{name}:{n}: the entry (second column) is empty: {line!r}")
        rows.append(Row(kind, text, example, tuple(extra), f"{name}:{n}"))
    if not seen_header:
        raise LexiconError(f"{name}: no header line {chr(9).join(header)!r}")
    return tuple(rows)


def texts(rows: Iterable[Row], *kinds: str, folded: bool = True) -> tuple[str, ...]:
    """The entries of ``rows`` of the given kinds (all kinds if none), folded by default,
    in the file's order."""
    return tuple((r.folded if folded else r.text) for r in rows if not kinds or r.kind in kinds)


def by_kind(
    name: str, kinds: tuple[str, ...], *, folded: bool = True
) -> dict[str, tuple[str, ...]]:
    """The entries of lexicon ``name`` by kind (folded unless ``folded=False``, in the file's
    order); a bad line raises an error naming the file and line."""
    rows = load(name, kinds)
    return {k: texts(rows, k, folded=folded) for k in kinds}


def alternation(entries: Iterable[str], *, marks: bool = True) -> str:
    """A regex alternation (no group) of folded ``entries``, longest first, each also in the
    old tone placement ("uỷ" for "ủy"); without diacritics when ``marks`` is false (to match
    search keys such as ``strip_marks(fold(text))``)."""
    forms: set[str] = set()
    for entry in entries:
        variants = {w.lower() for w in written_forms(entry)} | {entry}
        forms |= variants if marks else {strip_marks(v) for v in variants}
    return "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))


# ---------------------------------------------------------------- the web app's vocabulary

ASSIGNEES = "assignees.tsv"
ASSIGNEE_KINDS = (
    "local_government",
    "provincial_body",
    "body",
    "province_word",
    "level_word",
    "departments_group",
    "localities_group",
    "local_body",
    "leader",
    "district_committee",
    "abbreviation",
    "conference",
    "unit_prefix",
    "province_prefix",
    "government_prefix",
    "every",
)


def assignee_words(kind: str, *, marks: bool = True) -> tuple[str, ...]:
    """The folded entries of ``data/assignees.tsv`` of ``kind`` (without diacritics when
    ``marks`` is false), for the app's sorting of a draft's assignees into units."""
    if kind not in ASSIGNEE_KINDS:
        raise LexiconError(f"{ASSIGNEES}: no kind {kind!r} (one of {ASSIGNEE_KINDS})")
    words = texts(load(ASSIGNEES, ASSIGNEE_KINDS, ("level",)), kind)
    return words if marks else tuple(strip_marks(w) for w in words)


def assignee_levels(kind: str, *, marks: bool = True) -> dict[str, str]:
    """Entry -> level word (folded; without diacritics when ``marks`` is false) of the
    ``kind`` rows of ``data/assignees.tsv`` that name a level."""
    out = {}
    for r in load(ASSIGNEES, ASSIGNEE_KINDS, ("level",)):
        if r.kind == kind:
            if not r.extra[0]:
                raise LexiconError(f"{r.where}: a {kind} row needs its level")
            key, level = r.folded, fold(r.extra[0])
            out[key if marks else strip_marks(key)] = level if marks else strip_marks(level)
    return out


# a trie of the words of entries: word -> the rest ("" marks the end of an entry)
_Trie = dict[str, "_Trie"]


def trie_pattern(entries: tuple[str, ...] | list[str], word_start: bool = False) -> str:
    """A regex alternation of ``entries`` built as a trie of their words, so that the
    engine tries one branch per first word; longer entries win ("phó bí thư thường
    trực" before "phó bí thư").

    With ``word_start`` the pattern matches only at the start of a word, checked after
    the first letter (``b(?<!\\w.)í thư``): unlike a leading ``(?<!\\w)``, this lets the
    engine skip ahead to the possible first letters when it searches a long text."""
    trie: _Trie = {}
    for e in set(entries):
        node = trie
        for w in e.split(" "):
            node = node.setdefault(w, {})
        node[""] = {}

    def build(node: _Trie, top: bool = False) -> str:
        branches = []
        for w in sorted((k for k in node if k), key=len, reverse=True):
            rest = build(node[w])
            word = re.escape(w)
            if top and word_start:
                word = re.escape(w[0]) + r"(?<!\w.)" + re.escape(w[1:])
            branches.append(
                word + (f"(?: {rest})?" if "" in node[w] and rest else f" {rest}" if rest else "")
            )
        if not branches:
            return ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie, top=True)


_SLOT = re.compile(r"«(\w+)»")


def fill(template: str, words: Mapping[str, tuple[str, ...]], *, factor: bool = True) -> str:
    """The regex source of ``template`` (the grammar of a pattern) with each ``«kind»`` slot
    replaced by the alternation (no group) of the entries of that kind, in the file's order:
    an earlier row is tried first.  A slot naming no kind of ``words`` raises
    :class:`LexiconError`.

    A slot that is a whole alternative of the template (between "(", "(?:", "|" and ")",
    "|") is written as :func:`ordered_alternation`, which matches what the plain alternation
    matches, in the same order, but lets the engine try one branch per first letter; and a
    slot that starts a word, "(?<!\\w)(?:«kind»)", checks the start of the word after the
    first letters of each branch (the same test), so that a search skips to those letters.
    ``factor=False`` (for a pattern compiled with ``re.IGNORECASE``, where two letters may
    match the same character) writes every slot as the plain alternation."""

    def entries(m: re.Match[str]) -> str:
        kind = m.group("kind")
        if kind not in words:
            raise LexiconError(f"no kind {kind!r} for the slot «{kind}» of {template!r}")
        if factor and m.group("word_start") and words[kind]:
            return "(?:" + ordered_alternation(words[kind], word_start=True) + ")"
        if m.group("word_start"):
            return (
                m.group()[: -len(f"«{kind}»)")] + "|".join(re.escape(w) for w in words[kind]) + ")"
            )
        if factor and _whole_alternative(template, m.start(), m.end()):
            return ordered_alternation(words[kind])
        return "|".join(re.escape(w) for w in words[kind])

    return _SLOT_OR_WORD.sub(entries, template)


# a slot, or a slot that starts a word: "(?<!\w)(?:«kind»)" (not after a backslash)
_SLOT_OR_WORD = re.compile(
    r"(?P<word_start>(?<!\\)\(\?<!\\w\)\(\?:(?=«\w+»\)))?«(?P<kind>\w+)»(?(word_start)\))"
)


_GROUP_OPEN = re.compile(r"(?:^|(?<!\\)(?:\(\?:|\(\?P<\w+>|\(|\|))$")


def _whole_alternative(template: str, start: int, end: int) -> bool:
    """Whether ``template[start:end]`` (a slot) stands alone between the delimiters of an
    alternative: an opening group or "|" before it (not escaped), ")" or "|" or the end after."""
    if not _GROUP_OPEN.search(template[max(0, start - 40) : start]) and start > 0:
        return False
    return end == len(template) or template[end] in ")|"


def ordered_alternation(entries: Iterable[str], *, word_start: bool = False) -> str:
    """The regex source of the alternation of the literal ``entries`` (``"|".join`` of them,
    escaped), factored by their leading characters without changing what it matches.

    The engine tries the branches of an alternation one after another; the entries that
    start with another character than the text fail at once, so the order that counts is
    that of the entries sharing a first character, and of an entry that ends where others
    go on ("cần" before "cần phải": the shorter is tried first, as written).  Entries are
    grouped by first character in their order, never across an entry that ends at that
    point (the empty rest), recursively on what follows their longest common start; a
    repeated entry is dropped (trying it again gives the same answer).  With many entries
    the engine then tries a few branches per position instead of every one.

    With ``word_start`` the alternation matches what ``(?<!\\w)(?:...)`` matches: each group's
    common start is followed by a look-behind that checks the character before it
    ("giao(?<!\\wgiao)"), so the alternation starts with letters a search can skip to."""
    items = list(dict.fromkeys(entries))
    if not items or "" in items:
        plain = "|".join(re.escape(w) for w in items)
        return f"(?<!\\w)(?:{plain})" if word_start else plain
    return _ordered(items, word_start)


def _ordered(items: list[str], word_start: bool = False) -> str:
    """The alternation of ``items`` (distinct, in order; "" is the empty branch); with
    ``word_start`` (the top level) each branch checks the start of its word after its head."""
    branches: list[str] = []
    segment: dict[str, list[str]] = {}  # first character -> the items, in order

    def close() -> None:
        for group in segment.values():
            head = group[0]
            for g in group[1:]:  # the longest common start of the group
                k = 0
                while k < len(head) and k < len(g) and head[k] == g[k]:
                    k += 1
                head = head[:k]
            rest = [g[len(head) :] for g in group]
            written = re.escape(head)
            if word_start:
                written += f"(?<!\\w{written})"
            if rest == [""]:
                branches.append(written)
            else:
                branches.append(written + "(?:" + _ordered(rest) + ")")
        segment.clear()

    for item in items:
        if item == "":
            close()
            branches.append("")  # the entry that ends here, tried where it was written
        else:
            segment.setdefault(item[0], []).append(item)
    close()
    return "|".join(branches)


def grammar_of(
    words: Callable[[], Mapping[str, tuple[str, ...]]],
) -> Callable[[str], re.Pattern[str]]:
    """A compiler of patterns of the genre's grammar whose ``«kind»`` slots hold the words of
    that kind in ``words()`` (``fill``): each stage makes its own from its lexicon."""

    def grammar(template: str) -> re.Pattern[str]:
        return re.compile(fill(template, words()))

    return grammar
