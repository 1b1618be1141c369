"""The official classes of a task's outcome, computed in the database, for any set of tasks.

Reports on the follow-up of directives count tasks in five classes (as of ``today``):

- ``done_on_time``: done, completed on or before its deadline (the deadline in force: an
  extension granted moves it); done the day of the deadline is on time;
- ``done_late``: done, completed after its deadline;
- ``in_time``: not closed, deadline today or later (in progress within the deadline);
- ``overdue``: not closed, deadline before today;
- ``no_deadline``: no deadline (whatever the state).

A task reported impossible (closed without being done) is in none of the five: it is
counted as ``impossible``. ``outcome(today)`` is the class as a database expression, so a
page, a report or an export counts with ``outcome_counts`` / ``outcomes_by`` /
``outcomes_by_month`` and filters with ``of_outcome`` in one query each.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import Case as CaseExpr
from django.db.models import CharField, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chidao.tasks.models import Task, TaskState

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class OutcomeFields(TypedDict):
    """What :func:`with_outcome` annotates."""

    outcome: str
    done_on: dt.date | None


CLASSES: list[tuple[str, Any]] = [
    ("done_on_time", _("Hoàn thành đúng hạn")),
    ("done_late", _("Hoàn thành quá hạn")),
    ("in_time", _("Đang thực hiện trong hạn")),
    ("overdue", _("Quá hạn chưa hoàn thành")),
    ("no_deadline", _("Không có thời hạn")),
]
IMPOSSIBLE = "impossible"
KEYS = [key for key, _label in CLASSES] + [IMPOSSIBLE]


def outcome(today: dt.date | None = None) -> CaseExpr:
    """The class of each task on ``today`` (``timezone.localdate()`` by default)."""
    today = today or timezone.localdate()
    return CaseExpr(
        When(deadline__isnull=True, then=Value("no_deadline")),
        When(state=TaskState.IMPOSSIBLE, then=Value(IMPOSSIBLE)),
        When(
            Q(state=TaskState.DONE) & Q(done_on__lte=F("deadline")),
            then=Value("done_on_time"),
        ),
        When(state=TaskState.DONE, then=Value("done_late")),
        When(deadline__lt=today, then=Value("overdue")),
        default=Value("in_time"),
        output_field=CharField(),
    )


def with_outcome(
    tasks: QuerySet[Task], today: dt.date | None = None
) -> QuerySet[WithAnnotations[Task, OutcomeFields]]:
    """Annotate ``outcome`` (and ``done_on``, the local day of completion)."""
    return tasks.annotate(done_on=TruncDate("completed_at")).annotate(outcome=outcome(today))


def of_outcome(tasks: QuerySet[Task], key: str, today: dt.date | None = None) -> QuerySet[Task]:
    """The tasks of one class (``key`` one of ``KEYS``)."""
    return with_outcome(tasks, today).filter(outcome=key)


@dataclass
class Outcomes:
    """How many tasks in each class, with the rates reports quote."""

    done_on_time: int = 0
    done_late: int = 0
    in_time: int = 0
    overdue: int = 0
    no_deadline: int = 0
    impossible: int = 0

    @property
    def total(self) -> int:
        return sum(getattr(self, k) for k in KEYS)

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    @property
    def done_rate(self) -> int | None:
        """Done (on time or late) among the tasks with a deadline, in %."""
        base = self.total - self.no_deadline
        return round(100 * self.done / base) if base else None

    @property
    def on_time_rate(self) -> int | None:
        """Done on time among the tasks whose deadline came (done, or overdue), in %."""
        base = self.done + self.overdue
        return round(100 * self.done_on_time / base) if base else None

    def items(self) -> list[tuple[str, Any, int]]:
        return [(key, label, getattr(self, key)) for key, label in CLASSES]


def _counts(rows: dict[str, int]) -> Outcomes:
    return Outcomes(**{k: rows.get(k, 0) for k in KEYS})


def outcome_counts(tasks: QuerySet[Task], today: dt.date | None = None) -> Outcomes:
    """The classes of ``tasks`` (one query)."""
    rows = with_outcome(tasks, today).order_by().values("outcome").annotate(n=Count("pk"))
    return _counts({r["outcome"]: r["n"] for r in rows})


@dataclass
class Group:
    """The classes of the tasks of one unit, leader or field."""

    key: Any
    label: str
    outcomes: Outcomes


def outcomes_by(
    tasks: QuerySet[Task],
    field: str,
    label_field: str,
    today: dt.date | None = None,
) -> list[Group]:
    """The classes per value of ``field`` (``unit``, ``directive__issuer``,
    ``directive__topic``), ranked by on-time rate then done rate (best first), one query."""
    rows = (
        with_outcome(tasks, today)
        .order_by()
        .values(field, label_field, "outcome")
        .annotate(n=Count("pk"))
    )
    groups: dict[Any, dict[str, Any]] = {}
    for r in rows:
        g = groups.setdefault(r[field], {"label": r[label_field] or "", "rows": {}})
        g["rows"][r["outcome"]] = r["n"]
    out = [Group(key=k, label=v["label"], outcomes=_counts(v["rows"])) for k, v in groups.items()]
    out.sort(
        key=lambda g: (
            -(g.outcomes.on_time_rate if g.outcomes.on_time_rate is not None else -1),
            -(g.outcomes.done_rate if g.outcomes.done_rate is not None else -1),
            -g.outcomes.total,
            g.label,
        )
    )
    return out


def outcomes_by_month(
    tasks: QuerySet[Task], date_field: str, today: dt.date | None = None
) -> list[tuple[dt.date, Outcomes]]:
    """The classes per month of ``date_field`` (e.g. the session's date), oldest first."""
    rows = (
        with_outcome(tasks, today)
        .exclude(**{f"{date_field}__isnull": True})
        .annotate(month=TruncMonth(date_field))
        .order_by()
        .values("month", "outcome")
        .annotate(n=Count("pk"))
    )
    months: dict[dt.date, dict[str, int]] = {}
    for r in rows:
        month = r["month"]
        if isinstance(month, dt.datetime):
            month = month.date()
        months.setdefault(month, {})[r["outcome"]] = r["n"]
    return [(m, _counts(months[m])) for m in sorted(months)]


__all__ = [
    "CLASSES",
    "IMPOSSIBLE",
    "KEYS",
    "Group",
    "Outcomes",
    "of_outcome",
    "outcome",
    "outcome_counts",
    "outcomes_by",
    "outcomes_by_month",
    "with_outcome",
]
