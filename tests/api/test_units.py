"""GET /api/units: units of the user's province, searchable without diacritics."""

from __future__ import annotations

import pytest

from chidao.organisation.models import Unit, UnitKind


@pytest.fixture
def units(unit_a, unit_b, department):
    old = Unit.objects.create(
        province_code="38", kind=UnitKind.DISTRICT, level="huyện", name="Huyện Thiệu Hóa"
    )
    far = Unit.objects.create(
        province_code="42", kind=UnitKind.COMMUNE, level="xã", name="Xã An Bình Tây"
    )
    return {"old": old, "far": far}


def test_it_lists_the_current_units_of_the_province(client, officer_a, units):
    client.force_login(officer_a)

    names = [u["name"] for u in client.get("/api/units").json()["items"]]

    assert sorted(names) == ["Sở Tài chính", "Xã An Bình", "Xã Bình Minh"]


def test_it_finds_a_unit_typed_without_diacritics(client, office, units):
    client.force_login(office)

    data = client.get("/api/units", {"q": "an binh"}).json()["items"]

    assert [u["name"] for u in data] == ["Xã An Bình"]
    assert data[0]["kind"] == "commune"


def test_it_includes_units_from_before_july_2025_on_request(client, office, units):
    client.force_login(office)

    data = client.get("/api/units", {"q": "thieu hoa", "legacy": "true"}).json()["items"]

    assert [(u["name"], u["legacy"]) for u in data] == [("Huyện Thiệu Hóa", True)]


def test_it_filters_by_kind_and_names_an_unknown_kind(client, office, units):
    client.force_login(office)

    assert [
        u["name"] for u in client.get("/api/units", {"kind": "department"}).json()["items"]
    ] == ["Sở Tài chính"]
    bad = client.get("/api/units", {"kind": "tinh"})
    assert bad.status_code == 422
    assert "tinh" in bad.json()["detail"]


def test_it_pages_the_units_by_limit_and_offset(client, officer_a, units):
    client.force_login(officer_a)

    page = client.get("/api/units", {"limit": 1, "offset": 1}).json()

    assert (page["count"], [u["name"] for u in page["items"]]) == (3, ["Xã Bình Minh"])


def test_it_answers_422_for_a_limit_out_of_range(client, office, units):
    client.force_login(office)

    assert client.get("/api/units", {"limit": 0}).status_code == 422


def test_the_schema_documents_the_page_of_units(client, db):
    schema = client.get("/api/openapi.json").json()

    op = schema["paths"]["/api/units"]["get"]
    ref = op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    page = schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    assert set(page["properties"]) == {"items", "count"}
    assert {p["name"] for p in op["parameters"]} >= {"limit", "offset", "q", "kind", "legacy"}
