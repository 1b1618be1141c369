"""GET /api/directives: the register with filters by leader, unit, state, overdue and deadline."""

from __future__ import annotations

import datetime as dt

import pytest

from chidao.organisation.models import Person
from chidao.tasks.models import TaskState

from .conftest import make_directive, make_session


@pytest.fixture
def register(session, leader_person, unit_a, unit_b):
    """Three directives: the leader's to both communes (6/2026), another's to An Bình (2099), none."""
    other = Person.objects.create(full_name="Hoàng Minh Đức", province_code="38")
    first = make_directive(
        session, [unit_a, unit_b], issuer=leader_person, deadline=dt.date(2026, 6, 30), order=0
    )
    later = make_directive(session, [unit_a], issuer=other, deadline=dt.date(2099, 12, 31), order=1)
    return {"first": first, "later": later, "other": other}


def _ids(client, **params):
    response = client.get("/api/directives", params)
    assert response.status_code == 200, response.content
    return sorted(d["id"] for d in response.json()["items"])


def test_it_filters_by_leader_unit_and_deadline(client, office, register, leader_person, unit_b):
    client.force_login(office)
    first, later = register["first"].pk, register["later"].pk

    assert _ids(client) == sorted([first, later])
    assert _ids(client, leader=leader_person.pk) == [first]
    assert _ids(client, unit=unit_b.pk) == [first]
    assert _ids(client, deadline_from="2027-01-01") == [later]
    assert _ids(client, deadline_to="2026-12-31") == [first]


def test_it_filters_by_task_state_and_overdue(client, office, register, unit_b):
    register["first"].tasks.filter(unit=unit_b).update(state=TaskState.DONE)
    client.force_login(office)
    first, later = register["first"].pk, register["later"].pk
    overdue = [first] if dt.date(2026, 6, 30) < dt.date.today() else []

    assert _ids(client, state="done") == [first]
    assert _ids(client, state="new") == sorted([first, later])
    assert _ids(client, overdue="true") == overdue
    assert _ids(client, overdue="false") == sorted({first, later} - set(overdue))


def test_it_lists_the_leaders_own_directives_first(client, leader, register):
    newer = make_session(title="Buổi sau")
    newer.date = dt.date(2026, 5, 1)
    newer.save()
    someone_elses = make_directive(newer, [], issuer=register["other"])
    client.force_login(leader)

    ids = [d["id"] for d in client.get("/api/directives").json()["items"]]

    assert ids == [register["first"].pk, someone_elses.pk, register["later"].pk]


def test_it_names_an_unknown_state(client, office, register):
    client.force_login(office)

    response = client.get("/api/directives", {"state": "xong"})

    assert response.status_code == 422
    assert "xong" in response.json()["detail"]


def test_it_shows_a_unit_officer_only_the_directives_and_tasks_of_their_unit(
    client, officer_b, register, unit_b
):
    client.force_login(officer_b)

    [only] = client.get("/api/directives").json()["items"]

    assert only["id"] == register["first"].pk
    assert [t["unit"]["name"] for t in only["tasks"]] == ["Xã Bình Minh"]


def test_it_hides_another_provinces_directives(client, office, register, unit_a):
    make_directive(make_session("42", title="Hà Tĩnh"), [unit_a])
    client.force_login(office)

    assert _ids(client) == sorted([register["first"].pk, register["later"].pk])


@pytest.mark.parametrize("rows", [1, 3])
def test_it_lists_directives_in_a_fixed_number_of_queries(
    client, office, unit_a, unit_b, rows, django_assert_max_num_queries
):
    session = make_session()
    for i in range(rows):
        make_directive(session, [unit_a, unit_b], order=i)
    client.force_login(office)

    with django_assert_max_num_queries(8):
        data = client.get("/api/directives").json()

    assert data["count"] == rows
