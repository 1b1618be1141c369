"""Importing an existing tracking sheet: mapping guessed from headers, rows with their errors,
deadlines read like the extractor, one transaction, re-import changes nothing, and an
export → import round trip into an empty province."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from chidao.documents.importer import guess_mapping, read_deadline, read_sheet
from chidao.documents.imports import ImportRefused, confirm_import, preview, upload_sheet
from chidao.meetings.models import Directive, Session
from chidao.tasks.models import Task, TaskRole, TaskState

pytestmark = pytest.mark.django_db

HEADERS = [
    "STT",
    "Nội dung chỉ đạo",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời hạn",
    "Tình trạng",
    "Ngày chỉ đạo",
    "Lãnh đạo chỉ đạo",
]
ROWS = [
    [
        1,
        "Hoàn thành cắm mốc hành lang đê sông Mã.",
        "UBND xã An Bình",
        "Sở Tài chính",
        "Quý II/2026",
        "Đang thực hiện",
        "12/03/2026",
        "Trịnh Văn Lâm",
    ],
    [
        2,
        "Bố trí vốn xây trường mầm non.",
        "Sở Tài chính",
        "",
        "trước 30/6",
        "Chưa thực hiện",
        "12/03/2026",
        "Trịnh Văn Lâm",
    ],
    [
        3,
        "Báo cáo kết quả giải ngân.",
        "Xã Bình Minh; Xã An Bình",
        "",
        dt.date(2026, 4, 15),
        "Hoàn thành",
        "12/03/2026",
        "Trịnh Văn Lâm",
    ],
]


def _xlsx(rows, headers=HEADERS) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(["UBND TỈNH THANH HÓA - SỔ THEO DÕI Ý KIẾN CHỈ ĐẠO"])  # a title line above the header
    ws.append(headers)
    for r in rows:
        ws.append(r)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_the_mapping_is_guessed_from_the_headers():
    mapping = guess_mapping(HEADERS)
    assert mapping["text"] == 1 and mapping["lead"] == 2 and mapping["support"] == 3
    assert mapping["deadline"] == 4 and mapping["state"] == 5
    assert mapping["session_date"] == 6 and mapping["leader"] == 7


def test_deadlines_are_read_as_the_extractor_reads_them():
    session = dt.date(2026, 3, 12)
    assert read_deadline("Quý II/2026", session) == dt.date(2026, 6, 30)
    assert read_deadline("trước 30/6", session) == dt.date(2026, 6, 30)
    assert read_deadline("30/6/2026", session) == dt.date(2026, 6, 30)
    assert read_deadline(dt.datetime(2026, 4, 15), session) == dt.date(2026, 4, 15)
    assert read_deadline("", session) is None
    with pytest.raises(ValueError):
        read_deadline("sớm nhất có thể", session)


def test_import_writes_sessions_directives_and_tasks_with_roles(office, unit_a, unit_b, department):
    upload = upload_sheet(
        data=_xlsx(ROWS), filename="so-theo-doi.xlsx", province_code="38", actor=office
    )
    result = confirm_import(upload=upload, actor=office, mapping=upload.mapping)
    assert (result.sessions, result.directives, result.tasks) == (1, 3, 5)
    session = Session.objects.get()
    assert session.date == dt.date(2026, 3, 12)
    assert [p.full_name for p in session.chairs.all()] == ["Trịnh Văn Lâm"]
    first = Directive.objects.get(text=ROWS[0][1])
    roles = {t.unit.name: (t.role, t.deadline, t.state) for t in first.tasks.all()}
    assert roles == {
        "Xã An Bình": (TaskRole.LEAD, dt.date(2026, 6, 30), TaskState.IN_PROGRESS),
        "Sở Tài chính": (TaskRole.SUPPORT, dt.date(2026, 6, 30), TaskState.IN_PROGRESS),
    }
    done = Task.objects.filter(directive__text=ROWS[2][1])
    assert {t.state for t in done} == {TaskState.DONE} and done.count() == 2


def test_reimporting_the_same_sheet_changes_nothing(office, unit_a, unit_b, department):
    first = upload_sheet(data=_xlsx(ROWS), filename="so.xlsx", province_code="38", actor=office)
    confirm_import(upload=first, actor=office, mapping=first.mapping)
    before = sorted(
        Task.objects.values_list("pk", "directive_id", "unit_id", "state", "deadline", "version")
    )
    again = upload_sheet(data=_xlsx(ROWS), filename="so.xlsx", province_code="38", actor=office)
    result = confirm_import(upload=again, actor=office, mapping=again.mapping)
    assert (result.sessions, result.directives, result.tasks, result.unchanged_rows) == (0, 0, 0, 3)
    assert (
        sorted(
            Task.objects.values_list(
                "pk", "directive_id", "unit_id", "state", "deadline", "version"
            )
        )
        == before
    )
    assert Session.objects.count() == 1


def test_rows_with_errors_are_shown_and_nothing_is_written(office, unit_a, unit_b, department):
    rows = [
        *ROWS,
        [
            4,
            "Rà soát đất công.",
            "Xã Không Tồn Tại",
            "",
            "sớm nhất",
            "Đang làm dở",
            "31/02/2026",
            "Trịnh Văn Lâm",
        ],
    ]
    upload = upload_sheet(data=_xlsx(rows), filename="loi.xlsx", province_code="38", actor=office)
    planned = preview(upload)
    bad = planned[-1]
    assert bad.line == 6
    assert any("không tìm thấy đơn vị “Xã Không Tồn Tại”" in e for e in bad.errors)
    assert any("Thời hạn: không đọc được thời hạn “sớm nhất”" in e for e in bad.errors)
    assert any("Tình trạng: tình trạng “Đang làm dở” không rõ" in e for e in bad.errors)
    assert any("Ngày chỉ đạo: “31/02/2026” không phải ngày" in e for e in bad.errors)
    assert all(r.ok for r in planned[:-1])
    with pytest.raises(ImportRefused, match="1 dòng có lỗi"):
        confirm_import(upload=upload, actor=office, mapping=upload.mapping)
    assert not Session.objects.exists() and not Task.objects.exists()


def test_a_file_that_is_not_a_sheet_is_refused_naming_it():
    from chidao.documents.importer import SheetError

    with pytest.raises(SheetError, match=r"bao-cao\.docx: only \.xlsx and \.csv"):
        read_sheet(b"x", "bao-cao.docx")
    with pytest.raises(SheetError, match=r"hong\.xlsx: not a valid \.xlsx"):
        read_sheet(b"PK\x03\x04 not a zip", "hong.xlsx")


def test_a_csv_with_semicolons_and_bom_is_read():
    text = "\ufeffNội dung chỉ đạo;Đơn vị chủ trì;Thời hạn\nLàm đường;Sở Tài chính;Quý III/2026\n"
    sheet = read_sheet(text.encode("utf-8"), "so.csv")
    assert sheet.headers == ("Nội dung chỉ đạo", "Đơn vị chủ trì", "Thời hạn")
    assert sheet.rows == (("Làm đường", "Sở Tài chính", "Quý III/2026"),)


def test_export_then_import_into_an_empty_province_gives_the_same_directives_and_tasks(
    client, office, officer_a, unit_a, unit_b, department
):
    from chidao.organisation.models import Unit

    upload = upload_sheet(data=_xlsx(ROWS), filename="so.xlsx", province_code="38", actor=office)
    confirm_import(upload=upload, actor=office, mapping=upload.mapping)
    client.force_login(office)
    exported = b"".join(
        client.get(reverse("documents:export_register", args=["xlsx"])).streaming_content
    )

    for u in (unit_a, unit_b, department):  # the same bodies in another, empty province
        Unit.objects.create(
            province_code="40",
            kind=u.kind,
            level=u.level,
            name=u.name,
            short_name=u.short_name,
            code=u.code,
        )
    again = upload_sheet(data=exported, filename="xuat.xlsx", province_code="40", actor=office)
    assert all(r.ok for r in preview(again)), [r.errors for r in preview(again) if r.errors]
    confirm_import(upload=again, actor=office, mapping=again.mapping)

    def picture(code):
        return sorted(
            (
                t.directive.session.date,
                t.directive.issuer.full_name,
                t.directive.text,
                t.unit.name,
                t.role,
                t.deadline,
                t.state,
                t.progress,
            )
            for t in Task.objects.filter(unit__province_code=code).select_related(
                "directive__session", "directive__issuer", "unit"
            )
        )

    assert picture("40") == picture("38")
    assert len(picture("40")) == 5


def test_the_office_uploads_previews_remaps_and_confirms(
    client, office, unit_a, unit_b, department
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(office)
    response = client.post(
        reverse("documents:import"),
        {"file": SimpleUploadedFile("so.xlsx", _xlsx(ROWS))},
    )
    assert response.status_code == 302
    url = response["Location"]
    page = client.get(url).content.decode()
    assert "Hoàn thành cắm mốc hành lang đê sông Mã." in page and "Không có lỗi" in page
    # mapping the deadline to the leader's column makes every row wrong, and says so
    wrong = client.get(
        url,
        {
            "text": 1,
            "lead": 2,
            "support": 3,
            "deadline": 7,
            "state": 5,
            "session_date": 6,
            "leader": 7,
        },
    )
    assert "3 dòng có lỗi" in wrong.content.decode()
    assert not Session.objects.exists()
    confirm = client.post(
        url,
        {
            "text": 1,
            "lead": 2,
            "support": 3,
            "deadline": 4,
            "state": 5,
            "session_date": 6,
            "leader": 7,
        },
    )
    assert confirm.status_code == 302
    assert Task.objects.count() == 5
    assert client.post(url, {"text": 1, "lead": 2}).status_code == 409


def test_a_bad_upload_is_refused_with_the_file_named(client, office):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(office)
    response = client.post(
        reverse("documents:import"), {"file": SimpleUploadedFile("ghi-chu.txt", b"abc")}
    )
    assert response.status_code == 400
    assert "ghi-chu.txt: only .xlsx and .csv" in response.content.decode()


def test_another_provinces_upload_is_404(client, office, db):
    from chidao.documents.models import SheetImport

    other = SheetImport.objects.create(province_code="42", filename="x.csv", file="imports/x.csv")
    client.force_login(office)
    assert client.get(reverse("documents:import_sheet", args=[other.pk])).status_code == 404
