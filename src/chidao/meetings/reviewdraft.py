"""The review draft as typed objects: read from ``SourceDocument.draft`` (JSON), edited by item
id, written back with :meth:`Draft.to_json` (the shape is described in ``chidao.meetings.draft``).

The edit services and the confirmation read the stored JSON with :func:`read_draft`, find an
item by its id (:meth:`Draft.find`), change typed fields, and store ``to_json()``; nothing in
the app takes the JSON apart by position or by key. The reader accepts every draft stored so
far: drafts without item ids get them (:meth:`Draft.assign_ids`, the order of
``chidao.meetings.draft.assign_ids``), and the assignee spans of drafts built from version-1
records, which have no ``role`` nor ``unit_code``, are read as the record's version-1 reader
reads them (:class:`chidao.extract.record.Assignee` with its defaults: a leading assignee, no
code). Keys this module does not know are kept as they are, so nothing stored is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from chidao.extract.record import Assignee, as_json
from chidao.extract.topics import classify as classify_topic

JSON = dict[str, Any]


class DraftFormatError(ValueError):
    """A stored draft that cannot be read; the message names the item and field."""


def _int_or_none(value: object) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    return None


def _strs(value: object) -> list[str]:
    if not isinstance(value, list | tuple):
        return []
    return [str(v) for v in value if v is not None]


def _ints(value: object) -> list[int]:
    if not isinstance(value, list | tuple):
        return []
    out = []
    for v in value:
        try:
            out.append(int(v))
        except (TypeError, ValueError):
            continue
    return out


def _day(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value or ""))
    except ValueError:
        return None


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


# ---------------------------------------------------------------- items


@dataclass
class Item:
    """An item of the draft: its words and their offsets in the document's cleaned text
    (``None`` when the office typed the item); ``id`` is stable across edits."""

    KEYS: ClassVar[tuple[str, ...]] = ("id", "text", "start", "end")

    id: str
    text: str
    start: int | None = None
    end: int | None = None
    extra: JSON = field(default_factory=dict)  # keys this module does not know, kept

    @classmethod
    def read(cls, data: Mapping[str, Any]) -> Item:
        return cls(**cls._common(data))

    @classmethod
    def _common(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "id": str(data.get("id") or ""),
            "text": str(data.get("text") or ""),
            "start": _int_or_none(data.get("start")),
            "end": _int_or_none(data.get("end")),
            "extra": {k: v for k, v in data.items() if k not in cls.KEYS},
        }

    def to_json(self) -> JSON:
        out: JSON = {**self.extra, "text": self.text, "start": self.start, "end": self.end}
        out.update(self._fields())
        if self.id:
            out["id"] = self.id
        return out

    def _fields(self) -> JSON:
        return {}

    def in_source(self, source: str) -> bool:
        """Whether the item's text is still the source text at its offsets (spaces aside)."""
        if self.start is None or self.end is None:
            return False
        return " ".join(source[self.start : self.end].split()) == " ".join(self.text.split())


@dataclass
class PersonItem(Item):
    """A person present, with the titles written next to the name."""

    KEYS: ClassVar[tuple[str, ...]] = (*Item.KEYS, "titles")

    titles: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, data: Mapping[str, Any]) -> PersonItem:
        return cls(**cls._common(data), titles=_strs(data.get("titles")))

    def _fields(self) -> JSON:
        return {"titles": list(self.titles)}


@dataclass
class LocalityItem(Item):
    """A locality the session is about; ``unit`` the id of the unit the extractor's official
    code named (None: looked up by name at confirmation)."""

    KEYS: ClassVar[tuple[str, ...]] = (*Item.KEYS, "unit")

    unit: int | None = None

    @classmethod
    def read(cls, data: Mapping[str, Any]) -> LocalityItem:
        return cls(**cls._common(data), unit=_int_or_none(data.get("unit")))

    def _fields(self) -> JSON:
        return {} if self.unit is None else {"unit": self.unit}


@dataclass
class IndicatorItem(Item):
    """A reported figure: its value and unit of measure."""

    KEYS: ClassVar[tuple[str, ...]] = (*Item.KEYS, "value", "unit")

    value: float | None = None
    unit: str = ""

    @classmethod
    def read(cls, data: Mapping[str, Any]) -> IndicatorItem:
        value = data.get("value")
        return cls(
            **cls._common(data),
            value=float(value)
            if isinstance(value, int | float) and not isinstance(value, bool)
            else None,
            unit=str(data.get("unit") or ""),
        )

    def _fields(self) -> JSON:
        return {"value": self.value, "unit": self.unit}


