"""Signing in and out: Django's auth, failed attempts throttled per username and per address."""

from __future__ import annotations

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.urls import reverse

from conftest import PASSWORD


@pytest.fixture(autouse=True)
def _empty_cache(db):
    cache.clear()
    yield
    cache.clear()


def login(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_it_shows_the_login_page_in_vietnamese(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Đăng nhập · Chỉ đạo</title>" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<html lang="vi">' in html


def test_it_signs_in_an_office_user(client, office):
    response = login(client, "vanphong", PASSWORD)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(office.pk)


def test_it_refuses_a_wrong_password_with_a_clear_message(client, office):
    response = login(client, "vanphong", "sai-mat-khau")
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()


def test_it_logs_out_only_by_post(client, office):
    client.force_login(office)
    assert client.get(reverse("logout")).status_code == 405
    assert SESSION_KEY in client.session
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response.url == reverse("login")
    assert SESSION_KEY not in client.session


def test_it_requires_the_csrf_token_to_sign_in(office):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("login"), {"username": "vanphong", "password": PASSWORD})
    assert response.status_code == 403
    assert SESSION_KEY not in strict.session


# ---- throttling -----------------------------------------------------------------------


def test_it_throttles_a_username_after_too_many_failures(client, office, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    for _ in range(3):
        assert login(client, "vanphong", "sai").status_code == 200
    response = login(client, "vanphong", PASSWORD)  # even the right password is refused now
    assert response.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_it_does_not_check_the_password_once_throttled(client, office, settings, monkeypatch):
    settings.LOGIN_THROTTLE_ATTEMPTS = 2
    login(client, "vanphong", "sai")
    login(client, "vanphong", "sai")
    calls = []
    import django.contrib.auth.forms as auth_forms

    real = auth_forms.authenticate
    monkeypatch.setattr(
        auth_forms, "authenticate", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    assert login(client, "vanphong", PASSWORD).status_code == 429
    assert calls == []


def test_an_attacker_elsewhere_does_not_lock_the_owner_out(client, office, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 2
    for _ in range(5):
        login(client, "vanphong", "sai", address="203.0.113.9")
    assert login(client, "vanphong", PASSWORD, address="203.0.113.9").status_code == 429
    assert login(client, "vanphong", PASSWORD, address="10.0.0.3").status_code == 302


def test_parallel_attempts_check_no_more_passwords_than_the_limit(office, settings, monkeypatch):
    """Attempts that arrive while others are still being checked (as on several workers):
    each reserves its attempt before the password is checked, so however they interleave at
    most the limit's worth of passwords are ever checked."""
    import django.contrib.auth.forms as auth_forms
    from django.test import RequestFactory

    from chidao.web.forms import ThrottledAuthenticationForm

    settings.LOGIN_THROTTLE_ATTEMPTS = 5
    real = auth_forms.authenticate
    checked = []

    def attempt():
        request = RequestFactory().post("/login/", REMOTE_ADDR="198.51.100.7")
        form = ThrottledAuthenticationForm(request, {"username": "vanphong", "password": "sai"})
        return form.is_valid()

    def slow_authenticate(*args, **kwargs):
        checked.append(1)
        if len(checked) == 1:  # while the first password is being checked, 59 more arrive
            for _ in range(59):
                attempt()
        return real(*args, **kwargs)

    monkeypatch.setattr(auth_forms, "authenticate", slow_authenticate)
    assert attempt() is False
    assert len(checked) == 5


def test_it_throttles_an_address_trying_many_usernames(client, office, leader, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 10
    settings.LOGIN_THROTTLE_ADDRESS_ATTEMPTS = 3
    for name in ("a", "b", "c"):
        login(client, name, "sai", address="10.9.9.9")
    assert login(client, "lanhdao", PASSWORD, address="10.9.9.9").status_code == 429
    assert login(client, "lanhdao", PASSWORD, address="10.0.0.7").status_code == 302


def test_it_does_not_throttle_another_user(client, office, leader, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 2
    login(client, "vanphong", "sai")
    login(client, "vanphong", "sai")
    assert login(client, "lanhdao", PASSWORD, address="10.0.0.5").status_code == 302


def test_it_forgets_failures_after_a_successful_login(client, office, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    login(client, "vanphong", "sai")
    login(client, "vanphong", "sai")
    assert login(client, "vanphong", PASSWORD).status_code == 302
    client.post(reverse("logout"))
    login(client, "vanphong", "sai")
    login(client, "vanphong", "sai")
    assert login(client, "vanphong", PASSWORD).status_code == 302


def test_it_lets_the_user_in_again_when_the_window_has_passed(client, office, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 1
    settings.LOGIN_THROTTLE_SECONDS = 1
    login(client, "vanphong", "sai")
    assert login(client, "vanphong", PASSWORD).status_code == 429
    import time

    time.sleep(1.1)
    assert login(client, "vanphong", PASSWORD).status_code == 302


def test_it_counts_usernames_case_insensitively(client, office, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 2
    login(client, "VanPhong", "sai")
    login(client, "vanphong ", "sai")
    assert login(client, "vanphong", PASSWORD).status_code == 429


def test_it_throttles_the_admin_login_with_the_same_counters(client, admin, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 2
    login(client, "quantri", "sai")  # on the site's login page
    client.post("/admin/login/", {"username": "quantri", "password": "sai"}, REMOTE_ADDR="10.0.0.1")
    response = client.post(
        "/admin/login/", {"username": "quantri", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_the_admin_login_still_works(client, admin):
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "quantri", "password": PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302 and response.url == "/admin/"
    assert client.session[SESSION_KEY] == str(admin.pk)
