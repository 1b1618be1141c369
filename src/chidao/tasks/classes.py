"""The official classes of tasks that government reports use, computed in the database.

- ``on_time``: done on or before the deadline (a task without deadline that is done counts here);
- ``late``: done after the deadline;
- ``in_progress``: not done, the deadline not passed on the day counted;
- ``overdue``: not done and past the deadline;
- ``no_deadline``: not done and without a deadline;
- ``impossible``: reported impossible and accepted (outside the five classes, shown apart).

"On the day counted" (``on``): a task completed after that day counts as not done yet, so a
report for a past period reads as it would have on its last day. An extended deadline counts
from its new date (``Task.deadline`` is the current one). Used by the periodic report
(documents) and meant for the dashboard; both call :func:`with_class` / :func:`class_counts`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chidao.tasks.models import Task, TaskState

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class ClassFields(TypedDict):
    """What :func:`with_class` annotates."""

    task_class: str
    done_on: dt.date | None


class TaskClass:
    ON_TIME = "on_time"
    LATE = "late"
    IN_PROGRESS = "in_progress"
    OVERDUE = "overdue"
    NO_DEADLINE = "no_deadline"
    IMPOSSIBLE = "impossible"

    ORDER = (ON_TIME, LATE, IN_PROGRESS, OVERDUE, NO_DEADLINE, IMPOSSIBLE)
    LABELS = {
        ON_TIME: _("Hoàn thành đúng hạn"),
        LATE: _("Hoàn thành quá hạn"),
        IN_PROGRESS: _("Đang thực hiện trong hạn"),
        OVERDUE: _("Quá hạn, chưa hoàn thành"),
        NO_DEADLINE: _("Không có thời hạn"),
        IMPOSSIBLE: _("Không thực hiện được"),
    }


def with_class(
    tasks: QuerySet[Task], on: dt.date | None = None
) -> QuerySet[WithAnnotations[Task, ClassFields]]:
    """Annotate ``task_class`` (a :class:`TaskClass` value) and ``done_on`` (local date)."""
    on = on or timezone.localdate()
    done_by_then = Q(state=TaskState.DONE, done_on__lte=on)
    return tasks.annotate(
        done_on=TruncDate("completed_at", tzinfo=timezone.get_current_timezone())
    ).annotate(
        task_class=Case(
            When(
                done_by_then & (Q(deadline__isnull=True) | Q(done_on__lte=F("deadline"))),
                then=Value(TaskClass.ON_TIME),
            ),
            When(done_by_then, then=Value(TaskClass.LATE)),
            When(state=TaskState.IMPOSSIBLE, then=Value(TaskClass.IMPOSSIBLE)),
            When(deadline__isnull=True, then=Value(TaskClass.NO_DEADLINE)),
            When(deadline__lt=on, then=Value(TaskClass.OVERDUE)),
            default=Value(TaskClass.IN_PROGRESS),
            output_field=CharField(),
        )
    )


@dataclass(frozen=True)
class ClassCounts:
    """How many tasks fall in each class; rates in percent of ``total`` (0 when empty)."""

    on_time: int = 0
    late: int = 0
    in_progress: int = 0
    overdue: int = 0
    no_deadline: int = 0
    impossible: int = 0

    @property
    def total(self) -> int:
        return (
            self.on_time
            + self.late
            + self.in_progress
            + self.overdue
            + self.no_deadline
            + self.impossible
        )

    @property
    def done(self) -> int:
        return self.on_time + self.late

    def rate(self, value: int) -> float:
        return round(100 * value / self.total, 1) if self.total else 0.0

    @property
    def done_rate(self) -> float:
        return self.rate(self.done)

    @property
    def on_time_rate(self) -> float:
        return self.rate(self.on_time)

    @property
    def overdue_rate(self) -> float:
        return self.rate(self.overdue)

    def items(self) -> list[tuple[str, str, int, float]]:
        """(class, label, count, percent) in the official order."""
        return [
            (c, str(TaskClass.LABELS[c]), getattr(self, c), self.rate(getattr(self, c)))
            for c in TaskClass.ORDER
        ]


def _aggregates() -> dict[str, Count]:
    return {c: Count("pk", filter=Q(task_class=c)) for c in TaskClass.ORDER}


def class_counts(tasks: QuerySet[Task], on: dt.date | None = None) -> ClassCounts:
    """The classes of ``tasks`` on day ``on``, in one query."""
    return ClassCounts(**with_class(tasks, on).aggregate(**_aggregates()))


def class_counts_by_unit(
    tasks: QuerySet[Task], on: dt.date | None = None
) -> list[tuple[int, str, ClassCounts]]:
    """(unit id, unit name, counts) per unit, most tasks first, in one query."""
    rows = (
        with_class(tasks, on).order_by().values("unit_id", "unit__name").annotate(**_aggregates())
    )
    found = [
        (r["unit_id"], r["unit__name"], ClassCounts(**{c: r[c] for c in TaskClass.ORDER}))
        for r in rows
    ]
    return sorted(found, key=lambda r: (-r[2].total, r[1]))
