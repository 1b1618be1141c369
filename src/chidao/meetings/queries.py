"""Reads of the meetings app: the gatekeepers and what the pages list.

Views never fetch a document or a session by a user-supplied id themselves: they call
``get_document_for_user`` / ``get_session_for_user``, which answer Http404 for "missing" and
"not yours" (another province, or a role that may not see it) alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from chidao.meetings.draft import split_points
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
from chidao.organisation.access import can_read_province, is_office, province_code_of
from chidao.organisation.models import Person, Unit, UnitKind


def _pk(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError) as e:
        raise Http404 from e


# ---------------------------------------------------------------- documents (office only)


def documents_for(user: Any) -> QuerySet[SourceDocument]:
    """The documents of the office's province (none for other roles)."""
    code = province_code_of(user)
    if not is_office(user) or not code:
        return SourceDocument.objects.none()
    return SourceDocument.objects.filter(province_code=code)


def get_document_for_user(user: Any, pk: Any) -> SourceDocument:
    """The document ``pk`` if ``user`` is office staff of its province, else Http404."""
    document = documents_for(user).select_related("uploaded_by").filter(pk=_pk(pk)).first()
    if document is None:
        raise Http404("no such document")
    return document


def documents_waiting(user: Any) -> QuerySet[SourceDocument]:
    """The documents waiting for review, newest first (without their long texts)."""
    return (
        documents_for(user)
        .filter(status=DocumentStatus.REVIEW)
        .select_related("uploaded_by")
        .defer("raw_text", "text", "record", "draft")
        .order_by("-created_at", "-pk")
    )


# ---------------------------------------------------------------- sessions (readers of the province)


def sessions_for(user: Any) -> QuerySet[Session]:
    """The confirmed sessions of the province of an office, leader or administrator."""
    code = province_code_of(user)
    if not can_read_province(user) or not code:
        return Session.objects.none()
    return Session.objects.filter(province_code=code)


def get_session_for_user(user: Any, pk: Any) -> Session:
    """The session ``pk`` with everything its page shows, or Http404 (missing or not yours)."""
    session = (
        sessions_for(user)
        .select_related("document", "confirmed_by")
        .prefetch_related(
            "chairs",
            "localities",
            Prefetch("items", queryset=SessionItem.objects.select_related("person", "unit").order_by("kind", "order")),
            Prefetch(
                "directives",
                queryset=Directive.objects.select_related("issuer")
                .annotate(task_count=Count("tasks"))
                .order_by("order"),
            ),
        )
        .filter(pk=_pk(pk))
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
    sessions = sessions_for(user)
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
    return Person.objects.filter(chaired_sessions__in=sessions_for(user)).distinct().order_by("full_name")


def session_localities(user: Any) -> QuerySet[Unit]:
    """The units that sessions of the province were about (the locality filter's choices)."""
    return Unit.objects.filter(sessions__in=sessions_for(user)).distinct().order_by("name")


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
    return list(Unit.objects.filter(province_code=code).values_list("pk", flat=True)) if code else []


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


def confirm_problems(document: SourceDocument) -> list[str]:
    """Why the document cannot be confirmed yet: each directive without a unit, by number."""
    from chidao.meetings.services import check_ready

    return check_ready(document.draft or {})


def _iso_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def review_context(user: Any, document: SourceDocument, error: str = "") -> dict[str, Any]:
    """Everything the review page shows: the marked source, the draft's items, the unit choices."""
    draft = document.draft or {}
    units = province_units(user)
    by_pk = {u.pk: u for u in units}
    chosen_ids = {pk for d in draft.get("directives") or [] for pk in [*(d.get("units") or []), *(d.get("suggested") or [])]}
    if chosen_ids - set(by_pk):  # chosen units that are not offered, e.g. a pre-2025 district
        code = province_code_of(user)
        by_pk.update({u.pk: u for u in Unit.objects.filter(pk__in=chosen_ids - set(by_pk), province_code=code)})
    local_kinds = {UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE}
    directives = []
    for i, d in enumerate(draft.get("directives") or []):
        chosen = [by_pk[pk] for pk in d.get("units") or [] if pk in by_pk]
        # suggestions first: the chosen units, then what the extraction proposed
        suggested = chosen + [
            by_pk[pk] for pk in d.get("suggested") or [] if pk in by_pk and by_pk[pk] not in chosen
        ]
        directives.append(
            {
                "index": i,
                "item": d,
                "units": chosen,
                "suggested": suggested,
                "unit_ids": {u.pk for u in suggested},
                "chosen_ids": {u.pk for u in chosen},
                "deadline": _iso_date(d.get("deadline")),
                "assignees": "; ".join(d.get("assignees") or []),
                "anchor": f"m-directives-{i}",
                "is_last": i == len(draft.get("directives") or []) - 1,
                "split_points": split_points(d.get("text") or ""),
            }
        )
    groups = [
        {
            "key": key,
            "label": label,
            "items": [
                {"index": i, "item": item, "anchor": f"m-{key}-{i}" if item.get("start") is not None else ""}
                for i, item in enumerate(draft.get(key) or [])
            ],
        }
        for key, label in ITEM_LABELS
    ]
    return {
        "document": document,
        "draft": draft,
        "version": document.version,
        "date": _iso_date(draft.get("date")),
        "chairs": "; ".join(c.get("name", "") for c in draft.get("chairs") or []),
        "localities_text": "; ".join(i.get("text", "") for i in draft.get("localities") or []),
        "kinds": SessionKind.choices,
        "directives": directives,
        "groups": groups,
        "source": render(document.text, draft_marks(draft)),
        "local_units": [u for u in units if u.kind in local_kinds],
        "departments": departments(units),
        "problems": confirm_problems(document),
        "error": error,
        "add_kinds": [("directives", _("Chỉ đạo")), *ITEM_LABELS],
    }
