"""GET /api/directives: the directive register of the user's province, with filters."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Case, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, When
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from chidao.api.params import Id, Offset
from chidao.meetings.models import Directive
from chidao.organisation import access
from chidao.tasks.access import directives_visible_to, tasks_visible_to
from chidao.tasks.models import CLOSED_STATES, Task, TaskState

from . import serialise
from .schemas import DirectiveOut, Error

router = Router(tags=["directives"])

MAX_LIMIT = 200


class DirectivePage(Schema):
    count: int
    items: list[DirectiveOut]


class DirectiveFilters(Schema):
    leader: Id | None = None  # Person id of the issuer
    unit: Id | None = None  # Unit id: directives with a task of this unit
    state: str | None = None  # TaskState value: directives with a task in this state
    overdue: bool | None = None  # directives with (true) / without (false) an overdue task
    deadline_from: dt.date | None = None
    deadline_to: dt.date | None = None
    limit: int = 50
    offset: Offset = 0


def overdue_q(today: dt.date, prefix: str = "") -> Q:
    """Tasks past their deadline and not closed (the derived "quá hạn")."""
    return Q(**{f"{prefix}deadline__lt": today}) & ~Q(**{f"{prefix}state__in": CLOSED_STATES})


def filter_directives(
    qs: QuerySet[Directive], f: DirectiveFilters, visible_tasks: QuerySet[Task]
) -> QuerySet[Directive]:
    """Apply the register's filters; a task condition means "has at least one such task"
    among ``visible_tasks`` (the caller's: an officer's filters never look at, and so never
    reveal, another unit's tasks)."""
    if f.leader is not None:
        qs = qs.filter(issuer_id=f.leader)
    if f.deadline_from:
        qs = qs.filter(deadline__gte=f.deadline_from)
    if f.deadline_to:
        qs = qs.filter(deadline__lte=f.deadline_to)
    tasks = visible_tasks.filter(directive=OuterRef("pk"))
    if f.unit is not None:
        qs = qs.filter(Exists(tasks.filter(unit_id=f.unit)))
    if f.state:
        if f.state not in TaskState.values:
            raise HttpError(
                422,
                f"state: unknown value {f.state!r}; expected one of {', '.join(TaskState.values)}",
            )
        qs = qs.filter(Exists(tasks.filter(state=f.state)))
    if f.overdue is not None:
        late = Exists(tasks.filter(overdue_q(timezone.localdate())))
        qs = qs.filter(late if f.overdue else ~late)
    return qs


@router.get(
    "/directives",
    response={200: DirectivePage, 403: Error, 422: Error},
    summary="Directive register",
)
def list_directives(request: HttpRequest, filters: Query[DirectiveFilters]) -> dict[str, Any]:
    """Directives the user may see, latest session first, each with its tasks.

    Office, leaders and administrators: the province's (a leader's own directives first);
    a unit officer: those that gave their unit a task (with that task only).
    """
    if access.role_of(request.user) is None:
        raise HttpError(403, "Tài khoản chưa có vai trò.")
    visible = tasks_visible_to(request.user)
    tasks = visible.select_related("unit")
    qs = (
        directives_visible_to(request.user)
        .select_related("session", "issuer")
        .prefetch_related(Prefetch("tasks", queryset=tasks))
    )
    ordering = ["-session__date", "-session_id", "order", "pk"]
    person = access.person_of(request.user) if access.is_leader(request.user) else None
    if person is not None:
        qs = qs.annotate(
            own=Case(When(issuer=person, then=0), default=1, output_field=IntegerField())
        )
        ordering.insert(0, "own")
    qs = filter_directives(qs.order_by(*ordering), filters, visible)
    limit = max(1, min(filters.limit, MAX_LIMIT))
    offset = max(0, filters.offset)
    today = timezone.localdate()
    rows = list(qs[offset : offset + limit])
    return {"count": qs.count(), "items": [serialise.directive(d, today) for d in rows]}
