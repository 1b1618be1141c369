"""A busy SQLite database: writers queue; at worst 503 with Retry-After, the input kept."""

from __future__ import annotations

import threading
import time

import pytest
from django.conf import settings as django_settings
from django.db import OperationalError
from django.urls import reverse


def test_two_writers_queue_instead_of_failing(tmp_path, django_db_blocker):
    """Two connections with the project's SQLite options: a writer that reads then writes
    while another holds the write lock waits its turn (BEGIN IMMEDIATE) instead of failing
    with "database is locked" on a stale snapshot."""
    from django.db.backends.sqlite3.base import DatabaseWrapper

    settings_db = django_settings.DATABASES["default"]
    if "transaction_mode" not in (settings_db.get("OPTIONS") or {}):
        pytest.skip("not the SQLite configuration")
    config = {
        **settings_db,
        "NAME": str(tmp_path / "queue.sqlite3"),
        "OPTIONS": dict(settings_db["OPTIONS"]),
        "TEST": {},
    }
    held = threading.Event()
    errors: list[BaseException] = []

    def connect(alias):
        wrapper = DatabaseWrapper(config, alias=alias)
        wrapper.ensure_connection()
        return wrapper

    def long_writer():
        try:
            with django_db_blocker.unblock():
                first = connect("first")
                first._start_transaction_under_autocommit()  # what atomic() does
                first.cursor().execute("INSERT INTO progress VALUES (1)")
                held.set()
                time.sleep(0.4)  # a long request holding the write lock
                first.connection.commit()
                first.close()
        except BaseException as e:  # reported below
            errors.append(e)
            held.set()

    with django_db_blocker.unblock():
        second = connect("second")
        second.cursor().execute("CREATE TABLE progress (n INTEGER)")
        t = threading.Thread(target=long_writer)
        t.start()
        held.wait(5)
        second._start_transaction_under_autocommit()  # waits here for the first writer
        cursor = second.cursor()
        cursor.execute("SELECT count(*) FROM progress")
        (seen,) = cursor.fetchone()
        cursor.execute("INSERT INTO progress VALUES (%s)", [seen + 2])
        second.connection.commit()
        t.join()
        cursor = second.cursor()
        cursor.execute("SELECT n FROM progress ORDER BY n")
        rows = [r[0] for r in cursor.fetchall()]
        second.close()
    assert not errors
    assert rows == [1, 3]  # the second writer saw the first one's row: it queued


def test_a_locked_database_answers_503_with_retry_after_and_the_typed_text(
    client, officer_a, task_a, monkeypatch
):
    from chidao.tasks import services

    def locked(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(services, "report_progress", locked)
    client.force_login(officer_a)
    response = client.post(
        reverse("tasks:report_progress", args=[task_a.pk]),
        {
            "progress-version": 1,
            "progress-text": "Đã bàn giao mặt bằng 2 hộ",
            "progress-percent": 40,
        },
    )
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Đã bàn giao mặt bằng 2 hộ" in response.content.decode()


def test_other_database_errors_are_not_hidden(client, officer_a, task_a, monkeypatch):
    from chidao.tasks import services

    def broken(**kwargs):
        raise OperationalError("no such table: tasks_task")

    monkeypatch.setattr(services, "report_progress", broken)
    client.force_login(officer_a)
    client.raise_request_exception = True
    with pytest.raises(OperationalError):
        client.post(
            reverse("tasks:report_progress", args=[task_a.pk]),
            {"progress-version": 1, "progress-text": "x", "progress-percent": 4},
        )


def test_a_locked_database_outside_the_view_is_a_503_too(client, office, monkeypatch):
    """Saving the session after a login happens in a middleware, after the view."""
    from django.contrib.sessions.backends.db import SessionStore

    from conftest import PASSWORD

    def locked(self, must_create=False):
        raise OperationalError("database is locked")

    monkeypatch.setattr(SessionStore, "save", locked)
    client.raise_request_exception = False
    response = client.post(reverse("login"), {"username": "vanphong", "password": PASSWORD})
    assert response.status_code == 503
    assert response["Retry-After"]
    assert PASSWORD not in response.content.decode()  # a password is never echoed
