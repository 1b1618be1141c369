"""The dashboard's roll-up (``insight.tallies``): every kind of write keeps it equal to the tasks
counted from scratch, and the dashboard read from it is the dashboard counted from the tasks,
for any day and period."""

from __future__ import annotations

import datetime as dt
import importlib
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from tests.tasks.conftest import make_directive, make_session

from chidao.insight import tallies
from chidao.insight.dashboard import Scope, dashboard, period_of
from chidao.meetings.models import Directive, Session
from chidao.organisation.models import Person, Unit, UnitKind
from chidao.tasks import access
from chidao.tasks.models import Task, TaskState, local_day
from chidao.tasks.services import (
    accept_completion,
    cancel_open_tasks,
    create_tasks,
    edit_task,
    grant_extension,
    reopen,
    report_completion,
    report_impossible,
    request_extension,
    restore_cancelled,
    return_completion,
    start,
)

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = dt.date(2026, 6, 1)


def exact():
    """The stored rows are the tasks' count now."""
    assert tallies.drift() == {}


def _fresh(task):
    return Task.objects.get(pk=task.pk)


def _set(task, **fields):
    if "completed_at" in fields:
        fields["completed_on"] = local_day(fields["completed_at"])
    Task.objects.filter(pk=task.pk).update(**fields)


def _at(day, hour=15):
    return dt.datetime.combine(day, dt.time(hour), tzinfo=HCM)


@pytest.fixture
def spring(db, leader_person, unit_a, unit_b, department, office):
    """Eleven tasks of sessions on 31/3, 1/4, 15/4 and 2/5/2026, in every class around 1/6
    (the eleventh, of 31/3, due at the end of 2027)."""
    sessions = [
        make_session(title=f"Làm việc với xã số {i}", date=day)
        for i, day in enumerate(
            [dt.date(2026, 3, 31), dt.date(2026, 4, 1), dt.date(2026, 4, 15), dt.date(2026, 5, 2)]
        )
    ]
    other = Person.objects.create(full_name="Lê Thị Hòa", province_code="38")
    made = []
    for i in range(10):
        d = make_directive(
            sessions[i % 4],
            text=f"Việc số {i}.",
            issuer=leader_person if i % 3 else (other if i % 2 else None),
            topic=["Giao thông", "Y tế", ""][i % 3],
            order=i,
        )
        unit = [unit_a, unit_b, department][i % 3]
        made += create_tasks(directive=d, units=[unit], deadline=dt.date(2026, 5, 31), actor=office)
    _set(made[0], state=TaskState.DONE, completed_at=_at(dt.date(2026, 5, 31), 23))  # on the day
    _set(made[1], state=TaskState.DONE, completed_at=_at(dt.date(2026, 6, 1), 1))  # the day after
    _set(  # extended, done before the new deadline
        made[2],
        state=TaskState.DONE,
        original_deadline=dt.date(2026, 5, 31),
        deadline=dt.date(2026, 6, 30),
        completed_at=_at(dt.date(2026, 6, 10)),
    )
    _set(made[3], state=TaskState.IN_PROGRESS, deadline=TODAY)  # due on the day
    _set(made[4], state=TaskState.EXTENDED, deadline=dt.date(2026, 5, 30))
    _set(made[5], deadline=None)
    _set(made[6], state=TaskState.IMPOSSIBLE)
    _set(made[7], state=TaskState.CANCELLED)
    _set(made[8], state=TaskState.DONE, deadline=None, completed_at=_at(dt.date(2026, 4, 20)))
    far = make_directive(sessions[0], text="Việc dài hạn.", topic="Giao thông", order=10)
    made += create_tasks(
        directive=far, units=[unit_b], deadline=dt.date(2027, 12, 31), actor=office
    )
    return made


def _live(monkeypatch, user, period, as_of):
    """The dashboard counted from the tasks (the path of a user who sees one unit)."""
    with monkeypatch.context() as m:
        m.setattr(access, "sees_every_task", lambda _user: False)
        return dashboard(user, period, Scope(), as_of)


