"""Model objects to the API's response schemas (``chidao.api.schemas``); callers prefetch what
is read here (no query per row)."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from django.utils import timezone

from chidao.meetings.models import Directive, Session
from chidao.organisation.models import Unit
from chidao.organisation.users import User
from chidao.tasks.models import Task

from .schemas import (
    DirectiveOut,
    EventOut,
    ReportOut,
    SessionDetailOut,
    SessionItemOut,
    SessionOut,
    TaskBrief,
    TaskDetailOut,
    TaskOut,
    UnitOut,
    UnitRef,
)

S = TypeVar("S", bound=SessionOut)
T = TypeVar("T", bound=TaskOut)


def _name(user: User | None) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def unit(u: Unit) -> UnitOut:
    return UnitOut(
        id=u.pk,
        name=u.name,
        short_name=u.short_name,
        kind=u.kind,
        level=u.level,
        code=u.code,
        parent_id=u.parent_id,
        legacy=u.is_legacy,
    )


def task_brief(t: Task, today: dt.date | None) -> TaskBrief:
    return TaskBrief(
        id=t.pk,
        unit=UnitRef(id=t.unit_id, name=t.unit.name),
        role=t.role,
        state=t.state,
        state_label=str(t.get_state_display()),
        deadline=t.deadline,
        progress=t.progress,
        overdue=t.is_overdue(today),
    )


def directive(d: Directive, today: dt.date | None = None) -> DirectiveOut:
    """Needs ``session``, ``issuer`` selected and ``tasks__unit`` prefetched."""
    today = today or timezone.localdate()
    return DirectiveOut(
        id=d.pk,
        session_id=d.session_id,
        session_date=d.session.date,
        text=d.text,
        issuer=d.issuer.full_name if d.issuer else d.issuer_name,
        issuer_id=d.issuer_id,
        assignees=[str(a) for a in (d.assignee_text or [])],
        deadline=d.deadline,
        topic=d.topic,
        tasks=[task_brief(t, today) for t in d.tasks.all()],
    )


def _session(cls: type[S], s: Session, **details: Any) -> S:
    return cls(
        id=s.pk,
        date=s.date,
        title=s.title,
        kind=s.kind,
        chairs=[p.full_name for p in s.chairs.all()],
        localities=[u.name for u in s.localities.all()],
        directive_count=getattr(s, "n_directives", None) or s.directives.count(),
        **details,
    )


def session(s: Session) -> SessionOut:
    """Needs ``chairs`` and ``localities`` prefetched and ``n_directives`` annotated."""
    return _session(SessionOut, s)


def session_detail(s: Session) -> SessionDetailOut:
    """Needs, beyond :func:`session`, ``items`` and ``directives`` with their tasks prefetched."""
    today = timezone.localdate()
    return _session(
        SessionDetailOut,
        s,
        items=[
            SessionItemOut(kind=i.kind, text=i.text, start=i.start, end=i.end, data=i.data or {})
            for i in s.items.all()
        ],
        directives=[directive(d, today) for d in s.directives.all()],
    )


def _task(cls: type[T], t: Task, today: dt.date, **details: Any) -> T:
    return cls(
        id=t.pk,
        directive_id=t.directive_id,
        directive_text=t.directive.text,
        session_id=t.directive.session_id,
        unit=UnitRef(id=t.unit_id, name=t.unit.name),
        role=t.role,
        state=t.state,
        state_label=str(t.get_state_display()),
        deadline=t.deadline,
        original_deadline=t.original_deadline,
        progress=t.progress,
        overdue=t.is_overdue(today),
        version=t.version,
        updated_at=t.updated_at,
        **details,
    )


def task(t: Task, today: dt.date | None = None) -> TaskOut:
    """Needs ``unit`` and ``directive`` selected."""
    return _task(TaskOut, t, today or timezone.localdate())


def task_detail(t: Task) -> TaskDetailOut:
    """Needs, beyond :func:`task`, ``reports__author`` and ``events__actor`` prefetched."""
    return _task(
        TaskDetailOut,
        t,
        timezone.localdate(),
        reports=[
            ReportOut(
                at=r.at,
                author=_name(r.author),
                text=r.text,
                percent=r.percent,
                is_completion=r.is_completion,
            )
            for r in t.reports.all()
        ],
        events=[
            EventOut(
                at=e.at,
                actor=_name(e.actor),
                kind=e.kind,
                from_state=e.from_state,
                to_state=e.to_state,
                changes=e.changes or {},
                note=e.note,
            )
            for e in t.events.all()
        ],
    )
