"""Every action confirms itself; lowering progress asks why."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chidao.tasks.models import Task
from chidao.tasks.services import TaskInputError, report_progress


def test_a_progress_report_says_it_was_sent_after_the_redirect(client, task_a, officer_a):
    client.force_login(officer_a)
    response = client.post(
        reverse("tasks:report_progress", args=[task_a.pk]),
        {"progress-version": 1, "progress-text": "Đã họp dân.", "progress-percent": 20},
        follow=True,
    )
    assert "Đã gửi báo cáo tiến độ." in response.content.decode()


def test_an_htmx_acceptance_says_it_in_the_panel(client, task_a, officer_a, office):
    report_progress(task=task_a, actor=officer_a, version=1, text="Xong phần 1.", percent=50)
    client.force_login(officer_a)
    client.post(
        reverse("tasks:report_completion", args=[task_a.pk]),
        {"complete-version": 2, "complete-text": "Đã bàn giao."},
    )
    client.force_login(office)
    response = client.post(
        reverse("tasks:accept_completion", args=[task_a.pk]),
        {"accept-version": 3, "accept-note": ""},
        HTTP_HX_REQUEST="true",
    )
    assert "Đã xác nhận hoàn thành nhiệm vụ." in response.content.decode()


def test_lowering_progress_without_a_reason_is_refused_and_changes_nothing(task_a, officer_a):
    report_progress(task=task_a, actor=officer_a, version=1, text="Đã đo đạc.", percent=55)
    with pytest.raises(TaskInputError, match="giảm từ 55% xuống 30%"):
        report_progress(task=task_a, actor=officer_a, version=2, text="Đo lại.", percent=30)
    assert Task.objects.get(pk=task_a.pk).progress == 55


def test_lowering_progress_with_a_reason_keeps_it_in_the_report(task_a, officer_a):
    report_progress(task=task_a, actor=officer_a, version=1, text="Đã đo đạc.", percent=55)
    report = report_progress(
        task=task_a,
        actor=officer_a,
        version=2,
        text="Đo lại.",
        percent=30,
        lower_reason="Hai thửa bị khiếu nại, phải đo lại.",
    )
    assert Task.objects.get(pk=task_a.pk).progress == 30
    assert "Hai thửa bị khiếu nại, phải đo lại." in report.text


def test_the_page_asks_why_and_keeps_what_was_typed(client, task_a, officer_a):
    report_progress(task=task_a, actor=officer_a, version=1, text="Đã đo đạc.", percent=55)
    client.force_login(officer_a)
    response = client.post(
        reverse("tasks:report_progress", args=[task_a.pk]),
        {"progress-version": 2, "progress-text": "Đo lại từ đầu.", "progress-percent": 30},
    )
    page = response.content.decode()
    assert response.status_code == 400 and "hãy nêu lý do giảm tiến độ" in page
    assert "Đo lại từ đầu." in page
