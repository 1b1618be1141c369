"""The dashboard's figures against values counted by hand, at the edges of the periods."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from tests.tasks.conftest import make_directive, make_session

from chidao.insight.dashboard import Scope, chart, dashboard, period_of
from chidao.tasks.models import Task, TaskState, local_day
from chidao.tasks.outcomes import outcome_counts, outcomes_by_fields
from chidao.tasks.services import create_tasks

TODAY = dt.date(2026, 6, 1)
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def _set(task, **fields):
    if "completed_at" in fields:  # its local day is stored beside it, as the services do
        fields["completed_on"] = local_day(fields["completed_at"])
    Task.objects.filter(pk=task.pk).update(**fields)


def _at(day, hour=15):
    return dt.datetime.combine(day, dt.time(hour), tzinfo=HCM)


@pytest.fixture
def quarter(db, leader_person, unit_a, unit_b, office):
    """31/3 (last day of Q1): four tasks; 1/4 (first day of Q2): three tasks."""
    s_march = make_session(title="Làm việc với xã An Bình", date=dt.date(2026, 3, 31))
    s_april = make_session(title="Làm việc với xã Bình Minh", date=dt.date(2026, 4, 1))
    d = [
        make_directive(
            s_march,
            text=f"Việc tháng ba số {i}.",
            issuer=leader_person,
            topic="Giao thông",
            order=i,
        )
        for i in range(4)
    ] + [
        make_directive(s_april, text=f"Việc tháng tư số {i}.", topic="Y tế", order=i)
        for i in range(3)
    ]
    t = [
        create_tasks(
            directive=x,
            units=[unit_a if i < 4 else unit_b],
            deadline=dt.date(2026, 4, 10),
            actor=office,
        )[0]
        for i, x in enumerate(d)
    ]
    _set(
        t[0], state=TaskState.DONE, completed_at=_at(dt.date(2026, 4, 10), 23)
    )  # the deadline's day
    _set(t[1], state=TaskState.DONE, completed_at=_at(dt.date(2026, 4, 11), 1))  # the day after
    _set(  # extended to 30/5, done 1/5: on time
        t[2],
        state=TaskState.DONE,
        original_deadline=dt.date(2026, 4, 10),
        deadline=dt.date(2026, 5, 30),
        completed_at=_at(dt.date(2026, 5, 1)),
    )
    _set(t[3], state=TaskState.IN_PROGRESS, deadline=TODAY)  # due today: still in time
    _set(t[4], state=TaskState.EXTENDED, deadline=dt.date(2026, 5, 31))  # due yesterday: overdue
    _set(t[5], deadline=None)
    _set(t[6], state=TaskState.IMPOSSIBLE)
    return t


def test_the_classes_at_the_deadlines_edges(quarter):
    got = outcome_counts(Task.objects.all(), TODAY)
    assert (got.done_on_time, got.done_late, got.in_time, got.overdue, got.no_deadline) == (
        2,
        1,
        1,
        1,
        1,
    )
    assert got.impossible == 1 and got.total == 7
    assert got.on_time_rate == 28.6 and got.done_rate == 42.9  # of the 7 tasks


def test_a_quarter_holds_the_sessions_of_its_last_day_not_the_next(quarter, office):
    q1 = dashboard(office, period_of("quarter", year=2026, number=1), Scope(), TODAY)
    assert q1.directives == 4
    assert (q1.outcomes.done_on_time, q1.outcomes.done_late, q1.outcomes.in_time) == (2, 1, 1)
    assert q1.outcomes.overdue == q1.outcomes.no_deadline == 0
    q2 = dashboard(office, period_of("quarter", year=2026, number=2), Scope(), TODAY)
    assert q2.directives == 3
    assert (q2.outcomes.overdue, q2.outcomes.no_deadline, q2.outcomes.impossible) == (1, 1, 1)


def test_months_rankings_and_most_overdue(quarter, office, unit_a, unit_b, leader_person):
    year = dashboard(office, period_of("year", year=2026), Scope(), TODAY)
    assert [(m.month, m.outcomes.total) for m in year.months] == [
        (dt.date(2026, 3, 1), 4),
        (dt.date(2026, 4, 1), 3),
    ]
    by_unit = {g.key: g.outcomes for g in year.rankings[0].groups}
    assert by_unit[unit_a.pk].on_time_rate == 50.0 and by_unit[unit_b.pk].overdue == 1
    assert [g.key for g in year.rankings[0].groups] == [unit_a.pk, unit_b.pk]  # best rate first
    assert [g.key for g in year.rankings[1].groups] == [leader_person.pk]
    assert {g.key for g in year.rankings[2].groups} == {"Giao thông", "Y tế"}
    assert [t.pk for t in year.most_overdue] == [quarter[4].pk]


@pytest.mark.parametrize("together", [(), ("directive__issuer_id", "topic")])
def test_one_statement_groups_per_field_as_the_register_counts_each_group(
    quarter, office, unit_a, unit_b, leader_person, together
):
    """``outcomes_by_fields`` (the dashboard's rankings and months, read in one statement)
    against ``outcome_counts`` of each group's own tasks, and the rankings' labels; fields
    grouped ``together`` and folded give the same groups (the tasks without a leader still
    count in their topic)."""
    tasks = Task.objects.all()
    assert tasks.filter(directive__issuer__isnull=True).exists()
    by_unit, by_leader, by_topic, by_day = outcomes_by_fields(
        tasks,
        ["unit_id", "directive__issuer_id", "topic", "session_date"],
        TODAY,
        together=together,
    )
    assert by_unit == {u.pk: outcome_counts(tasks.filter(unit=u), TODAY) for u in (unit_a, unit_b)}
    assert by_leader == {
        leader_person.pk: outcome_counts(tasks.filter(pk__in=[t.pk for t in quarter[:4]]), TODAY)
    }
    assert by_topic == {
        t: outcome_counts(tasks.filter(topic=t), TODAY) for t in ("Giao thông", "Y tế")
    }
    assert by_day == {
        d: outcome_counts(tasks.filter(session_date=d), TODAY)
        for d in (dt.date(2026, 3, 31), dt.date(2026, 4, 1))
    }
    year = dashboard(office, period_of("year", year=2026), Scope(), TODAY)
    assert [g.label for g in year.rankings[0].groups] == [unit_a.name, unit_b.name]
    assert [g.label for g in year.rankings[1].groups] == [leader_person.full_name]


def test_a_scope_narrows_every_figure(quarter, office, unit_b):
    scoped = dashboard(office, period_of("year", year=2026), Scope(unit=unit_b.pk), TODAY)
    assert scoped.directives == 3 and scoped.outcomes.total == 3


def test_every_class_links_to_the_same_tasks_in_the_register(quarter, client, office):
    client.force_login(office)
    for number in (1, 2):  # the register counts as of the real day: so does this dashboard
        board = dashboard(office, period_of("quarter", year=2026, number=number), Scope())
        for key, _label, n, url in board.class_links:
            listed = client.get(url).context["page"].paginator.count
            assert listed == n, key


def test_periods_and_their_errors():
    assert period_of("month", year=2024, number=2).end == dt.date(2024, 2, 29)
    assert period_of("quarter", year=2026, number=4).start == dt.date(2026, 10, 1)
    with pytest.raises(ValueError, match="13"):
        period_of("month", year=2026, number=13)
    with pytest.raises(ValueError):
        period_of("custom", date_from=dt.date(2026, 5, 2), date_to=dt.date(2026, 5, 1))


def test_the_chart_stacks_one_bar_a_class_and_month(quarter, office):
    year = dashboard(office, period_of("year", year=2026), Scope(), TODAY)
    drawn = chart(year.months)
    assert sum(b.n for b in drawn.bars) == 6  # the impossible task is not a class
    assert {b.key for b in drawn.bars} == {
        "done_on_time",
        "done_late",
        "in_time",
        "overdue",
        "no_deadline",
    }


def test_the_page_in_a_fixed_number_of_queries(
    quarter, client, office, django_assert_max_num_queries
):
    client.force_login(office)
    # the session, the user, the profile; the dashboard's ten (insight.tallies)
    with django_assert_max_num_queries(13):
        response = client.get(reverse("insight:dashboard"), {"period": "year", "year": 2026})
    html = response.content.decode()
    assert (
        response.status_code == 200 and "<svg" in html and "<script" not in html.split("<main")[-1]
    )


def test_a_wrong_month_is_named_and_the_year_shown(quarter, client, office):
    client.force_login(office)
    response = client.get(reverse("insight:dashboard"), {"period": "month", "number": "13"})
    assert response.status_code == 200
    assert "Tháng/Quý:" in response.content.decode()  # the field's label, not its name


def test_officers_cannot_open_it(client, officer_a):
    client.force_login(officer_a)
    assert client.get(reverse("insight:dashboard")).status_code == 403


def test_a_custom_period_is_typed_and_shown_as_dd_mm_yyyy(quarter, client, office):
    client.force_login(office)
    response = client.get(
        reverse("insight:dashboard"),
        {"period": "custom", "date_from": "01/04/2026", "date_to": "30/04/2026"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="01/04/2026"' in page and 'value="30/04/2026"' in page
    assert 'type="date"' not in page  # Chromium would show mm/dd/yyyy in English
    assert response.context["board"].period.start == dt.date(2026, 4, 1)


def test_the_dashboard_and_the_periodic_report_count_a_period_alike(quarter, office, unit_b):
    """Both class through ``tasks.outcomes``: a task done without deadline is done on time in
    both, and a report's "as of" the period's last day is the dashboard's day."""
    from chidao.documents import report

    _set(quarter[5], state=TaskState.DONE, completed_at=_at(dt.date(2026, 5, 5)))
    q2 = period_of("quarter", year=2026, number=2)
    board = dashboard(office, q2, Scope(unit=unit_b.pk), q2.end)
    content = report.report_content(
        Task.objects.filter(unit__province_code="38"),
        province_code="38",
        period=report.period_of("quarter", 2026, 2),
        scope=report.Scope(unit=unit_b),
        today=dt.date(2026, 12, 7),
    )
    assert content.totals == board.outcomes
    assert (board.outcomes.done_on_time, board.outcomes.overdue, board.outcomes.impossible) == (
        1,
        1,
        1,
    )


def test_the_scope_is_named_on_the_page(quarter, client, office, unit_a, leader_person):
    client.force_login(office)
    response = client.get(
        reverse("insight:dashboard"),
        {"unit": unit_a.pk, "leader": leader_person.pk, "topic": "Giao thông"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Đơn vị: Xã An Bình" in page
    assert "Người chỉ đạo: Trịnh Văn Lâm" in page
    assert "Lĩnh vực: Giao thông" in page
    assert '<ul class="errorlist">' not in page


def test_a_unit_or_leader_that_names_nothing_is_said_so(quarter, client, office):
    client.force_login(office)
    response = client.get(reverse("insight:dashboard"), {"unit": 999999, "leader": 888888})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Không có đơn vị số 999999 trong tỉnh." in page
    assert "Không có người chỉ đạo số 888888 trong tỉnh." in page


def test_a_unit_of_another_province_is_not_named(quarter, client, office):
    from chidao.organisation.models import Unit, UnitKind

    other = Unit.objects.create(
        province_code="40", kind=UnitKind.COMMUNE, level="xã", name="Xã Hương Sơn"
    )
    client.force_login(office)
    page = client.get(reverse("insight:dashboard"), {"unit": other.pk}).content.decode()
    assert "Xã Hương Sơn" not in page
    assert f"Không có đơn vị số {other.pk} trong tỉnh." in page


def test_the_scope_errors_are_in_english_when_english_is_chosen(quarter, client, office):
    client.force_login(office)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("insight:dashboard"), {"unit": 999999}).content.decode()
    assert "No unit number 999999 in the province." in page


def test_with_no_period_chosen_the_field_shows_the_year_the_page_shows(client, office):
    client.force_login(office)
    page = client.get(reverse("insight:dashboard")).content.decode()
    assert '<option value="year" selected>' in page
    assert '<option value="month" selected>' not in page
