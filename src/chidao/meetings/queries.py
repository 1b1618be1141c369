"""Reads of the meetings app: what the pages list, within what the gatekeeper allows.

Views never fetch a document or a session by a user-supplied id themselves: they call
``get_document_for_user`` (``chidao.meetings.access``) / ``get_session_for_user`` (the
session with what its page shows), which answer Http404 for "missing" and "not yours"
(another province, or a role that may not see it) alike.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from chidao.extract.lexicon import alternation, assignee_words
from chidao.extract.topics import labels as topic_labels
from chidao.meetings.access import as_pk, documents_visible_to, sessions_visible_to
from chidao.meetings.draft import KIND_LABELS, REFORM_DATE, UnitRef, assign_ids, split_points
from chidao.meetings.language import looks_vietnamese
from chidao.meetings.marks import Mark, draft_marks, render
from chidao.meetings.models import (
    Directive,
    DocumentStatus,
    ItemKind,
    Session,
    SessionItem,
    SessionKind,
    SourceDocument,
)
from chidao.organisation.access import province_code_of
from chidao.organisation.models import LEGACY_KINDS, LOCAL_KINDS, Person, Unit, UnitKind, search_key


def documents_waiting(user: Any) -> QuerySet[SourceDocument]:
    """The documents waiting for review, newest first (without their long texts)."""
    return (
        documents_visible_to(user)
        .filter(status=DocumentStatus.REVIEW)
        .select_related("uploaded_by")
        .defer("raw_text", "text", "record", "draft")
        .order_by("-created_at", "-pk")
    )


# ---------------------------------------------------------------- sessions (readers of the province)


def get_session_for_user(user: Any, pk: Any) -> Session:
    """The session ``pk`` with everything its page shows, or Http404 (missing or not yours)."""
    session = (
        sessions_visible_to(user)
        .select_related("document", "confirmed_by")
        .prefetch_related(
            "chairs",
            "localities",
            Prefetch(
                "items",
                queryset=SessionItem.objects.select_related("person", "unit").order_by(
                    "kind", "order"
                ),
            ),
            Prefetch(
                "directives",
                queryset=Directive.objects.select_related("issuer")
                .annotate(task_count=Count("tasks"))
                .order_by("order"),
            ),
        )
        .filter(pk=as_pk(pk))
        .first()
    )
    if session is None:
        raise Http404("no such session")
    return session


@dataclass
class SessionFilters:
    """What the session list is filtered by (each optional)."""

    leader: int | None = None  # Person pk of a chair
    locality: int | None = None  # Unit pk
    start: dt.date | None = None
    end: dt.date | None = None


def session_list(user: Any, filters: SessionFilters) -> QuerySet[Session]:
    """The confirmed sessions, newest first, filtered; with chairs, localities and counts."""
    sessions = sessions_visible_to(user)
    if filters.leader:
        sessions = sessions.filter(chairs__pk=filters.leader)
    if filters.locality:
        sessions = sessions.filter(localities__pk=filters.locality)
    if filters.start:
        sessions = sessions.filter(date__gte=filters.start)
    if filters.end:
        sessions = sessions.filter(date__lte=filters.end)
    return (
        sessions.distinct()
        .annotate(directive_count=Count("directives", distinct=True))
        .prefetch_related("chairs", "localities")
        .order_by("-date", "-pk")
    )


def session_leaders(user: Any) -> QuerySet[Person]:
    """The people who chaired a session of the province (the leader filter's choices)."""
    return (
        Person.objects.filter(chaired_sessions__in=sessions_visible_to(user))
        .distinct()
        .order_by("full_name")
    )


def session_localities(user: Any) -> QuerySet[Unit]:
    """The units that sessions of the province were about (the locality filter's choices)."""
    return Unit.objects.filter(sessions__in=sessions_visible_to(user)).distinct().order_by("name")


def session_items(session: Session) -> dict[str, list[SessionItem]]:
    """The session's items grouped by kind (from the prefetched items)."""
    groups: dict[str, list[SessionItem]] = {kind: [] for kind in ItemKind.values}
    for item in session.items.all():
        groups.setdefault(item.kind, []).append(item)
    return groups


def session_source(session: Session) -> str:
    """The cleaned source text with every stored item and directive marked."""
    marks = [
        Mark(item.start, item.end, item.kind, f"m-{item.kind}-{item.pk}")
        for item in session.items.all()
        if item.start is not None and item.end is not None
    ]
    marks += [
        Mark(d.start, d.end, "directive", f"m-directive-{d.pk}")
        for d in session.directives.all()
        if d.start is not None and d.end is not None
    ]
    return render(session.document.text, marks)


# ---------------------------------------------------------------- the review page's choices


def province_units(user: Any) -> list[Unit]:
    """The current units of the office's province that tasks can go to (no pre-2025 units)."""
    code = province_code_of(user)
    if not code:
        return []
    return list(
        Unit.objects.filter(province_code=code, valid_to__isnull=True)
        .exclude(kind__in=[UnitKind.PROVINCE, UnitKind.DISTRICT, UnitKind.LEGACY_COMMUNE])
        .only("pk", "name", "kind")
        .order_by("kind", "name")
    )


def unit_choices(user: Any) -> list[int]:
    """The ids of the units a directive may be given to: any unit of the user's province.

    The review page offers the current ones; a pre-2025 unit suggested for an old report
    stays valid (the services check the province again).
    """
    code = province_code_of(user)
    return (
        list(Unit.objects.filter(province_code=code).values_list("pk", flat=True)) if code else []
    )


def departments(units: list[Unit]) -> list[Unit]:
    """Of ``units``, the provincial bodies (for "các sở, ngành"-like assignees)."""
    local = {UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE}
    return [u for u in units if u.kind not in local]


ITEM_LABELS: list[tuple[str, Any]] = [
    ("people", _("Người tham dự")),
    ("localities", _("Địa phương")),
    ("agencies", _("Cơ quan")),
    ("indicators", _("Chỉ tiêu, số liệu")),
    ("difficulties", _("Khó khăn, vướng mắc")),
    ("petitions", _("Kiến nghị, đề xuất")),
    ("site_visits", _("Khảo sát thực tế")),
]
# the order of the groups on the review page: what the office acts on first
REVIEW_ORDER = (
    "petitions",
    "difficulties",
    "indicators",
    "people",
    "localities",
    "agencies",
    "site_visits",
)
# the kinds offered when the office selects a passage of the source
SELECTION_KINDS: list[tuple[str, Any]] = [
    ("directives", _("Chỉ đạo")),
    ("petitions", _("Kiến nghị")),
    ("difficulties", _("Khó khăn")),
]

# assignees of a group the office picks from: departments, or the session's localities
# (the words: the extractor's lexicon data/assignees.tsv)
_DEPARTMENTS_RE = re.compile(
    rf"\b(?:{alternation(assignee_words('departments_group'))})\b", re.IGNORECASE
)
_LOCALITIES_RE = re.compile(
    rf"\b(?:{alternation(assignee_words('localities_group'))})\b", re.IGNORECASE
)


def confirm_problems(document: SourceDocument) -> list[str]:
    """Why the document cannot be confirmed yet: each directive without a unit, by number."""
    from chidao.meetings.services import check_ready

    return check_ready(document.draft or {})


def needing_unit(draft: dict[str, Any]) -> int:
    """How many directives of the draft have no unit to do them yet."""
    return sum(1 for d in draft.get("directives") or [] if not d.get("units"))


def _iso_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def is_before_reform(document: SourceDocument) -> bool:
    """Whether the document's session took place before July 2025 (pre-2025 units apply)."""
    date = _iso_date((document.draft or {}).get("date"))
    return date is not None and date < REFORM_DATE


def search_units(
    document: SourceDocument, text: str, exclude: set[int] | None = None, limit: int = 12
) -> list[Unit]:
    """Units of the document's province whose name contains every word of ``text``.

    Diacritic-, case- and tone-placement-insensitive ("an binh" finds Xã An Bình). Units of the
    session's time come first (today's units; pre-2025 ones for a session before July 2025),
    then names that start with the words, then by kind and name. The province itself and
    ``exclude`` are left out.
    """
    key = " ".join(search_key(text).split())
    if not key:
        return []
    units = Unit.objects.filter(province_code=document.province_code).exclude(
        kind=UnitKind.PROVINCE
    )
    for word in key.split():
        units = units.filter(search_name__contains=word)
    if exclude:
        units = units.exclude(pk__in=exclude)
    old = is_before_reform(document)
    kinds = list(UnitKind.values)

    def rank(u: Unit) -> tuple[Any, ...]:
        legacy = u.kind in LEGACY_KINDS or u.valid_to is not None
        words = u.search_name.split()
        starts = any(" ".join(words[i:]).startswith(key) for i in range(len(words)))
        return (
            legacy != old,
            not starts,
            kinds.index(u.kind) if u.kind in kinds else 99,
            u.name,
            u.pk,
        )

    return sorted(units.only("pk", "name", "kind", "valid_to", "search_name")[:300], key=rank)[
        :limit
    ]


def _session_locality_units(document: SourceDocument) -> list[Unit]:
    """The units of the session's localities (of the session's time), for "các địa phương"."""
    from chidao.meetings.draft import prefer_era, session_date
    from chidao.organisation.services import find_units

    draft = document.draft or {}
    on = session_date(draft)
    out: list[Unit] = []
    for item in draft.get("localities") or []:
        found = find_units(province_code=document.province_code, text=item.get("text") or "")
        refs = prefer_era(
            [
                UnitRef(u.pk, u.name, legacy=u.kind in LEGACY_KINDS or u.valid_to is not None)
                for u in found
            ],
            on,
        )
        if refs:
            unit = next(u for u in found if u.pk == refs[0].pk)
            if unit not in out:
                out.append(unit)
    return out


def _middle_split(points: list[tuple[int, str]], text: str) -> int | None:
    """The cut nearest the middle of ``text`` (the split form's default), preferring sentence ends."""
    if not points:
        return None
    sentence_ends = [p for p in points if text[: p[0]].rstrip().endswith((".", ";", ":"))]
    return min(sentence_ends or points, key=lambda p: abs(p[0] - len(text) / 2))[0]


def _word_middle(text: str) -> int:
    """The word boundary nearest the middle of ``text`` (split offset when there is no punctuation)."""
    spaces = [m.end() for m in re.finditer(r"\s+", text)]
    return min(spaces, key=lambda i: abs(i - len(text) / 2)) if spaces else max(1, len(text) // 2)


def _date_problems(draft: dict[str, Any]) -> list[str]:
    from chidao.meetings.services import check_ready

    return check_ready({"date": draft.get("date")})


def _missing_essentials(draft: dict[str, Any]) -> list[str]:
    from chidao.meetings.services import missing_essentials

    return missing_essentials(draft)


@dataclass(frozen=True)
class DateInfo:
    """The session date as the review page shows it, with its evidence and warnings."""

    date: dt.date | None
    evidence: str  # the words of the text the date was read from ("Sáng 4/12")
    year_inferred: bool  # the evidence names no year: it was inferred
    partial: str  # "4/12" when only the day and month are known
    changed: bool  # the office set another date than the extractor's


def date_info(document: SourceDocument) -> DateInfo:
    """The draft's date, the words it came from, and whether its year was inferred."""
    record = document.record or {}
    draft = document.draft or {}
    date = _iso_date(draft.get("date"))
    span = record.get("date_span") if isinstance(record.get("date_span"), dict) else None
    evidence = " ".join(((span or {}).get("text") or "").split())
    partial_value = record.get("date_partial")
    partial = ""
    if isinstance(partial_value, dict) and partial_value.get("day"):
        partial = f"{partial_value['day']}/{partial_value.get('month')}"
    elif isinstance(partial_value, (list, tuple)) and len(partial_value) == 2:
        partial = f"{partial_value[0]}/{partial_value[1]}"
    changed = draft.get("date") != record.get("date")
    inferred = (
        date is not None
        and not changed
        and bool(evidence)
        and not re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", evidence)
    )
    return DateInfo(date, evidence, inferred, partial, changed)


def review_context(user: Any, document: SourceDocument, error: str = "") -> dict[str, Any]:
    """Everything the review page shows: the marked source, the draft's items, the unit choices."""
    draft = assign_ids(copy.deepcopy(document.draft or {}))  # ids of drafts stored before them
    units = province_units(user)
    by_pk = {u.pk: u for u in units}
    chosen_ids = {
        pk
        for d in draft.get("directives") or []
        for pk in [*(d.get("units") or []), *(d.get("suggested") or [])]
    }
    if chosen_ids - set(by_pk):  # chosen units that are not offered, e.g. a pre-2025 district
        code = province_code_of(user)
        by_pk.update(
            {
                u.pk: u
                for u in Unit.objects.filter(pk__in=chosen_ids - set(by_pk), province_code=code)
            }
        )
    locality_units = _session_locality_units(document)
    department_units = departments(units)
    text = document.text or ""
    directives = []
    items = draft.get("directives") or []
    for i, d in enumerate(items):
        chosen = [by_pk[pk] for pk in d.get("units") or [] if pk in by_pk]
        # suggestions first: the chosen units, then what the extraction proposed
        suggested = chosen + [
            by_pk[pk] for pk in d.get("suggested") or [] if pk in by_pk and by_pk[pk] not in chosen
        ]
        shown = {u.pk for u in suggested}
        assignees = " ".join(d.get("assignees") or [])
        span = d.get("deadline_span") or {}
        deadline_text = (
            " ".join(text[span["start"] : span["end"]].split())
            if isinstance(span.get("start"), int) and isinstance(span.get("end"), int)
            else ""
        )
        points = split_points(d.get("text") or "")
        needs_choice = bool(d.get("needs_choice")) or not chosen
        directives.append(
            {
                "index": i,
                "item": d,
                "units": chosen,
                "suggested": suggested,
                "unit_ids": shown,
                "chosen_ids": {u.pk for u in chosen},
                "support_ids": set(d.get("support") or []),
                "deadline": _iso_date(d.get("deadline")),
                "deadline_text": deadline_text,
                "assignees": "; ".join(d.get("assignees") or []),
                "anchor": f"m-directives-{i}" if isinstance(d.get("start"), int) else "",
                "deadline_anchor": f"m-deadline-{i}" if deadline_text else "",
                "is_last": i == len(items) - 1,
                "split_points": points,
                "split_default": _middle_split(points, d.get("text") or ""),
                "split_word": _word_middle(d.get("text") or ""),
                "split_words": [
                    (m.group(), m.start()) for m in re.finditer(r"\S+", d.get("text") or "")
                ],
                "pick_departments": [u for u in department_units if u.pk not in shown],
                "pick_localities": [u for u in locality_units if u.pk not in shown],
                "open_departments": needs_choice
                and bool(_DEPARTMENTS_RE.search(assignees) or not assignees),
                "open_localities": needs_choice and bool(_LOCALITIES_RE.search(assignees)),
            }
        )
    labels = dict(ITEM_LABELS)
    groups = [
        {
            "key": key,
            "label": labels[key],
            "items": [
                {
                    "index": i,
                    "index_str": str(i),
                    "item": item,
                    "anchor": f"m-{key}-{i}" if item.get("start") is not None else "",
                }
                for i, item in enumerate(draft.get(key) or [])
            ],
        }
        for key in REVIEW_ORDER
    ]
    people = [c.get("name") or "" for c in draft.get("chairs") or []] + [
        p.get("text") or "" for p in draft.get("people") or []
    ]
    needing = needing_unit(draft)
    last = (draft.get("dropped") or [None])[-1]
    last_dropped = (
        {
            "label": KIND_LABELS.get(last["kind"], last["kind"]),
            "text": (last.get("item") or {}).get("text") or "",
        }
        if isinstance(last, dict) and "kind" in last
        else None
    )
    return {
        "date_info": date_info(document),
        "topic_labels": topic_labels(),
        "missing": _missing_essentials(draft),
        "date_problem": " ".join(_date_problems(draft)),
        "not_vietnamese": not looks_vietnamese(text),
        "last_dropped": last_dropped,
        "document": document,
        "draft": draft,
        "version": document.version,
        "date": _iso_date(draft.get("date")),
        "chairs": "; ".join(c.get("name", "") for c in draft.get("chairs") or []),
        "localities_text": "; ".join(i.get("text", "") for i in draft.get("localities") or []),
        # what the session form shows (the current values; after a conflict, what was typed)
        "session_form": {
            "date": _iso_date(draft.get("date")),
            "kind": draft.get("kind") or "",
            "title": draft.get("title") or "",
            "chairs": "; ".join(c.get("name", "") for c in draft.get("chairs") or []),
            "localities": "; ".join(i.get("text", "") for i in draft.get("localities") or []),
        },
        "kinds": SessionKind.choices,
        "directives": directives,
        "groups": groups,
        "outline": [{"key": "directives", "label": _("Chỉ đạo"), "count": len(items)}]
        + [{"key": g["key"], "label": g["label"], "count": len(g["items"])} for g in groups],
        "source": render(text, draft_marks(draft), segments=True),
        "text_length": len(text),
        "people_names": list(dict.fromkeys(n for n in people if n)),
        "local_units": [u for u in units if u.kind in LOCAL_KINDS],
        "departments": department_units,
        "before_reform": is_before_reform(document),
        "needing_unit": needing,
        "ready": not needing,
        "problems": confirm_problems(document),
        "error": error,
        "add_kinds": [("directives", _("Chỉ đạo")), *((k, labels[k]) for k in REVIEW_ORDER)],
        "selection_kinds": SELECTION_KINDS,
    }


@dataclass(frozen=True)
class Kept:
    """After a 409 on an edit of the draft (someone else saved first): what the user typed,
    shown and put back in the form, beside the current values of what they edited."""

    target: str  # "session", or the kind of the edited item ("directives", "petitions", ...)
    item_id: str  # "" for the session
    typed: list[tuple[str, str]]
    current: list[tuple[str, str]]
    gone: bool = False  # the item is no longer in the draft (dropped, merged or split)


def _day(value: Any) -> str:
    day = _iso_date(value)
    return f"{day:%d/%m/%Y}" if day else ""


def unit_names(pks: list[int]) -> str:
    """The names of units ``pks`` (in that order), for a page that lists what was chosen."""
    names = dict(Unit.objects.filter(pk__in=pks).values_list("pk", "name"))
    return "; ".join(names.get(pk, str(pk)) for pk in pks)


def units_by_pks(pks: list[int]) -> list[Unit]:
    """The units ``pks``, in that order (those that exist)."""
    found = {u.pk: u for u in Unit.objects.filter(pk__in=pks)}
    return [found[pk] for pk in pks if pk in found]


def draft_values(document: SourceDocument, target: str, item_id: str = "") -> list[tuple[str, str]]:
    """The current values of the session (``target="session"``) or of one item of the draft,
    as (label, text) rows; empty when the item is no longer there."""
    draft = assign_ids(copy.deepcopy(document.draft or {}))
    if target == "session":
        kinds = dict(SessionKind.choices)
        return [
            (str(_("Ngày làm việc")), _day(draft.get("date"))),
            (str(_("Loại")), str(kinds.get(draft.get("kind") or "", draft.get("kind") or ""))),
            (str(_("Tiêu đề")), draft.get("title") or ""),
            (str(_("Chủ trì")), "; ".join(c.get("name", "") for c in draft.get("chairs") or [])),
            (
                str(_("Địa phương")),
                "; ".join(i.get("text", "") for i in draft.get("localities") or []),
            ),
        ]
    found = [i for i in draft.get(target) or [] if i.get("id") == item_id]
    if not found:
        return []
    item = found[0]
    rows = [(str(_("Nội dung")), item.get("text") or "")]
    if target == "directives":
        rows += [
            (str(_("Đơn vị thực hiện")), unit_names(list(item.get("units") or []))),
            (str(_("Đơn vị phối hợp")), unit_names(list(item.get("support") or []))),
            (str(_("Người chỉ đạo")), item.get("issuer") or ""),
            (str(_("Thời hạn")), _day(item.get("deadline"))),
            (str(_("Đối tượng")), "; ".join(item.get("assignees") or [])),
            (str(_("Lĩnh vực")), item.get("topic") or ""),
        ]
    elif target == "people":
        rows.append((str(_("Chức danh")), "; ".join(item.get("titles") or [])))
    elif target == "indicators":
        value = item.get("value")
        rows.append((str(_("Giá trị")), "" if value is None else str(value)))
        rows.append((str(_("Đơn vị tính")), item.get("unit") or ""))
    elif target == "petitions":
        rows.append((str(_("Người kiến nghị")), item.get("by") or ""))
    return rows


def directives_with_units(session: Session) -> list[Directive]:
    """The session's directives, each with ``unit_tasks``: its tasks with their unit and role
    (the lead units first), so that a page names the units rather than the words "Xã"."""
    # through the reverse relation: meetings never imports the tasks app (it sits above)
    directives = list(session.directives.prefetch_related("tasks__unit"))
    for d in directives:
        d.unit_tasks = sorted(d.tasks.all(), key=lambda t: (t.role, t.unit.name))
        d.pk_str = str(d.pk)
        d.unit_ids = {t.unit_id for t in d.unit_tasks if t.state != "cancelled"}
        d.support_ids = {t.unit_id for t in d.unit_tasks if t.role == "support"}
    return directives


def unit_options(user: Any) -> list[Unit]:
    """The units a directive may be given to, for a picker: today's units of the province in
    Vietnamese order, communes and wards first."""
    from chidao.organisation.collation import vi_key

    return sorted(province_units(user), key=lambda u: (u.kind not in LOCAL_KINDS, vi_key(u.name)))


def answerer_choices(user: Any) -> list[tuple[int, str]]:
    """(id, name) of the units that may answer a petition or take it as a task: the current
    units of the user's province, its bodies first (departments, boards...), then communes."""
    code = province_code_of(user)
    if not code:
        return []
    units = Unit.objects.filter(province_code=code).exclude(
        kind__in=(UnitKind.DISTRICT, UnitKind.LEGACY_COMMUNE)
    )
    local = (UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE)
    rows = sorted(units.values_list("pk", "name", "kind"), key=lambda r: (r[2] in local, r[1]))
    return [(pk, name) for pk, name, _kind in rows]
