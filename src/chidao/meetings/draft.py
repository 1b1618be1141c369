"""The review draft: a session record made ready for the office to correct (pure functions).

A draft is a JSON dict stored in ``SourceDocument.draft``::

    {"date": "2026-03-12" | None, "title": str, "kind": SessionKind value, "province": str,
     "chairs": [{"name", "titles"}],
     "people": [{"text", "start", "end", "titles"}],
     "localities" | "agencies" | "difficulties" | "site_visits": [{"text", "start", "end"}],
     "indicators": [{"text", "start", "end", "value", "unit"}],
     "petitions": [{"text", "start", "end", "by"}],
     "directives": [{"text", "start", "end", "issuer", "assignees", "assignee_spans",
                     "units", "suggested", "needs_choice", "deadline", "deadline_span", "topic"}],
     "dropped": [{"kind", "index", "item"}]}  # what the office dropped, last one first undone

Every item has an ``id``, unique in its draft and stable across edits (the review page and the
edit services name items by id, never by position; ``draft["next_id"]`` numbers new ones;
:func:`assign_ids` gives ids to drafts stored before ids existed). The review page, its edits
and the confirmation read a stored draft into typed objects (``chidao.meetings.reviewdraft``)
and write it back; this module builds the first draft of a record. Every item keeps
``start``/``end`` into the document's cleaned text (``None`` when the office
typed the item). ``units`` are the ids of the units the directive's tasks will go to;
``suggested`` keeps what the extraction proposed (the review page lists those
first); ``needs_choice`` says that an assignee named no unit ("các sở, ngành") and the office must
choose. Nothing here touches the database: unit suggestions come from a function passed in.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from django.utils.translation import gettext_lazy as _

from chidao.extract.lexicon import alternation, assignee_words
from chidao.extract.record import (
    DirectiveEntry,
    LocalityEntry,
    SessionRecord,
    TextSpan,
    as_json,
)
from chidao.extract.spans import fold, strip_marks
from chidao.extract.topics import classify as classify_topic
from chidao.meetings.models import ItemKind, SessionKind

# draft key -> the kind of SessionItem it becomes (directives become Directive rows)
ITEM_KEYS: dict[str, str] = {
    "people": ItemKind.PERSON,
    "localities": ItemKind.LOCALITY,
    "agencies": ItemKind.AGENCY,
    "indicators": ItemKind.INDICATOR,
    "difficulties": ItemKind.DIFFICULTY,
    "petitions": ItemKind.PETITION,
    "site_visits": ItemKind.SITE_VISIT,
}
KEYS = (*ITEM_KEYS, "directives")

# the fields the office may edit, per kind of item
EDITABLE: dict[str, tuple[str, ...]] = {
    "people": ("text", "titles"),
    "localities": ("text",),
    "agencies": ("text",),
    "indicators": ("text", "value", "unit"),
    "difficulties": ("text",),
    "petitions": ("text", "by"),
    "site_visits": ("text",),
    "directives": ("text", "issuer", "assignees", "units", "support", "deadline", "topic"),
}

# how messages name a kind of item and a field
KIND_LABELS: dict[str, Any] = {
    "people": _("Người tham dự"),
    "localities": _("Địa phương"),
    "agencies": _("Cơ quan"),
    "indicators": _("Chỉ tiêu"),
    "difficulties": _("Khó khăn"),
    "petitions": _("Kiến nghị"),
    "site_visits": _("Khảo sát thực tế"),
    "directives": _("Chỉ đạo"),
}
FIELD_LABELS: dict[str, Any] = {
    "text": _("nội dung"),
    "titles": _("chức danh"),
    "value": _("giá trị"),
    "unit": _("đơn vị tính"),
    "by": _("người kiến nghị"),
    "issuer": _("người chỉ đạo"),
    "assignees": _("đối tượng thực hiện"),
    "units": _("đơn vị thực hiện"),
    "support": _("đơn vị phối hợp"),
    "deadline": _("thời hạn"),
    "topic": _("lĩnh vực"),
}

# "các", "mọi" before an assignee's head word ("các sở, ngành")
_EVERY = rf"(?:(?:{alternation(assignee_words('every'))}) )?"

# assignees that mean "the local government the session addresses" (the words: the
# extractor's lexicon data/assignees.tsv, kind local_government)
_LOCAL_RE = re.compile(
    rf"^{_EVERY}(?:{alternation(assignee_words('local_government'))})\b", re.IGNORECASE
)

# the first day of the two-tier local government: reports before it name pre-2025 units
REFORM_DATE = dt.date(2025, 7, 1)

# an assignee that names a provincial body: a department ("Sở"), or a body of the province
# ("Văn phòng UBND tỉnh", "Công an tỉnh", "Ban Tổ chức Tỉnh ủy", "Bộ Chỉ huy Quân sự tỉnh")
_PROVINCIAL_HEAD_RE = re.compile(
    rf"^{_EVERY}(?:{alternation(assignee_words('provincial_body'))})\b", re.IGNORECASE
)
_BODY_HEAD_RE = re.compile(rf"^{_EVERY}(?:{alternation(assignee_words('body'))})\b", re.IGNORECASE)
_PROVINCE_WORD_RE = re.compile(
    rf"\b(?:{alternation(assignee_words('province_word'))})\b", re.IGNORECASE
)
_LOCAL_WORD_RE = re.compile(rf"\b(?:{alternation(assignee_words('level_word'))})\b", re.IGNORECASE)


class UnitRef(NamedTuple):
    """A unit as the draft needs it: its id, name, and whether it is pre-2025 or territorial."""

    pk: int
    name: str = ""
    legacy: bool = False  # a unit that ended with the July 2025 reform (district, old commune)
    local: bool = False  # a commune, ward, special zone, district or old commune


UnitByCode = Callable[[str, "str | None"], "UnitRef | None"]
"""Given an official code and the era the extractor gave it ("2025", "legacy" or None), the
unit of the province with that code, or None."""


UnitSuggester = Callable[[str], Sequence["UnitRef | int"]]
"""Given an assignee or locality text, the units it names (best first)."""

KnownUnits = Callable[[], Sequence[UnitRef]]
"""Every unit name of the province (aliases included, one UnitRef per name): the units an
assignee can contain ("Văn phòng UBND tỉnh theo dõi, đôn đốc việc")."""


def assign_ids(draft: dict[str, Any]) -> dict[str, Any]:
    """Give every item of ``draft`` that has none a new id ("i1", "i2", ...), in place.

    Items keep the ids they have; a draft stored before ids existed gets them in a fixed order
    (kinds in ``KEYS`` order, then the dropped items), so reading it twice gives the same ids.
    Returns ``draft``.
    """
    n = int(draft.get("next_id") or 1)
    seen: set[str] = set()
    items = [i for key in KEYS for i in draft.get(key) or []]
    items += [d["item"] for d in draft.get("dropped") or [] if isinstance(d.get("item"), dict)]
    for item in items:
        if not item.get("id") or item["id"] in seen:
            item["id"] = f"i{n}"
            n += 1
        seen.add(item["id"])
    draft["next_id"] = n
    return draft


def id_at(draft: dict[str, Any], key: str, n: int) -> str:
    """The id of the ``n``-th item of kind ``key`` (for scripts and tests that count items)."""
    return str(assign_ids(copy.deepcopy(draft))[key][n]["id"])


def _ref(value: UnitRef | int) -> UnitRef:
    return value if isinstance(value, UnitRef) else UnitRef(int(value))


def prefer_era(refs: Sequence[UnitRef | int], on: dt.date | None) -> list[UnitRef]:
    """``refs`` with the units of the session's time first (a stable reordering).

    A session before July 2025 speaks of the units of its time (the old commune or district);
    a later or undated one of today's units. The legacy commune and today's commune often
    share a name, so the lookup finds both.
    """
    units = [_ref(r) for r in refs]
    old = on is not None and on < REFORM_DATE
    return sorted(units, key=lambda r: r.legacy != old)


def names_provincial_body(assignee: str) -> bool:
    """Whether ``assignee`` names a body of the province, never a commune.

    "Sở Tài chính", "Văn phòng UBND tỉnh theo dõi…", "Công an tỉnh", "Ban Tổ chức Tỉnh ủy",
    "Bộ Chỉ huy Quân sự tỉnh" do; "Công an xã", "Ban Chỉ huy Quân sự xã", "UBND xã" do not.
    """
    text = " ".join(assignee.split())
    if _PROVINCIAL_HEAD_RE.match(text):
        return True
    if not _BODY_HEAD_RE.match(text):
        return False
    province = _PROVINCE_WORD_RE.search(text)
    local = _LOCAL_WORD_RE.search(text)
    return province is not None and (local is None or province.start() < local.start())


@lru_cache(maxsize=8192)
def _words_key(text: str) -> str:
    """Search words: lower case, no diacritics, punctuation as spaces (" van phong ubnd tinh ")."""
    return " " + " ".join(re.sub(r"[^\w]+", " ", strip_marks(fold(text or ""))).split()) + " "


def longest_known_unit(
    assignee: str, known: Sequence[UnitRef], on: dt.date | None = None
) -> list[UnitRef]:
    """The units whose name is the longest one written inside ``assignee`` (whole words).

    "Văn phòng UBND tỉnh theo dõi, đôn đốc việc" → Văn phòng UBND tỉnh (not UBND tỉnh). Names
    of a single word are ignored. Units of the session's time come first.
    """
    text = _words_key(assignee)
    best: list[UnitRef] = []
    best_len = 0
    for ref in known:
        name = _words_key(ref.name)
        if name.count(" ") < 3 or len(name) < best_len or name not in text:
            continue
        if len(name) > best_len:
            best, best_len = [], len(name)
        if ref.pk not in {b.pk for b in best}:
            best.append(ref)
    return prefer_era(best, on)


def _span_item(item: Any, *extra: str) -> dict[str, Any]:
    """A draft item of a record item (text, offsets, and the ``extra`` fields)."""
    out = {"text": item.text or "", "start": item.start, "end": item.end}
    for key in extra:
        value = getattr(item, key)
        out[key] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def _strings_with_spans(
    names: Sequence[str], spans: Sequence[TextSpan | LocalityEntry]
) -> list[dict[str, Any]]:
    """One item per name, placed at the first span whose text is that name (case-insensitive)."""
    out = []
    for name in names:
        span = next((s for s in spans if (s.text or "").casefold() == name.casefold()), None)
        out.append(
            {
                "text": name,
                "start": span.start if span else None,
                "end": span.end if span else None,
            }
        )
    return out


# a title that names a conference (the words: data/assignees.tsv, kind conference)
_CONFERENCE_RE = re.compile(rf"\b(?:{alternation(assignee_words('conference'))})\b", re.IGNORECASE)


def session_kind(record: SessionRecord | dict[str, Any]) -> str:
    """A visit when the session is about localities, a conference when the title says so."""
    if isinstance(record, SessionRecord):
        title, localities = record.title, bool(record.localities)
    else:
        title, localities = record.get("title"), bool(record.get("localities"))
    if _CONFERENCE_RE.search(title or ""):
        return SessionKind.CONFERENCE
    if localities:
        return SessionKind.VISIT
    return SessionKind.OTHER


def suggest_units(
    assignees: list[str],
    localities: list[str],
    suggest: UnitSuggester,
    *,
    on: dt.date | None = None,
    known: KnownUnits | None = None,
    coded: Mapping[str, UnitRef] | None = None,
    locality_units: Mapping[str, UnitRef] | None = None,
) -> tuple[list[int], bool]:
    """The units a directive's assignees name, and whether the office must still choose.

    An assignee in ``coded`` (the unit the extractor resolved, by its official code) is that
    unit: no name is matched. Every other assignee is looked up (units of the session's time first: ``on`` before July 2025
    prefers pre-2025 units); when the lookup finds nothing, the longest unit name of
    ``known`` written inside the assignee is taken. An assignee that names the local
    government ("cấp ủy, chính quyền địa phương", "xã") stands for the session's localities;
    one that names a provincial body ("Sở …", "Văn phòng UBND tỉnh …") never gets a commune.
    A directive with no assignee goes to the session's localities. Any other assignee that
    names no unit ("các sở, ngành") sets ``needs_choice``.
    """
    units: list[int] = []
    needs_choice = False

    def add(refs: list[UnitRef]) -> None:
        for ref in refs:
            if ref.pk not in units:
                units.append(ref.pk)

    def localities_units() -> list[UnitRef]:
        found: list[UnitRef] = []
        for name in localities:
            by_code = (locality_units or {}).get(name)
            found += [by_code] if by_code is not None else prefer_era(suggest(name), on)[:1]
        return found

    for assignee in assignees:
        if coded and assignee in coded:
            add([coded[assignee]])
            continue
        provincial = names_provincial_body(assignee)
        found = prefer_era(suggest(assignee), on)
        if not found and known is not None:
            found = longest_known_unit(assignee, known(), on)
        if provincial:
            found = [r for r in found if not r.local]
        if found:
            add(found[:1])
        elif not provincial and _LOCAL_RE.match(assignee.strip()) and localities_units():
            add(localities_units())
        else:
            needs_choice = True
    if not assignees:
        add(localities_units())
    if not units:
        needs_choice = True
    return units, needs_choice


def lead_and_support(units: Sequence[int], support: Sequence[int]) -> list[int]:
    """The supporting units among ``units`` (in their order); at least one unit leads.

    When every unit was marked as supporting, the first one leads (a directive always has a
    unit that answers for it).
    """
    chosen = [u for u in units if u in set(support)]
    if units and len(chosen) == len(units):
        chosen = chosen[1:]
    return chosen


def support_units(
    directive: DirectiveEntry,
    units: Sequence[int],
    localities: list[str],
    suggest: UnitSuggester,
    *,
    on: dt.date | None = None,
    known: KnownUnits | None = None,
    coded: Mapping[str, UnitRef] | None = None,
    locality_units: Mapping[str, UnitRef] | None = None,
) -> list[int]:
    """The units of ``units`` that the extractor's assignee roles mark as supporting.

    An assignee with role "support" ("phối hợp với UBND xã …") names supporting units; a unit
    also named by a leading assignee leads.
    """
    texts = {
        role: [a.text for a in directive.assignee_spans if a.text and (a.role == "support") == role]
        for role in (True, False)
    }
    if not texts[True]:
        return []
    found, _ = suggest_units(
        texts[True], localities, suggest, on=on, known=known, coded=coded,
        locality_units=locality_units,
    )  # fmt: skip
    lead: list[int] = []
    if texts[False]:
        lead, _ = suggest_units(
            texts[False], localities, suggest, on=on, known=known, coded=coded,
            locality_units=locality_units,
        )  # fmt: skip
    return lead_and_support(units, [u for u in found if u not in lead])


def _resolved(
    record: SessionRecord, by_code: UnitByCode | None
) -> tuple[dict[str, UnitRef], dict[str, UnitRef]]:
    """The units the extractor resolved, by their official code: by locality label, and by
    assignee text."""
    if by_code is None:
        return {}, {}
    era = {e.code: e.era for e in record.locality_spans if e.code}
    cache: dict[str, UnitRef | None] = {}

    def unit(code: str) -> UnitRef | None:
        if code not in cache:
            cache[code] = by_code(code, era.get(code))
        return cache[code]

    localities: dict[str, UnitRef] = {}
    for entry in record.locality_spans:
        ref = unit(entry.code) if entry.code else None
        if ref is not None:
            localities.setdefault(entry.name, ref)
    assignees: dict[str, UnitRef] = {}
    for d in record.directives:
        for a in d.assignee_spans:
            ref = unit(a.unit_code) if a.unit_code else None
            if ref is not None:
                assignees.setdefault(a.text, ref)
    return localities, assignees


def build_draft(
    record: SessionRecord,
    suggest: UnitSuggester,
    known: KnownUnits | None = None,
    by_code: UnitByCode | None = None,
) -> dict[str, Any]:
    """The review-ready copy of ``record``: items as dicts with offsets, directives with units.

    Localities and assignees the extractor resolved (an official ``code``) get their unit by
    ``by_code``; names are looked up (``suggest``) only for the others. ``known`` lists the
    province's unit names for assignees the lookup does not find whole. Each draft locality
    keeps the id of its unit (``unit``, None when the code named no unit here).
    """
    localities = list(record.localities)
    on = record.date
    locality_units, coded = _resolved(record, by_code)
    draft: dict[str, Any] = {
        "date": record.date.isoformat() if record.date else None,
        "title": record.title or "",
        "kind": session_kind(record),
        "province": record.province or "",
        "chairs": [{"name": c.name, "titles": list(c.titles)} for c in record.chairs],
        "people": [
            {"text": p.name, "start": p.start, "end": p.end, "titles": list(p.titles)}
            for p in record.people
        ],
        "localities": [
            {**item, "unit": locality_units[item["text"]].pk}
            if item["text"] in locality_units
            else item
            for item in _strings_with_spans(localities, record.locality_spans)
        ],
        "agencies": _strings_with_spans(record.agencies, record.agency_spans),
        "indicators": [_span_item(i, "value", "unit") for i in record.indicators],
        "difficulties": [_span_item(i) for i in record.difficulties],
        "petitions": [_span_item(i, "by") for i in record.petitions],
        "site_visits": _site_visits(record),
        "directives": [],
    }
    for d in record.directives:
        assignees = [a for a in d.assignees if a]
        units, needs_choice = suggest_units(
            assignees, localities, suggest, on=on, known=known, coded=coded,
            locality_units=locality_units,
        )  # fmt: skip
        support = support_units(
            d, units, localities, suggest, on=on, known=known, coded=coded,
            locality_units=locality_units,
        )  # fmt: skip
        span = d.deadline_text
        draft["directives"].append(
            {
                **_span_item(d, "issuer", "deadline"),
                "deadline_span": {"start": span.start, "end": span.end} if span else None,
                "assignees": assignees,
                "assignee_spans": [as_json(a) for a in d.assignee_spans],
                "units": units,
                "support": support,
                "suggested": list(units),
                "needs_choice": needs_choice,
                "topic": classify_topic(d.text) or "",
            }
        )
    return assign_ids(draft)


def _site_visits(record: SessionRecord) -> list[dict[str, Any]]:
    if record.site_visit_spans:
        return [_span_item(s) for s in record.site_visit_spans]
    return [{"text": t, "start": None, "end": None} for t in record.site_visits]


_CUT_RE = re.compile(r"[,;:.](?=\s+\S)")


def split_points(text: str, context: int = 40) -> list[tuple[int, str]]:
    """Where a directive can be split: after each comma, semicolon, colon or full stop.

    Returns ``(offset, label)`` pairs; the label shows the words around the cut ("… trước | sau …").
    """
    points = []
    for m in _CUT_RE.finditer(text):
        cut = m.end()
        while cut < len(text) and text[cut].isspace():
            cut += 1
        before = text[max(0, m.end() - context) : m.end()]
        after = text[cut : cut + context // 2]
        points.append((cut, f"…{before} | {after}…"))
    return points
