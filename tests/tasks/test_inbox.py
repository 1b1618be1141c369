"""The unit officer's inbox: overdue, due soon, waiting on the office, the others; counts on top."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from chidao.tasks import queries
from chidao.tasks.models import Task, TaskState
from chidao.tasks.services import (
    accept_completion,
    report_completion,
    report_impossible,
    request_extension,
    return_completion,
    start,
)


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
    assert box.counts == {
        "overdue": 1,
        "due_soon": 1,
        "new": 1,
        "returned": 0,
        "in_progress": 0,
        "waiting": 2,
        "done": 1,
    }


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


@pytest.mark.parametrize("rows", [1, 3, 25])
def test_it_reads_the_inbox_in_a_fixed_number_of_queries(
    client, make_tasks, unit_a, officer_a, rows, django_assert_max_num_queries
):
    # sign-in and profile (4), the grouped counts (1), one query per non-empty section, however many rows
    make_tasks(unit_a, rows)
    client.force_login(officer_a)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("tasks:inbox"))
    box = response.context["box"]
    assert box.counts["due_soon"] == rows
    assert len(box.due_soon) == min(rows, queries.SECTION_SHOWN)


def test_a_section_alone_pages_through_all_its_tasks(
    client, make_tasks, unit_a, officer_a, django_assert_max_num_queries
):
    made = make_tasks(unit_a, 55)
    set_deadline(made[7], made[7].deadline - dt.timedelta(days=1))  # the first of the section
    client.force_login(officer_a)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("tasks:inbox"), {"section": "due_soon", "page": 2})
    box = response.context["box"]
    assert box.page.number == 2 and len(box.due_soon) == 5
    assert "Trang 2/2" in response.content.decode()
    first = queries.inbox(officer_a, section="due_soon", page=1).due_soon
    # the pages are the section in order (by deadline, then id), with every row's annotations
    expected = [made[7].pk] + [t.pk for t in made if t.pk != made[7].pk]
    assert [t.pk for t in first + box.due_soon] == expected
    assert all(t.section == "due_soon" and not t.returned for t in first + box.due_soon)


def test_it_ranks_new_returned_in_progress_waiting_and_done(
    make_tasks, unit_a, officer_a, office, today
):
    new, returned, working, waiting, done = make_tasks(unit_a, 5, days=30)
    report_completion(task=returned, actor=officer_a, version=1)
    return_completion(task=returned, actor=office, version=2, note="Thiếu biên bản nghiệm thu.")
    start(task=working, actor=officer_a, version=1)
    report_completion(task=waiting, actor=officer_a, version=1)
    report_completion(task=done, actor=officer_a, version=1)
    accept_completion(task=done, actor=office, version=2)

    box = queries.inbox(officer_a, today)

    assert [(s.key, [t.pk for t in s.tasks]) for s in box.sections] == [
        ("overdue", []),
        ("due_soon", []),
        ("new", [new.pk]),
        ("returned", [returned.pk]),
        ("in_progress", [working.pk]),
        ("waiting", [waiting.pk]),
        ("done", [done.pk]),
    ]


def test_a_returned_report_due_soon_comes_first_of_its_section(
    make_tasks, unit_a, officer_a, office, today
):
    plain, returned = make_tasks(unit_a, 2, days=2)
    report_completion(task=returned, actor=officer_a, version=1)
    return_completion(task=returned, actor=office, version=2, note="Thiếu ảnh hiện trường.")

    (first, second) = queries.inbox(officer_a, today).due_soon

    assert (first.pk, first.returned, second.pk) == (returned.pk, True, plain.pk)


def test_the_counters_filter_and_empty_sections_fold(client, make_tasks, unit_a, officer_a):
    make_tasks(unit_a, 2, days=30, text="Kiểm kê rừng phòng hộ {i}.")
    client.force_login(officer_a)

    page = client.get(reverse("tasks:inbox")).content.decode()
    only_new = client.get(reverse("tasks:inbox"), {"section": "waiting"}).content.decode()

    assert '<details class="inbox-section" id="new" open>' in page
    assert '<details class="inbox-section" id="overdue">' in page  # empty: folded
    assert 'href="?section=new"' in page
    assert 'id="waiting"' in only_new and 'id="new"' not in only_new
    assert "Kiểm kê rừng phòng hộ 1." not in only_new


def test_the_office_s_note_is_at_the_top_of_a_returned_task(
    client, make_tasks, unit_a, officer_a, office
):
    (task,) = make_tasks(unit_a, 1, days=30)
    report_completion(task=task, actor=officer_a, version=1)
    return_completion(task=task, actor=office, version=2, note="Thiếu biên bản nghiệm thu.")
    client.force_login(officer_a)

    page = client.get(reverse("tasks:task", args=[task.pk])).content.decode()

    note = page.index("Văn phòng trả lại báo cáo hoàn thành")
    assert note < page.index("Thao tác") and "Thiếu biên bản nghiệm thu." in page[note:]


def test_the_section_counts_are_those_of_each_task_s_section(
    make_tasks, unit_a, officer_a, office, today
):
    # every state, deadlines past, today, within and past the week, none; a returned report
    # with a far deadline and one due soon: the counts read from the index and the history
    # are the sections the rows are put in, task by task
    made = make_tasks(unit_a, 16, days=30)
    returned_far, returned_soon, reported = made[0], made[1], made[2]
    for task in (returned_far, returned_soon):
        report_completion(task=task, actor=officer_a, version=1)
        return_completion(task=task, actor=office, version=2, note="Bổ sung hồ sơ.")
    report_completion(task=reported, actor=officer_a, version=1)
    set_deadline(returned_soon, today + dt.timedelta(days=3))
    states = [s for s in TaskState]
    offsets = [-5, 0, 7, 8, None]
    for i, task in enumerate(made[3:]):
        deadline = None if offsets[i % 5] is None else today + dt.timedelta(days=offsets[i % 5])
        Task.objects.filter(pk=task.pk).update(state=states[i % len(states)], deadline=deadline)
    rows = queries.with_returned(queries.with_overdue(Task.objects.filter(unit=unit_a), today))
    expected: dict[str, int] = {}
    for task in rows:
        key = queries.inbox_section_of(task, today)
        expected[key] = expected.get(key, 0) + 1
    assert queries.inbox(officer_a, today).counts == {
        key: expected.get(key, 0) for key, _label in queries.INBOX_SECTIONS
    }
    assert expected.get("returned") == 1 and expected.get("in_progress")
