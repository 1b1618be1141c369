"""Private ICS feeds of deadlines: per user and per unit, secret URL, revocable."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chidao.documents.calendar import create_feed, revoke_feed
from chidao.documents.models import CalendarFeed

from .conftest import DIRECTIVE_1, DIRECTIVE_2

pytestmark = pytest.mark.django_db


@pytest.fixture
def due(directives):
    """The tasks' deadline moved to ten days from today (feeds show from 60 days back)."""
    import datetime as dt

    from django.utils import timezone

    from chidao.tasks.models import Task

    day = timezone.localdate() + dt.timedelta(days=10)
    Task.objects.update(deadline=day)
    return day


def _unfold(body: str) -> str:
    return body.replace("\r\n ", "")


def test_an_officers_feed_lists_their_units_deadlines_as_all_day_events(client, officer_a, due):
    _feed, key = create_feed(owner=officer_a)
    response = client.get(reverse("documents:calendar_feed", args=[key]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    text = _unfold(body)
    assert text.count("BEGIN:VEVENT") == 1
    assert f"DTSTART;VALUE=DATE:{due:%Y%m%d}" in text
    assert "Hạn: Xã An Bình – " + DIRECTIVE_1[:40] in text
    assert DIRECTIVE_2[:30] not in text  # xã Bình Minh's task is not hers


def test_a_unit_feed_and_a_unit_the_owner_may_not_see(
    client, office, officer_a, department, unit_b, due
):
    _feed, key = create_feed(owner=office, unit=department)
    text = _unfold(client.get(reverse("documents:calendar_feed", args=[key])).content.decode())
    assert "Hạn: Sở Tài chính – Sở Tài chính chủ trì\\, phối hợp" in text
    with pytest.raises(LookupError):
        create_feed(owner=officer_a, unit=unit_b)


def test_a_revoked_feed_answers_404(client, officer_a, directives):
    feed, key = create_feed(owner=officer_a)
    revoke_feed(owner=officer_a, pk=feed.pk)
    assert client.get(reverse("documents:calendar_feed", args=[key])).status_code == 404
    assert client.get(reverse("documents:calendar_feed", args=["doan-bua"])).status_code == 404


def test_the_account_page_shows_a_new_feed_url_once_and_revokes_it(client, officer_a, directives):
    client.force_login(officer_a)
    page = client.post(reverse("documents:account"), {"action": "create_feed", "unit": ""})
    assert page.status_code == 200
    url = page.context["new_feed_url"]
    assert url in page.content.decode()
    feed = CalendarFeed.objects.get(owner=officer_a)
    assert url.rsplit("/", 1)[-1].removesuffix(".ics") not in feed.key_hash
    assert client.get(url).status_code == 200
    assert (
        client.post(
            reverse("documents:account"), {"action": "revoke_feed", "pk": feed.pk}
        ).status_code
        == 302
    )
    assert client.get(url).status_code == 404


def test_the_account_page_creates_a_token_and_cannot_revoke_anothers(client, officer_a, officer_b):
    from chidao.api.tokens import create_token

    client.force_login(officer_a)
    page = client.post(reverse("documents:account"), {"action": "create_token", "name": "Excel"})
    assert page.context["new_token"].startswith("cd_")
    theirs, _token = create_token(user=officer_b, name="của xã khác")
    assert (
        client.post(
            reverse("documents:account"), {"action": "revoke_token", "pk": theirs.pk}
        ).status_code
        == 404
    )
    theirs.refresh_from_db()
    assert theirs.revoked_at is None