def _figures(b):
    return (
        b.directives,
        b.outcomes,
        [(r.param, [(g.key, g.label, g.outcomes) for g in r.groups]) for r in b.rankings],
        [(m.month, m.outcomes) for m in b.months],
        [t.pk for t in b.most_overdue],
    )


PERIODS = [
    period_of("year", year=2026),
    period_of("quarter", year=2026, number=2),
    period_of("month", year=2026, number=4),
    period_of("custom", date_from=dt.date(2026, 3, 31), date_to=dt.date(2026, 4, 30)),
    period_of("custom", date_from=dt.date(2026, 4, 1), date_to=dt.date(2026, 5, 2)),
    period_of("custom", date_from=dt.date(2026, 4, 2), date_to=dt.date(2026, 4, 20)),
    period_of("custom", date_from=dt.date(2025, 12, 1), date_to=dt.date(2026, 12, 31)),
]
DAYS = [
    dt.date(2026, 4, 19),  # before any completion: done tasks not done yet
    dt.date(2026, 5, 30),  # the extended task's deadline
    dt.date(2026, 5, 31),  # the deadline: nothing overdue yet
    TODAY,  # the day after: overdue, and the task done that day is late
    dt.date(2026, 7, 1),  # past the extended deadline
    dt.date(2026, 10, 15),  # March's sessions read from before the recent months, April's after
    dt.date(2027, 3, 1),  # every session from before the recent months
]


@pytest.mark.parametrize("as_of", DAYS)
def test_the_rollup_reads_what_the_tasks_count_on_any_day_and_period(
    spring, office, monkeypatch, as_of
):
    assert access.sees_every_task(office)
    used = []
    real = tallies.outcomes_from_tallies
    monkeypatch.setattr(tallies, "outcomes_from_tallies", lambda *a: used.append(a) or real(*a))
    for period in PERIODS:
        counted = _live(monkeypatch, office, period, as_of)
        assert _figures(dashboard(office, period, Scope(), as_of)) == _figures(counted), period
    assert len(used) == len(PERIODS) - 1  # 2/4-20/4 holds no whole month: counted


@pytest.mark.parametrize("as_of", DAYS)
def test_tasks_done_on_no_known_day_are_read_as_open(spring, office, monkeypatch, as_of):
    """Done without a day of completion (written outside the services): never "done by" a
    day, so overdue, in time or without deadline like an open task, both ways alike."""
    _set(spring[9], state=TaskState.DONE, completed_at=None)  # due 31/5
    _set(spring[5], state=TaskState.DONE, completed_at=None)  # no deadline
    exact()
    for period in PERIODS:
        counted = _live(monkeypatch, office, period, as_of)
        assert _figures(dashboard(office, period, Scope(), as_of)) == _figures(counted), period
    q2 = dashboard(office, period_of("quarter", year=2026, number=2), Scope(), as_of)
    assert q2.outcomes.overdue == (as_of > dt.date(2026, 5, 31)) + (as_of > dt.date(2026, 6, 1))


def test_hand_counted_figures_of_the_spring_quarter(spring, office):
    """Q2 on 1/6: the sessions of 1/4 (tasks 1, 5, 9), 15/4 (2, 6) and 2/5 (3, 7)."""
    q2 = dashboard(office, period_of("quarter", year=2026, number=2), Scope(), TODAY)
    o = q2.outcomes
    # 1: done 1/6 after 31/5: late; 2: extended, done 10/6: not done yet on 1/6, in time;
    # 3 due 1/6: in time; 5: no deadline; 6: impossible; 7: cancelled; 9: new, due 31/5: overdue
    assert (o.done_on_time, o.done_late, o.in_time, o.overdue, o.no_deadline) == (0, 1, 2, 1, 1)
    assert (o.impossible, o.cancelled, o.total) == (1, 1, 6)
    assert [(m.month, m.outcomes.total) for m in q2.months] == [
        (dt.date(2026, 4, 1), 5),  # 1, 2, 5, 6, 9
        (dt.date(2026, 5, 1), 1),  # 3 (and the cancelled 7)
    ]


