"""The official administrative units, old and new: the helpers the web application reuses."""

from __future__ import annotations

import doctest

import pytest

from chidao.extract import units
from chidao.extract.units import lookup_unit, province_name, province_units, provinces


def test_it_knows_the_provinces_of_both_eras():
    assert len(provinces("2025")) == 34
    assert len(provinces("legacy")) == 63
    assert "Thanh Hóa" in provinces("2025") and "Quảng Bình" in provinces("legacy")
    assert "Quảng Bình" not in provinces("2025")


def test_province_names_are_official_however_they_are_written():
    assert province_name("Tỉnh Thanh Hoá") == "Thanh Hóa"
    assert province_name("thanh hoa") == "Thanh Hóa"
    assert province_name("TP. Hồ Chí Minh") == "Hồ Chí Minh"
    assert province_name("Nơi khác") is None


def test_lookup_unit_finds_a_unit_with_or_without_diacritics():
    (unit,) = lookup_unit("huyện", "Yên Thành")
    assert (unit.label, unit.era, unit.province) == ("huyện Yên Thành", "legacy", "Nghệ An")
    assert lookup_unit("huyen", "yen thanh") == [unit]
    assert lookup_unit("thị xã", "Kỳ Anh", "Hà Tĩnh", "legacy")[0].label == "thị xã Kỳ Anh"
    assert lookup_unit("xã", "Không Có Thật") == []


def test_province_units_lists_a_province_s_communes_and_wards():
    units = province_units("Thanh Hoá")
    assert len(units) == 166
    assert {u.level for u in units} <= {"xã", "phường"}
    assert len(province_units("Hà Tĩnh", "2025")) == 69
    legacy = province_units("Nghệ An", "legacy", levels=("huyện", "thị xã", "thành phố"))
    assert any(u.label == "huyện Yên Thành" for u in legacy)


def test_province_units_names_a_bad_province_or_era():
    with pytest.raises(ValueError, match="Xứ Đoài"):
        province_units("Xứ Đoài")
    with pytest.raises(ValueError, match="1999"):
        province_units("Thanh Hóa", "1999")


def test_the_module_examples_hold():
    assert doctest.testmod(units).failed == 0
