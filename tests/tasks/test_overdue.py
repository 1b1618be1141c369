""" "Quá hạn" is derived from the deadline and the clock, never stored."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from chidao.tasks import queries
from chidao.tasks.models import Task
from chidao.tasks.services import accept_completion, report_completion, report_impossible

DEADLINE = dt.date(2026, 6, 30)


@pytest.fixture
def due_task(task_a):
    Task.objects.filter(pk=task_a.pk).update(deadline=DEADLINE)
    task_a.refresh_from_db()
    return task_a


def freeze(monkeypatch, day: dt.date) -> None:
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: day)


def test_it_is_not_overdue_on_the_deadline_and_is_the_day_after(due_task):
    assert due_task.is_overdue(today=DEADLINE) is False
    assert due_task.is_overdue(today=DEADLINE + dt.timedelta(days=1)) is True


def test_it_follows_the_clock_without_any_write(due_task, monkeypatch):
    freeze(monkeypatch, DEADLINE)
    assert (due_task.is_overdue(), Task.objects.filter(queries.overdue_q()).count()) == (False, 0)
    freeze(monkeypatch, DEADLINE + dt.timedelta(days=1))
    assert (due_task.is_overdue(), list(Task.objects.filter(queries.overdue_q()))) == (
        True,
        [due_task],
    )
    assert Task.objects.get(pk=due_task.pk).version == 1  # nothing was written


def test_it_never_counts_a_closed_task_overdue(due_task, officer_a, office):
    report_completion(task=due_task, actor=officer_a, version=1)
    accept_completion(task=due_task, actor=office, version=2)
    late = DEADLINE + dt.timedelta(days=30)
    assert due_task.is_overdue(today=late) is False
    assert Task.objects.filter(queries.overdue_q(late)).count() == 0


def test_it_never_counts_an_impossible_task_overdue(due_task, officer_a):
    report_impossible(task=due_task, actor=officer_a, version=1, reason="Dự án dừng.")
    assert Task.objects.filter(queries.overdue_q(DEADLINE + dt.timedelta(days=2))).count() == 0


def test_it_counts_a_task_awaiting_confirmation_as_overdue_until_accepted(due_task, officer_a):
    report_completion(task=due_task, actor=officer_a, version=1)
    assert Task.objects.filter(queries.overdue_q(DEADLINE + dt.timedelta(days=2))).count() == 1


def test_it_annotates_querysets_with_the_flag_of_the_day(due_task, task_b):
    Task.objects.filter(pk=task_b.pk).update(deadline=None)
    flags = dict(
        queries.with_overdue(Task.objects.all(), DEADLINE + dt.timedelta(days=1)).values_list(
            "unit__name", "overdue"
        )
    )
    assert flags == {"Xã An Bình": True, "Xã Bình Minh": False}


def test_it_shows_the_overdue_badge_on_the_task_page_once_the_date_passes(
    client, due_task, officer_a, monkeypatch
):
    client.force_login(officer_a)
    freeze(monkeypatch, DEADLINE)
    assert "Quá hạn" not in client.get(reverse("tasks:task", args=[due_task.pk])).content.decode()
    freeze(monkeypatch, DEADLINE + dt.timedelta(days=1))
    assert "Quá hạn" in client.get(reverse("tasks:task", args=[due_task.pk])).content.decode()


def test_it_filters_the_register_by_the_derived_overdue_state(
    client, due_task, task_b, office, monkeypatch
):
    Task.objects.filter(pk=task_b.pk).update(deadline=DEADLINE + dt.timedelta(days=10))
    client.force_login(office)
    freeze(monkeypatch, DEADLINE + dt.timedelta(days=1))
    page = client.get(reverse("tasks:register"), {"state": "overdue"}).context["page"]
    assert [t.unit.name for t in page.object_list] == ["Xã An Bình"]
    freeze(monkeypatch, DEADLINE + dt.timedelta(days=11))
    page = client.get(reverse("tasks:register"), {"state": "overdue"}).context["page"]
    assert sorted(t.unit.name for t in page.object_list) == ["Xã An Bình", "Xã Bình Minh"]