def test_every_write_keeps_the_rollup_equal_to_the_tasks(
    spring, office, officer_a, officer_b, unit_a, unit_b, leader_person
):
    exact()
    t = _fresh(spring[9])  # new, unit_a, due 31/5
    assert t.unit_id == unit_a.pk
    t = start(task=t, actor=officer_a, version=t.version)
    exact()
    report_completion(task=t, actor=officer_a, version=_fresh(t).version)
    exact()
    t = return_completion(task=t, actor=office, version=_fresh(t).version, note="Thiếu hồ sơ.")
    exact()
    report_completion(task=t, actor=officer_a, version=_fresh(t).version)
    t = accept_completion(task=t, actor=office, version=_fresh(t).version)
    assert _fresh(t).state == TaskState.DONE and _fresh(t).completed_on is not None
    exact()
    t = _fresh(spring[3])  # in progress, unit_a, due 1/6
    request_extension(
        task=t,
        actor=officer_a,
        version=t.version,
        new_deadline=dt.date(2027, 1, 31),
        reason="Chờ vốn.",
    )
    exact()
    t = grant_extension(task=t, actor=office, version=_fresh(t).version)
    assert _fresh(t).deadline == dt.date(2027, 1, 31)
    exact()
    t = edit_task(task=t, actor=office, version=_fresh(t).version, deadline=None)  # no deadline
    exact()
    t = edit_task(task=t, actor=office, version=_fresh(t).version, unit=unit_b)  # reassigned
    exact()
    t = report_impossible(task=t, actor=officer_b, version=_fresh(t).version, reason="Hết vốn.")
    exact()
    t = reopen(task=t, actor=office, version=_fresh(t).version, note="Làm lại.")
    exact()
    cancel_open_tasks(tasks=[_fresh(spring[3]), _fresh(spring[4])], actor=office, reason="Rút.")
    exact()
    restore_cancelled(tasks=[_fresh(spring[3]), _fresh(spring[4])], actor=office, note="Lại.")
    exact()


def test_edits_of_sessions_directives_units_and_people_move_their_tasks(
    spring, office, unit_a, unit_b, leader_person
):
    session = Session.objects.get(pk=spring[0].directive.session_id)
    session.date = dt.date(2026, 7, 2)  # to another month
    session.save()
    assert _fresh(spring[0]).session_date == dt.date(2026, 7, 2)
    exact()
    session.date = None
    session.save()
    exact()
    directive = Directive.objects.get(pk=spring[1].directive_id)
    directive.topic = "Nông nghiệp"
    directive.issuer = None
    directive.save()
    assert _fresh(spring[1]).topic == "Nông nghiệp"
    exact()
    Person.objects.filter(pk=leader_person.pk).delete()  # the tasks' issuer set to none
    assert not Task.objects.filter(issuer_id=leader_person.pk).exists()
    exact()
    Task.objects.filter(unit=unit_a).update(unit=unit_b)  # a unit merged into another
    exact()
    Directive.objects.filter(pk=spring[2].directive_id).delete()  # its tasks with it
    exact()
    Session.objects.filter(pk=spring[3].directive.session_id).delete()
    assert Task.objects.count() < len(spring)
    exact()
    Task.objects.all().delete()
    exact()
    assert tallies.stored() == {}


def test_a_new_directive_with_tasks_for_several_units(spring, office, unit_a, unit_b, department):
    session = make_session(title="Kiểm tra đê biển", date=dt.date(2026, 8, 3))
    create_tasks(
        directive=make_directive(session, text="Gia cố đê biển.", topic="Thủy lợi"),
        units=[unit_a, unit_b, department],
        deadline=None,
        actor=office,
    )
    exact()
    year = dashboard(office, period_of("month", year=2026, number=8), Scope(), TODAY)
    assert year.outcomes.no_deadline == 3 and len(year.rankings[0].groups) == 3


