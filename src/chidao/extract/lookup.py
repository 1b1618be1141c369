"""Fast position look-ups over a document's sentences (bisection on their offsets)."""

from __future__ import annotations

from bisect import bisect_right

from .spans import Document, Span


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
