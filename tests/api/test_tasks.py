"""GET /api/tasks and /api/tasks/{id}: only the tasks the user may see."""

from __future__ import annotations

import datetime as dt

import pytest

from chidao.tasks.models import TaskState

from .conftest import make_directive, make_session


def test_it_lists_only_the_officers_own_unit_tasks(client, officer_a, task_a, task_b):
    client.force_login(officer_a)

    data = client.get("/api/tasks").json()

    assert data["count"] == 1
    assert [t["id"] for t in data["items"]] == [task_a.pk]
    assert data["items"][0]["unit"] == {"id": task_a.unit_id, "name": "Xã An Bình"}


def test_it_lists_every_task_of_the_province_to_the_office(client, office, task_a, task_b):
    client.force_login(office)

    data = client.get("/api/tasks").json()

    assert sorted(t["id"] for t in data["items"]) == sorted([task_a.pk, task_b.pk])


def test_it_answers_404_when_officer_a_reads_officer_bs_task(client, officer_a, task_b):
    client.force_login(officer_a)

    response = client.get(f"/api/tasks/{task_b.pk}")

    assert response.status_code == 404


def test_it_answers_the_same_404_for_a_missing_task(client, officer_a, task_b):
    client.force_login(officer_a)

    not_yours = client.get(f"/api/tasks/{task_b.pk}")
    missing = client.get("/api/tasks/999999")

    assert (missing.status_code, missing.json()) == (not_yours.status_code, not_yours.json())


def test_it_shows_the_officer_their_task_with_its_history(client, officer_a, task_a):
    client.force_login(officer_a)

    data = client.get(f"/api/tasks/{task_a.pk}").json()

    assert data["id"] == task_a.pk
    assert data["state"] == TaskState.NEW
    assert data["state_label"] == "Mới giao"
    assert data["deadline"] == "2026-06-30"
    assert data["version"] == 1
    assert [e["kind"] for e in data["events"]] == ["created"]
    assert data["directive_text"].startswith("đề nghị")


def test_it_filters_tasks_by_state_and_overdue(client, office, task_a, task_b):
    task_b.state = TaskState.DONE
    task_b.save()
    client.force_login(office)

    done = client.get("/api/tasks", {"state": "done"}).json()
    overdue = client.get("/api/tasks", {"overdue": "true"}).json()  # 30/6/2026 has passed

    assert [t["id"] for t in done["items"]] == [task_b.pk]
    today = dt.date.today()
    expected = [task_a.pk] if task_a.deadline < today else []
    assert [t["id"] for t in overdue["items"]] == expected


def test_it_rejects_an_unknown_state_by_name(client, office, task_a):
    client.force_login(office)

    response = client.get("/api/tasks", {"state": "finished"})

    assert response.status_code == 422
    assert "finished" in response.json()["detail"]


@pytest.mark.parametrize("rows", [1, 3])
def test_it_lists_tasks_in_a_fixed_number_of_queries(
    client, office, unit_a, rows, django_assert_max_num_queries
):
    session = make_session()
    for i in range(rows):
        make_directive(session, [unit_a], order=i)
    client.force_login(office)

    with django_assert_max_num_queries(8):
        data = client.get("/api/tasks").json()

    assert data["count"] == rows
