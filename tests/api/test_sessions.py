"""GET /api/sessions and /api/sessions/{id}: office, leaders and administrators of the province."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import make_directive, make_session


def test_it_lists_the_provinces_sessions_to_the_office(client, office, session, directive):
    client.force_login(office)

    data = client.get("/api/sessions").json()

    assert data["count"] == 1
    item = data["items"][0]
    assert item == {
        "id": session.pk,
        "date": "2026-02-03",
        "title": "Làm việc với xã An Bình",
        "kind": "visit",
        "chairs": ["Trịnh Văn Lâm"],
        "localities": ["Xã An Bình", "Xã Bình Minh"],
        "directive_count": 1,
    }


def test_it_shows_a_session_with_its_items_directives_and_tasks(client, leader, session, directive):
    client.force_login(leader)

    data = client.get(f"/api/sessions/{session.pk}").json()

    assert [i["text"] for i in data["items"]] == ["xã An Bình"]
    [d] = data["directives"]
    assert d["issuer"] == "Trịnh Văn Lâm"
    assert d["deadline"] == "2026-06-30"
    assert sorted(t["unit"]["name"] for t in d["tasks"]) == ["Xã An Bình", "Xã Bình Minh"]


def test_it_lets_the_administrator_read_sessions(client, admin, session):
    client.force_login(admin)

    assert client.get(f"/api/sessions/{session.pk}").status_code == 200


def test_it_answers_403_to_a_unit_officer(client, officer_a, session):
    client.force_login(officer_a)

    assert client.get("/api/sessions").status_code == 403
    assert client.get(f"/api/sessions/{session.pk}").status_code == 403


def test_it_hides_another_provinces_session(client, office, session):
    other = make_session("42", title="Làm việc với xã Kỳ Anh")
    client.force_login(office)

    assert [s["id"] for s in client.get("/api/sessions").json()["items"]] == [session.pk]
    assert client.get(f"/api/sessions/{other.pk}").status_code == 404


@pytest.mark.parametrize("rows", [1, 3])
def test_it_lists_sessions_in_a_fixed_number_of_queries(
    client, office, unit_a, rows, django_assert_max_num_queries
):
    for i in range(rows):
        make_directive(make_session(title=f"Buổi {i}"), [unit_a])
    client.force_login(office)

    with django_assert_max_num_queries(8):
        data = client.get("/api/sessions").json()

    assert data["count"] == rows


def test_it_filters_sessions_by_date_and_pages_them(client, office):
    for day in (1, 2, 3):
        s = make_session(title=f"Ngày {day}")
        s.date = dt.date(2026, 3, day)
        s.save()
    client.force_login(office)

    in_range = client.get(
        "/api/sessions", {"date_from": "2026-03-02", "date_to": "2026-03-03"}
    ).json()
    page = client.get("/api/sessions", {"limit": 1, "offset": 1}).json()

    assert [s["title"] for s in in_range["items"]] == ["Ngày 3", "Ngày 2"]
    assert (page["count"], [s["title"] for s in page["items"]]) == (3, ["Ngày 2"])
