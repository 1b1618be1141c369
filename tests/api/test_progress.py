"""POST /api/tasks/{id}/progress: the unit reports progress; a stale version answers 409."""

from __future__ import annotations

from chidao.tasks.models import TaskState


def _post(client, task, **body):
    return client.post(f"/api/tasks/{task.pk}/progress", body, content_type="application/json")


def test_it_records_the_officers_progress_report(client, officer_a, task_a):
    client.force_login(officer_a)

    response = _post(client, task_a, text="Đã lập xong nhiệm vụ quy hoạch", percent=50, version=1)

    assert response.status_code == 200, response.content
    task_a.refresh_from_db()
    assert task_a.progress == 50
    assert task_a.state == TaskState.IN_PROGRESS
    assert task_a.version == 2
    report = task_a.reports.get()
    assert (report.text, report.percent, report.author) == (
        "Đã lập xong nhiệm vụ quy hoạch",
        50,
        officer_a,
    )
    data = response.json()
    assert (data["progress"], data["version"], data["state"]) == (50, 2, TaskState.IN_PROGRESS)


def test_it_answers_409_to_a_stale_version_and_changes_nothing(client, officer_a, task_a):
    client.force_login(officer_a)
    assert _post(client, task_a, text="Lần 1", percent=30, version=1).status_code == 200
    task_a.refresh_from_db()
    before = (
        task_a.progress,
        task_a.version,
        task_a.state,
        task_a.reports.count(),
        task_a.events.count(),
    )

    response = _post(client, task_a, text="Viết trên bản cũ", percent=80, version=1)

    assert response.status_code == 409
    assert response.json()["detail"]
    task_a.refresh_from_db()
    after = (
        task_a.progress,
        task_a.version,
        task_a.state,
        task_a.reports.count(),
        task_a.events.count(),
    )
    assert after == before


def test_it_answers_404_when_officer_a_reports_on_officer_bs_task(client, officer_a, task_b):
    client.force_login(officer_a)

    response = _post(client, task_b, text="Không phải việc của tôi", percent=10, version=1)

    assert response.status_code == 404
    task_b.refresh_from_db()
    assert (task_b.progress, task_b.version, task_b.reports.count()) == (0, 1, 0)


def test_it_answers_403_when_the_office_reports_progress_for_a_unit(client, office, task_a):
    client.force_login(office)

    response = _post(client, task_a, text="Thay đơn vị báo cáo", percent=10, version=1)

    assert response.status_code == 403
    task_a.refresh_from_db()
    assert (task_a.progress, task_a.reports.count()) == (0, 0)


def test_it_rejects_a_percentage_above_100_by_field(client, officer_a, task_a):
    client.force_login(officer_a)

    response = _post(client, task_a, text="Vượt", percent=120, version=1)

    assert response.status_code == 422
    assert "percent" in response.content.decode()
    task_a.refresh_from_db()
    assert task_a.progress == 0


def test_a_nul_character_in_the_progress_text_is_refused_and_nothing_is_stored(
    client, officer_a, task_a
):
    client.force_login(officer_a)

    response = _post(client, task_a, text="Đã xong\x00 phần một", percent=40, version=1)

    assert response.status_code == 422
    assert "NUL" in response.content.decode() and "text" in response.content.decode()
    task_a.refresh_from_db()
    assert (task_a.version, task_a.progress, task_a.reports.count()) == (1, 0, 0)


def test_the_service_refuses_a_nul_character_whatever_the_caller(officer_a, task_a):
    import pytest

    from chidao.tasks import services

    with pytest.raises(services.TaskInputError, match="NUL"):
        services.report_progress(task=task_a, actor=officer_a, version=1, text="a\x00b", percent=5)
    task_a.refresh_from_db()
    assert task_a.reports.count() == 0
