"""Anonymous callers get 401; writes need the CSRF token like the pages' forms."""

from __future__ import annotations

import pytest
from django.test import Client

READS = [
    "/api/sessions",
    "/api/sessions/1",
    "/api/directives",
    "/api/tasks",
    "/api/tasks/1",
    "/api/units",
]


@pytest.mark.parametrize("url", READS)
def test_it_answers_401_to_an_anonymous_read(client, db, url):
    response = client.get(url)

    assert response.status_code == 401


def test_it_answers_401_to_an_anonymous_write_and_changes_nothing(client, task_a):
    response = client.post(
        f"/api/tasks/{task_a.pk}/progress",
        {"text": "Đã xong 50%", "percent": 50, "version": task_a.version},
        content_type="application/json",
    )

    assert response.status_code == 401
    task_a.refresh_from_db()
    assert (task_a.progress, task_a.version, task_a.reports.count()) == (0, 1, 0)


def test_it_answers_401_to_an_anonymous_extraction(client, db):
    response = client.post(
        "/api/extract", {"text": "Sáng 5/4/2026 ..."}, content_type="application/json"
    )

    assert response.status_code == 401


def test_it_refuses_a_session_write_without_the_csrf_token(officer_a, task_a):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(officer_a)

    response = browser.post(
        f"/api/tasks/{task_a.pk}/progress",
        {"text": "Đã xong 50%", "percent": 50, "version": task_a.version},
        content_type="application/json",
    )

    assert response.status_code == 403
    task_a.refresh_from_db()
    assert (task_a.progress, task_a.reports.count()) == (0, 0)


def test_it_accepts_a_session_write_with_the_csrf_token(officer_a, task_a):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(officer_a)
    token = _csrf_cookie(browser)

    response = browser.post(
        f"/api/tasks/{task_a.pk}/progress",
        {"text": "Đã xong 50%", "percent": 50, "version": task_a.version},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )

    assert response.status_code == 200, response.content
    task_a.refresh_from_db()
    assert task_a.progress == 50


def _csrf_cookie(browser: Client) -> str:
    """Set the CSRF cookie as a page would (a 32-character secret) and return the token."""
    token = "csrfsecret" * 3 + "ab"
    browser.cookies["csrftoken"] = token
    return token


def test_it_answers_403_to_a_user_without_a_role(client, db):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_user(username="khach"))

    assert client.get("/api/sessions").status_code == 403
    assert client.get("/api/tasks").status_code == 403
