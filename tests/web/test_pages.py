"""Shared page furniture: language switch, htmx login redirect, 403 and 404 pages."""

from __future__ import annotations

import pytest
from django.urls import reverse


def test_it_switches_the_language_to_english_and_back(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/login/"})
    assert response.status_code == 302 and response.url == "/login/"
    assert client.cookies["django_language"].value == "en"
    page = client.get(reverse("login"))
    assert '<html lang="en">' in page.content.decode()
    client.post(reverse("set_language"), {"language": "vi", "next": "/login/"})
    assert '<html lang="vi">' in client.get(reverse("login")).content.decode()


def test_it_offers_both_languages_as_plain_form_buttons(client, db):
    html = client.get(reverse("login")).content.decode()
    assert f'action="{reverse("set_language")}"' in html
    assert 'name="language" value="vi"' in html and 'name="language" value="en"' in html


def test_it_sends_the_csrf_token_to_htmx(client, office):
    client.force_login(office)
    html = client.get(reverse("login") + "?x=1", follow=True).content.decode()
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
    assert "htmx" in html  # the script tag of django-htmx


def test_it_answers_404_with_a_vietnamese_page(client, office):
    client.force_login(office)
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


@pytest.mark.urls("web.stub_urls")
def test_it_answers_403_with_a_vietnamese_page(client, officer_a):
    client.force_login(officer_a)
    response = client.get(reverse("office_only"))
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


@pytest.mark.urls("web.stub_urls")
def test_it_redirects_an_anonymous_page_request_to_the_login(client, db):
    response = client.get(reverse("office_only"))
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={reverse('office_only')}"


@pytest.mark.urls("web.stub_urls")
def test_it_tells_htmx_to_redirect_when_the_login_expired(client, db):
    response = client.get(reverse("office_only"), HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"] == f"{reverse('login')}?next={reverse('office_only')}"


@pytest.mark.urls("web.stub_urls")
def test_it_leaves_other_htmx_redirects_alone(client, office):
    client.force_login(office)
    response = client.get(reverse("home"), HTTP_HX_REQUEST="true")
    assert response.status_code == 302
    assert "HX-Redirect" not in response


def test_it_serves_the_stylesheet_with_the_item_marks(client):
    from django.contrib.staticfiles import finders

    css = open(finders.find("web/app.css"), encoding="utf-8").read()
    for kind in ("directive", "petition", "difficulty", "indicator", "person", "locality"):
        assert f".mark-{kind}" in css


def test_it_speaks_vietnamese_to_an_english_browser_until_asked(client, db):
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi">' in page.content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/login/"})
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="vi")
    assert '<html lang="en">' in page.content.decode()


def test_it_ignores_an_unknown_language_cookie(client, db):
    client.cookies["django_language"] = "fr"
    assert '<html lang="vi">' in client.get(reverse("login")).content.decode()


def test_it_shows_the_page_title_in_english_after_switching(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": "/login/"})
    html = client.get(reverse("login")).content.decode()
    assert "<title>Sign in · Chỉ đạo</title>" in html
    assert "Username" in html and "Password" in html


def test_it_shows_the_page_title_in_vietnamese_by_default(client, db):
    html = client.get(reverse("login")).content.decode()
    assert "<title>Đăng nhập · Chỉ đạo</title>" in html


def test_it_marks_only_the_closest_navigation_link_active(office):
    from django.test import RequestFactory

    from chidao.web.context import nav_links

    request = RequestFactory().get(reverse("meetings:review", args=[3]))
    request.user = office
    assert [link.url for link in nav_links(request) if link.active] == [
        reverse("meetings:document_list")
    ]


@pytest.mark.parametrize(
    ("persona", "first_page"),
    [
        ("office", "tasks:worklist"),
        ("officer_a", "tasks:inbox"),
        ("admin", "organisation:unit_list"),
    ],
)
def test_it_sends_each_role_to_a_real_page(client, request, persona, first_page):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("home"), follow=True)
    assert response.redirect_chain[0][0] == reverse(first_page)
    assert response.status_code == 200


def test_it_sends_the_leader_to_their_real_page(client, leader, leader_person):
    client.force_login(leader)
    response = client.get(reverse("home"), follow=True)
    assert response.redirect_chain[0][0] == reverse("tasks:leader", args=[leader_person.pk])
    assert response.status_code == 200


def test_it_explains_an_expired_form_in_vietnamese(db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.content.decode()
