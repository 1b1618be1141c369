"""Corrections of a confirmed session by the office; the tasks follow every change."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from chidao.audit.models import AuditEvent
from chidao.meetings import services
from chidao.meetings.draft import id_at
from chidao.meetings.models import Session
from chidao.tasks.models import EventKind, Task, TaskRole, TaskState
from chidao.tasks.services import report_completion, start
from chidao.workflow import corrections
from chidao.workflow.sessions import confirm


@pytest.fixture
def session(document, office, department):
    services.edit_item(
        document=document,
        version=document.version,
        kind="directives",
        item_id=id_at(document.draft, "directives", 1),
        units=[department.pk],
    )
    return confirm(document=document, actor=office)


@pytest.fixture
def first(session):
    """UBND xã An Bình's site clearance: one task for xã An Bình."""
    return session.directives.order_by("order").first()


def test_the_office_adds_a_missed_directive_with_lead_and_support_tasks(
    session, office, unit_a, unit_b
):
    directive = corrections.add_directive(
        session=session,
        actor=office,
        text="Xã An Bình chủ trì, phối hợp với xã Bình Minh nạo vét kênh tiêu trước mùa mưa.",
        units=[unit_a.pk, unit_b.pk],
        support=[unit_b.pk],
        deadline=dt.date(2027, 4, 30),
    )
    roles = {t.unit_id: (t.role, t.state, t.deadline) for t in directive.tasks.all()}
    assert roles == {
        unit_a.pk: (TaskRole.LEAD, TaskState.NEW, dt.date(2027, 4, 30)),
        unit_b.pk: (TaskRole.SUPPORT, TaskState.NEW, dt.date(2027, 4, 30)),
    }
    assert directive.issuer_name == "Trịnh Văn Lâm"  # the chair by default
    assert AuditEvent.objects.filter(object_id=str(directive.pk)).exists()


def test_a_new_deadline_reaches_the_open_tasks(first, office):
    corrections.edit_directive(
        directive=first, actor=office, text=first.text, deadline=dt.date(2026, 9, 30)
    )
    (task,) = first.tasks.all()
    assert task.deadline == dt.date(2026, 9, 30)
    assert task.events.last().kind == EventKind.EDITED


def test_withdrawing_cancels_the_open_tasks_with_the_reason_and_keeps_the_history(
    first, office, officer_a
):
    (task,) = first.tasks.all()
    start(task=task, actor=officer_a, version=task.version)

    corrections.withdraw_directive(directive=first, actor=office, reason="Trùng với chỉ đạo số 3.")

    task.refresh_from_db()
    assert task.state == TaskState.CANCELLED
    kinds = list(task.events.values_list("kind", "from_state", "note"))
    assert kinds[-1] == (
        EventKind.CANCELLED,
        TaskState.IN_PROGRESS,
        "Chỉ đạo đã được rút: Trùng với chỉ đạo số 3.",
    )
    assert len(kinds) == 3  # created, started, cancelled
    with pytest.raises(corrections.CorrectionError, match="đã được rút"):
        corrections.withdraw_directive(directive=first, actor=office, reason="lại")


def test_withdrawing_needs_a_reason(first, office):
    with pytest.raises(corrections.CorrectionError, match="Cần nêu lý do"):
        corrections.withdraw_directive(directive=first, actor=office, reason="  ")
    assert first.tasks.get().state == TaskState.NEW


def test_reassigning_cancels_the_unit_taken_off_and_gives_the_new_one_a_task(
    first, office, unit_a, unit_b
):
    corrections.reassign_directive(
        directive=first, actor=office, units=[unit_b.pk], reason="Nhầm xã."
    )
    states = {t.unit_id: t.state for t in first.tasks.all()}
    assert states == {unit_a.pk: TaskState.CANCELLED, unit_b.pk: TaskState.NEW}

    corrections.reassign_directive(
        directive=first,
        actor=office,
        units=[unit_a.pk, unit_b.pk],
        support=[unit_b.pk],
        reason="Cả hai xã.",
    )
    tasks = {t.unit_id: (t.state, t.role) for t in first.tasks.all()}
    assert tasks == {
        unit_a.pk: (TaskState.NEW, TaskRole.LEAD),
        unit_b.pk: (TaskState.NEW, TaskRole.SUPPORT),
    }


