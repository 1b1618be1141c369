"""A unit's dossier: sessions (its predecessors' before July 2025 too), tasks by the official
classes with rates, petitions and answers, indicators as series; bounded; 404 when not yours."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from tests.tasks.conftest import make_directive, make_session

from chidao.meetings.models import ItemKind, Petition, PetitionState, SessionItem
from chidao.meetings.petitions import create_petitions
from chidao.organisation.models import Unit, UnitKind
from chidao.tasks.models import Task, TaskState, local_day
from chidao.tasks.services import create_tasks

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def district(db, unit_a):
    """Huyện Đông Thọ before the reform; xã An Bình is one of its successors."""
    old = Unit.objects.create(
        province_code="38",
        kind=UnitKind.DISTRICT,
        level="huyện",
        name="Huyện Đông Thọ",
        short_name="Đông Thọ",
        valid_to=dt.date(2025, 6, 30),
    )
    old.successors.add(unit_a)
    return old


def _indicator(session, text, value, unit):
    SessionItem.objects.create(
        session=session, kind=ItemKind.INDICATOR, text=text, data={"value": value, "unit": unit}
    )


@pytest.fixture
def history(db, district, unit_a, unit_b, department, leader_person, office):
    """A 2024 session with the district, a 2026 one with xã An Bình, one with xã Bình Minh."""
    old = make_session(title="Bí thư Tỉnh ủy làm việc với huyện Đông Thọ", date=dt.date(2024, 9, 5))
    old.localities.add(district)
    new = make_session(title="Chủ tịch UBND tỉnh làm việc với xã An Bình", date=dt.date(2026, 3, 2))
    new.localities.add(unit_a)
    new.chairs.add(leader_person)
    other = make_session(title="Kiểm tra đê biển xã Bình Minh", date=dt.date(2026, 4, 8))
    other.localities.add(unit_b)
    _indicator(
        old, "Năm 2024, tổng thu ngân sách trên địa bàn huyện đạt 210,5 tỷ đồng", 210.5, "tỷ đồng"
    )
    _indicator(
        new, "quý I năm 2026 tổng thu ngân sách của xã ước đạt 12,5 tỷ đồng", 12.5, "tỷ đồng"
    )
    _indicator(new, "tỷ lệ hộ nghèo còn 2,1%", 2.1, "%")
    _indicator(other, "tổng thu ngân sách trên địa bàn xã đạt 99 tỷ đồng", 99, "tỷ đồng")
    SessionItem.objects.create(
        session=new,
        kind=ItemKind.PETITION,
        text="Xã An Bình kiến nghị Sở Tài chính hỗ trợ vốn làm đường liên thôn.",
    )
    SessionItem.objects.create(
        session=other, kind=ItemKind.PETITION, text="Xã Bình Minh đề nghị bổ sung giáo viên."
    )
    for s in (old, new, other):
        create_petitions(session=s)
    Petition.objects.filter(session=new).update(
        state=PetitionState.ANSWERED, answer="Sở Tài chính bố trí vốn năm 2027."
    )
    outcomes = [  # (deadline, state, completed)
        (dt.date(2026, 4, 30), TaskState.DONE, dt.date(2026, 4, 20)),  # on time
        (dt.date(2026, 4, 30), TaskState.DONE, dt.date(2026, 5, 10)),  # late
        (dt.date(2026, 7, 31), TaskState.IN_PROGRESS, None),  # in time
        (dt.date(2026, 5, 15), TaskState.IN_PROGRESS, None),  # overdue
        (None, TaskState.NEW, None),  # no deadline
    ]
    for i, (deadline, state, done) in enumerate(outcomes):
        d = make_directive(new, text=f"Hoàn thành hạng mục số {i + 1} của dự án đường ven sông.")
        (t,) = create_tasks(directive=d, units=[unit_a], deadline=deadline, actor=office)
        completed = dt.datetime(done.year, done.month, done.day, 9, tzinfo=dt.UTC) if done else None
        Task.objects.filter(pk=t.pk).update(  # the local day stored beside, as services do
            state=state, completed_at=completed, completed_on=local_day(completed)
        )
    d = make_directive(other, text="Gia cố đê biển Bình Minh trước mùa mưa bão.")
    create_tasks(directive=d, units=[unit_b], deadline=dt.date(2026, 9, 1), actor=office)
    return {"old": old, "new": new, "other": other}


def _dossier(user, unit):
    from chidao.insight.dossier import dossier

    return dossier(user, unit, today=TODAY)


def test_it_counts_the_units_tasks_by_the_official_classes(history, office, unit_a):
    d = _dossier(office, unit_a)

    o = d.outcomes
    assert (o.done_on_time, o.done_late, o.in_time, o.overdue, o.no_deadline) == (1, 1, 1, 1, 1)
    assert o.done_rate == 40.0  # 2 done of the 5 (the rates are of all the unit's tasks)
    assert o.on_time_rate == 20.0
    assert d.tasks.paginator.count == 5


def test_the_task_list_shows_one_class_when_asked(history, office, unit_a):
    from chidao.insight.dossier import dossier

    d = dossier(office, unit_a, outcome="overdue", today=TODAY)

    assert [t.directive.text for t in d.tasks.object_list] == [
        "Hoàn thành hạng mục số 4 của dự án đường ven sông."
    ]
    assert d.tasks.paginator.count == 1


def test_a_pre_2025_districts_sessions_appear_in_its_successors_dossier(
    history, office, unit_a, unit_b, district
):
    d = _dossier(office, unit_a)

    rows = [(r.session.title, [u.name for u in r.former]) for r in d.session_rows]
    assert rows == [
        ("Chủ tịch UBND tỉnh làm việc với xã An Bình", []),
        ("Bí thư Tỉnh ủy làm việc với huyện Đông Thọ", ["Huyện Đông Thọ"]),
    ]
    assert d.predecessors == [district]
    other = [r.session.title for r in _dossier(office, unit_b).session_rows]
    assert other == ["Kiểm tra đê biển xã Bình Minh"]  # not a successor of the district


def test_a_pre_2025_districts_tasks_appear_in_its_successors_dossier_marked_as_before(
    client, history, office, unit_a, unit_b, district
):
    old = history["old"]
    late = make_directive(old, text="Huyện rà soát quy hoạch vùng nuôi trồng thủy sản.")
    done = make_directive(old, text="Huyện hoàn thành cấp nước sạch cho các thôn ven biển.")
    (t_late,) = create_tasks(
        directive=late, units=[district], deadline=dt.date(2025, 3, 31), actor=office
    )
    (t_done,) = create_tasks(
        directive=done, units=[district], deadline=dt.date(2025, 3, 31), actor=office
    )
    finished = dt.datetime(2025, 3, 20, 9, tzinfo=dt.UTC)
    Task.objects.filter(pk=t_done.pk).update(
        state=TaskState.DONE, completed_at=finished, completed_on=local_day(finished)
    )

    d = _dossier(office, unit_a)

    (group,) = d.former_groups
    assert (group.key, group.label) == (district.pk, "Huyện Đông Thọ")
    assert (group.outcomes.total, group.outcomes.overdue, group.outcomes.done_on_time) == (2, 1, 1)
    assert {t.pk for t in d.former_tasks.object_list} == {t_late.pk, t_done.pk}
    # apart from the commune's own tasks and rates
    assert t_late.pk not in {t.pk for t in d.tasks.object_list}
    assert d.outcomes.total == 5
    assert _dossier(office, unit_b).former_groups == []  # not a successor of the district

    client.force_login(office)
    html = client.get(reverse("insight:dossier", args=[unit_a.pk])).content.decode()
    section = html[html.index('id="former"') :]
    assert "Huyện rà soát quy hoạch vùng nuôi trồng thủy sản." in section
    assert "trước 7/2025: Huyện Đông Thọ" in section
    overdue_link = f"?unit={district.pk}&amp;outcome=overdue"
    assert overdue_link in section
    register = client.get(
        reverse("tasks:register"), {"unit": district.pk, "outcome": "overdue"}
    ).content.decode()
    assert "Huyện rà soát quy hoạch vùng nuôi trồng thủy sản." in register
    assert "Huyện hoàn thành cấp nước sạch" not in register


def test_the_predecessors_tasks_come_a_page_at_a_time_newest_session_first(
    history, office, unit_a, district
):
    from chidao.insight.dossier import dossier

    made = []
    for i in range(22):
        s = make_session(title=f"Làm việc với huyện lần {i}", date=dt.date(2024, 1, 1 + i))
        d = make_directive(s, text=f"Huyện thực hiện việc số {i}.")
        made += create_tasks(directive=d, units=[district], deadline=None, actor=office)
    newest_first = [t.pk for t in reversed(made)]

    first = dossier(office, unit_a, today=TODAY).former_tasks
    second = dossier(office, unit_a, former_page_number=2, today=TODAY).former_tasks

    assert first.paginator.count == 22 and first.paginator.num_pages == 2
    assert [t.pk for t in first.object_list] == newest_first[:20]
    assert [t.pk for t in second.object_list] == newest_first[20:]
    assert {t.outcome for t in first.object_list} == {"no_deadline"}


def test_the_same_indicator_from_several_reports_is_one_series(history, office, unit_a):
    d = _dossier(office, unit_a)

    series = {c.series.label: [(p.day, p.value) for p in c.series.points] for c in d.charts}
    assert series == {
        "tổng thu ngân sách (tỷ đồng)": [(dt.date(2024, 9, 5), 210.5), (dt.date(2026, 3, 2), 12.5)],
        "tỷ lệ hộ nghèo (%)": [(dt.date(2026, 3, 2), 2.1)],
    }


def test_it_lists_the_units_petitions_with_their_answers(history, office, unit_a):
    d = _dossier(office, unit_a)

    assert [(p.item.text[:20], p.answer) for p in d.petitions] == [
        ("Xã An Bình kiến nghị", "Sở Tài chính bố trí vốn năm 2027.")
    ]
    counts = {c.state: c.n for c in d.petition_counts}
    assert counts["answered"] == 1 and counts["open"] == 0


def test_the_page_shows_the_sessions_classes_chart_and_petitions(client, history, office, unit_a):
    client.force_login(office)

    html = client.get(reverse("insight:dossier", args=[unit_a.pk])).content.decode()

    assert "Hồ sơ đơn vị" in html and "Xã An Bình" in html
    assert "trước 7/2025: Huyện Đông Thọ" in html
    assert "Quá hạn, chưa hoàn thành" in html and "40%" in html
    assert "<polyline" in html and "Sở Tài chính bố trí vốn năm 2027." in html
    assert "Kiểm tra đê biển" not in html  # xã Bình Minh's session


def test_an_officer_opens_their_own_units_dossier_and_no_other(
    client, history, officer_a, unit_a, unit_b
):
    client.force_login(officer_a)

    own = client.get(reverse("insight:dossier", args=[unit_a.pk]))
    assert own.status_code == 200
    assert "Bí thư Tỉnh ủy làm việc với huyện Đông Thọ" in own.content.decode()
    assert client.get(reverse("insight:dossier", args=[unit_b.pk])).status_code == 404
    assert client.get(reverse("insight:dossier", args=[999999])).status_code == 404


def test_htmx_asks_for_the_next_page_of_tasks_only(client, history, office, unit_a, monkeypatch):
    from chidao.insight import dossier

    monkeypatch.setattr(dossier, "TASKS_PAGE", 2)
    client.force_login(office)

    response = client.get(
        reverse("insight:dossier", args=[unit_a.pk]) + "?tp=2&part=tasks", HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="tasks">')
    assert "Trang 2/3" in html and "Các buổi làm việc" not in html


@pytest.mark.parametrize("rows", [1, 25])
def test_it_reads_the_dossier_in_a_fixed_number_of_queries(
    client, history, office, unit_a, district, rows, django_assert_max_num_queries
):
    for i in range(rows):
        s = make_session(title=f"Làm việc lần {i} với xã An Bình", date=dt.date(2026, 1, 1 + i))
        s.localities.add(unit_a)
        _indicator(s, "tổng thu ngân sách trên địa bàn xã đạt 10 tỷ đồng", 10 + i, "tỷ đồng")
        d = make_directive(s, text=f"Nhiệm vụ số {i} của xã.")
        create_tasks(
            directive=d, units=[unit_a, district], deadline=dt.date(2026, 12, 1), actor=office
        )
    client.force_login(office)
    # sign-in (3); the unit (1), predecessors (1), sessions count and page and their chairs (3),
    # the predecessors' sessions of the page (1), classes (1), tasks page (1), petitions and
    # their counts (2), indicators (1) and the office's names of them (1), the predecessors'
    # tasks by class, their page's ids and rows (3)
    with django_assert_max_num_queries(18):
        response = client.get(reverse("insight:dossier", args=[unit_a.pk]))
    assert response.status_code == 200
