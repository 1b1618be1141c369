"""``chidao init``: a province's units, bodies, and pre-2025 units linked to their successors."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from chidao.organisation.bodies import load_bodies, localise
from chidao.organisation.models import LOCAL_KINDS, Unit, UnitKind
from chidao.organisation.services import find_units, init_province


def _local(code):
    return Unit.objects.filter(province_code=code, kind__in=LOCAL_KINDS)


def test_it_loads_the_166_communes_and_wards_of_thanh_hoa(db):
    result = init_province(province="Thanh Hóa")
    assert (result.province, result.province_code, result.local_units) == ("Thanh Hóa", "38", 166)
    assert _local("38").count() == 166
    assert set(_local("38").values_list("kind", flat=True)) == {UnitKind.COMMUNE, UnitKind.WARD}
    assert Unit.objects.get(province_code="38", kind=UnitKind.PROVINCE).name == "Tỉnh Thanh Hóa"
    assert not _local("38").filter(valid_to__isnull=False).exists()


def test_it_creates_every_standard_body_of_the_province(db):
    init_province(province="thanh hoa")
    names = set(Unit.objects.filter(province_code="38").values_list("name", flat=True))
    expected = {b.name for b in load_bodies() if b.exists_in("38")}
    assert expected <= names
    assert {"Sở Tài chính", "Văn phòng Tỉnh ủy", "Ban Dân tộc HĐND tỉnh", "Sở Ngoại vụ"} <= names
    finance = Unit.objects.get(province_code="38", name="Sở Tài chính")
    assert (finance.kind, finance.parent.name) == (UnitKind.DEPARTMENT, "UBND tỉnh")


def test_it_names_the_bodies_of_a_city_as_a_city_does(db):
    init_province(province="TP Hồ Chí Minh")
    names = set(Unit.objects.filter(province_code="79").values_list("name", flat=True))
    assert {
        "Ban Thường vụ Thành ủy",
        "UBND thành phố",
        "HĐND thành phố",
        "Công an thành phố",
    } <= names
    assert "Ban Thường vụ Tỉnh ủy" not in names
    assert "Ban Dân tộc HĐND thành phố" not in names  # not one of the provinces that have it
    assert localise("Văn phòng UBND tỉnh", is_city=True) == "Văn phòng UBND thành phố"


def test_it_loads_ha_tinh_with_its_69_units_and_legacy_districts(db):
    result = init_province(province="Hà Tĩnh")
    assert (result.province_code, result.local_units) == ("42", 69)
    districts = Unit.objects.filter(province_code="42", kind=UnitKind.DISTRICT)
    assert districts.count() == 12 == result.units[UnitKind.DISTRICT]
    assert set(districts.values_list("valid_to", flat=True)) == {date(2025, 6, 30)}


def test_it_keeps_the_old_districts_and_communes_with_their_successors(db):
    init_province(province="Thanh Hóa")
    (district,) = find_units(province_code="38", text="huyện Thiệu Hoá")
    assert (district.kind, district.valid_to, district.short_name) == (
        UnitKind.DISTRICT,
        date(2025, 6, 30),
        "Thiệu Hóa",
    )
    communes = list(district.children.all())
    assert communes and all(c.kind == UnitKind.LEGACY_COMMUNE for c in communes)
    # a district's successors are the new units its old communes went into
    from_communes = {s.pk for c in communes for s in c.successors.all()}
    assert {s.pk for s in district.successors.all()} == from_communes
    assert all(s.kind in LOCAL_KINDS and s.province_code == "38" for s in district.successors.all())


def test_it_links_every_old_commune_to_a_new_unit(db):
    init_province(province="Hà Tĩnh")
    old = Unit.objects.filter(province_code="42", kind=UnitKind.LEGACY_COMMUNE)
    assert old.count() > 150
    assert not old.filter(successors__isnull=True).exists()
    assert not _local("42").filter(predecessors__isnull=True).exists()


def test_it_loads_the_old_units_of_every_province_merged_in(db):
    init_province(province="Ninh Bình")  # Hà Nam and Nam Định merged into it in 2025
    names = set(
        Unit.objects.filter(province_code="37", kind=UnitKind.DISTRICT).values_list(
            "name", flat=True
        )
    )
    assert {"Thành phố Phủ Lý", "Thành phố Nam Định", "Thành phố Hoa Lư"} <= names


def test_it_is_idempotent(db):
    first = init_province(province="Hà Tĩnh")
    links = Unit.successors.through.objects.count()
    second = init_province(province="ha tinh")
    assert second.units == first.units
    assert (second.created, second.links_created) == (0, 0)
    assert first.created == sum(first.units.values())
    assert Unit.successors.through.objects.count() == links == second.successor_links


def test_it_leaves_units_added_by_hand_alone(db):
    init_province(province="Hà Tĩnh")
    Unit.objects.create(
        province_code="42", kind=UnitKind.DEPARTMENT, name="Ban Quản lý Khu kinh tế tỉnh"
    )
    result = init_province(province="Hà Tĩnh")
    assert result.created == 0
    assert Unit.objects.filter(name="Ban Quản lý Khu kinh tế tỉnh").count() == 1


def test_it_finds_the_new_communes_by_their_names_without_diacritics(db):
    init_province(province="Hà Tĩnh")
    some = _local("42").filter(kind=UnitKind.COMMUNE).first()
    found = find_units(province_code="42", text=some.name.lower().replace("xã", "xa"))
    assert found[0] == some


# ---- the command ---------------------------------------------------------------------


def test_the_command_prints_the_counts(db):
    out = StringIO()
    call_command("init", province="Thanh Hoá", stdout=out)
    text = out.getvalue()
    assert "Thanh Hóa (mã 38):" in text
    assert "  Xã: 147" in text and "  Phường: 19" in text


def test_the_command_names_close_provinces_for_an_unknown_name(db):
    with pytest.raises(CommandError) as error:
        call_command("init", province="Thanh Hao", stdout=StringIO())
    assert "unknown province 'Thanh Hao'" in str(error.value)
    assert "Thanh Hóa" in str(error.value)
    assert not Unit.objects.exists()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Thanh Hóa", "38"),
        ("thanh hoa", "38"),
        ("tỉnh Thanh Hoá", "38"),
        ("Hà Tĩnh", "42"),
        ("TP Hồ Chí Minh", "79"),
        ("thành phố hà nội", "1"),
        ("Đắk Lắk", "66"),
    ],
)
def test_it_accepts_province_names_as_people_type_them(name, code):
    from chidao.organisation.provinces import find_province, province_code

    assert province_code(find_province(name)) == code


def test_it_does_not_create_a_renamed_commune_again(db):
    init_province(province="Hà Tĩnh")
    commune = _local("42").order_by("code").first()
    commune.name = commune.name + " (tên cũ)"
    commune.save()
    result = init_province(province="Hà Tĩnh")
    assert result.created == 0
    assert _local("42").count() == 69