@dataclass
class PetitionItem(Item):
    """A petition, with who made it when named."""

    KEYS: ClassVar[tuple[str, ...]] = (*Item.KEYS, "by")

    by: str | None = None

    @classmethod
    def read(cls, data: Mapping[str, Any]) -> PetitionItem:
        return cls(**cls._common(data), by=_opt_str(data.get("by")))

    def _fields(self) -> JSON:
        return {"by": self.by}


@dataclass(frozen=True)
class Offsets:
    """Where a part of an item is in the source (the deadline's words)."""

    start: int
    end: int


def _read_assignee(data: object) -> Assignee | None:
    """An assignee span of version 2 (role, unit code) or 1 (text and offsets only)."""
    if not isinstance(data, Mapping):
        return None
    role = data.get("role")
    return Assignee(
        text=str(data.get("text") or ""),
        start=_int_or_none(data.get("start")),
        end=_int_or_none(data.get("end")),
        role="support" if role == "support" else "lead",
        unit_code=_opt_str(data.get("unit_code")),
    )


@dataclass
class DirectiveItem(Item):
    """A directive under review: who issued it, who it is for (as written, and the units its
    tasks will go to, ``support`` the supporting ones among them), deadline, topic."""

    KEYS: ClassVar[tuple[str, ...]] = (
        *Item.KEYS,
        "issuer",
        "deadline",
        "deadline_span",
        "assignees",
        "assignee_spans",
        "units",
        "support",
        "suggested",
        "needs_choice",
        "topic",
    )

    issuer: str | None = None
    deadline: dt.date | None = None
    deadline_span: Offsets | None = None
    assignees: list[str] = field(default_factory=list)
    assignee_spans: list[Assignee] = field(default_factory=list)
    units: list[int] = field(default_factory=list)
    support: list[int] = field(default_factory=list)
    suggested: list[int] = field(default_factory=list)  # what the extraction proposed
    needs_choice: bool = False  # an assignee named no unit: the office must choose
    topic: str = ""

    @classmethod
    def read(cls, data: Mapping[str, Any]) -> DirectiveItem:
        span = data.get("deadline_span")
        offsets = None
        if isinstance(span, Mapping):
            start, end = _int_or_none(span.get("start")), _int_or_none(span.get("end"))
            if start is not None and end is not None:
                offsets = Offsets(start, end)
        spans = data.get("assignee_spans")
        return cls(
            **cls._common(data),
            issuer=_opt_str(data.get("issuer")),
            deadline=_day(data.get("deadline")),
            deadline_span=offsets,
            assignees=_strs(data.get("assignees")),
            assignee_spans=[
                a for a in map(_read_assignee, spans if isinstance(spans, list) else []) if a
            ],
            units=_ints(data.get("units")),
            support=_ints(data.get("support")),
            suggested=_ints(data.get("suggested")),
            needs_choice=bool(data.get("needs_choice")),
            topic=str(data.get("topic") or ""),
        )

    def _fields(self) -> JSON:
        span = self.deadline_span
        return {
            "issuer": self.issuer,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_span": {"start": span.start, "end": span.end} if span else None,
            "assignees": list(self.assignees),
            "assignee_spans": [as_json(a) for a in self.assignee_spans],
            "units": list(self.units),
            "support": list(self.support),
            "suggested": list(self.suggested),
            "needs_choice": self.needs_choice,
            "topic": self.topic,
        }


# the kind of item of each draft key ("directives" last, as in chidao.meetings.draft.KEYS)
ITEM_TYPES: dict[str, type[Item]] = {
    "people": PersonItem,
    "localities": LocalityItem,
    "agencies": Item,
    "indicators": IndicatorItem,
    "difficulties": Item,
    "petitions": PetitionItem,
    "site_visits": Item,
    "directives": DirectiveItem,
}


@dataclass
class Chair:
    """A leader who chaired the session."""

    name: str
    titles: list[str] = field(default_factory=list)

    def to_json(self) -> JSON:
        return {"name": self.name, "titles": list(self.titles)}


@dataclass
class Dropped:
    """An item the office dropped, with where it was (for undo)."""

    kind: str
    index: int
    item: Item

    def to_json(self) -> JSON:
        return {"kind": self.kind, "index": self.index, "item": self.item.to_json()}


# ---------------------------------------------------------------- the draft

_TOP_KEYS = ("date", "title", "kind", "province", "chairs", *ITEM_TYPES, "dropped", "next_id")


