"""API tokens: a script reads and reports with a token, no cookie and no CSRF, with exactly
its user's permissions; a revoked token is refused; each token is rate-limited."""

from __future__ import annotations

import pytest
from django.test import Client

from chidao.api.tokens import create_token, revoke_token


@pytest.fixture
def script():
    return Client(enforce_csrf_checks=True)


def _auth(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_a_script_reports_progress_with_a_token_and_no_csrf(script, officer_a, task_a):
    _row, token = create_token(user=officer_a, name="báo cáo tự động")
    listed = script.get("/api/tasks", **_auth(token))
    assert listed.status_code == 200
    response = script.post(
        f"/api/tasks/{task_a.pk}/progress",
        {"text": "Đã giải ngân 60%", "percent": 60, "version": 1},
        content_type="application/json",
        **_auth(token),
    )
    assert response.status_code == 200, response.content
    task_a.refresh_from_db()
    assert task_a.progress == 60 and task_a.reports.get().author == officer_a


def test_a_token_has_its_users_permissions_only(script, officer_a, task_b):
    _row, token = create_token(user=officer_a, name="x")
    assert script.get(f"/api/tasks/{task_b.pk}", **_auth(token)).status_code == 404
    assert script.get("/api/sessions", **_auth(token)).status_code == 403


def test_a_revoked_or_unknown_token_is_refused(script, officer_a, task_a):
    row, token = create_token(user=officer_a, name="x")
    revoke_token(user=officer_a, pk=row.pk)
    assert script.get("/api/tasks", **_auth(token)).status_code == 401
    assert script.get("/api/tasks", **_auth("cd_khong-co")).status_code == 401


def test_a_token_is_rate_limited_per_minute(script, officer_a, settings, monkeypatch):
    settings.CHIDAO_API_RATE_PER_MINUTE = 3
    # one minute's window, whatever the clock: four requests of a slow run may straddle two
    monkeypatch.setattr("chidao.api.tokens.time.time", lambda: 1_800_000_000.0)
    _row, token = create_token(user=officer_a, name="x")
    answers = [script.get("/api/tasks", **_auth(token)).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    _row2, other = create_token(user=officer_a, name="y")
    assert script.get("/api/tasks", **_auth(other)).status_code == 200


def test_only_the_tokens_hash_is_stored(officer_a):
    row, token = create_token(user=officer_a, name="x")
    row.refresh_from_db()
    assert token not in (row.key_hash, row.prefix) and token.startswith(row.prefix)
