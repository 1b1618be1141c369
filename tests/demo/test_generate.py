"""``chidao generate``: a generated province for benchmarks, never on a real database."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from chidao.demo.generate import GenerateError, generate
from chidao.meetings.models import Directive, Session
from chidao.organisation.models import LEGACY_KINDS, LOCAL_KINDS
from chidao.tasks.models import Task, TaskEvent, TaskState

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def province(db):
    return generate(tasks=600, today=TODAY, seed=7)


def test_it_makes_the_number_of_tasks_asked(province):
    assert province.tasks == Task.objects.count() == 600
    assert Directive.objects.count() == province.directives >= 150
    assert TaskEvent.objects.count() >= 600


def test_every_state_and_missing_deadlines_occur(province):
    states = set(Task.objects.values_list("state", flat=True))
    # a cancelled task comes only from a correction of a session (a withdrawn directive)
    assert states == set(TaskState.values) - {TaskState.CANCELLED}
    assert Task.objects.filter(deadline=None).exists()
    assert Task.objects.filter(original_deadline__isnull=False, state=TaskState.EXTENDED).exists()
    overdue = Task.objects.filter(deadline__lt=TODAY).exclude(
        state__in=[TaskState.DONE, TaskState.IMPOSSIBLE]
    )
    assert overdue.exists()


def test_sessions_span_five_years_districts_before_the_reform(province):
    dates = Session.objects.order_by("date").values_list("date", flat=True)
    assert dates.first() < dt.date(2022, 1, 1) and dates.last() > dt.date(2026, 1, 1)
    before = Session.objects.filter(date__lt=dt.date(2025, 7, 1)).first()
    after = Session.objects.filter(date__gte=dt.date(2025, 7, 1)).first()
    assert before.localities.get().kind in LEGACY_KINDS
    assert after.localities.get().kind in LOCAL_KINDS


def test_units_are_skewed(province):
    from django.db.models import Count

    counts = list(
        Task.objects.values("unit")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("n", flat=True)
    )
    assert counts[0] >= 5 * counts[len(counts) // 2]


def test_a_second_run_changes_nothing(province):
    again = generate(tasks=600, today=TODAY, seed=7)
    assert again.already and Task.objects.count() == 600


def test_it_refuses_a_database_with_real_users(db):
    get_user_model().objects.create_user(username="nguyenvana", password="x-long-password-1")
    with pytest.raises(GenerateError, match="nguyenvana"):
        generate(tasks=10)
    assert not Task.objects.exists()


def test_the_command_names_the_refusal(db):
    get_user_model().objects.create_user(username="tranthib", password="x-long-password-1")
    with pytest.raises(CommandError, match="tranthib"):
        call_command("generate", tasks=10)


def test_the_application_can_add_rows_after_it(province):
    """Rows are inserted with preset ids: on PostgreSQL the sequences must follow, or the
    first progress report of a user collides with a generated one (a 500 under load)."""
    from chidao.tasks.services import report_progress

    officer = get_user_model().objects.get(username="gen_canbo")
    task = (
        Task.objects.filter(unit=officer.profile.unit, state=TaskState.IN_PROGRESS)
        .order_by("pk")
        .first()
    )
    report = report_progress(
        task=task, actor=officer, version=task.version, text="Đã làm thêm", percent=task.progress
    )
    assert report.pk is not None and TaskEvent.objects.filter(task=task).count() >= 2


def test_the_dashboards_rollup_counts_the_generated_tasks(province, monkeypatch):
    """The tasks inserted in bulk are counted in the dashboard's roll-up (by the database's
    triggers): the office's dashboard of a year reads it and shows what the tasks count."""
    from chidao.insight import tallies
    from chidao.insight.dashboard import Scope, dashboard, period_of
    from chidao.tasks import access

    assert tallies.drift() == {} and tallies.stored()
    office = get_user_model().objects.get(username="gen_vanphong")
    year = period_of("year", year=TODAY.year - 1)
    assert access.sees_every_task(office)
    stored = dashboard(office, year, Scope(), TODAY)
    monkeypatch.setattr(access, "sees_every_task", lambda user: False)
    counted = dashboard(office, year, Scope(), TODAY)
    assert stored.outcomes == counted.outcomes and stored.outcomes.total > 50
    assert [(m.month, m.outcomes) for m in stored.months] == [
        (m.month, m.outcomes) for m in counted.months
    ]
    assert [[(g.key, g.outcomes) for g in r.groups] for r in stored.rankings] == [
        [(g.key, g.outcomes) for g in r.groups] for r in counted.rankings
    ]


def test_it_groups_the_recurring_directives_and_reminds_the_officer(province):
    from chidao.notifications.models import Notification, NotificationKind
    from chidao.themes.models import Membership, Theme

    assert Theme.objects.filter(size__gte=2).exists()
    assert Membership.objects.count() == Directive.objects.count()
    officer = get_user_model().objects.get(username="gen_canbo")
    assert Notification.objects.filter(recipient=officer, kind=NotificationKind.OVERDUE).exists()


def test_every_petition_is_in_the_register_some_answered(province):
    from chidao.meetings.models import ItemKind, Petition, PetitionState, SessionItem

    items = SessionItem.objects.filter(kind=ItemKind.PETITION)
    assert Petition.objects.count() == items.count() > 0
    states = set(Petition.objects.values_list("state", flat=True))
    assert {PetitionState.OPEN, PetitionState.ANSWERED, PetitionState.CLOSED} <= states
    answered = Petition.objects.exclude(state=PetitionState.OPEN)
    assert not answered.filter(answer="").exists()
    assert not Petition.objects.filter(answerer=None).exists()


def test_a_district_before_the_reform_shows_in_a_successors_dossier(province):
    from chidao.insight.dossier import predecessors, sessions
    from chidao.organisation.models import Unit, UnitKind

    office = get_user_model().objects.get(username="gen_vanphong")
    district = Unit.objects.filter(kind=UnitKind.DISTRICT, sessions__isnull=False).first()
    successor = district.successors.first()
    ids = [successor.pk, *(u.pk for u in predecessors(successor))]
    assert district.pk in ids
    held = set(sessions(office, ids).values_list("pk", flat=True))
    assert set(district.sessions.values_list("pk", flat=True)) <= held


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_tables_are_vacuumed_for_index_only_scans():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    generate(tasks=300, today=TODAY, seed=3)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relallvisible, reltuples FROM pg_class WHERE relname = %s", ["tasks_task"]
        )
        visible, tuples = cursor.fetchone()
    assert visible > 0 and tuples >= 300  # the visibility map and the statistics
