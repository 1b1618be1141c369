"""Lists to XLSX and CSV: read back cell by cell; filters kept; text never a formula; a unit's
officer exports only their own unit."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from chidao.tasks.models import Task
from chidao.tasks.services import report_progress

from .conftest import DIRECTIVE_1, DIRECTIVE_2, make_session

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_register_xlsx_has_typed_cells_role_latest_report_and_frozen_header(
    client, office, officer_a, directives, unit_a
):
    task = Task.objects.get(unit=unit_a)
    report_progress(
        task=task, actor=officer_a, version=1, text="Đã kiểm đếm 40 hộ.", percent=30, files=[]
    )
    client.force_login(office)
    response = client.get(reverse("documents:export_register", args=["xlsx"]))
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(_body(response)))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert ws.freeze_panes == "A2"
    rows = {
        r[header.index("Nội dung chỉ đạo")]: r for r in ws.iter_rows(min_row=2, values_only=True)
    }
    row = rows[DIRECTIVE_1]
    assert row[header.index("Ngày làm việc")] == dt.datetime(2026, 2, 13)
    assert row[header.index("Thời hạn")] == dt.datetime(2026, 6, 30)
    assert row[header.index("Đơn vị")] == "Xã An Bình"
    assert row[header.index("Vai trò")] == "Chủ trì"
    assert row[header.index("Tiến độ (%)")] == 30
    assert row[header.index("Báo cáo gần nhất")] == "Đã kiểm đếm 40 hộ."
    deadline_cell = ws.cell(row=2, column=header.index("Thời hạn") + 1)
    assert deadline_cell.number_format == "dd/mm/yyyy"
    roles = sorted(r[header.index("Vai trò")] for r in ws.iter_rows(min_row=2, values_only=True))
    assert roles == ["Chủ trì", "Chủ trì", "Phối hợp"]


def test_register_export_keeps_the_pages_filters(client, office, directives, unit_b):
    client.force_login(office)
    response = client.get(reverse("documents:export_register", args=["xlsx"]), {"unit": unit_b.pk})
    wb = load_workbook(io.BytesIO(_body(response)))
    ws = wb.worksheets[0]
    units = [r[5] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert units == ["Xã Bình Minh"]
    filters = {r[0]: r[1] for r in wb["Bộ lọc"].iter_rows(min_row=2, values_only=True)}
    assert "Xã Bình Minh" in filters.values()


def test_csv_is_utf8_with_bom_dates_dd_mm_yyyy_and_no_formula(client, office, directives):
    directives[1].text = "=1+2 " + DIRECTIVE_2
    directives[1].save()
    client.force_login(office)
    raw = _body(client.get(reverse("documents:export_register", args=["csv"])))
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header = rows[0]
    texts = [r[header.index("Nội dung chỉ đạo")] for r in rows[1:]]
    assert "'=1+2 " + DIRECTIVE_2 in texts
    assert {r[header.index("Thời hạn")] for r in rows[1:]} == {"30/06/2026"}


def test_xlsx_text_starting_with_equals_stays_text(client, office, directives):
    directives[0].text = '=HYPERLINK("http://x.example","bấm")'
    directives[0].save()
    client.force_login(office)
    wb = load_workbook(
        io.BytesIO(_body(client.get(reverse("documents:export_register", args=["xlsx"]))))
    )
    ws = wb.worksheets[0]
    cells = [c for c in ws["D"] if c.value and str(c.value).startswith("=HYPERLINK")]
    assert cells and all(c.data_type == "s" for c in cells)


def test_an_officer_exports_their_own_unit_and_gets_404_for_another(
    client, officer_a, directives, unit_a, unit_b
):
    client.force_login(officer_a)
    response = client.get(reverse("documents:export_unit", args=[unit_a.pk, "csv"]))
    rows = list(csv.reader(io.StringIO(_body(response).decode("utf-8-sig"))))
    assert [r[5] for r in rows[1:]] == ["Xã An Bình"]
    assert client.get(reverse("documents:export_unit", args=[unit_b.pk, "csv"])).status_code == 404
    assert client.get(reverse("documents:export_register", args=["csv"])).status_code == 403


def _petition_rows(response) -> list[tuple]:
    assert response.status_code == 200, response.content
    wb = load_workbook(io.BytesIO(_body(response)))
    return list(wb.worksheets[0].iter_rows(min_row=2, values_only=True))


def _filters_sheet(response) -> list[tuple]:
    wb = load_workbook(io.BytesIO(_body(response)))
    return list(wb.worksheets[1].iter_rows(min_row=2, values_only=True))


def test_petitions_export_lists_the_sessions_petitions(client, office, session, department):
    from chidao.meetings.models import ItemKind, Petition, PetitionState, SessionItem
    from chidao.meetings.petitions import create_petitions

    SessionItem.objects.create(
        session=session,
        kind=ItemKind.PETITION,
        text="Đề nghị hỗ trợ vốn làm đường.",
        data={"by": "Xã An Bình"},
    )
    SessionItem.objects.create(
        session=session,
        kind=ItemKind.PETITION,
        text="Đề nghị bố trí vốn nạo vét kênh.",
        data={"by": "Xã An Bình"},
        order=1,
    )
    create_petitions(session=session)
    Petition.objects.filter(item__text__contains="nạo vét").update(
        answerer=department,
        state=PetitionState.ANSWERED,
        answer="Đã bố trí trong kế hoạch năm.",
    )
    client.force_login(office)

    rows = _petition_rows(client.get(reverse("documents:export_petitions", args=["xlsx"])))

    assert rows == [
        (
            dt.datetime(2026, 2, 13),
            session.title,
            "Đề nghị bố trí vốn nạo vét kênh.",
            "Xã An Bình",
            None,
            "Sở Tài chính",
            "Đã trả lời",
            "Đã bố trí trong kế hoạch năm.",
        ),
        (
            dt.datetime(2026, 2, 13),
            session.title,
            "Đề nghị hỗ trợ vốn làm đường.",
            "Xã An Bình",
            None,
            None,
            "Chưa trả lời",
            None,
        ),
    ]


@pytest.fixture
def petitions_of_two_communes(db, unit_a, unit_b, department):
    """Three petitions: xã An Bình in March (one to the finance department, later answered)
    and in May, xã Bình Minh in April."""
    from chidao.meetings.models import ItemKind, Petition, PetitionState, SessionItem
    from chidao.meetings.petitions import create_petitions
    from chidao.search.index import index_session

    march = make_session(title="Làm việc với xã An Bình tháng 3", date=dt.date(2026, 3, 2))
    march.localities.add(unit_a)
    april = make_session(title="Làm việc với xã Bình Minh", date=dt.date(2026, 4, 8))
    april.localities.add(unit_b)
    may = make_session(title="Làm việc với xã An Bình tháng 5", date=dt.date(2026, 5, 20))
    may.localities.add(unit_a)
    for s, text in (
        (march, "Xã kiến nghị Sở Tài chính bố trí vốn nâng cấp trạm bơm Đồng Mới."),
        (april, "Xã Bình Minh đề nghị bổ sung biên chế giáo viên."),
        (may, "Xã đề nghị tỉnh hỗ trợ kinh phí sửa trạm bơm Cồn Cát."),
    ):
        SessionItem.objects.create(session=s, kind=ItemKind.PETITION, text=text)
        create_petitions(session=s)
        index_session(s)
    Petition.objects.filter(item__text__contains="Đồng Mới").update(
        state=PetitionState.ANSWERED, answer="Đã bố trí vốn năm 2026."
    )


def _petition_export(client, **query):
    return client.get(reverse("documents:export_petitions", args=["xlsx"]), query)


def test_the_petitions_export_keeps_the_register_s_state_body_and_unit_filters(
    client, office, petitions_of_two_communes, unit_a, department
):
    client.force_login(office)

    by_state = _petition_rows(_petition_export(client, state="answered"))
    by_body = _petition_rows(_petition_export(client, answerer=department.pk))
    by_unit = _petition_rows(_petition_export(client, raised_by=unit_a.pk))

    assert [r[2] for r in by_state] == [
        "Xã kiến nghị Sở Tài chính bố trí vốn nâng cấp trạm bơm Đồng Mới."
    ]
    assert [r[2] for r in by_body] == [
        "Xã kiến nghị Sở Tài chính bố trí vốn nâng cấp trạm bơm Đồng Mới."
    ]
    assert [r[2] for r in by_unit] == [
        "Xã đề nghị tỉnh hỗ trợ kinh phí sửa trạm bơm Cồn Cát.",
        "Xã kiến nghị Sở Tài chính bố trí vốn nâng cấp trạm bơm Đồng Mới.",
    ]


def test_the_petitions_export_keeps_the_period_and_words_and_lists_them(
    client, office, petitions_of_two_communes
):
    client.force_login(office)

    response = _petition_export(client, q="tram bom", date_from="2026-04-01", date_to="31/05/2026")

    assert [r[2] for r in _petition_rows(response)] == [
        "Xã đề nghị tỉnh hỗ trợ kinh phí sửa trạm bơm Cồn Cát."
    ]
    assert _filters_sheet(
        _petition_export(client, q="tram bom", date_from="2026-04-01", date_to="31/05/2026")
    ) == [("Tìm", "tram bom"), ("Từ ngày", "01/04/2026"), ("Đến ngày", "31/05/2026")]


def test_a_wrong_filter_value_is_refused_by_name_not_exported_unfiltered(
    client, office, petitions_of_two_communes
):
    client.force_login(office)

    response = _petition_export(client, date_from="31/02/2026", state="answered")

    assert response.status_code == 400
    assert "Từ ngày" in response.content.decode()


def test_the_register_page_links_the_export_with_the_filters_it_applied(
    client, office, petitions_of_two_communes, department
):
    client.force_login(office)

    page = client.get(
        reverse("insight:petitions"),
        {"answerer": department.pk, "date_to": "31/02/2026", "q": "tram bom"},
    )

    link = f"{reverse('documents:export_petitions', args=['xlsx'])}?q=tram+bom&amp;answerer={department.pk}"
    assert link in page.content.decode()


def test_an_officer_cannot_export_the_petitions_register(client, officer_a):
    client.force_login(officer_a)
    assert _petition_export(client).status_code == 403


def test_an_unknown_format_is_404(client, office):
    client.force_login(office)
    assert client.get(reverse("documents:export_register", args=["pdf"])).status_code == 404
