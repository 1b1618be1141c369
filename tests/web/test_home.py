"""The home page sends each role to its first page; the navigation follows the role."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.urls("web.stub_urls")


def test_it_sends_an_anonymous_visitor_to_the_login_page(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next=/"


def test_it_sends_the_office_to_the_work_list(client, office):
    client.force_login(office)
    assert client.get(reverse("home")).url == reverse("tasks:worklist")


def test_it_sends_a_leader_to_their_own_page(client, leader, leader_person):
    client.force_login(leader)
    assert client.get(reverse("home")).url == reverse("tasks:leader", args=[leader_person.pk])


def test_it_sends_a_leader_without_a_person_to_the_register(client, leader):
    leader.profile.person = None
    leader.profile.save()
    client.force_login(leader)
    assert client.get(reverse("home")).url == reverse("tasks:register")


def test_it_sends_an_officer_to_the_inbox(client, officer_a):
    client.force_login(officer_a)
    assert client.get(reverse("home")).url == reverse("tasks:inbox")


def test_it_sends_an_administrator_to_the_units(client, admin):
    client.force_login(admin)
    assert client.get(reverse("home")).url == reverse("organisation:unit_list")


def test_it_tells_a_user_without_a_role_to_ask_an_administrator(client, django_user_model):
    user = django_user_model.objects.create_user(username="moi", password="x-y-z-123456")
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "chưa được phân vai trò" in response.content.decode()


def test_it_shows_an_officer_only_their_inbox_and_unit(officer_a, unit_a):
    from django.test import RequestFactory

    from chidao.web.context import nav_links

    request = RequestFactory().get("/tasks/inbox/")
    request.user = officer_a
    links = [(link.label, link.url, link.active) for link in nav_links(request)]
    assert links == [
        ("Việc được giao", reverse("tasks:inbox"), True),
        ("Đơn vị của tôi", reverse("tasks:unit", args=[unit_a.pk]), False),
    ]


def test_it_shows_the_office_its_pages_that_exist(office):
    from django.test import RequestFactory

    from chidao.web.context import nav_links

    request = RequestFactory().get("/")
    request.user = office
    # meetings:document_list and meetings:ingest do not exist in this URL configuration
    assert [link.url for link in nav_links(request)] == [
        reverse("tasks:worklist"),
        reverse("meetings:session_list"),
        reverse("tasks:register"),
        reverse("organisation:unit_list"),
    ]


def test_it_shows_a_leader_their_own_page_first(leader, leader_person):
    from django.test import RequestFactory

    from chidao.web.context import nav_links

    request = RequestFactory().get("/")
    request.user = leader
    assert nav_links(request)[0].url == reverse("tasks:leader", args=[leader_person.pk])


def test_it_shows_no_navigation_to_a_visitor(client, db):
    response = client.get(reverse("login"))
    assert response.context["nav_links"] == []
