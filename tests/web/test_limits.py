"""Request bodies capped before they are read; a busy database answers 503, not 500."""

from __future__ import annotations

import io

from django.test import Client
from django.urls import reverse


class Unread(io.BytesIO):
    """A request body that records whether anyone read it."""

    read_calls = 0

    def read(self, *args):
        type(self).read_calls += 1
        return super().read(*args)

    def readline(self, *args):
        type(self).read_calls += 1
        return super().readline(*args)


def _post_declaring(client, path, declared, user=None):
    Unread.read_calls = 0
    body = Unread(b"x" * 1024)
    return client.generic(
        "POST",
        path,
        data=b"",
        content_type="multipart/form-data; boundary=zzz",
        CONTENT_LENGTH=str(declared),
        **{"wsgi.input": body},
    )


def test_an_anonymous_body_over_the_cap_is_refused_before_it_is_read(db, settings):
    settings.CHIDAO_MAX_ANONYMOUS_REQUEST_BYTES = 64 * 1024
    response = _post_declaring(Client(), reverse("login"), 1024**3)  # "1 GB" of multipart
    assert response.status_code == 413
    assert Unread.read_calls == 0


def test_a_signed_in_user_may_send_more_than_an_anonymous_one(client, office, settings):
    settings.CHIDAO_MAX_ANONYMOUS_REQUEST_BYTES = 64 * 1024
    settings.CHIDAO_MAX_REQUEST_BYTES = 10 * 1024 * 1024
    client.force_login(office)
    url = reverse("meetings:ingest")
    assert _post_declaring(client, url, 1024 * 1024).status_code != 413
    assert _post_declaring(client, url, 11 * 1024 * 1024).status_code == 413


def test_the_api_says_why_in_json(client, office, settings):
    settings.CHIDAO_MAX_REQUEST_BYTES = 1024
    client.force_login(office)
    response = client.post("/api/extract", {"text": "x" * 2000}, content_type="application/json")
    assert response.status_code == 413
    assert "giới hạn" in response.json()["detail"]
