"""GET /api/sessions and /api/sessions/{id}: confirmed sessions of the user's province."""

import datetime as dt

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from chidao.api.pages import Page, Rows
from chidao.api.params import Id
from chidao.meetings.access import sessions_visible_to
from chidao.meetings.models import Directive, Session
from chidao.tasks.models import Task

from . import serialise
from .guards import ADMIN, LEADER, OFFICE, require_role
from .schemas import Error, SessionDetailOut, SessionOut

router = Router(tags=["sessions"])


class SessionFilters(Schema):
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _sessions(request: HttpRequest) -> QuerySet[Session]:
    """The sessions of the user's province through the tasks gatekeeper (office, leaders, admins)."""
    require_role(request, OFFICE, LEADER, ADMIN)
    return sessions_visible_to(request.user).prefetch_related("chairs", "localities")


@router.get("/sessions", response={200: list[SessionOut], 403: Error}, summary="Confirmed sessions")
@paginate(Page)
def list_sessions(request: HttpRequest, filters: Query[SessionFilters]) -> Rows[Session]:
    """Sessions of the user's province, newest first (office, leaders, administrators);
    paged by ``limit`` and ``offset`` (``chidao.api.pages``)."""
    qs = (
        _sessions(request)
        .annotate(n_directives=Count("directives", distinct=True))
        .order_by("-date", "-pk")
    )
    if filters.date_from:
        qs = qs.filter(date__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(date__lte=filters.date_to)
    return Rows(qs, serialise.session)


@router.get(
    "/sessions/{session_id}",
    response={200: SessionDetailOut, 403: Error, 404: Error},
    summary="One session with its items and directives",
)
def get_session(request: HttpRequest, session_id: Id) -> SessionDetailOut:
    """A session of the user's province with every item, directive and task; 404 otherwise."""
    directives = Directive.objects.select_related("session", "issuer").prefetch_related(
        Prefetch("tasks", queryset=Task.objects.select_related("unit"))
    )
    session = (
        _sessions(request)
        .annotate(n_directives=Count("directives", distinct=True))
        .prefetch_related("items", Prefetch("directives", queryset=directives))
        .filter(pk=session_id)
        .first()
    )
    if session is None:
        raise Http404("Không tìm thấy buổi làm việc.")
    return serialise.session_detail(session)
