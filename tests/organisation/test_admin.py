"""The Django admin: administrators manage users, roles, units and people; nobody else gets in."""

from __future__ import annotations

import pytest

from chidao.organisation.models import Person, Profile, Unit


def test_it_lets_the_administrator_list_units_people_and_users(
    client, admin, unit_a, leader_person
):
    client.force_login(admin)
    for url in (
        "/admin/",
        "/admin/organisation/unit/",
        "/admin/organisation/person/",
        "/admin/organisation/position/",
        "/admin/organisation/profile/",
        "/admin/auth/user/",
    ):
        assert client.get(url).status_code == 200, url
    assert "Xã An Bình" in client.get("/admin/organisation/unit/?q=an+binh").content.decode()


def test_it_shows_the_role_in_the_user_form(client, admin, officer_a):
    client.force_login(admin)
    html = client.get(f"/admin/auth/user/{officer_a.pk}/change/").content.decode()
    assert 'name="profile-0-role"' in html


def test_it_lets_the_administrator_rename_a_unit(client, admin, unit_a):
    client.force_login(admin)
    response = client.post(
        f"/admin/organisation/unit/{unit_a.pk}/change/",
        {
            "province_code": "38",
            "kind": "commune",
            "level": "xã",
            "name": "Xã An Bình Mới",
            "short_name": "An Bình Mới",
            "code": "90001",
        },
    )
    assert response.status_code == 302
    unit_a.refresh_from_db()
    assert (unit_a.name, unit_a.search_name) == ("Xã An Bình Mới", "xa an binh moi")


@pytest.mark.parametrize("persona", ["office", "leader", "officer_a"])
def test_it_keeps_other_roles_out(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get("/admin/organisation/unit/")
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_models_are_untouched_by_a_refused_visit(client, office, unit_a):
    client.force_login(office)
    client.post(f"/admin/organisation/unit/{unit_a.pk}/delete/", {"post": "yes"})
    assert Unit.objects.filter(pk=unit_a.pk).exists()
    assert Person.objects.count() == 0 and Profile.objects.count() == 1