def test_a_deleted_session_leaves_the_lists_and_an_administrator_restores_it(
    session, first, office, admin, officer_a, client
):
    (task,) = first.tasks.all()
    report_completion(task=task, actor=officer_a, version=task.version)

    corrections.delete_session(session=session, actor=office, reason="Tin trùng, đã nhập.")

    client.force_login(office)
    assert client.get(reverse("meetings:session", args=[session.pk])).status_code == 404
    assert Task.objects.get(pk=task.pk).state == TaskState.CANCELLED
    assert AuditEvent.objects.filter(kind="session_deleted", object_id=str(session.pk)).exists()
    with pytest.raises(corrections.CorrectionError, match="quản trị"):
        corrections.restore_session(session=session, actor=office)

    client.force_login(admin)
    client.post(
        "/admin/meetings/session/",
        {"action": "restore", "_selected_action": [session.pk]},
    )

    assert Session.objects.get(pk=session.pk).deleted_at is None
    assert Task.objects.get(pk=task.pk).state == TaskState.AWAITING_CONFIRMATION


def test_deleting_needs_a_reason_and_the_office(session, officer_a):
    with pytest.raises(corrections.CorrectionError):
        corrections.delete_session(session=session, actor=officer_a, reason="x")


def test_the_session_page_names_the_units_and_offers_corrections_to_the_office(
    client, session, office, leader, unit_a
):
    client.force_login(office)
    page = client.get(reverse("meetings:session", args=[session.pk])).content.decode()
    assert "Thực hiện: Xã An Bình" in page
    assert "Rút chỉ đạo" in page and "Thêm chỉ đạo bị sót" in page
    client.force_login(leader)
    assert (
        "Rút chỉ đạo"
        not in client.get(reverse("meetings:session", args=[session.pk])).content.decode()
    )


def test_the_pages_add_and_withdraw_a_directive_with_messages(client, session, office, unit_b):
    client.force_login(office)
    response = client.post(
        reverse("meetings:directive_add", args=[session.pk]),
        {"text": "Xã Bình Minh kiểm tra đê bao.", "units": [unit_b.pk], "deadline": "15/05/2027"},
        follow=True,
    )
    assert "Đã thêm chỉ đạo" in response.content.decode()
    directive = session.directives.get(text="Xã Bình Minh kiểm tra đê bao.")
    response = client.post(
        reverse("meetings:directive_withdraw", args=[session.pk, directive.pk]),
        {"reason": ""},
        follow=True,
    )
    assert "Lý do" in response.content.decode() and directive.tasks.get().state == "new"


def test_a_leader_s_follow_up_comment_reaches_the_unit(client, first, leader, officer_a):
    client.force_login(leader)
    client.post(
        reverse("meetings:directive_comment", args=[first.pk]),
        {"text": "Đề nghị báo cáo kết quả trước 15/6."},
    )
    (task,) = first.tasks.all()
    client.force_login(officer_a)
    page = client.get(reverse("tasks:task", args=[task.pk])).content.decode()
    assert "Ý kiến chỉ đạo thêm" in page and "Đề nghị báo cáo kết quả trước 15/6." in page
    assert task.events.filter(kind=EventKind.COMMENT).exists()


def test_an_officer_cannot_comment(client, first, officer_a):
    client.force_login(officer_a)
    response = client.post(
        reverse("meetings:directive_comment", args=[first.pk]), {"text": "Xin ý kiến."}
    )
    assert response.status_code == 403 and not first.comments.exists()
