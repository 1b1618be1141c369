"""The list of units: search without diacritics, filters, pre-2025 units with successors."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from chidao.organisation.models import Unit, UnitKind

URL = "/org/units/"


@pytest.fixture
def thieu_hoa(db):
    """The district of Thiệu Hóa before 2025, one old commune, and the new commune after it."""
    new = Unit.objects.create(
        province_code="38",
        kind=UnitKind.COMMUNE,
        name="Xã Thiệu Tiến",
        level="xã",
        valid_from=date(2025, 7, 1),
    )
    district = Unit.objects.create(
        province_code="38",
        kind=UnitKind.DISTRICT,
        name="Huyện Thiệu Hóa",
        level="huyện",
        valid_to=date(2025, 6, 30),
    )
    old = Unit.objects.create(
        province_code="38",
        kind=UnitKind.LEGACY_COMMUNE,
        name="Xã Thiệu Duy",
        level="xã",
        parent=district,
        valid_to=date(2025, 6, 30),
    )
    old.successors.add(new)
    district.successors.add(new)
    return district


def _names(response):
    return [u.name for u in response.context["units"]]


def test_the_url_is_named(db):
    assert reverse("organisation:unit_list") == URL


def test_it_finds_thieu_hoa_typed_without_diacritics(client, office, thieu_hoa):
    client.force_login(office)
    response = client.get(URL, {"q": "thieu hoa"})
    assert response.status_code == 200
    assert _names(response) == ["Huyện Thiệu Hóa"]


def test_it_finds_a_name_written_with_the_other_tone_placement(client, office, thieu_hoa):
    client.force_login(office)
    assert _names(client.get(URL, {"q": "Thiệu Hoá"})) == ["Huyện Thiệu Hóa"]


def test_it_shows_the_successors_of_an_old_unit(client, office, thieu_hoa):
    client.force_login(office)
    html = client.get(URL, {"q": "thieu hoa"}).content.decode()
    assert "Nay thuộc:" in html and "Xã Thiệu Tiến" in html
    assert "đến 30/06/2025" in html


def test_it_filters_by_kind_and_period(client, office, thieu_hoa, unit_a, department):
    client.force_login(office)
    assert _names(client.get(URL, {"kind": UnitKind.DEPARTMENT})) == ["Sở Tài chính"]
    assert _names(client.get(URL, {"period": "legacy"})) == ["Huyện Thiệu Hóa", "Xã Thiệu Duy"]
    assert _names(client.get(URL, {"period": "current", "kind": "commune"})) == [
        "Xã An Bình",
        "Xã Thiệu Tiến",
    ]


def test_it_lists_current_units_before_old_ones(client, office, thieu_hoa):
    client.force_login(office)
    assert _names(client.get(URL, {"q": "thieu"})) == [
        "Xã Thiệu Tiến",
        "Huyện Thiệu Hóa",
        "Xã Thiệu Duy",
    ]


def test_it_shows_only_the_units_of_the_users_province(client, office, unit_a):
    Unit.objects.create(province_code="42", kind=UnitKind.COMMUNE, name="Xã An Bình")
    client.force_login(office)
    response = client.get(URL, {"q": "an binh"})
    assert [(u.name, u.province_code) for u in response.context["units"]] == [("Xã An Bình", "38")]


def test_it_ignores_an_unknown_kind(client, office, unit_a):
    client.force_login(office)
    assert _names(client.get(URL, {"kind": "nonsense"})) == ["Xã An Bình"]


def test_it_returns_only_the_results_to_htmx(client, office, thieu_hoa):
    client.force_login(office)
    response = client.get(
        URL, {"q": "thieu hoa"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="unit-results"
    )
    html = response.content.decode()
    assert "Huyện Thiệu Hóa" in html
    assert "<html" not in html and 'id="unit-q"' not in html


@pytest.mark.parametrize("persona", ["office", "leader", "admin"])
def test_it_is_open_to_office_leaders_and_admins(client, request, persona, unit_a):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 200


def test_it_is_closed_to_unit_officers(client, officer_a):
    client.force_login(officer_a)
    assert client.get(URL).status_code == 403


def test_it_sends_visitors_to_the_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and response.url.startswith("/login/")


@pytest.mark.parametrize("rows", [1, 3])
def test_it_runs_a_fixed_number_of_queries(client, office, rows, django_assert_max_num_queries):
    new = Unit.objects.create(province_code="38", kind=UnitKind.COMMUNE, name="Xã Mới")
    for i in range(rows):
        old = Unit.objects.create(
            province_code="38",
            kind=UnitKind.LEGACY_COMMUNE,
            name=f"Xã Cũ {i}",
            valid_to=date(2025, 6, 30),
        )
        old.successors.add(new)
    client.force_login(office)
    with django_assert_max_num_queries(8):
        response = client.get(URL, {"q": "xa cu"})
    assert len(response.context["units"]) == rows


def test_it_pages_long_lists(client, office):
    Unit.objects.bulk_create(
        [
            Unit(
                province_code="38",
                kind=UnitKind.COMMUNE,
                name=f"Xã Số {i:03d}",
                search_name=f"xa so {i:03d}",
            )
            for i in range(60)
        ]
    )
    client.force_login(office)
    first = client.get(URL)
    second = client.get(URL, {"page": 2})
    assert (len(first.context["units"]), len(second.context["units"])) == (50, 10)
    assert "Trang 1/2" in first.content.decode()
