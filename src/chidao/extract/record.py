"""The session record: what the extractor returns (see the README for the format).

The keys of ``../eval/GUIDE.md``-style records are all present; each extracted item
also carries ``start`` and ``end``, offsets into ``text`` (the cleaned text, which
the record carries too).  Lists of plain strings (localities, agencies, site
visits) have a parallel ``*_spans`` list with the offsets.  Each entry of
``locality_spans`` also carries ``name`` (the label of ``localities``: "huyện Can
Lộc"), ``unit_name`` (the unit's name without its level: "Đức Thọ"), ``level``,
``code``, ``era`` and ``province``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from .spans import Document, Item, Person, Span

RECORD_VERSION = 1


def content_hash(text: str) -> str:
    """The hash that identifies a document by its content (sha256 of the raw text, UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def span_dict(s: Span) -> dict[str, Any]:
    return {"text": s.text, "start": s.start, "end": s.end}


def _value(v: Any) -> Any:
    if isinstance(v, Span):
        return span_dict(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, list | tuple):
        return [_value(x) for x in v]
    if isinstance(v, dict):
        return {k: _value(x) for k, x in v.items()}
    return v


def item_dict(item: Item) -> dict[str, Any]:
    out = span_dict(item.span)
    out["rule"] = item.span.rule
    for k, v in item.data.items():
        out[k] = _value(v)
    return out


def person_dict(p: Person) -> dict[str, Any]:
    return {
        "name": p.name.text,
        "titles": [t.text for t in p.titles],
        "start": p.name.start,
        "end": p.name.end,
        "title_spans": [span_dict(t) for t in p.titles],
    }


def directive_dict(item: Item) -> dict[str, Any]:
    out = item_dict(item)
    # GUIDE: assignees are strings as written; offsets go to assignee_spans
    assignees = item.data.get("assignees", [])
    roles = out.pop("roles", None) or ["lead"] * len(assignees)
    out["assignees"] = [a.text if isinstance(a, Span) else a for a in assignees]
    # each assignee's role: "lead" (đơn vị chủ trì) or "support" (đơn vị phối hợp)
    out["assignee_spans"] = [
        {**span_dict(a), "role": role}
        for a, role in zip(assignees, roles, strict=True)
        if isinstance(a, Span)
    ]
    out.setdefault("issuer", None)
    out.setdefault("deadline", None)
    return out


def to_record(doc: Document, *, raw: str, source: str) -> dict[str, Any]:
    """The JSON-ready session record of a processed document."""
    locality_spans = []
    for i, s in enumerate(doc.localities):
        d: dict[str, Any] = {}
        if i < len(doc.locality_info):
            info = doc.locality_info[i]
            d.update({k: v for k, v in info.items() if k != "name"})
            d["unit_name"] = info.get("name")
        # "name" is the locality as the record lists it ("huyện Đức Thọ")
        d.update({"name": s.label, **span_dict(s)})
        locality_spans.append(d)
    seen_loc: list[str] = []
    for s in doc.localities:
        if s.label not in seen_loc:
            seen_loc.append(s.label)
    seen_ag: list[str] = []
    for s in doc.agencies:
        if s.text not in seen_ag:
            seen_ag.append(s.text)
    return {
        "version": RECORD_VERSION,
        "source": source,
        "sha256": content_hash(raw),
        "title": doc.title,
        "date": _iso(doc.date),
        "date_span": span_dict(doc.date_span) if doc.date_span else None,
        "date_partial": (
            {"day": doc.date_partial[0], "month": doc.date_partial[1]} if doc.date_partial else None
        ),
        "province": doc.province,
        "chairs": [person_dict(p) for p in doc.people if p.is_chair],
        "people": [person_dict(p) for p in doc.people],
        "localities": seen_loc,
        "locality_spans": locality_spans,
        "agencies": seen_ag,
        "agency_spans": [span_dict(s) for s in doc.agencies],
        "indicators": [item_dict(i) for i in doc.indicators],
        "difficulties": [item_dict(i) for i in doc.difficulties],
        "petitions": [item_dict(i) for i in doc.petitions],
        "directives": [directive_dict(i) for i in doc.directives],
        "site_visits": [s.text for s in doc.site_visits],
        "site_visit_spans": [span_dict(s) for s in doc.site_visits],
        "text": doc.text,
    }
