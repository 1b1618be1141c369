"""A session record as text for a person to read: a summary header, then the cleaned
text with every extracted item marked inline (``⟦CHỈ ĐẠO …⟧``) and a legend."""

from __future__ import annotations

from typing import Any

# record key -> inline label
LABELS: dict[str, str] = {
    "directives": "CHỈ ĐẠO",
    "petitions": "KIẾN NGHỊ",
    "difficulties": "KHÓ KHĂN",
    "indicators": "SỐ LIỆU",
    "site_visits": "KHẢO SÁT",
}
OPEN, CLOSE = "⟦", "⟧"


def _people(people: list[dict[str, Any]]) -> str:
    out = []
    for p in people:
        titles = ", ".join(p.get("titles") or [])
        out.append(f"{p['name']} ({titles})" if titles else p["name"])
    return "; ".join(out) or "—"


def _note(key: str, item: dict[str, Any]) -> str:
    """What follows an item's closing mark: issuer, assignees, deadline, value."""
    parts = []
    if key == "directives":
        if item.get("issuer"):
            parts.append(f"người chỉ đạo: {item['issuer']}")
        if item.get("assignees"):
            parts.append("thực hiện: " + "; ".join(item["assignees"]))
        if item.get("deadline"):
            parts.append(f"hạn: {item['deadline']}")
    elif key == "petitions" and item.get("by"):
        parts.append(f"người kiến nghị: {item['by']}")
    elif key == "indicators" and item.get("value") is not None:
        value = item["value"]
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        parts.append(f"= {shown} {item.get('unit') or ''}".rstrip())
    return " {" + "; ".join(parts) + "}" if parts else ""


def _items(record: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, label, note) of every item with offsets."""
    out = []
    for key, label in LABELS.items():
        spans = record.get("site_visit_spans") if key == "site_visits" else record.get(key)
        for item in spans or []:
            if isinstance(item, dict) and "start" in item and "end" in item:
                out.append((item["start"], item["end"], label, _note(key, item)))
    return out


def mark_text(text: str, items: list[tuple[int, int, str, str]]) -> str:
    """``text`` with ``⟦LABEL `` before and ``⟧{note}`` after each item.  Nested items nest;
    an item that crosses another is closed and reopened (``⟦LABEL …`` ) so marks stay paired."""
    opens: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    spans = [it for it in items if 0 <= it[0] < it[1] <= len(text)]
    for k, (start, end, _, _) in enumerate(spans):
        opens.setdefault(start, []).append(k)
        ends.setdefault(end, []).append(k)
    out: list[str] = []
    stack: list[int] = []
    for i in range(len(text) + 1):
        closing = set(ends.get(i, []))
        if closing:
            reopen = []
            while closing & set(stack):
                k = stack.pop()
                if k in closing:
                    out.append(CLOSE + spans[k][3])
                    closing.discard(k)
                else:  # crossed: close for now, reopen after
                    out.append(CLOSE)
                    reopen.append(k)
            for k in reversed(reopen):
                out.append(f"{OPEN}{spans[k][2]} …")
                stack.append(k)
        for k in sorted(opens.get(i, []), key=lambda k: -spans[k][1]):  # outer first
            out.append(f"{OPEN}{spans[k][2]} ")
            stack.append(k)
        if i < len(text):
            out.append(text[i])
    return "".join(out)


def render_text(record: dict[str, Any]) -> str:
    """The header, legend and marked text of a record."""
    counts = ", ".join(f"{len(record.get(k) or [])} {label.lower()}" for k, label in LABELS.items())
    header = [
        f"Nguồn: {record.get('source', '-')}",
        f"Tiêu đề: {record.get('title') or '—'}",
        f"Ngày: {record.get('date') or '—'}    Tỉnh: {record.get('province') or '—'}",
        f"Chủ trì: {_people(record.get('chairs') or [])}",
        f"Địa bàn: {'; '.join(record.get('localities') or []) or '—'}",
        f"Cơ quan: {'; '.join(record.get('agencies') or []) or '—'}",
        f"Người được nêu tên: {len(record.get('people') or [])}    Mục trích xuất: {counts}",
        "Chú giải: "
        + ", ".join(f"{OPEN}{label} …{CLOSE}" for label in LABELS.values())
        + "; {…} người chỉ đạo, đơn vị thực hiện, thời hạn, giá trị",
        "-" * 72,
    ]
    body = mark_text(record.get("text") or "", _items(record))
    return "\n".join(header) + "\n" + body + "\n"