@dataclass
class Draft:
    """A session record made ready for the office to correct."""

    date: dt.date | None = None
    title: str = ""
    kind: str = ""
    province: str = ""
    chairs: list[Chair] = field(default_factory=list)
    items: dict[str, list[Item]] = field(default_factory=dict)  # by draft key
    dropped: list[Dropped] = field(default_factory=list)  # the last one first undone
    next_id: int = 1
    extra: JSON = field(default_factory=dict)  # keys this module does not know, kept

    def of(self, kind: str) -> list[Item]:
        """The items of kind ``kind`` (a key of ``ITEM_TYPES``), in order."""
        return self.items.setdefault(kind, [])

    @property
    def directives(self) -> list[DirectiveItem]:
        return [d for d in self.of("directives") if isinstance(d, DirectiveItem)]

    def find(self, kind: str, item_id: str) -> tuple[int, Item] | None:
        """The position and the item of id ``item_id`` among the ``kind`` items, or None."""
        for index, item in enumerate(self.of(kind)):
            if item.id == str(item_id):
                return index, item
        return None

    def assign_ids(self) -> Draft:
        """Give every item that has none (or a repeated one) a new id ("i1", "i2", ...):
        kinds in order, then the dropped items, as ``chidao.meetings.draft.assign_ids``."""
        seen: set[str] = set()
        for item in [*(i for key in ITEM_TYPES for i in self.of(key)),
                     *(d.item for d in self.dropped)]:  # fmt: skip
            if not item.id or item.id in seen:
                item.id = f"i{self.next_id}"
                self.next_id += 1
            seen.add(item.id)
        return self

    def to_json(self) -> JSON:
        """The JSON stored in ``SourceDocument.draft``."""
        out: JSON = {
            **self.extra,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "kind": self.kind,
            "province": self.province,
            "chairs": [c.to_json() for c in self.chairs],
        }
        for key in ITEM_TYPES:
            out[key] = [i.to_json() for i in self.of(key)]
        out["dropped"] = [d.to_json() for d in self.dropped]
        out["next_id"] = self.next_id
        return out


def _read_item(kind: str, data: object, where: str) -> Item:
    if not isinstance(data, Mapping):
        raise DraftFormatError(f"{where}: expected an object, got {type(data).__name__}")
    return ITEM_TYPES[kind].read(data)


def read_draft(data: Mapping[str, Any] | None) -> Draft:
    """The typed draft of the stored JSON ``data`` (every item with an id)."""
    data = data or {}
    chairs = []
    for c in data.get("chairs") or []:
        if isinstance(c, Mapping):
            chairs.append(Chair(name=str(c.get("name") or ""), titles=_strs(c.get("titles"))))
        elif isinstance(c, str):
            chairs.append(Chair(name=c))
    items = {
        key: [_read_item(key, i, f"{key}[{n}]") for n, i in enumerate(data.get(key) or [])]
        for key in ITEM_TYPES
    }
    dropped = []
    for n, d in enumerate(data.get("dropped") or []):
        if isinstance(d, Mapping) and d.get("kind") in ITEM_TYPES:
            item = _read_item(str(d["kind"]), d.get("item"), f"dropped[{n}].item")
            index = _int_or_none(d.get("index"))
            dropped.append(Dropped(kind=str(d["kind"]), index=index or 0, item=item))
    next_id = _int_or_none(data.get("next_id"))
    draft = Draft(
        date=_day(data.get("date")),
        title=str(data.get("title") or ""),
        kind=str(data.get("kind") or ""),
        province=str(data.get("province") or ""),
        chairs=chairs,
        items=items,
        dropped=dropped,
        next_id=next_id if next_id and next_id > 0 else 1,
        extra={k: v for k, v in data.items() if k not in _TOP_KEYS},
    )
    return draft.assign_ids()


def copy_of(item: Item, **changes: Any) -> Item:
    """A copy of ``item`` with ``changes`` (lists copied, not shared)."""
    fresh = type(item).read(item.to_json())
    return replace(fresh, **changes)


def new_item(kind: str, text: str, start: int | None, end: int | None, draft: Draft) -> Item:
    """An item of kind ``kind`` that the office adds from a selection of the source text; a
    directive is issued by the first chair and waits for its units."""
    if kind == "directives":
        return DirectiveItem(
            id="",
            text=text,
            start=start,
            end=end,
            issuer=draft.chairs[0].name if draft.chairs else None,
            needs_choice=True,
            topic=classify_topic(text) or "",
        )
    return ITEM_TYPES[kind](id="", text=text, start=start, end=end)


def insert_in_order(items: list[Item], item: Item) -> int:
    """Insert ``item`` before the first item that starts after it; return its index."""
    index = len(items)
    if item.start is not None:
        for i, other in enumerate(items):
            if other.start is not None and other.start > item.start:
                index = i
                break
    items.insert(index, item)
    return index
