"""Role predicates and ``role_required``: every view asks these, never Profile.role itself."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory

from chidao.organisation import access
from chidao.organisation.models import Role


def test_it_names_the_role_of_each_persona(office, leader, officer_a, admin):
    assert [access.role_of(u) for u in (office, leader, officer_a, admin)] == [
        Role.OFFICE,
        Role.LEADER,
        Role.OFFICER,
        Role.ADMIN,
    ]
    assert (access.is_office(office), access.is_leader(office), access.is_officer(office)) == (
        True,
        False,
        False,
    )
    assert access.is_leader(leader) and access.is_officer(officer_a) and access.is_admin(admin)


def test_it_gives_an_anonymous_user_no_profile_and_no_role(db):
    anon = AnonymousUser()
    assert access.profile_of(anon) is None and access.role_of(anon) is None
    assert not any(
        f(anon) for f in (access.is_office, access.is_leader, access.is_officer, access.is_admin)
    )


def test_it_gives_a_user_without_profile_no_role(django_user_model):
    user = django_user_model.objects.create_user(username="moi", password="x")
    assert access.profile_of(user) is None and access.role_of(user) is None
    assert access.province_code_of(user) is None


def test_it_counts_a_superuser_without_profile_as_admin_of_the_configured_province(
    django_user_model, settings
):
    settings.CHIDAO_PROVINCE = "Hà Tĩnh"
    root = django_user_model.objects.create_superuser(username="root", password="x")
    assert access.is_admin(root)
    assert access.province_code_of(root) == "42"


def test_it_gives_the_province_unit_and_person(office, officer_a, unit_a, leader, leader_person):
    assert access.province_code_of(office) == "38"
    assert access.unit_of(officer_a) == unit_a and access.unit_of(office) is None
    assert access.person_of(leader) == leader_person


def test_it_lets_office_leaders_and_admins_read_the_province(office, leader, officer_a, admin):
    assert [access.can_read_province(u) for u in (office, leader, officer_a, admin)] == [
        True,
        True,
        False,
        True,
    ]


@access.role_required(Role.OFFICE, Role.LEADER)
def _page(request):
    return HttpResponse("ok")


def _get(user):
    request = RequestFactory().get("/trang/")
    request.user = user
    return request


def test_it_lets_the_named_roles_in(office, leader):
    assert _page(_get(office)).content == b"ok"
    assert _page(_get(leader)).content == b"ok"


def test_it_forbids_other_roles(officer_a, admin):
    for user in (officer_a, admin):
        with pytest.raises(PermissionDenied):
            _page(_get(user))


def test_it_sends_an_anonymous_user_to_the_login(db):
    response = _page(_get(AnonymousUser()))
    assert response.status_code == 302
    assert response.url == "/login/?next=/trang/"


def test_it_refuses_an_unknown_role_when_decorating():
    with pytest.raises(ValueError, match="unknown role"):
        access.role_required("boss")
