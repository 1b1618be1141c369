"""Reads on conclusion notices: a session's notice status, the notices the office must issue
soon, the notice shown on a task. Access starts from the meetings/tasks gatekeepers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from chidao.documents.models import Notice
from chidao.documents.workdays import WorkCalendar, notice_due_date
from chidao.meetings.access import sessions_visible_to
from chidao.meetings.models import Session
from chidao.organisation.users import RequestUser

WARN_WORKING_DAYS = 2  # the work list warns this many working days before a notice is due
LOOKBACK_DAYS = 45  # sessions older than this (by date) are not chased any more
WARN_LIMIT = 50


@dataclass(frozen=True)
class NoticeStatus:
    """Where a session's conclusion notice stands on ``today``."""

    session: Session
    notice: Notice | None
    due: dt.date | None
    working_days_left: int | None  # negative once past due

    @property
    def issued(self) -> bool:
        return bool(self.notice and self.notice.is_issued)

    @property
    def overdue(self) -> bool:
        return not self.issued and self.working_days_left is not None and self.working_days_left < 0

    @property
    def due_soon(self) -> bool:
        return (
            not self.issued
            and self.working_days_left is not None
            and 0 <= self.working_days_left <= WARN_WORKING_DAYS
        )


_UNREAD = object()


def notice_status(
    session: Session,
    today: dt.date | None = None,
    calendar: WorkCalendar | None = None,
    notice: Any = _UNREAD,
) -> NoticeStatus:
    """The notice's due date and state for ``session``; ``notice`` when already fetched."""
    calendar = calendar or WorkCalendar.from_settings()
    today = today or timezone.localdate()
    if notice is _UNREAD:
        notice = Notice.objects.filter(session=session).first()
    due = notice_due_date(session.date, calendar)
    left = None
    if due is not None:
        left = calendar.working_days_between(today, due)
        if due < today:
            left = min(left, -1)
    return NoticeStatus(session=session, notice=notice, due=due, working_days_left=left)


def notices_to_issue(user: RequestUser, today: dt.date | None = None) -> list[NoticeStatus]:
    """Recent sessions of the user's province whose notice is not issued and is due within
    ``WARN_WORKING_DAYS`` working days or already late, soonest first."""
    today = today or timezone.localdate()
    calendar = WorkCalendar.from_settings()
    sessions = (
        sessions_visible_to(user)
        .filter(date__gte=today - dt.timedelta(days=LOOKBACK_DAYS), date__lte=today)
        .exclude(notice__number__gt="", notice__issued_on__isnull=False)
        .select_related("notice")
        .order_by("date", "pk")[:WARN_LIMIT]
    )
    found = [notice_status(s, today, calendar, getattr(s, "notice", None)) for s in sessions]
    return sorted(
        (s for s in found if s.overdue or s.due_soon), key=lambda s: (s.due or today, s.session.pk)
    )


def issued_notice_of(session_id: int) -> Notice | None:
    """The session's notice if it has been issued (number and date), else None."""
    notice = Notice.objects.filter(session_id=session_id).first()
    return notice if notice is not None and notice.is_issued else None
