"""Stage 2: paragraphs and sentences, as spans over the cleaned text.

A paragraph is a line of the cleaned text.  Sentences end at ".", "!", "?", "…"
(or "...") followed by a space and an upper-case letter or an opening quote,
except after abbreviations (TP., Tp., ThS., TS., ...), inside decimals and dates.
"""

from __future__ import annotations

import re

from .spans import Document

# a sentence boundary: end punctuation (and closing quotes), space, then a capital/quote/digit
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-ZÀ-Ỹ\d])")
_ABBREV = re.compile(r"(?:\b(?:TP|Tp|ThS|TS|PGS|GS|BS|KS|Th\.S|St|Q|P|X|H|Mr|Ms|No|tr|Tr|ng|v\.v)\.)$")


def segment(doc: Document) -> None:
    text = doc.text
    pos = 0
    paragraphs = []
    for line in text.split("\n"):
        if line:
            paragraphs.append(doc.span(pos, pos + len(line), "paragraph"))
        pos += len(line) + 1
    doc.paragraphs = paragraphs
    sentences = []
    for p in paragraphs:
        start = p.start
        for m in _BOUNDARY.finditer(text, p.start, p.end):
            head = text[start : m.start()]
            if _ABBREV.search(head):
                continue
            sentences.append(doc.span(start, m.start(), "sentence"))
            start = m.end()
        if start < p.end:
            sentences.append(doc.span(start, p.end, "sentence"))
    doc.sentences = [s for s in sentences if s.end > s.start]
