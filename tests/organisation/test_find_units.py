"""find_units on a whole province: the words reports use for units, and every body alias."""

from __future__ import annotations

from datetime import date

import pytest

from chidao.organisation.bodies import load_bodies
from chidao.organisation.models import Unit, UnitKind
from chidao.organisation.services import find_units, init_province


@pytest.fixture(scope="module")
def thanh_hoa(django_db_setup, django_db_blocker):
    """Thanh Hóa loaded once for the module (committed), removed afterwards."""
    with django_db_blocker.unblock():
        init_province(province="Thanh Hóa")
        yield
        Unit.objects.filter(province_code="38").delete()


def _names(text):
    return [(u.name, u.kind) for u in find_units(province_code="38", text=text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lãnh đạo huyện Thiệu Hóa", [("Huyện Thiệu Hóa", UnitKind.DISTRICT)]),
        ("Huyện ủy Thiệu Hoá", [("Huyện Thiệu Hóa", UnitKind.DISTRICT)]),
        ("UBND huyện Thiệu Hóa", [("Huyện Thiệu Hóa", UnitKind.DISTRICT)]),
        ("thành phố Thanh Hóa", [("Thành phố Thanh Hóa", UnitKind.DISTRICT)]),
        ("TP Thanh Hóa", [("Thành phố Thanh Hóa", UnitKind.DISTRICT)]),
        ("Thị ủy Bỉm Sơn", [("Thị xã Bỉm Sơn", UnitKind.DISTRICT)]),
        ("TX. Bỉm Sơn", [("Thị xã Bỉm Sơn", UnitKind.DISTRICT)]),
        ("UBND tỉnh Thanh Hóa", [("UBND tỉnh", UnitKind.COMMITTEE)]),
        ("Ủy ban nhân dân tỉnh", [("UBND tỉnh", UnitKind.COMMITTEE)]),
        ("Sở Y tế tỉnh Thanh Hoá", [("Sở Y tế", UnitKind.DEPARTMENT)]),
        ("Giám đốc Sở Y tế", [("Sở Y tế", UnitKind.DEPARTMENT)]),
        ("Sở Nông nghiệp và PTNT", [("Sở Nông nghiệp và Môi trường", UnitKind.DEPARTMENT)]),
        ("Công an tỉnh", [("Công an tỉnh", UnitKind.FORCE)]),
        ("các sở, ngành", []),
        ("các huyện, thị xã, thành phố trong tỉnh", []),
        ("huyện", []),
    ],
)
def test_it_finds_the_units_reports_name(thanh_hoa, db, text, expected):
    assert _names(text) == expected


def test_it_finds_an_old_commune_and_the_new_one_of_the_same_name_new_first(thanh_hoa, db):
    new = Unit.objects.filter(province_code="38", kind=UnitKind.COMMUNE)
    shared = next(
        u
        for u in new
        if Unit.objects.filter(
            province_code="38", kind=UnitKind.LEGACY_COMMUNE, name=u.name
        ).exists()
    )
    found = find_units(province_code="38", text=shared.name.lower())
    assert found[0] == shared
    assert {u.kind for u in found[1:]} == {UnitKind.LEGACY_COMMUNE}
    assert all(u.valid_to == date(2025, 6, 30) for u in found[1:])


def test_every_alias_of_bodies_tsv_finds_its_body(thanh_hoa, db):
    misses = []
    for body in load_bodies():
        if not body.exists_in("38"):
            continue
        for alias in body.aliases:
            if _names(alias) != [(body.name, body.kind)]:
                misses.append((alias, body.name, _names(alias)))
    assert misses == []


def test_every_body_finds_itself(thanh_hoa, db):
    for body in load_bodies():
        if body.exists_in("38"):
            assert _names(body.name) == [(body.name, body.kind)], body.name
