"""The source text as HTML with every item highlighted where it came from (``<mark>``).

Text is escaped; marks nest (a name inside a petition); a mark that would cross the end of
the mark it starts in is cut at that end so the HTML stays well formed. Each mark has an
``id`` so that a link ``#m-directives-0`` scrolls to it and ``:target`` highlights it.

With ``segments=True`` (the review page) every run of text is a ``<span data-start="N">``
whose N is the offset of its first character in the text, so that a selection in the browser
is turned into offsets of the cleaned text by counting from the nearest segment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from chidao.meetings.reviewdraft import ITEM_TYPES, DirectiveItem, Draft, read_draft

# draft key / item kind -> the CSS class suffix of its marks (web/static/web/app.css)
CSS: dict[str, str] = {
    "directives": "directive",
    "petitions": "petition",
    "difficulties": "difficulty",
    "indicators": "indicator",
    "people": "person",
    "localities": "locality",
    "agencies": "agency",
    "site_visits": "visit",
    "directive": "directive",
    "petition": "petition",
    "difficulty": "difficulty",
    "indicator": "indicator",
    "person": "person",
    "locality": "locality",
    "agency": "agency",
    "site_visit": "visit",
    "deadline": "deadline",
}


@dataclass(frozen=True)
class Mark:
    """One highlighted span of the text."""

    start: int
    end: int
    kind: str  # a key of CSS
    anchor: str  # the element id

    @property
    def css(self) -> str:
        return f"mark mark-{CSS.get(self.kind, 'agency')}"


def draft_marks(draft: Draft | Mapping[str, Any]) -> list[Mark]:
    """The marks of every item of a review draft (typed, or as stored) that has offsets."""
    if not isinstance(draft, Draft):
        draft = read_draft(draft)
    out = []
    for key in ITEM_TYPES:
        for i, item in enumerate(draft.of(key)):
            if item.start is not None and item.end is not None:
                out.append(Mark(item.start, item.end, key, f"m-{key}-{i}"))
            span = item.deadline_span if isinstance(item, DirectiveItem) else None
            if span is not None:
                out.append(Mark(span.start, span.end, "deadline", f"m-deadline-{i}"))
    return out


def render(text: str, marks: list[Mark], *, segments: bool = False) -> SafeString:
    """``text`` escaped, with a ``<mark>`` around each span (invalid offsets are skipped).

    ``segments`` wraps each run of text in ``<span class="seg" data-start="offset">``.
    """
    spans = sorted(
        (m for m in marks if 0 <= m.start < m.end <= len(text)),
        key=lambda m: (m.start, -m.end, m.anchor),
    )
    out: list[str] = []
    stack: list[int] = []  # end offsets of the open marks
    pos = 0

    def run(start: int, end: int) -> str:
        if not segments:
            return escape(text[start:end])
        return (
            f'<span class="seg" data-start="{start}">{escape(text[start:end])}</span>'
            if end > start
            else ""
        )

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1] <= limit:
            end = stack.pop()
            out.append(run(pos, end))
            out.append("</mark>")
            pos = end

    for mark in spans:
        close_until(mark.start)
        end = min(mark.end, stack[-1]) if stack else mark.end
        if end <= mark.start:
            continue
        out.append(run(pos, mark.start))
        out.append(f'<mark id="{escape(mark.anchor)}" class="{mark.css}">')
        stack.append(end)
        pos = mark.start
    close_until(len(text))
    out.append(run(pos, len(text)))
    return mark_safe("".join(out))  # every piece of text above is escaped
