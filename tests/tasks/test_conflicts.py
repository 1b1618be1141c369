"""Optimistic locking: a write carrying a stale version is refused and changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chidao.tasks.models import Attachment, ProgressReport, Task, TaskEvent, TaskState
from chidao.tasks.services import (
    ConflictError,
    accept_completion,
    edit_task,
    report_completion,
    report_progress,
    return_completion,
)


@pytest.fixture
def second_office(db):
    from django.contrib.auth import get_user_model

    from chidao.organisation.models import Profile

    user = get_user_model().objects.create_user(
        username="vanphong2", password="mat-khau-rat-dai-2026", first_name="Lê Thị Hòa"
    )
    Profile.objects.create(user=user, role="office", province_code="38")
    return user


def snapshot(task):
    t = Task.objects.get(pk=task.pk)
    return (
        t.state,
        t.deadline,
        t.unit_id,
        t.progress,
        t.version,
        TaskEvent.objects.filter(task=t).count(),
        ProgressReport.objects.filter(task=t).count(),
        Attachment.objects.filter(task=t).count(),
    )


def test_it_refuses_the_second_of_two_office_edits_made_from_the_same_version(
    task_a, office, second_office
):
    edit_task(task=task_a, actor=office, version=1, deadline=dt.date(2026, 12, 1))
    before = snapshot(task_a)
    with pytest.raises(ConflictError) as caught:
        edit_task(task=task_a, actor=second_office, version=1, deadline=dt.date(2027, 1, 15))
    assert snapshot(task_a) == before
    assert Task.objects.get(pk=task_a.pk).deadline == dt.date(2026, 12, 1)
    message = str(caught.value)
    assert (
        "phiên bản hiện tại 2" in message
        and "bạn đang sửa phiên bản 1" in message
        and "tải lại" in message
    )


def test_it_refuses_a_stale_progress_report_and_stores_no_report_or_file(task_a, officer_a):
    report_progress(task=task_a, actor=officer_a, version=1, text="Lần 1", percent=20)
    before = snapshot(task_a)
    with pytest.raises(ConflictError):
        report_progress(
            task=task_a,
            actor=officer_a,
            version=1,
            text="Lần 1 (gửi lại)",
            percent=30,
            files=[SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 test")],
        )
    assert snapshot(task_a) == before


def test_it_refuses_the_losing_decision_when_two_office_staff_decide_at_once(
    task_a, officer_a, office, second_office
):
    report_completion(task=task_a, actor=officer_a, version=1)
    accept_completion(task=task_a, actor=office, version=2)
    with pytest.raises(ConflictError, match="Xác nhận hoàn thành"):
        return_completion(task=task_a, actor=second_office, version=2, note="Thiếu hồ sơ.")
    assert Task.objects.get(pk=task_a.pk).state == TaskState.DONE


def test_it_answers_409_with_the_reason_to_a_stale_form_post(client, task_a, office, second_office):
    edit_task(task=task_a, actor=office, version=1, deadline=dt.date(2026, 12, 1))
    before = snapshot(task_a)
    client.force_login(second_office)
    response = client.post(
        reverse("tasks:edit", args=[task_a.pk]),
        {"edit-version": 1, "edit-deadline": "2027-01-15", "edit-note": ""},
    )
    assert response.status_code == 409
    assert "bạn đang sửa phiên bản 1" in response.content.decode()
    assert snapshot(task_a) == before


def test_it_shows_the_conflict_inside_the_panel_to_an_htmx_post(client, task_a, officer_a, office):
    report_progress(task=task_a, actor=officer_a, version=1, text="Lần 1", percent=20)
    before = snapshot(task_a)
    client.force_login(officer_a)
    response = client.post(
        reverse("tasks:report_progress", args=[task_a.pk]),
        {"progress-version": 1, "progress-text": "Lần 2", "progress-percent": 40},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert (response.status_code, html.lstrip().startswith('<div id="task-panel">')) == (200, True)
    assert "bạn đang sửa phiên bản 1" in html
    assert 'name="progress-version" value="2"' in html  # the refreshed form carries the new version
    assert snapshot(task_a) == before


def test_it_refuses_a_write_that_lost_the_race_after_its_version_check(
    task_a, office, second_office, monkeypatch
):
    """Two requests read version 1 and both pass the check; the second write finds version 2."""
    from chidao.tasks import services

    real_lock = services._lock
    stale = {}

    def lock_then_someone_else_writes(task, version):
        current = real_lock(task, version)
        if not stale:  # the other office user's write lands between our check and our write
            stale["done"] = True
            Task.objects.filter(pk=task.pk).update(version=2, deadline=dt.date(2026, 12, 1))
        return current

    monkeypatch.setattr(services, "_lock", lock_then_someone_else_writes)
    with pytest.raises(ConflictError):
        edit_task(task=task_a, actor=second_office, version=1, deadline=dt.date(2027, 1, 15))
    # (on one test connection the simulated write shares our transaction and is rolled back with it)
    task = Task.objects.get(pk=task_a.pk)
    assert task.deadline != dt.date(2027, 1, 15)
    assert TaskEvent.objects.filter(task=task, kind="edited").count() == 0


def test_after_a_409_the_form_keeps_what_the_officer_typed_beside_the_current_values(
    client, task_a, officer_a, office
):
    edit_task(task=task_a, actor=office, version=1, deadline=dt.date(2026, 11, 30))
    client.force_login(officer_a)
    typed = "Đã giải phóng mặt bằng 12/15 hộ; còn 3 hộ chưa nhận tiền bồi thường."
    response = client.post(
        reverse("tasks:report_progress", args=[task_a.pk]),
        {
            "progress-version": 1,
            "progress-text": typed,
            "progress-percent": 80,
            "progress-files": SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 x"),
        },
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert f">\n{typed}</textarea>" in html  # still in the form, ready to send again
    assert 'name="progress-percent" value="80"' in html
    assert 'name="progress-version" value="2"' in html  # against the version now shown
    assert "Giá trị hiện tại" in html and "30/11/2026" in html
    assert "hãy chọn lại" in html and "bien-ban.pdf" in html
    assert ProgressReport.objects.filter(task=task_a).count() == 0
