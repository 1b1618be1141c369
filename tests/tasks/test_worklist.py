"""The office's work list: what needs the office now."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from chidao.tasks import queries
from chidao.tasks.models import Task
from chidao.tasks.services import report_completion, request_extension


def test_it_lists_completions_extension_requests_overdue_by_unit_and_due_soon(
    make_tasks, unit_a, unit_b, officer_a, officer_b, office, today
):
    done_a, ext_a, late_a = make_tasks(unit_a, 3)
    late_b1, late_b2, soon_b, far_b = make_tasks(unit_b, 4)
    report_completion(task=done_a, actor=officer_a, version=1)
    request_extension(
        task=ext_a,
        actor=officer_a,
        version=1,
        new_deadline=today + dt.timedelta(days=40),
        reason="Chờ vốn.",
    )
    Task.objects.filter(pk__in=[late_a.pk, late_b1.pk, late_b2.pk]).update(
        deadline=today - dt.timedelta(days=2)
    )
    Task.objects.filter(pk=far_b.pk).update(deadline=today + dt.timedelta(days=60))
    work = queries.worklist(office, today)
    assert [t.pk for t in work.to_confirm] == [done_a.pk]
    assert [(t.pk, t.pending_request.new_deadline) for t in work.extension_requests] == [
        (ext_a.pk, today + dt.timedelta(days=40))
    ]
    assert [(u.name, [t.pk for t in ts]) for u, ts in work.overdue_by_unit.items()] == [
        ("Xã Bình Minh", [late_b1.pk, late_b2.pk]),
        ("Xã An Bình", [late_a.pk]),
    ]
    assert [t.pk for t in work.due_soon] == [soon_b.pk]
    assert work.counts == {
        "to_confirm": 1,
        "extension_requests": 1,
        "overdue": 3,
        "overdue_units": 2,
        "due_soon": 1,
    }


def test_it_renders_the_requested_date_and_reason(
    client, make_tasks, unit_a, officer_a, office, today
):
    (task,) = make_tasks(unit_a, 1)
    request_extension(
        task=task,
        actor=officer_a,
        version=1,
        new_deadline=dt.date(2031, 1, 15),
        reason="Chờ điều chỉnh quy hoạch.",
    )
    client.force_login(office)
    html = client.get(reverse("tasks:worklist")).content.decode()
    assert "15/01/2031" in html and "Chờ điều chỉnh quy hoạch." in html


@pytest.mark.parametrize("rows", [1, 3, 30])
def test_it_reads_the_worklist_in_a_fixed_number_of_queries(
    client, make_tasks, unit_a, officer_a, office, today, rows, django_assert_max_num_queries
):
    tasks = make_tasks(unit_a, rows)
    for t in tasks:
        request_extension(
            task=t,
            actor=officer_a,
            version=1,
            new_deadline=today + dt.timedelta(days=40),
            reason="Chờ vốn.",
        )
    client.force_login(office)
    Task.objects.filter(pk__in=[t.pk for t in tasks]).update(deadline=today - dt.timedelta(days=1))
    # sign-in (3); counts, four sections, pending requests, overdue units, the ids of their
    # most overdue tasks and those tasks (8);
    # the sessions whose conclusion notice is due (documents, 1)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("tasks:worklist"))
    work = response.context["work"]
    assert len(work.extension_requests) == min(rows, queries.WORKLIST_SHOWN)
    assert work.counts["extension_requests"] == work.counts["overdue"] == rows
    assert [len(ts) for ts in work.overdue_by_unit.values()] == [min(rows, queries.ROWS_PER_UNIT)]
