"""``chidao remind``: due within N days, overdue (first day late, then weekly), idempotent."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from chidao.notifications.models import Notification, NotificationKind
from chidao.notifications.services import overdue_slot, remind
from chidao.tasks import services as tasks
from chidao.tasks.models import Task

DAY = dt.date(2026, 6, 10)


@pytest.fixture
def due(directive, unit_a, unit_b, office, mailed):
    """An Bình's task due in two days, Bình Minh's due three days ago; the creation notices
    already e-mailed and read."""
    a, b = tasks.create_tasks(
        directive=directive, units=[unit_a, unit_b], deadline=None, actor=office
    )
    Task.objects.filter(pk=a.pk).update(deadline=DAY + dt.timedelta(days=2))
    Task.objects.filter(pk=b.pk).update(deadline=DAY - dt.timedelta(days=3))
    Notification.objects.update(email_pending=False)
    return a, b


def reminders() -> list[tuple[str, int, str]]:
    rows = Notification.objects.filter(
        kind__in=[NotificationKind.DUE_SOON, NotificationKind.OVERDUE]
    )
    return list(rows.order_by("kind", "task_id").values_list("kind", "recipient__username", "key"))


def test_it_reminds_the_due_and_the_overdue_to_their_units(due):
    a, b = due
    done = remind(today=DAY, days=3)
    assert (done.due_soon, done.overdue, done.emails) == (1, 1, 2)
    assert reminders() == [
        (NotificationKind.DUE_SOON, "canbo_anbinh", f"due:{a.pk}:2026-06-12"),
        (NotificationKind.OVERDUE, "canbo_binhminh", f"overdue:{b.pk}:2026-06-08"),
    ]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "canbo.anbinh@example.vn",
        "canbo.binhminh@example.vn",
    ]


def test_twice_the_same_day_stores_and_sends_nothing_twice(due):
    first = remind(today=DAY, days=3)
    again = remind(today=DAY, days=3)
    assert (first.due_soon + first.overdue, first.emails) == (2, 2)
    assert (again.due_soon, again.overdue, again.emails) == (0, 0, 0)
    assert len(reminders()) == 2
    assert len(mail.outbox) == 2


def test_an_overdue_task_is_reminded_on_its_first_day_late_then_a_week_later(due):
    remind(today=DAY, days=3)  # Bình Minh's task (due 7/6): first overdue reminder
    overdue = {d: remind(today=dt.date(2026, 6, d), days=3).overdue for d in range(11, 21)}
    # An Bình's task (due 12/6) is late from 13/6; Bình Minh's gets its weekly one on 15/6
    assert overdue == {11: 0, 12: 0, 13: 1, 14: 0, 15: 1, 16: 0, 17: 0, 18: 0, 19: 0, 20: 1}


def test_a_new_deadline_after_an_extension_is_reminded_again(due):
    a, _ = due
    remind(today=DAY, days=3)
    Task.objects.filter(pk=a.pk).update(deadline=DAY + dt.timedelta(days=3))
    assert remind(today=DAY, days=3).due_soon == 1


def test_closed_and_waiting_tasks_are_not_reminded(due, officer_a, officer_b, office):
    a, b = due
    tasks.report_completion(task=a, actor=officer_a, version=1, text="Xong.")
    tasks.report_completion(task=b, actor=officer_b, version=1, text="Xong.")
    assert remind(today=DAY, days=3) == type(remind(today=DAY, days=3))(0, 0, 0)
    assert reminders() == []


def test_the_database_refuses_a_second_notice_with_the_same_key(due, officer_a):
    a, _ = due
    remind(today=DAY, days=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(
            recipient=officer_a,
            kind=NotificationKind.DUE_SOON,
            task=a,
            key=f"due:{a.pk}:2026-06-12",
            day=DAY,
        )


@pytest.mark.parametrize(
    ("deadline", "today", "slot"),
    [
        (dt.date(2026, 6, 7), dt.date(2026, 6, 8), dt.date(2026, 6, 8)),
        (dt.date(2026, 6, 7), dt.date(2026, 6, 14), dt.date(2026, 6, 8)),
        (dt.date(2026, 6, 7), dt.date(2026, 6, 15), dt.date(2026, 6, 15)),
        (dt.date(2026, 6, 7), dt.date(2026, 6, 29), dt.date(2026, 6, 29)),
    ],
)
def test_an_overdue_task_is_reminded_the_first_day_late_then_weekly(deadline, today, slot):
    assert overdue_slot(deadline, today) == slot


def test_the_command_reports_what_it_did_and_refuses_a_bad_date(due):
    out = StringIO()
    call_command("remind", "--date", "2026-06-10", "--days", "3", stdout=out)
    assert out.getvalue().strip() == (
        "remind 2026-06-10: 1 due within 3 days, 1 overdue, 2 e-mails sent"
    )
    with pytest.raises(CommandError, match="--date must be YYYY-MM-DD, got '10/06/2026'"):
        call_command("remind", "--date", "10/06/2026")
    with pytest.raises(CommandError, match="--days must be 0 or more, got -1"):
        call_command("remind", "--days", "-1")
