"""The notice page as the office uses it: edit, generate, issue; the due date on the session,
the warning on the work list, the number on the tasks; other roles kept out."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from docx import Document

from chidao.documents.models import Notice
from chidao.documents.services import ensure_notice

from .conftest import DIRECTIVE_1

pytestmark = pytest.mark.django_db


def _form(notice, **changes):
    data = {
        f: getattr(notice, f)
        for f in (
            "format",
            "issuing_body",
            "symbol",
            "place",
            "summary",
            "opening",
            "assessment",
            "directives_heading",
            "closing",
            "recipients",
            "signature",
            "signer",
        )
    }
    data["version"] = notice.version
    data.update(changes)
    return data


def test_session_page_shows_the_notice_due_date_in_working_days(
    client, office, session, directives
):
    client.force_login(office)
    page = client.get(reverse("meetings:session", args=[session.pk])).content.decode()
    # 13/02/2026 + 5 working days across Tết and two weekends
    assert "27/02/2026" in page
    assert reverse("documents:notice", args=[session.pk]) in page


def test_office_edits_the_assessment_and_the_docx_carries_it(client, office, session, directives):
    client.force_login(office)
    url = reverse("documents:notice", args=[session.pk])
    assert client.get(url).status_code == 200
    assert not Notice.objects.filter(session=session).exists()  # opening the page writes nothing
    notice = ensure_notice(session=session, actor=office)
    text = "Xã An Bình đã hoàn thành 9/12 chỉ tiêu chủ yếu năm 2025."
    response = client.post(url, _form(notice, assessment=text, action="docx"))
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.assessment == text and notice.version == 2 and notice.file
    download = client.get(reverse("documents:notice_docx", args=[session.pk]))
    doc = Document(io.BytesIO(b"".join(download.streaming_content)))
    paragraphs = [p.text for p in doc.paragraphs]
    assert text in paragraphs
    assert any(DIRECTIVE_1.rstrip(".") in p for p in paragraphs)


def test_a_stale_form_is_refused_with_409_and_keeps_what_was_typed(
    client, office, session, directives
):
    client.force_login(office)
    url = reverse("documents:notice", args=[session.pk])
    notice = ensure_notice(session=session, actor=office)
    stale = _form(notice, assessment="Bản của người thứ hai.", action="save")
    assert (
        client.post(
            url, _form(notice, assessment="Bản của người thứ nhất.", action="save")
        ).status_code
        == 302
    )
    response = client.post(url, stale)
    assert response.status_code == 409
    assert "Bản của người thứ hai." in response.content.decode()
    notice.refresh_from_db()
    assert notice.assessment == "Bản của người thứ nhất."


def test_issuing_records_number_and_date_shown_on_session_and_tasks(
    client, office, session, directives
):
    client.force_login(office)
    notice = ensure_notice(session=session, actor=office)
    response = client.post(
        reverse("documents:notice_issue", args=[session.pk]),
        {"version": notice.version, "number": "31", "issued_on": "2026-02-25"},
    )
    assert response.status_code == 302
    notice.refresh_from_db()
    assert (notice.number, notice.issued_on, notice.reference) == (
        "31",
        dt.date(2026, 2, 25),
        "31/TB-UBND",
    )
    session_page = client.get(reverse("meetings:session", args=[session.pk])).content.decode()
    assert "31/TB-UBND" in session_page and "25/02/2026" in session_page
    task = directives[0].tasks.get()
    task_page = client.get(reverse("tasks:task", args=[task.pk])).content.decode()
    assert "Thông báo kết luận số 31/TB-UBND ngày 25/02/2026" in task_page


def test_the_issue_date_is_typed_dd_mm_yyyy_not_in_a_browser_date_picker(
    client, office, session, directives
):
    """``<input type="date">`` shows mm/dd/yyyy in an English-language Chromium."""
    client.force_login(office)
    notice = ensure_notice(session=session, actor=office)
    page = client.get(reverse("documents:notice", args=[session.pk])).content.decode()
    field = re.search(r'<input[^>]*name="issued_on"[^>]*>', page).group()
    assert 'type="text"' in field and 'placeholder="dd/mm/yyyy"' in field
    client.post(
        reverse("documents:notice_issue", args=[session.pk]),
        {"version": notice.version, "number": "32", "issued_on": "26/02/2026"},
    )
    notice.refresh_from_db()
    assert notice.issued_on == dt.date(2026, 2, 26)


def test_issue_date_before_the_session_is_refused_with_the_reason(
    client, office, session, directives
):
    client.force_login(office)
    notice = ensure_notice(session=session, actor=office)
    response = client.post(
        reverse("documents:notice_issue", args=[session.pk]),
        {"version": notice.version, "number": "31", "issued_on": "2026-02-01"},
    )
    assert response.status_code == 400
    assert "trước ngày làm việc 13/02/2026" in response.content.decode()
    notice.refresh_from_db()
    assert notice.number == ""


def test_work_list_warns_of_a_notice_about_to_fall_due(
    client, office, session, directives, monkeypatch
):
    from chidao.documents import queries

    real = queries.notices_to_issue
    monkeypatch.setattr(
        queries, "notices_to_issue", lambda user, today=None: real(user, dt.date(2026, 2, 25))
    )
    client.force_login(office)
    page = client.get(reverse("tasks:worklist")).content.decode()
    assert "Thông báo kết luận cần ban hành" in page
    assert "27/02/2026" in page
    statuses = real(office, dt.date(2026, 2, 25))
    assert [s.working_days_left for s in statuses] == [2]
    assert real(office, dt.date(2026, 3, 2))[0].overdue


def test_officers_cannot_open_the_notice_and_other_provinces_get_404(
    client, officer_a, office, session, directives
):
    client.force_login(officer_a)
    assert client.get(reverse("documents:notice", args=[session.pk])).status_code == 403
    assert client.get(reverse("documents:notice_docx", args=[session.pk])).status_code == 403
    session.province_code = "42"
    session.save()
    client.force_login(office)
    assert client.get(reverse("documents:notice", args=[session.pk])).status_code == 404


def test_notice_command_writes_the_docx_the_page_would(tmp_path, office, session, directives):
    from django.core.management import call_command

    notice = ensure_notice(session=session, actor=office)
    notice.assessment = "Đánh giá do Văn phòng soạn."
    notice.save()
    out = tmp_path / "tb.docx"
    call_command("notice", str(session.pk), "--format", "docx", "-o", str(out))
    paragraphs = [p.text for p in Document(str(out)).paragraphs]
    assert "Đánh giá do Văn phòng soạn." in paragraphs
    assert any(DIRECTIVE_1.rstrip(".") in p for p in paragraphs)


def test_notice_command_names_a_missing_session(tmp_path, db):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="SESSION_ID: no confirmed session 999"):
        call_command("notice", "999", "-o", str(tmp_path / "x.docx"))
