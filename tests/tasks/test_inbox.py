"""The unit officer's inbox: overdue, due soon, waiting on the office, the others; counts on top."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from chidao.tasks import queries
from chidao.tasks.models import Task
from chidao.tasks.services import report_completion, report_impossible, request_extension


def set_deadline(task, deadline):
    Task.objects.filter(pk=task.pk).update(deadline=deadline)


def test_it_sorts_the_officers_tasks_into_sections(make_tasks, unit_a, officer_a, today):
    overdue, soon, later, waiting, extension, closed = make_tasks(unit_a, 6)
    set_deadline(overdue, today - dt.timedelta(days=1))
    set_deadline(soon, today + dt.timedelta(days=7))
    set_deadline(later, today + dt.timedelta(days=8))
    report_completion(task=waiting, actor=officer_a, version=1)
    request_extension(
        task=extension,
        actor=officer_a,
        version=1,
        new_deadline=today + dt.timedelta(days=30),
        reason="Mưa bão.",
    )
    report_impossible(task=closed, actor=officer_a, version=1, reason="Không còn quỹ đất.")
    box = queries.inbox(officer_a, today)
    assert [t.pk for t in box.overdue] == [overdue.pk]
    assert [t.pk for t in box.due_soon] == [soon.pk]
    assert {t.pk for t in box.waiting} == {waiting.pk, extension.pk}
    assert [t.pk for t in box.others] == [later.pk]
    assert box.counts == {"overdue": 1, "due_soon": 1, "waiting": 2, "others": 1, "closed": 1}


def test_it_shows_only_the_officers_own_unit(make_tasks, unit_a, unit_b, officer_b, today):
    make_tasks(unit_a, 2)
    own = make_tasks(unit_b, 1)
    box = queries.inbox(officer_b, today)
    assert [t.pk for t in box.due_soon + box.overdue + box.waiting + box.others] == [own[0].pk]


def test_it_renders_the_counts_and_the_directive_text(client, make_tasks, unit_a, officer_a):
    make_tasks(unit_a, 2, text="Hoàn thiện hồ sơ nông thôn mới kiểu mẫu {i}.")
    client.force_login(officer_a)
    response = client.get(reverse("tasks:inbox"))
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["box"].counts["due_soon"] == 2
    assert (
        "Hoàn thiện hồ sơ nông thôn mới kiểu mẫu 1." in html
        and "Hoàn thiện hồ sơ nông thôn mới kiểu mẫu 2." in html
    )


@pytest.mark.parametrize("rows", [1, 3])
def test_it_reads_the_inbox_in_a_fixed_number_of_queries(
    client, make_tasks, unit_a, officer_a, rows, django_assert_max_num_queries
):
    make_tasks(unit_a, rows)
    client.force_login(officer_a)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("tasks:inbox"))
    assert len(response.context["box"].due_soon) == rows
