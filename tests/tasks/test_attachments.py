"""Evidence files: a size limit, stored under MEDIA_ROOT, downloaded only through the gatekeeper."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chidao.tasks.models import Attachment, ProgressReport, Task, TaskState
from chidao.tasks.services import TaskInputError, report_progress

PDF = b"%PDF-1.4 bien ban ban giao mat bang"


def upload(name: str, content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def attachment(task_a, officer_a):
    report_progress(
        task=task_a,
        actor=officer_a,
        version=1,
        text="Gửi biên bản.",
        percent=50,
        files=[upload("biên bản bàn giao.pdf")],
    )
    return Attachment.objects.get(task=task_a)


def test_it_stores_files_posted_with_a_progress_report_under_media_root(
    client, task_a, officer_a, settings
):
    client.force_login(officer_a)
    response = client.post(
        reverse("tasks:report_progress", args=[task_a.pk]),
        {
            "progress-version": 1,
            "progress-text": "Đã bàn giao 2 ha.",
            "progress-percent": 60,
            "progress-files": [
                upload("bien-ban-1.pdf"),
                upload("anh-hien-truong.jpg", b"\xff\xd8jpeg"),
            ],
        },
    )
    assert response.status_code == 302
    files = list(Attachment.objects.filter(task=task_a).order_by("name"))
    assert [(f.name, f.size, f.uploaded_by, f.report.text) for f in files] == [
        ("anh-hien-truong.jpg", 6, officer_a, "Đã bàn giao 2 ha."),
        ("bien-ban-1.pdf", len(PDF), officer_a, "Đã bàn giao 2 ha."),
    ]
    for f in files:
        path = Path(f.file.path)
        assert path.is_relative_to(Path(settings.MEDIA_ROOT)) and path.read_bytes() in (
            PDF,
            b"\xff\xd8jpeg",
        )
    assert (Task.objects.get(pk=task_a.pk).state, Task.objects.get(pk=task_a.pk).progress) == (
        TaskState.IN_PROGRESS,
        60,
    )


def test_it_refuses_a_file_over_the_limit_and_stores_nothing(client, task_a, officer_a, settings):
    settings.CHIDAO_MAX_UPLOAD_BYTES = 10
    client.force_login(officer_a)
    response = client.post(
        reverse("tasks:report_progress", args=[task_a.pk]),
        {
            "progress-version": 1,
            "progress-text": "Ảnh lớn.",
            "progress-percent": 10,
            "progress-files": [upload("anh-lon.pdf")],
        },
    )
    assert response.status_code == 400
    assert (
        "anh-lon.pdf" in response.content.decode()
        and "vượt quá giới hạn" in response.content.decode()
    )
    assert (
        Attachment.objects.count(),
        ProgressReport.objects.count(),
        Task.objects.get(pk=task_a.pk).version,
    ) == (0, 0, 1)


def test_the_service_itself_enforces_the_limit(task_a, officer_a, settings):
    settings.CHIDAO_MAX_UPLOAD_BYTES = 10
    with pytest.raises(TaskInputError, match=r"anh-lon\.pdf"):
        report_progress(
            task=task_a,
            actor=officer_a,
            version=1,
            text="x",
            percent=5,
            files=[upload("anh-lon.pdf")],
        )
    assert (Attachment.objects.count(), ProgressReport.objects.count()) == (0, 0)


@pytest.mark.parametrize("persona", ["officer_a", "office", "leader", "admin"])
def test_it_downloads_as_an_attachment_for_those_who_may_see_the_task(
    client, request, attachment, persona
):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("tasks:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "bi%C3%AAn%20b%E1%BA%A3n%20b%C3%A0n%20giao.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF


def test_it_answers_404_to_another_units_officer_as_for_a_missing_file(
    client, attachment, officer_b
):
    client.force_login(officer_b)
    assert client.get(reverse("tasks:attachment", args=[attachment.pk])).status_code == 404
    assert client.get(reverse("tasks:attachment", args=[attachment.pk + 1000])).status_code == 404


def test_it_sends_anonymous_users_to_login(client, attachment):
    response = client.get(reverse("tasks:attachment", args=[attachment.pk]))
    assert (response.status_code, response["Location"].startswith(reverse("login"))) == (302, True)


def test_it_lists_the_files_on_the_task_page_with_gatekept_links(client, attachment, office):
    client.force_login(office)
    html = client.get(reverse("tasks:task", args=[attachment.task_id])).content.decode()
    assert reverse("tasks:attachment", args=[attachment.pk]) in html
    assert "/uploads/" not in html  # never a direct media link
