"""Task states and transitions: who may move a task where, and what each move writes."""

from __future__ import annotations

import datetime as dt

import pytest

from chidao.tasks.models import EventKind, ExtensionStatus, Task, TaskState
from chidao.tasks.services import (
    NotAllowedError,
    TaskInputError,
    TransitionError,
    accept_completion,
    create_tasks,
    edit_task,
    grant_extension,
    refuse_extension,
    reopen,
    report_completion,
    report_impossible,
    report_progress,
    request_extension,
    return_completion,
    start,
)


def fresh(task: Task) -> Task:
    return Task.objects.get(pk=task.pk)


def test_it_creates_one_new_task_per_unit_with_a_created_event(
    directive, unit_a, unit_b, office, today
):
    deadline = today + dt.timedelta(days=5)
    tasks = create_tasks(
        directive=directive, units=[unit_a, unit_b, unit_a], deadline=deadline, actor=office
    )
    assert [(t.unit, t.state, t.deadline, t.version) for t in tasks] == [
        (unit_a, TaskState.NEW, deadline, 1),
        (unit_b, TaskState.NEW, deadline, 1),
    ]
    event = tasks[0].events.get()
    assert (event.kind, event.actor, event.to_state, event.changes) == (
        EventKind.CREATED,
        office,
        TaskState.NEW,
        {"deadline": [None, deadline.isoformat()]},
    )


def test_it_refuses_a_second_task_for_the_same_unit(tasks, directive, unit_a, office):
    with pytest.raises(TaskInputError, match="Xã An Bình"):
        create_tasks(directive=directive, units=[unit_a], deadline=None, actor=office)


def test_it_lets_the_unit_start_a_new_task(task_a, officer_a):
    start(task=task_a, actor=officer_a, version=1)
    assert (fresh(task_a).state, fresh(task_a).version) == (TaskState.IN_PROGRESS, 2)


def test_it_moves_a_new_task_to_in_progress_on_a_progress_report(task_a, officer_a):
    report = report_progress(
        task=task_a, actor=officer_a, version=1, text="Đã kiểm đếm 40 hộ.", percent=40
    )
    task = fresh(task_a)
    assert (task.state, task.progress, report.percent, report.text) == (
        TaskState.IN_PROGRESS,
        40,
        40,
        "Đã kiểm đếm 40 hộ.",
    )


@pytest.mark.parametrize("percent", [-1, 101, "bốn mươi"])
def test_it_refuses_a_percentage_outside_0_to_100(task_a, officer_a, percent):
    with pytest.raises(TaskInputError, match="0 đến 100"):
        report_progress(task=task_a, actor=officer_a, version=1, text="x", percent=percent)
    assert fresh(task_a).state == TaskState.NEW


def test_it_runs_the_completion_cycle_report_return_report_accept(task_a, officer_a, office):
    report_completion(task=task_a, actor=officer_a, version=1, text="Đã bàn giao mặt bằng.")
    assert fresh(task_a).state == TaskState.AWAITING_CONFIRMATION
    return_completion(task=task_a, actor=office, version=2, note="Thiếu biên bản bàn giao.")
    assert fresh(task_a).state == TaskState.IN_PROGRESS
    report_completion(task=task_a, actor=officer_a, version=3, text="Bổ sung biên bản.")
    accept_completion(task=task_a, actor=office, version=4)
    task = fresh(task_a)
    assert (task.state, task.progress, task.completed_at is not None) == (TaskState.DONE, 100, True)


def test_it_requires_a_note_to_return_a_completion(task_a, officer_a, office):
    report_completion(task=task_a, actor=officer_a, version=1)
    with pytest.raises(TaskInputError):
        return_completion(task=task_a, actor=office, version=2, note="  ")
    assert fresh(task_a).state == TaskState.AWAITING_CONFIRMATION


def test_it_grants_an_extension_and_keeps_the_original_deadline(task_a, officer_a, office):
    first = task_a.deadline
    new = first + dt.timedelta(days=30)
    request_extension(
        task=task_a,
        actor=officer_a,
        version=1,
        new_deadline=new,
        reason="Chờ quyết định thu hồi đất.",
    )
    assert fresh(task_a).state == TaskState.EXTENSION_REQUESTED
    grant_extension(task=task_a, actor=office, version=2)
    task = fresh(task_a)
    assert (task.state, task.deadline, task.original_deadline) == (TaskState.EXTENDED, new, first)
    assert task.extensions.get().status == ExtensionStatus.GRANTED


