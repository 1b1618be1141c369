"""Every change of a task is kept: who, when, what kind, from which state to which, what changed."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from chidao.tasks.models import EventKind, TaskEvent, TaskState
from chidao.tasks.services import (
    edit_task,
    grant_extension,
    report_completion,
    report_progress,
    request_extension,
    return_completion,
    start,
)


def history(task):
    return list(TaskEvent.objects.filter(task=task).order_by("at", "id"))


def test_it_writes_one_event_per_change_with_actor_states_changes_and_note(
    task_a, officer_a, office
):
    deadline = task_a.deadline
    start(task=task_a, actor=officer_a, version=1)
    report_progress(task=task_a, actor=officer_a, version=2, text="Đã kiểm đếm 12 hộ.", percent=25)
    request_extension(
        task=task_a,
        actor=officer_a,
        version=3,
        new_deadline=deadline + dt.timedelta(days=20),
        reason="Chờ phê duyệt giá đất.",
    )
    grant_extension(task=task_a, actor=office, version=4, note="Đồng ý.")
    report_completion(task=task_a, actor=officer_a, version=5, text="Đã xong.")
    return_completion(task=task_a, actor=office, version=6, note="Thiếu biên bản.")
    rows = [(e.kind, e.actor, e.from_state, e.to_state, e.changes, e.note) for e in history(task_a)]
    new = (deadline + dt.timedelta(days=20)).isoformat()
    assert rows == [
        (
            EventKind.CREATED,
            office,
            "",
            TaskState.NEW,
            {"deadline": [None, deadline.isoformat()]},
            "",
        ),
        (
            EventKind.STARTED,
            officer_a,
            TaskState.NEW,
            TaskState.IN_PROGRESS,
            {"state": ["new", "in_progress"]},
            "",
        ),
        (
            EventKind.PROGRESS,
            officer_a,
            TaskState.IN_PROGRESS,
            TaskState.IN_PROGRESS,
            {"progress": [0, 25]},
            "Đã kiểm đếm 12 hộ.",
        ),
        (
            EventKind.EXTENSION_REQUESTED,
            officer_a,
            TaskState.IN_PROGRESS,
            TaskState.EXTENSION_REQUESTED,
            {"state": ["in_progress", "extension_requested"], "requested_deadline": [None, new]},
            "Chờ phê duyệt giá đất.",
        ),
        (
            EventKind.EXTENSION_GRANTED,
            office,
            TaskState.EXTENSION_REQUESTED,
            TaskState.EXTENDED,
            {
                "state": ["extension_requested", "extended"],
                "deadline": [deadline.isoformat(), new],
                "original_deadline": [None, deadline.isoformat()],
            },
            "Đồng ý.",
        ),
        (
            EventKind.COMPLETION_REPORTED,
            officer_a,
            TaskState.EXTENDED,
            TaskState.AWAITING_CONFIRMATION,
            {"state": ["extended", "awaiting"], "progress": [25, 100]},
            "Đã xong.",
        ),
        (
            EventKind.COMPLETION_RETURNED,
            office,
            TaskState.AWAITING_CONFIRMATION,
            TaskState.IN_PROGRESS,
            {"state": ["awaiting", "in_progress"]},
            "Thiếu biên bản.",
        ),
    ]


def test_it_bumps_the_version_once_per_change(task_a, officer_a):
    start(task=task_a, actor=officer_a, version=1)
    report_progress(task=task_a, actor=officer_a, version=2, text="Tiếp tục.", percent=50)
    task_a.refresh_from_db()
    assert (task_a.version, len(history(task_a))) == (3, 3)


def test_it_records_a_reassignment_with_both_unit_names(task_a, office, department):
    edit_task(
        task=task_a, actor=office, version=1, unit=department, note="Chuyển Sở Tài chính chủ trì."
    )
    event = history(task_a)[-1]
    assert (event.kind, event.changes, event.note) == (
        EventKind.EDITED,
        {"unit": ["Xã An Bình", "Sở Tài chính"]},
        "Chuyển Sở Tài chính chủ trì.",
    )


def test_it_shows_the_timeline_newest_first_on_the_task_page_and_history_partial(
    client, task_a, officer_a
):
    report_progress(
        task=task_a, actor=officer_a, version=1, text="Đã họp dân ở thôn Đông.", percent=10
    )
    client.force_login(officer_a)
    for name in ("tasks:task", "tasks:task_history"):
        html = client.get(reverse(name, args=[task_a.pk])).content.decode()
        section = html[html.index('id="task-history"') :]
        assert section.index("Báo cáo tiến độ") < section.index("Giao nhiệm vụ")
        assert "Đã họp dân ở thôn Đông." in section
        assert "Mới giao → Đang thực hiện" in section
