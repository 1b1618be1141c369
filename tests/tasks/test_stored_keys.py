"""The columns stored on a task for speed (session date, day of completion) stay exact, and the
register read a page at a time is the register in order."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from chidao.meetings.models import Session
from chidao.organisation.models import Person, Unit, UnitKind
from chidao.tasks import queries
from chidao.tasks.models import Task, TaskState
from chidao.tasks.queries import RegisterFilters
from chidao.tasks.services import accept_completion, create_tasks, report_completion

from .conftest import make_directive, make_session

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def test_a_task_takes_its_sessions_date_and_follows_a_change_of_it(db, unit_a, office):
    session = make_session(title="Làm việc với xã Tân Lập", date=dt.date(2025, 9, 3))
    (task,) = create_tasks(
        directive=make_directive(session, text="Hoàn thành đường liên xã."),
        units=[unit_a],
        deadline=None,
        actor=office,
    )
    assert Task.objects.get(pk=task.pk).session_date == dt.date(2025, 9, 3)
    session.date = dt.date(2025, 9, 4)  # the date corrected (administration pages)
    session.save()
    assert Task.objects.get(pk=task.pk).session_date == dt.date(2025, 9, 4)
    Session.objects.get(pk=session.pk).save()  # saved again unchanged: nothing to write
    session.date = None
    session.save()
    assert Task.objects.get(pk=task.pk).session_date is None


def test_a_task_takes_its_directives_topic_and_follows_a_change_of_it(db, unit_a, office):
    session = make_session(title="Làm việc với xã Tân Lập", date=dt.date(2025, 9, 3))
    directive = make_directive(session, text="Nạo vét kênh tiêu Cầu Chày.", topic="Thủy lợi")
    (task,) = create_tasks(directive=directive, units=[unit_a], deadline=None, actor=office)
    assert Task.objects.get(pk=task.pk).topic == "Thủy lợi"
    directive.topic = "Nông nghiệp"  # the office corrects the topic
    directive.save()
    assert Task.objects.get(pk=task.pk).topic == "Nông nghiệp"
    office_filter = RegisterFilters(topic="Nông nghiệp")
    assert [t.pk for t in queries.register(office, office_filter)] == [task.pk]


def test_accepting_a_completion_stores_its_local_day(task_a, officer_a, office, monkeypatch):
    from chidao.tasks import services

    past_midnight = dt.datetime(2026, 4, 11, 0, 30, tzinfo=HCM)  # 10/4 17:30 UTC
    monkeypatch.setattr(services.timezone, "now", lambda: past_midnight)
    report_completion(task=task_a, actor=officer_a, version=task_a.version)
    task = Task.objects.get(pk=task_a.pk)
    accept_completion(task=task, actor=office, version=task.version)
    assert Task.objects.get(pk=task_a.pk).completed_on == dt.date(2026, 4, 11)


@pytest.fixture
def many(db, leader_person, unit_a, unit_b, department, office):
    """Seven directives over four sessions (one undated), two leaders, tasks in four states."""
    deputy = Person.objects.create(full_name="Lê Thị Hồng Vân", province_code="38")
    sessions = [
        make_session(title=f"Làm việc với xã Đông Hải {n}", date=day)
        for n, day in enumerate([dt.date(2024, 5, 2), dt.date(2025, 1, 9), dt.date(2026, 2, 3)])
    ]
    sessions.append(make_session(title="Buổi làm việc chưa rõ ngày"))
    Session.objects.filter(pk=sessions[-1].pk).update(date=None)
    made = []
    for i in range(7):
        session = sessions[i % 4]
        session.refresh_from_db()
        d = make_directive(
            session,
            text=f"Hoàn thành hạng mục kè biển số {i}.",
            issuer=leader_person if i % 2 else deputy,
            order=i,
        )
        units = [unit_a, unit_b, department][: 1 + i % 3]
        deadline = dt.date(2026, 1 + i, 10) if i != 3 else None
        made += create_tasks(directive=d, units=units, deadline=deadline, actor=office)
    for n, task in enumerate(made):
        state = [TaskState.NEW, TaskState.IN_PROGRESS, TaskState.DONE, TaskState.EXTENDED][n % 4]
        Task.objects.filter(pk=task.pk).update(state=state)
    return made


@pytest.mark.parametrize("sort", ["-date", "date", "state", "-state", "leader", "-unit"])
def test_every_page_of_the_register_is_the_register_in_order(many, office, leader, sort):
    for user in (office, leader):  # a leader's own directives come first
        filters = RegisterFilters(sort=sort)
        whole = [t.pk for t in queries.register(user, filters)]
        paged, number = [], 1
        while True:
            page = queries.register_page(user, filters, number, size=3)
            paged += [t.pk for t in page.object_list]
            if not page.has_next():
                break
            number += 1
        assert paged == whole and len(whole) == len(many)
        assert page.paginator.count == len(many)


@pytest.mark.parametrize("q", ["", "ke bien"])  # free text: every directive holds the words
@pytest.mark.parametrize("sort", ["-date", "state", "-state", "leader"])
@pytest.mark.parametrize("max_rows", [1, 4, 9, 13, 20])
def test_pages_counted_no_further_than_they_reach_are_the_register_in_order(
    many, office, leader, q, sort, max_rows
):
    # 13 rows: counted no further than max_rows + 1 (by state, each state so; a leader's own
    # apart; with free text, the ids the pages reach read at once), the pages are the first
    # max_rows rows of the whole register, in its order
    for user in (office, leader):
        filters = RegisterFilters(sort=sort, q=q)
        whole = [t.pk for t in queries.register(user, filters)]
        paged, number = [], 1
        while True:
            page = queries.register_page(user, filters, number, size=2, max_rows=max_rows)
            paged += [t.pk for t in page.object_list]
            if not page.has_next():
                break
            number += 1
        paginator = page.paginator  # the pages are whole: they reach max_rows rounded up
        assert paginator.reach == min(len(many), -(-max_rows // 2) * 2)
        assert paged == whole[: paginator.reach]
        assert paginator.capped == (max_rows < len(many))
        assert paginator.count == len(many) if not paginator.capped else paginator.count > max_rows
        if q and paginator.capped and "state" not in sort:  # the ids read: one past the reach
            assert paginator.count == max_rows + 1


def test_the_newest_session_comes_first_and_the_undated_last(many, office):
    rows = list(queries.register(office, RegisterFilters(sort="-date")))
    dates = [t.session_date for t in rows]
    assert dates[0] == dt.date(2026, 2, 3) and dates[-1] is None
    assert dates == sorted(dates, key=lambda d: (d is None, -(d.toordinal() if d else 0)))


def test_a_province_reader_sees_none_of_another_provinces_tasks(many, office):
    other = Unit.objects.create(
        province_code="42", kind=UnitKind.COMMUNE, level="xã", name="Xã Kỳ Phương"
    )
    session = make_session(title="Làm việc với xã Kỳ Phương", date=dt.date(2026, 3, 1))
    create_tasks(
        directive=make_directive(session, text="Hoàn thành cảng cá."),
        units=[other],
        deadline=None,
        actor=office,
    )
    page = queries.register_page(office, RegisterFilters(), 1)
    assert page.paginator.count == len(many)
    assert other.pk not in {t.unit_id for t in page.object_list}


def test_a_task_takes_its_directives_issuer_and_follows_a_change_of_it(
    db, unit_a, office, leader, leader_person
):
    session = make_session(title="Làm việc với xã Tân Lập", date=dt.date(2025, 9, 3))
    directive = make_directive(session, text="Nạo vét kênh tiêu Cầu Chày.", issuer=leader_person)
    (task,) = create_tasks(directive=directive, units=[unit_a], deadline=None, actor=office)
    assert Task.objects.get(pk=task.pk).issuer_id == leader_person.pk
    by_leader = RegisterFilters(leader=leader_person.pk)
    assert [t.pk for t in queries.register(office, by_leader)] == [task.pk]
    deputy = Person.objects.create(full_name="Lê Thị Hồng Vân", province_code="38")
    directive.issuer = deputy  # the office corrects who gave the directive
    directive.save()
    assert Task.objects.get(pk=task.pk).issuer_id == deputy.pk
    assert list(queries.register(office, by_leader)) == []
    page = queries.register_page(leader, RegisterFilters(), 1)  # no longer the leader's own
    assert page.paginator.segments[0][1] == 0 and page.paginator.count == 1
    directive.issuer = None
    directive.save()
    assert Task.objects.get(pk=task.pk).issuer_id is None


def test_the_generators_tasks_carry_their_directives_issuer(db, unit_a, office, leader_person):
    from chidao.tasks.services import refresh_session_dates

    session = make_session(title="Làm việc với xã Tân Lập", date=dt.date(2025, 9, 3))
    directive = make_directive(session, text="Nạo vét kênh tiêu Cầu Chày.", issuer=leader_person)
    (task,) = create_tasks(directive=directive, units=[unit_a], deadline=None, actor=office)
    Task.objects.filter(pk=task.pk).update(issuer=None)  # as a raw insert leaves it
    assert refresh_session_dates(tasks=Task.objects.all()) == 1
    assert Task.objects.get(pk=task.pk).issuer_id == leader_person.pk