def test_it_refuses_an_extension_and_returns_to_the_state_before_the_request(
    task_a, officer_a, office
):
    start(task=task_a, actor=officer_a, version=1)
    request_extension(
        task=task_a,
        actor=officer_a,
        version=2,
        new_deadline=task_a.deadline + dt.timedelta(days=3),
        reason="Mưa lớn.",
    )
    refuse_extension(task=task_a, actor=office, version=3, note="Đủ thời gian.")
    task = fresh(task_a)
    assert (task.state, task.deadline) == (TaskState.IN_PROGRESS, task_a.deadline)
    assert task.extensions.get().status == ExtensionStatus.REFUSED


def test_it_refuses_an_extension_date_not_after_the_current_deadline(task_a, officer_a):
    with pytest.raises(TaskInputError, match="phải sau thời hạn hiện tại"):
        request_extension(
            task=task_a, actor=officer_a, version=1, new_deadline=task_a.deadline, reason="Mưa lớn."
        )
    assert fresh(task_a).state == TaskState.NEW


def test_it_records_impossible_with_its_reason_and_the_office_may_reopen(task_a, officer_a, office):
    with pytest.raises(TaskInputError):
        report_impossible(task=task_a, actor=officer_a, version=1, reason="")
    report_impossible(task=task_a, actor=officer_a, version=1, reason="Dự án bị hủy.")
    task = fresh(task_a)
    assert (task.state, task.reason) == (TaskState.IMPOSSIBLE, "Dự án bị hủy.")
    reopen(task=task_a, actor=office, version=2, note="Dự án được phê duyệt lại.")
    assert (fresh(task_a).state, fresh(task_a).reason) == (TaskState.IN_PROGRESS, "")


def test_it_lets_the_office_edit_the_deadline_and_reassign_the_unit(task_a, office, department):
    old = task_a.deadline
    new = old + dt.timedelta(days=7)
    edit_task(
        task=task_a,
        actor=office,
        version=1,
        deadline=new,
        unit=department,
        note="Giao Sở Tài chính chủ trì.",
    )
    task = fresh(task_a)
    assert (task.deadline, task.unit) == (new, department)
    assert task.events.last().changes == {
        "deadline": [old.isoformat(), new.isoformat()],
        "unit": ["Xã An Bình", "Sở Tài chính"],
    }


@pytest.mark.parametrize(
    ("action", "kwargs", "state_name"),
    [
        (accept_completion, {}, "Mới giao"),
        (grant_extension, {}, "Mới giao"),
        (refuse_extension, {"note": "Không"}, "Mới giao"),
        (reopen, {"note": "Mở lại"}, "Mới giao"),
    ],
)
def test_it_names_the_state_when_an_office_transition_is_invalid(
    task_a, office, action, kwargs, state_name
):
    with pytest.raises(TransitionError, match=state_name):
        action(task=task_a, actor=office, version=1, **kwargs)
    assert (fresh(task_a).state, fresh(task_a).version) == (TaskState.NEW, 1)


def test_it_refuses_unit_actions_on_a_done_task(task_a, officer_a, office):
    report_completion(task=task_a, actor=officer_a, version=1)
    accept_completion(task=task_a, actor=office, version=2)
    with pytest.raises(TransitionError, match="Hoàn thành"):
        report_progress(task=task_a, actor=officer_a, version=3, text="Thêm", percent=100)
    with pytest.raises(TransitionError, match="Hoàn thành"):
        start(task=task_a, actor=officer_a, version=3)


@pytest.mark.parametrize("persona", ["officer_b", "office", "leader", "admin"])
def test_it_lets_only_the_units_officer_report(request, task_a, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(NotAllowedError):
        report_progress(task=task_a, actor=user, version=1, text="Thử", percent=10)
    assert (fresh(task_a).state, fresh(task_a).progress, fresh(task_a).version) == (
        TaskState.NEW,
        0,
        1,
    )


@pytest.mark.parametrize("persona", ["officer_a", "leader", "admin"])
def test_it_lets_only_the_office_decide(request, task_a, officer_a, persona):
    report_completion(task=task_a, actor=officer_a, version=1)
    user = request.getfixturevalue(persona)
    with pytest.raises(NotAllowedError):
        accept_completion(task=task_a, actor=user, version=2)
    assert fresh(task_a).state == TaskState.AWAITING_CONFIRMATION


def test_it_says_not_allowed_before_it_says_stale(task_a, leader):
    with pytest.raises(NotAllowedError):
        report_progress(task=task_a, actor=leader, version=99, text="Thử", percent=10)