def test_a_scope_or_another_province_never_reads_the_rollup(spring, office, monkeypatch):
    def refuse(*args):
        raise AssertionError("the roll-up counts every task")

    year = period_of("year", year=2026)
    monkeypatch.setattr(tallies, "outcomes_from_tallies", refuse)
    scoped = dashboard(office, year, Scope(topic="Y tế"), TODAY)  # tasks 1, 4, 7 (cancelled)
    assert scoped.outcomes.total == 2
    Unit.objects.create(
        province_code="01", kind=UnitKind.WARD, level="phường", name="Phường Ba Đình", code="1"
    )
    assert not access.sees_every_task(office)  # another province's unit in the database
    assert dashboard(office, year, Scope(), TODAY).outcomes.total == 10  # all but the cancelled


def test_the_dashboard_in_the_same_number_of_queries_for_more_tasks(
    spring, office, unit_a, django_assert_num_queries
):
    """Nine for a period of recent sessions on a day no task was done after: the user's
    province, the stored rows, the overdue tasks, the tasks done after the day, units,
    leaders, the most overdue tasks' ids and rows, the directives; one more on a past day
    with tasks done since, one more for the tasks still in time of older sessions."""
    year, after = period_of("year", year=2026), dt.date(2026, 7, 1)
    with django_assert_num_queries(10):
        dashboard(office, year, Scope(), TODAY)  # task 2 done 10/6
    with django_assert_num_queries(10):
        dashboard(office, year, Scope(), dt.date(2026, 10, 15))  # sessions before April: old
    with django_assert_num_queries(9) as few:
        dashboard(office, year, Scope(), after)
    session = make_session(title="Làm việc với xã thêm", date=dt.date(2026, 9, 9))
    for i in range(15):
        create_tasks(
            directive=make_directive(session, text=f"Việc thêm {i}.", order=i),
            units=[unit_a],
            deadline=dt.date(2026, 5, 1 + i),
            actor=office,
        )
    with django_assert_num_queries(len(few.captured_queries)):
        dashboard(office, year, Scope(), after)


def test_the_command_finds_a_wrong_row_and_rebuilds(spring, capsys):
    call_command("tallies")
    assert "count" in capsys.readouterr().out
    with connection.cursor() as cursor:
        cursor.execute("UPDATE insight_tally_unit SET n = n + 5")
    with pytest.raises(CommandError, match="tallies --rebuild"):
        call_command("tallies")
    call_command("tallies", rebuild=True)
    exact()


def test_the_migration_counts_the_existing_tasks(spring):
    migration = importlib.import_module("chidao.insight.migrations.0002_task_tallies")
    statements = {"sqlite": migration.SQLITE, "postgresql": migration.POSTGRESQL}
    fill = [s for s in statements[connection.vendor] if s.startswith("INSERT INTO insight_tally")]
    assert len(fill) == 2
    want = tallies.counted()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM insight_tally_unit")
        cursor.execute("DELETE FROM insight_tally_lead")
        for sql in fill:
            cursor.execute(sql)
    assert tallies.stored() == want and want


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_a_truncate_of_the_tasks_empties_the_rollup(spring):
    """A test database's flush on PostgreSQL truncates the tables (no row triggers)."""
    assert tallies.stored()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the fixture's checks, done now
        cursor.execute("TRUNCATE tasks_task CASCADE")
    assert tallies.stored() == {} and tallies.counted() == {}


def test_months_within_a_period():
    assert tallies.months_within(dt.date(2026, 1, 1), dt.date(2026, 12, 31)) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 1),
    )
    assert tallies.months_within(dt.date(2026, 3, 31), dt.date(2026, 5, 30)) == (
        dt.date(2026, 4, 1),
        dt.date(2026, 4, 1),
    )
    assert tallies.months_within(dt.date(2026, 4, 2), dt.date(2026, 4, 30)) is None
    assert tallies.months_within(dt.date(2025, 12, 1), dt.date(2026, 1, 31)) == (
        dt.date(2025, 12, 1),
        dt.date(2026, 1, 1),
    )
    assert tallies.month_end(2026, 2) == dt.date(2026, 2, 28)
