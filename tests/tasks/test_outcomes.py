"""The official classes (``chidao.tasks.outcomes``) counted by hand at the edges: the day of
the deadline, extended deadlines, no deadline, a day "as of" before the task was done."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from chidao.tasks.models import Task, TaskState, local_day
from chidao.tasks.outcomes import of_outcome, outcome_counts, with_outcome
from chidao.tasks.services import create_tasks

from .conftest import make_directive, make_session

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")
DEADLINE = dt.date(2026, 4, 30)


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=HCM)


@pytest.fixture
def new_task(db, unit_a, office):
    """A task of xã An Bình given at a session of 2/4/2026, due ``DEADLINE``; set fields."""
    session = make_session(title="Làm việc với xã Tân Phú", date=dt.date(2026, 4, 2))
    made = 0

    def make(**fields) -> Task:
        nonlocal made
        made += 1
        d = make_directive(session, text=f"Hoàn thành kè sông Mã đoạn {made}.", order=made)
        (task,) = create_tasks(directive=d, units=[unit_a], deadline=DEADLINE, actor=office)
        if "completed_at" in fields:  # its local day is stored beside it, as the services do
            fields["completed_on"] = local_day(fields["completed_at"])
        Task.objects.filter(pk=task.pk).update(**fields)
        return task

    return make


def _class(task: Task, as_of: dt.date) -> str:
    return with_outcome(Task.objects.filter(pk=task.pk), as_of).get().outcome


def test_done_late_in_the_evening_of_the_deadline_is_on_time(new_task):
    task = new_task(state=TaskState.DONE, completed_at=_at(DEADLINE, 23, 30))  # 16:30 UTC
    assert _class(task, dt.date(2026, 5, 31)) == "done_on_time"


def test_done_just_after_midnight_local_time_is_late(new_task):
    task = new_task(state=TaskState.DONE, completed_at=_at(DEADLINE + dt.timedelta(1), 0, 30))
    assert _class(task, dt.date(2026, 5, 31)) == "done_late"  # still 30/4 in UTC


def test_an_extended_deadline_counts_from_its_new_date(new_task):
    extended = new_task(
        state=TaskState.DONE,
        original_deadline=DEADLINE,
        deadline=dt.date(2026, 5, 31),
        completed_at=_at(dt.date(2026, 5, 20), 9),
    )
    assert _class(extended, dt.date(2026, 6, 30)) == "done_on_time"


def test_an_open_task_with_an_extended_deadline_is_in_time_until_the_new_date(new_task):
    task = new_task(
        state=TaskState.EXTENDED, original_deadline=DEADLINE, deadline=dt.date(2026, 5, 31)
    )
    assert _class(task, dt.date(2026, 5, 31)) == "in_time"  # due that day: still in time
    assert _class(task, dt.date(2026, 6, 1)) == "overdue"


def test_done_without_a_deadline_is_done_on_time(new_task):
    task = new_task(deadline=None, state=TaskState.DONE, completed_at=_at(dt.date(2026, 9, 1), 8))
    assert _class(task, dt.date(2026, 9, 30)) == "done_on_time"


def test_open_without_a_deadline_is_no_deadline_and_impossible_stays_apart(new_task):
    open_task = new_task(deadline=None, state=TaskState.IN_PROGRESS)
    impossible = new_task(deadline=None, state=TaskState.IMPOSSIBLE)
    assert _class(open_task, dt.date(2026, 9, 30)) == "no_deadline"
    assert _class(impossible, dt.date(2026, 9, 30)) == "impossible"


def test_a_task_done_after_the_day_counted_is_not_done_yet_on_that_day(new_task):
    task = new_task(state=TaskState.DONE, completed_at=_at(dt.date(2026, 5, 5), 10))
    assert _class(task, dt.date(2026, 4, 30)) == "in_time"
    assert _class(task, dt.date(2026, 5, 4)) == "overdue"
    assert _class(task, dt.date(2026, 5, 5)) == "done_late"


def test_a_task_without_deadline_done_after_the_day_counted_has_no_deadline_then(new_task):
    task = new_task(deadline=None, state=TaskState.DONE, completed_at=_at(dt.date(2026, 5, 5), 10))
    assert _class(task, dt.date(2026, 5, 4)) == "no_deadline"


def test_cancelled_tasks_are_in_no_class_and_not_in_the_total(new_task):
    new_task(state=TaskState.CANCELLED)  # its deadline passed: it would count as overdue
    new_task(state=TaskState.IN_PROGRESS)
    counts = outcome_counts(Task.objects.all(), dt.date(2026, 6, 1))
    assert (counts.overdue, counts.cancelled, counts.total) == (1, 1, 1)


def test_counts_and_rates_in_percent_of_the_total(new_task):
    new_task(state=TaskState.DONE, completed_at=_at(dt.date(2026, 4, 20), 9))  # on time
    new_task(state=TaskState.DONE, completed_at=_at(dt.date(2026, 5, 3), 9))  # late
    new_task(state=TaskState.IN_PROGRESS)  # overdue on 1/6
    counts = outcome_counts(Task.objects.all(), dt.date(2026, 6, 1))
    assert (counts.done_on_time, counts.done_late, counts.overdue, counts.total) == (1, 1, 1, 3)
    assert (counts.done_rate, counts.on_time_rate, counts.overdue_rate) == (66.7, 33.3, 33.3)
    assert [row[3] for row in counts.shares()] == [33.3, 33.3, 0.0, 33.3, 0.0, 0.0]


def test_no_task_has_no_rate(db):
    counts = outcome_counts(Task.objects.all(), dt.date(2026, 6, 1))
    assert counts.total == 0 and counts.on_time_rate is None and counts.done_rate is None


def test_of_outcome_lists_the_tasks_of_one_class(new_task):
    late = new_task(state=TaskState.DONE, completed_at=_at(dt.date(2026, 5, 3), 9))
    new_task(state=TaskState.DONE, completed_at=_at(dt.date(2026, 4, 3), 9))
    got = of_outcome(Task.objects.all(), "done_late", dt.date(2026, 6, 1))
    assert [t.pk for t in got] == [late.pk]
