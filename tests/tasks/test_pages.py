"""The directive, task, unit and leader pages, and the actions as a person does them in a browser."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from chidao.tasks.models import Task, TaskState
from chidao.tasks.services import accept_completion, report_completion


def html_of(client, user, name, *args, **params):
    client.force_login(user)
    response = client.get(reverse(name, args=args), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_directive_page_shows_its_session_issuer_text_and_every_units_task(
    client, directive, task_a, task_b, office, today
):
    Task.objects.filter(pk=task_a.pk).update(deadline=today - dt.timedelta(days=1))
    html = html_of(client, office, "tasks:directive", directive.pk)
    assert "Hoàn thành giải phóng mặt bằng khu công nghiệp Đông Sơn." in html
    assert "12/03/2026" in html and "Trịnh Văn Lâm" in html
    assert "Xã An Bình" in html and "Xã Bình Minh" in html
    assert html.count("badge badge-danger") == 1  # only An Bình's task is overdue


def test_the_directive_page_shows_the_sentence_in_its_source_report(client, directive, office):
    html = html_of(client, office, "tasks:directive", directive.pk)
    assert (
        '<mark class="mark mark-directive">Hoàn thành giải phóng mặt bằng khu công nghiệp Đông Sơn.</mark>'
        in html
    )
    assert (
        "tập trung cao độ cho công tác giải phóng mặt bằng. <mark" in html
    )  # the report around it
    assert "</mark> Cùng ngày, đoàn khảo sát" in html


def test_the_directive_page_links_its_session_only_for_those_who_may_open_it(
    client, directive, task_a, office, officer_a
):
    session_url = reverse("meetings:session", args=[directive.session_id])
    assert f'href="{session_url}"' in html_of(client, office, "tasks:directive", directive.pk)
    assert f'href="{session_url}"' not in html_of(
        client, officer_a, "tasks:directive", directive.pk
    )
    assert client.get(session_url).status_code in (403, 404)  # the page it would have linked to


def test_the_directive_page_shows_an_officer_only_their_units_task(
    client, directive, task_a, task_b, officer_a
):
    html = html_of(client, officer_a, "tasks:directive", directive.pk)
    assert "Xã An Bình" in html and "Xã Bình Minh" not in html


def test_the_task_page_offers_the_unit_its_report_forms_and_the_office_its_decisions(
    client, task_a, officer_a, office, leader
):
    unit_forms = ("progress-text", "extension-new_deadline", "impossible-reason", "complete-text")
    html = html_of(client, officer_a, "tasks:task", task_a.pk)
    assert all(f'name="{f}"' in html for f in unit_forms)
    assert 'name="edit-deadline"' not in html
    html = html_of(client, office, "tasks:task", task_a.pk)
    assert 'name="edit-deadline"' in html and not any(f'name="{f}"' in html for f in unit_forms)
    html = html_of(client, leader, "tasks:task", task_a.pk)
    assert "hx-post=" not in html  # leaders read, never act
    assert task_a.deadline.strftime("%d/%m/%Y") in html


def test_a_unit_reports_progress_and_completion_and_the_office_accepts_through_the_pages(
    client, task_a, officer_a, office
):
    client.force_login(officer_a)
    url = reverse("tasks:task", args=[task_a.pk])
    response = client.post(
        reverse("tasks:report_progress", args=[task_a.pk]),
        {"progress-version": 1, "progress-text": "Đã chi trả 30 hộ.", "progress-percent": 45},
    )
    assert (response.status_code, response["Location"]) == (302, url)
    response = client.post(
        reverse("tasks:report_completion", args=[task_a.pk]),
        {"complete-version": 2, "complete-text": "Đã bàn giao mặt bằng."},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "Chờ xác nhận hoàn thành" in response.content.decode()
    client.force_login(office)
    response = client.post(
        reverse("tasks:accept_completion", args=[task_a.pk]),
        {"accept-version": 3, "accept-note": "Đạt."},
    )
    task = Task.objects.get(pk=task_a.pk)
    assert (response.status_code, task.state, task.progress, task.version) == (
        302,
        TaskState.DONE,
        100,
        4,
    )


def test_an_extension_request_and_its_grant_through_the_pages(client, task_a, officer_a, office):
    client.force_login(officer_a)
    client.post(
        reverse("tasks:request_extension", args=[task_a.pk]),
        {
            "extension-version": 1,
            "extension-new_deadline": "15/09/2031",
            "extension-reason": "Chờ vốn.",
        },
    )
    client.force_login(office)
    assert "15/09/2031" in client.get(reverse("tasks:task", args=[task_a.pk])).content.decode()
    client.post(
        reverse("tasks:grant_extension", args=[task_a.pk]), {"grant-version": 2, "grant-note": ""}
    )
    task = Task.objects.get(pk=task_a.pk)
    assert (task.state, task.deadline) == (TaskState.EXTENDED, dt.date(2031, 9, 15))


def test_a_form_error_answers_400_and_keeps_what_was_typed(client, task_a, officer_a):
    client.force_login(officer_a)
    response = client.post(
        reverse("tasks:report_progress", args=[task_a.pk]),
        {"progress-version": 1, "progress-text": "Đã họp dân.", "progress-percent": 150},
    )
    assert response.status_code == 400
    assert "Đã họp dân." in response.content.decode()
    assert Task.objects.get(pk=task_a.pk).version == 1


def test_a_post_in_a_state_that_no_longer_allows_it_answers_409_naming_the_state(
    client, task_a, officer_a, office
):
    report_completion(task=task_a, actor=officer_a, version=1)
    accept_completion(task=task_a, actor=office, version=2)
    client.force_login(office)
    response = client.post(
        reverse("tasks:return_completion", args=[task_a.pk]),
        {"return-version": 3, "return-note": "Thiếu."},
    )
    assert response.status_code == 409 and "Hoàn thành" in response.content.decode()
    assert Task.objects.get(pk=task_a.pk).state == TaskState.DONE


def test_the_unit_page_counts_states_overdue_and_the_completion_rate(
    client, make_tasks, unit_a, officer_a, office, today
):
    done, late, _, _ = make_tasks(unit_a, 4)
    report_completion(task=done, actor=officer_a, version=1)
    accept_completion(task=done, actor=office, version=2)
    Task.objects.filter(pk=late.pk).update(deadline=today - dt.timedelta(days=3))
    client.force_login(office)
    dash = client.get(reverse("tasks:unit", args=[unit_a.pk])).context["dash"]
    assert (
        dash.counts["total"],
        dash.counts["done"],
        dash.counts["overdue"],
        dash.counts["new"],
        dash.completion_rate,
    ) == (4, 1, 1, 3, 25)
    assert dash.tasks[-1].pk == done.pk  # closed tasks come last


def test_the_leader_page_lists_the_directives_the_leader_issued_with_task_states(
    client, directive, task_a, task_b, leader, leader_person
):
    client.force_login(leader)
    page = client.get(reverse("tasks:leader", args=[leader_person.pk])).context["page"]
    assert [(d.pk, [t.unit.name for t in d.visible_tasks]) for d in page.directives] == [
        (directive.pk, ["Xã An Bình", "Xã Bình Minh"])
    ]
    assert page.counts["total"] == 2


@pytest.mark.parametrize("rows", [1, 3])
def test_the_unit_leader_and_directive_pages_read_in_a_fixed_number_of_queries(
    client,
    make_tasks,
    unit_a,
    office,
    leader_person,
    directive,
    rows,
    django_assert_max_num_queries,
):
    tasks = make_tasks(unit_a, rows)
    client.force_login(office)
    for name, arg, limit in (
        ("tasks:unit", unit_a.pk, 6),
        ("tasks:leader", leader_person.pk, 10),  # + directive counters, page ids, localities
        ("tasks:directive", tasks[0].directive_id, 6),  # + the leaders' follow-up comments
    ):
        with django_assert_max_num_queries(limit):
            assert client.get(reverse(name, args=[arg])).status_code == 200


def test_the_unit_page_shows_a_page_of_tasks_and_counts_them_all(
    client, make_tasks, unit_a, office
):
    make_tasks(unit_a, 55)
    client.force_login(office)
    response = client.get(reverse("tasks:unit", args=[unit_a.pk]), {"page": 2})
    dash = response.context["dash"]
    assert dash.counts["total"] == 55 and len(dash.tasks) == 5
    assert "Trang 2/2" in response.content.decode()


def test_the_leader_page_puts_overdue_directives_first_and_its_counters_filter(
    client, make_tasks, unit_a, office, leader_person, today
):
    _first, late, done = make_tasks(unit_a, 3, days=30)
    Task.objects.filter(pk=late.pk).update(deadline=today - dt.timedelta(days=3))
    Task.objects.filter(pk=done.pk).update(state="done")
    client.force_login(office)
    url = reverse("tasks:leader", args=[leader_person.pk])
    page = client.get(url).context["page"]
    assert page.directives[0].pk == late.directive_id
    assert page.directive_counts == {"total": 3, "overdue": 1, "open": 2, "done": 1}
    assert [d.pk for d in client.get(url, {"show": "overdue"}).context["page"].directives] == [
        late.directive_id
    ]
    assert [d.pk for d in client.get(url, {"show": "done"}).context["page"].directives] == [
        done.directive_id
    ]


def test_the_leader_pages_run_from_the_overdue_directives_into_the_others(
    client, make_tasks, unit_a, office, leader_person, today, django_assert_max_num_queries
):
    """25 directives, 3 of them overdue: page 1 is the 3 overdue ones then 17 others, page 2
    the last 5 others, in the order of the whole list (overdue first, then the session's
    date, the directive's order), each page in a fixed number of queries."""
    tasks = make_tasks(unit_a, 25, days=30)
    late = [tasks[i] for i in (4, 11, 20)]
    Task.objects.filter(pk__in=[t.pk for t in late]).update(deadline=today - dt.timedelta(days=1))
    Task.objects.filter(pk=tasks[0].pk).update(state="done")
    client.force_login(office)
    url = reverse("tasks:leader", args=[leader_person.pk])
    others = [t.directive_id for t in tasks if t not in late]  # one session: by order
    with django_assert_max_num_queries(11):  # the page's ids from both runs
        first = client.get(url).context["page"]
    with django_assert_max_num_queries(11):
        second = client.get(url, {"page": 2}).context["page"]
    assert [d.pk for d in first.directives] == [t.directive_id for t in late] + others[:17]
    assert [d.pk for d in second.directives] == others[17:]
    assert first.directive_counts == {"total": 25, "overdue": 3, "open": 24, "done": 1}
    assert (first.counts["total"], first.counts["overdue"], first.counts["done"]) == (25, 3, 1)
    overdue = client.get(url, {"show": "overdue"}).context["page"]
    assert [d.pk for d in overdue.directives] == [t.directive_id for t in late]
    open_page = client.get(url, {"show": "open", "page": 2}).context["page"]
    assert [d.pk for d in open_page.directives] == [t.directive_id for t in tasks[1:]][20:]


def test_the_leader_page_counts_the_directives_of_the_province_alone(
    client, make_tasks, unit_a, office, leader_person, today
):
    """With a session of another province in the database, the counters test each
    directive's province (not once for all): another province's directive with an overdue
    task of a unit here is counted among the tasks, not among the leader's directives."""
    from tests.tasks.conftest import make_directive, make_session

    from chidao.tasks.services import create_tasks

    _first, late = make_tasks(unit_a, 2, days=30)
    Task.objects.filter(pk=late.pk).update(deadline=today - dt.timedelta(days=3))
    elsewhere = make_directive(make_session(province_code="42"), issuer=leader_person)
    (there,) = create_tasks(directive=elsewhere, units=[unit_a], deadline=None, actor=office)
    Task.objects.filter(pk=there.pk).update(deadline=today - dt.timedelta(days=5))
    client.force_login(office)
    page = client.get(reverse("tasks:leader", args=[leader_person.pk])).context["page"]
    assert page.directive_counts == {"total": 2, "overdue": 1, "open": 2, "done": 0}
    assert page.counts["overdue"] == 2 and page.counts["total"] == 3


def test_the_leader_page_opens_for_a_person_of_elsewhere_who_directed_here(client, db, office):
    from tests.tasks.conftest import make_directive, make_session

    from chidao.organisation.models import Person

    visitor = Person.objects.create(full_name="Võ Minh Tâm", province_code="42")
    make_directive(make_session(), issuer=visitor)
    client.force_login(office)
    assert client.get(reverse("tasks:leader", args=[visitor.pk])).status_code == 200


def test_the_leader_page_is_404_for_a_person_of_another_province(client, db, office):
    from chidao.organisation.models import Person

    other = Person.objects.create(full_name="Võ Minh Tâm", province_code="42")
    client.force_login(office)
    assert client.get(reverse("tasks:leader", args=[other.pk])).status_code == 404


def test_the_task_page_shows_a_report_and_history_whose_author_was_deleted(
    client, task_a, officer_a, office
):
    from chidao.tasks.models import ProgressReport, TaskEvent
    from chidao.tasks.services import report_progress

    report_progress(
        task=task_a, actor=officer_a, version=1, text="Đã khảo sát hiện trạng", percent=20
    )
    ProgressReport.objects.filter(task=task_a).update(author=None)  # the account was deleted
    TaskEvent.objects.filter(task=task_a).update(actor=None)
    client.force_login(office)
    response = client.get(reverse("tasks:task", args=[task_a.pk]))
    assert response.status_code == 200
    assert "Đã khảo sát hiện trạng" in response.content.decode()


def test_the_extension_form_takes_a_day_as_dd_mm_yyyy_not_a_browser_date_picker(
    client, task_a, officer_a
):
    """``<input type="date">`` shows mm/dd/yyyy in an English-language Chromium."""
    page = html_of(client, officer_a, "tasks:task", task_a.pk)
    field = re.search(r'<input[^>]*name="extension-new_deadline"[^>]*>', page).group()
    assert 'type="text"' in field and 'placeholder="dd/mm/yyyy"' in field
    response = client.post(
        reverse("tasks:request_extension", args=[task_a.pk]),
        {
            "extension-version": task_a.version,
            "extension-new_deadline": "15/01/2031",
            "extension-reason": "Chờ nguồn vốn.",
        },
    )
    assert response.status_code == 302
    assert task_a.extensions.get().new_deadline == dt.date(2031, 1, 15)


def test_the_leader_page_counts_one_task_and_two_tasks_in_english(
    client, directive, task_a, task_b, leader, leader_person
):
    client.force_login(leader)
    client.cookies["django_language"] = "en"
    url = reverse("tasks:leader", args=[leader_person.pk])
    assert "<span>2 tasks</span>" in client.get(url).content.decode()
    Task.objects.filter(pk=task_b.pk).delete()
    assert "<span>1 task</span>" in client.get(url).content.decode()
