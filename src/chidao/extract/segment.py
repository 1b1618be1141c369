"""Stage 2: paragraphs and sentences, as spans over the cleaned text.

A paragraph is a line of the cleaned text.  A sentence ends at ".", "!", "?", "…"
or "..." (with any closing quotes or brackets) followed by a space and the start
of a new sentence: a capital, a digit, an opening quote, or a lower-case letter
after a single full stop (reports sometimes start a sentence in lower case).  A
full stop glued to a capitalised word ("thống nhất.Phó Bí thư") also ends one.

A sentence longer than ``MAX_SENTENCE`` characters (a pasted table, OCR text with no
full stops, a run of one character) is cut into pieces of at most that length, at the
last clause break (";", ",", ":") or else the last space before the limit, or else at
the limit: every later stage then works on bounded stretches, so extraction takes
time linear in the input whatever its shape.  No real sentence comes near the limit.

What never ends a sentence: abbreviations ("TP.", "Tp.", "ThS.", "v.v."), the
thousands separator and decimals ("11.710", "12,36%"), dates ("30/6/2026",
"9-3", "31.7.2023"), an ellipsis followed by lower case, and a list number
("1. ", "II. ") at the start of a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import lexicon
from .spans import Document, Span

UPPER = "".join(
    c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper() and c.lower() != c
)
LOWER = "".join(
    c for c in map(chr, range(0x61, 0x1EFA)) if c.isalpha() and c.islower() and c.upper() != c
)

# end punctuation (and closing quotes/brackets), white space, then what starts a sentence;
# the end is "...", "…" or one of ".!?" (tried in that order), written to start with a set of
# characters, which lets the engine skip to the next punctuation mark instead of trying
# every position of the text
_BOUNDARY = re.compile(
    rf"(?P<end>[.…!?](?:(?<=\.)\.\.)?)[\"”’»)\]]*(?P<gap>\s+)(?=[\"“‘«(\[]?(?P<next>[{UPPER}\d{LOWER}]))"
)
# a full stop glued to a capitalised word after a lower-case word: "nhất.Phó"
_GLUED = re.compile(rf"[.!?](?<=[{LOWER}]{{2}}[.!?])(?=[{UPPER}][{LOWER}])")
WORDS = "segment_words.tsv"
KINDS = (
    "abbreviation",
    "lede_time",
    "span_open",
    "span_day",
    "month_word",
    "year_word",
    "part_of_day",
    "nearby_day",
    "recently",
    "numeral_head",
)


def segment_words() -> dict[str, tuple[str, ...]]:
    """Entries of ``data/segment_words.tsv`` by kind, as written (abbreviations are told
    apart by their capitals); a bad line raises an error naming the file and line."""
    return lexicon.by_kind(WORDS, KINDS, folded=False)


# a full stop after an abbreviation ("TP. Vinh") or an initial ("Nguyễn V. A") ends no sentence
_ABBREV = re.compile(
    lexicon.fill(r"(?:(?<!\w)(?:«abbreviation»)", segment_words()) + rf"|(?<![\w.])[{UPPER}])\.$"
)
# "... trong quý I. Đồng chí ...": a Roman numeral after its noun is a number, not an initial
_NUMBERED = re.compile(
    lexicon.fill(r"(?<!\w)(?:«numeral_head»)\s+[IVX]\.$", segment_words()),
)
MAX_SENTENCE = 1500
# where an overlong sentence may be cut: after a clause break, else after a space
_SAFE_BREAK = re.compile(r"[;,:]\s")
_SPACE = re.compile(r"\s")
_LIST_NUMBER = re.compile(r"\s*(?:\d{1,2}|[IVX]{1,5}|[a-zđ])\.")

# The opening of a lede, matched on the folded text at the start of a paragraph: an
# optional source ("QNO - ", "(Báo Yên Bái) - ", "BẮC KẠN - "), then the time of the
# session: "Sáng 5/4", "Chiều 2.10", "Sáng nay (12/6)", "Ngày 25/11/2025", "Ngày 25 tháng
# 11 năm 2025", "Trong 2 ngày 12 và 13/6", "Chiều nay", "Sáng qua", "Vừa qua,".
DATELINE = re.compile(
    lexicon.fill(
        r"(?:[^\n]{1,40}?\s[-–—]\s*)?"
        r"(?:(?:«lede_time»|(?:«span_open») (?:\w+ )?(?:«span_day»))(?!\w)[^,.\n]{0,40}?"
        r"(?:\d{1,2}\s*[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{4})?"
        r"|\d{1,2}\s+(?:«month_word»)\s+\d{1,2}(?:\s+(?:«year_word»)\s+\d{4})?)\)?"
        r"|(?:«part_of_day»)\s+(?:«nearby_day»)|(?:«recently»)(?=,))",
        segment_words(),
    )
)


def split_paragraphs(doc: Document) -> list[Span]:
    """One paragraph per non-empty line of ``doc.text``."""
    text = doc.text
    pos = 0
    paragraphs = []
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append(doc.span(pos, pos + len(line), "paragraph"))
        pos += len(line) + 1
    return paragraphs


def _cuts(
    text: str, start: int, end: int, found: tuple[list[re.Match[str]], list[int]] | None = None
) -> list[int]:
    """Offsets inside ``text[start:end]`` where a new sentence begins; ``found``: the
    boundaries and glued stops of ``text[start:end]`` when already found (see :func:`segment`)."""
    cuts: list[int] = []
    boundaries = _BOUNDARY.finditer(text, start, end) if found is None else found[0]
    for m in boundaries:
        stop = m.end("end")
        # an abbreviation before the full stop: only its last few characters matter
        if (
            m.group("end") == "."
            and _ABBREV.search(text, max(start, stop - 8), stop)
            and not _NUMBERED.search(text, max(start, stop - 24), stop)
        ):
            continue
        if m.group("next") in LOWER and m.group("end") != ".":
            continue  # "…" or "..." inside a sentence, followed by lower case
        a = cuts[-1] if cuts else start
        if stop - a <= 8 and _LIST_NUMBER.fullmatch(text, a, stop):
            continue
        cuts.append(m.end())
    if found is None:
        cuts.extend(m.end() for m in _GLUED.finditer(text, start, end))
    else:
        cuts.extend(found[1])
    return sorted(set(cuts))


def _bounded(text: str, start: int, end: int, limit: int = MAX_SENTENCE) -> Iterator[int]:
    """Cuts that keep every piece of ``text[start:end]`` at most ``limit`` long: at the
    last clause break in the second half of the window, else the last space there, else
    at the limit."""
    while end - start > limit:
        stop = start + limit
        half = start + limit // 2
        cut = _last(_SAFE_BREAK, text, half, stop) or _last(_SPACE, text, half, stop) or stop
        yield cut
        start = cut


def _last(pattern: re.Pattern[str], text: str, start: int, end: int) -> int:
    """The end of the last match of ``pattern`` in ``text[start:end]`` (0 if none)."""
    last = 0
    for m in pattern.finditer(text, start, end):
        last = m.end()
    return last


def split_sentences(
    doc: Document, paragraph: Span, found: tuple[list[re.Match[str]], list[int]] | None = None
) -> list[Span]:
    """The sentences of one paragraph, in order, trimmed of white space; none is longer
    than ``MAX_SENTENCE``.  ``found``: as :func:`_cuts` takes it."""
    out = []
    start = paragraph.start
    for cut in [*_cuts(doc.text, paragraph.start, paragraph.end, found), paragraph.end]:
        # (a sentence within the limit, as nearly all are, needs no cut of its own)
        ends = [cut] if cut - start <= MAX_SENTENCE else [*_bounded(doc.text, start, cut), cut]
        for piece_end in ends:
            s = doc.span(start, piece_end, "sentence")
            if s.end > s.start:
                out.append(s)
            start = piece_end
    return out


def segment(doc: Document) -> None:
    """Fill ``doc.paragraphs`` and ``doc.sentences``."""
    doc.paragraphs = split_paragraphs(doc)
    sentences: list[Span] = []
    for p, found in zip(doc.paragraphs, _found_by_paragraph(doc), strict=True):
        sentences.extend(split_sentences(doc, p, found))
    doc.sentences = sentences


def _found_by_paragraph(doc: Document) -> list[tuple[list[re.Match[str]], list[int]]]:
    """For each paragraph, the matches of ``_BOUNDARY`` and the ends of those of ``_GLUED``
    that ``finditer(text, paragraph.start, paragraph.end)`` would give: each pattern runs
    once over the whole text, and a match is kept for the paragraph it lies in, with what
    its look-ahead reads.  (A match whose white space runs over the line break into the
    next paragraph is no paragraph's; it consumes only white space, before the next
    paragraph's start, so it hides none of that paragraph's matches.)"""
    text = doc.text
    boundaries = list(_BOUNDARY.finditer(text))
    glued = list(_GLUED.finditer(text))
    out: list[tuple[list[re.Match[str]], list[int]]] = []
    b = g = 0
    for p in doc.paragraphs:
        while b < len(boundaries) and boundaries[b].start() < p.start:
            b += 1
        mine: list[re.Match[str]] = []
        while b < len(boundaries) and boundaries[b].start() < p.end:
            if boundaries[b].end("next") <= p.end:
                mine.append(boundaries[b])
            b += 1
        while g < len(glued) and glued[g].start() < p.start:
            g += 1
        stops: list[int] = []
        while g < len(glued) and glued[g].start() < p.end:
            if glued[g].end() + 2 <= p.end:  # its look-ahead reads two characters
                stops.append(glued[g].end())
            g += 1
        out.append((mine, stops))
    return out
