"""The one decision step: stages propose, this step resolves where their proposals overlap.

No stage rewrites another stage's output.  Each stage adds its own items; when two
proposals cover the same words, the policy below decides, once, after every stage ran:

- within one kind of span (agencies today), overlapping proposals keep the longest, then
  the leftmost: :func:`spans.filter_spans`, the one overlap policy, applied by the stage
  to its own candidates;
- across stages, an item and a directive over the same words: the directive wins over a
  petition (a leader's "đề nghị UBND phường ... thực hiện các nhiệm vụ sau:" read by the
  opinions stage as a request is an instruction; a petition goes up, a directive comes
  down);
- a difficulty and a directive over the same words: the directive wins (a numbered task of a
  conclusion, "Sở A chủ trì ... điều chuyển vốn của các dự án giải ngân chậm", names what is
  slow as its object; it states no difficulty of the lower side);
- a figure inside a directive or a petition is a target or a request, not a result: the
  directive or the petition wins over the indicator ("tổ chức đối thoại với 37 hộ dân ...",
  "đề nghị tỉnh bổ sung 60 tỷ đồng ...").
"""

from __future__ import annotations

from bisect import bisect_left

from .spans import Document, Item


def _without_overlaps(items: list[Item], winners: list[Item]) -> list[Item]:
    """``items`` that overlap none of ``winners`` (found by bisection over their starts)."""
    spans = sorted((w.span for w in winners), key=lambda s: s.start)
    starts = [s.start for s in spans]
    ends_upto: list[int] = []  # the furthest end among the winners up to each index
    furthest = -1
    for s in spans:
        furthest = max(furthest, s.end)
        ends_upto.append(furthest)
    kept = []
    for item in items:
        i = bisect_left(starts, item.span.end)  # winners that start before the item ends
        if i and ends_upto[i - 1] > item.span.start:
            continue
        kept.append(item)
    return kept


def resolve(doc: Document) -> None:
    """Apply the policy to ``doc``'s proposals (see the module's docstring)."""
    doc.petitions = _without_overlaps(doc.petitions, doc.directives)
    doc.difficulties = _without_overlaps(doc.difficulties, doc.directives)
    doc.indicators = _without_overlaps(doc.indicators, [*doc.directives, *doc.petitions])
