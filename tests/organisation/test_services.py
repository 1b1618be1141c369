"""Organisation services: users with roles, people with titles, units found from report words."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import authenticate

from chidao.organisation.models import Person, Position, Profile, Role, Unit, UnitKind
from chidao.organisation.services import create_user, find_units, get_or_create_person

PASSWORD = "mot-mat-khau-dai-2026"


def _unit(name, kind, *, short="", province="38", valid_to=None, level=""):
    return Unit.objects.create(
        province_code=province,
        kind=kind,
        name=name,
        short_name=short,
        valid_to=valid_to,
        level=level,
    )


# ---- create_user ----------------------------------------------------------------------


def test_it_creates_an_officer_with_a_hashed_password_and_a_profile(unit_a):
    user = create_user(
        username="cb_anbinh",
        password=PASSWORD,
        role=Role.OFFICER,
        province_code="38",
        unit=unit_a,
        full_name="Lê Thị Hoa",
    )
    assert user.password != PASSWORD and user.check_password(PASSWORD)
    assert authenticate(username="cb_anbinh", password=PASSWORD) == user
    profile = Profile.objects.get(user=user)
    assert (profile.role, profile.province_code, profile.unit) == (Role.OFFICER, "38", unit_a)
    assert (user.first_name, user.is_staff) == ("Lê Thị Hoa", False)


def test_it_makes_an_administrator_staff_of_the_django_admin(db):
    user = create_user(username="qt", password=PASSWORD, role=Role.ADMIN, province_code="38")
    assert (user.is_staff, user.is_superuser) == (True, True)


def test_it_links_a_leader_to_their_person(leader_person):
    user = create_user(
        username="ld", password=PASSWORD, role=Role.LEADER, province_code="38", person=leader_person
    )
    assert user.profile.person == leader_person


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"role": "boss"}, "role 'boss'"),
        ({"role": Role.OFFICER}, "an officer needs a unit"),
        ({"role": Role.OFFICE, "province_code": ""}, "province_code"),
    ],
)
def test_it_refuses_a_bad_user_with_a_clear_message(db, kwargs, message):
    args = {"username": "x", "password": PASSWORD, "province_code": "38", **kwargs}
    with pytest.raises(ValueError, match=message):
        create_user(**args)
    assert not Profile.objects.exists()


def test_it_refuses_a_unit_of_another_province(db):
    other = _unit("Xã Kỳ Sơn", UnitKind.COMMUNE, province="42")
    with pytest.raises(ValueError, match="belongs to province 42"):
        create_user(
            username="x", password=PASSWORD, role=Role.OFFICER, province_code="38", unit=other
        )


def test_it_refuses_a_username_already_taken(office):
    with pytest.raises(ValueError, match="already taken"):
        create_user(
            username=office.username, password=PASSWORD, role=Role.OFFICE, province_code="38"
        )


# ---- get_or_create_person --------------------------------------------------------------


def test_it_creates_a_person_with_the_title_from_the_session_date(db):
    p = get_or_create_person(
        province_code="38",
        full_name="Phạm Văn Khải",
        title="Phó Chủ tịch UBND tỉnh",
        on=date(2024, 3, 5),
    )
    assert [(x.title, x.start) for x in p.positions.all()] == [
        ("Phó Chủ tịch UBND tỉnh", date(2024, 3, 5))
    ]


def test_it_finds_the_same_person_whatever_the_tone_placement_and_case(db):
    first = get_or_create_person(province_code="38", full_name="Lê Văn Thủy")
    again = get_or_create_person(province_code="38", full_name="lê  văn Thuỷ")
    assert again == first
    assert Person.objects.count() == 1


def test_it_keeps_names_that_differ_only_by_diacritics_apart(db):
    a = get_or_create_person(province_code="38", full_name="Nguyễn Văn Anh")
    b = get_or_create_person(province_code="38", full_name="Nguyễn Văn Ánh")
    assert a != b


def test_it_keeps_people_of_different_provinces_apart(db):
    a = get_or_create_person(province_code="38", full_name="Hồ Sĩ Long")
    b = get_or_create_person(province_code="42", full_name="Hồ Sĩ Long")
    assert a != b


def test_it_records_a_new_title_once_and_keeps_the_old_one(db):
    p = get_or_create_person(
        province_code="38",
        full_name="Phạm Văn Khải",
        title="Phó Chủ tịch UBND tỉnh",
        on=date(2021, 4, 1),
    )
    get_or_create_person(
        province_code="38",
        full_name="Phạm Văn Khải",
        title="Phó Chủ tịch UBND tỉnh",
        on=date(2021, 9, 1),
    )
    get_or_create_person(
        province_code="38",
        full_name="Phạm Văn Khải",
        title="Chủ tịch UBND tỉnh",
        on=date(2024, 2, 1),
    )
    assert list(
        Position.objects.filter(person=p).order_by("start").values_list("title", "start")
    ) == [
        ("Phó Chủ tịch UBND tỉnh", date(2021, 4, 1)),
        ("Chủ tịch UBND tỉnh", date(2024, 2, 1)),
    ]


def test_it_refuses_an_empty_name(db):
    with pytest.raises(ValueError, match="full_name is empty"):
        get_or_create_person(province_code="38", full_name="  ")


# ---- find_units -----------------------------------------------------------------------


@pytest.fixture
def units(db):
    return {
        "minh_son": _unit("Xã Minh Sơn", UnitKind.COMMUNE, short="Minh Sơn", level="xã"),
        "ward": _unit("Phường Đông Tiến", UnitKind.WARD, short="Đông Tiến", level="phường"),
        "district": _unit(
            "Huyện Thiệu Hóa",
            UnitKind.DISTRICT,
            short="Thiệu Hóa",
            level="huyện",
            valid_to=date(2025, 6, 30),
        ),
        "old_minh_son": _unit(
            "Xã Minh Sơn",
            UnitKind.LEGACY_COMMUNE,
            short="Minh Sơn",
            level="xã",
            valid_to=date(2025, 6, 30),
        ),
        "town": _unit(
            "Thị trấn Vạn Hà",
            UnitKind.LEGACY_COMMUNE,
            short="Vạn Hà",
            level="thị trấn",
            valid_to=date(2025, 6, 30),
        ),
        "finance": _unit("Sở Tài chính", UnitKind.DEPARTMENT, level="sở"),
        "ubnd": _unit("UBND tỉnh", UnitKind.COMMITTEE, level="ubnd"),
        "elsewhere": _unit("Xã Minh Sơn", UnitKind.COMMUNE, short="Minh Sơn", province="42"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("xã Minh Sơn", ["minh_son", "old_minh_son"]),
        ("Xa minh son", ["minh_son", "old_minh_son"]),
        ("UBND xã Minh Sơn", ["minh_son", "old_minh_son"]),
        ("Minh Sơn", ["minh_son", "old_minh_son"]),
        ("phường Đông Tiến", ["ward"]),
        ("huyện Thiệu Hoá", ["district"]),
        ("thieu hoa", ["district"]),
        ("thị trấn Vạn Hà", ["town"]),
        ("Sở Tài chính", ["finance"]),
        ("sở tài chính,", ["finance"]),
        ("Sở Kế hoạch và Đầu tư", ["finance"]),
        ("Ủy ban nhân dân tỉnh", ["ubnd"]),
        ("các sở, ngành", []),
        ("xã Đông Tiến", []),
        ("", []),
    ],
)
def test_it_finds_the_units_a_report_names(units, text, expected):
    found = find_units(province_code="38", text=text)
    assert found == [units[k] for k in expected]
