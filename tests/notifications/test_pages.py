"""The bell, the list, reading and preferences, as the officer of xã Bình Minh."""

from __future__ import annotations

import pytest
from django.utils import translation

from chidao.notifications.models import Notification, NotificationKind, Preference
from chidao.notifications.services import notify


def test_the_bell_shows_the_unread_count(client, assigned, officer_b):
    client.force_login(officer_b)
    response = client.get("/notifications/bell/")
    assert response.status_code == 200
    assert '<span class="bell-count">1</span>' in response.content.decode()


def test_every_page_loads_the_bell_lazily_without_a_query_of_its_own(client, officer_b):
    client.force_login(officer_b)
    page = client.get("/tasks/inbox/").content.decode()
    assert 'hx-get="/notifications/bell/"' in page and 'hx-trigger="load"' in page


def test_the_list_shows_the_notice_with_its_task(client, assigned, officer_b):
    client.force_login(officer_b)
    page = client.get("/notifications/").content.decode()
    assert "Nhiệm vụ mới cho Xã Bình Minh" in page
    assert f'href="/tasks/{assigned[1].pk}/"' in page
    assert "Xã An Bình" not in page


@pytest.mark.parametrize("rows", [1, 3])
def test_the_list_reads_in_a_fixed_number_of_queries(
    client, assigned, officer_b, rows, django_assert_max_num_queries
):
    for i in range(rows - 1):
        notify(
            kind=NotificationKind.FOLLOW_UP, task=assigned[1], recipients=[officer_b], key=f"x:{i}"
        )
    client.force_login(officer_b)
    with django_assert_max_num_queries(7):
        assert client.get("/notifications/").status_code == 200


def test_marking_one_read_with_htmx_returns_the_row_and_the_bell(client, assigned, officer_b):
    notice = Notification.objects.get(recipient=officer_b)
    client.force_login(officer_b)
    response = client.post(f"/notifications/{notice.pk}/read/", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert f'id="notice-{notice.pk}"' in body and 'hx-swap-oob="true"' in body
    assert "bell-count" not in body
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_opening_a_notice_marks_it_read_and_goes_to_the_task(client, assigned, officer_b):
    notice = Notification.objects.get(recipient=officer_b)
    client.force_login(officer_b)
    response = client.post(f"/notifications/{notice.pk}/read/", {"open": "1"})
    assert response["Location"] == f"/tasks/{assigned[1].pk}/"


def test_another_users_notice_is_404_like_a_missing_one(client, assigned, officer_a, officer_b):
    notice = Notification.objects.get(recipient=officer_b)
    client.force_login(officer_a)
    assert client.post(f"/notifications/{notice.pk}/read/").status_code == 404
    assert client.post("/notifications/999999/read/").status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_an_officer_moved_to_another_unit_no_longer_sees_the_old_units_notices(
    client, assigned, officer_b, unit_a
):
    officer_b.profile.unit = unit_a
    officer_b.profile.save()
    client.force_login(officer_b)
    assert "Xã Bình Minh" not in client.get("/notifications/").content.decode()


def test_mark_all_read_empties_the_bell(client, assigned, officer_b):
    notify(kind=NotificationKind.FOLLOW_UP, task=assigned[1], recipients=[officer_b], key="x:1")
    client.force_login(officer_b)
    response = client.post("/notifications/read-all/", {"next": "/notifications/"})
    assert response["Location"] == "/notifications/"
    assert Notification.objects.filter(recipient=officer_b, read_at__isnull=True).count() == 0


def test_mark_all_read_never_redirects_off_site(client, assigned, officer_b):
    client.force_login(officer_b)
    response = client.post("/notifications/read-all/", {"next": "https://example.com/"})
    assert response["Location"] == "/notifications/"


def test_preferences_show_the_defaults_and_keep_the_choice(client, officer_b):
    client.force_login(officer_b)
    page = client.get("/notifications/preferences/").content.decode()
    assert "Nhiệm vụ sắp đến hạn" in page and "Đơn vị xin gia hạn" not in page
    form = {f"{k}__in_app": "on" for k in ("new_task", "due_soon", "overdue")}
    response = client.post("/notifications/preferences/", form)
    assert response.status_code == 302
    stored = dict(
        Preference.objects.filter(user=officer_b).values_list("kind", "email").order_by("kind")
    )
    assert len(stored) == 7 and not any(stored.values())
    assert not Preference.objects.get(user=officer_b, kind="follow_up").in_app


def test_the_office_chooses_among_its_own_kinds(client, office):
    client.force_login(office)
    page = client.get("/notifications/preferences/").content.decode()
    assert "Đơn vị báo cáo hoàn thành" in page and "Nhiệm vụ sắp đến hạn" not in page


def test_the_pages_speak_english_when_chosen(client, assigned, officer_b):
    client.force_login(officer_b)
    client.cookies["django_language"] = "en"
    try:
        page = client.get("/notifications/").content.decode()
    finally:
        translation.activate("vi")  # the middleware leaves the request's language active
    assert "New task for Xã Bình Minh" in page


@pytest.mark.parametrize("rows", [1, 3])
def test_the_bell_counts_in_one_query_whatever_the_number(
    client, assigned, officer_b, rows, django_assert_max_num_queries
):
    for i in range(rows - 1):
        notify(
            kind=NotificationKind.FOLLOW_UP, task=assigned[1], recipients=[officer_b], key=f"b:{i}"
        )
    client.force_login(officer_b)
    with django_assert_max_num_queries(5):  # session, user, profile, unit (the menu), the count
        body = client.get("/notifications/bell/").content.decode()
    assert f'<span class="bell-count">{rows}</span>' in body
