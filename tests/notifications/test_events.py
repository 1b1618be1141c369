"""What the task services tell whom: the units' officers and the office, never another unit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from chidao.notifications import services
from chidao.notifications.models import Notification, NotificationKind, Preference
from chidao.tasks import services as tasks
from chidao.workflow.corrections import add_comment


def kinds(user) -> list[tuple[str, int]]:
    return list(
        Notification.objects.filter(recipient=user).order_by("pk").values_list("kind", "task_id")
    )


def test_it_tells_each_units_officers_of_their_new_task(assigned, officer_a, officer_b, office):
    task_a, task_b = assigned
    assert kinds(officer_a) == [(NotificationKind.NEW_TASK, task_a.pk)]
    assert kinds(officer_b) == [(NotificationKind.NEW_TASK, task_b.pk)]
    assert kinds(office) == []  # the office created them: nothing to tell itself


def test_an_officer_of_another_unit_is_never_notified_even_when_named(assigned, officer_a):
    task_b = assigned[1]
    kept = services.notify(
        kind=NotificationKind.FOLLOW_UP, task=task_b, recipients=[officer_a], key="test:1"
    )
    assert kept == 0
    assert not Notification.objects.filter(recipient=officer_a, task=task_b).exists()


def test_a_returned_report_reaches_the_unit_with_the_offices_note(assigned, officer_b, office):
    task_b = assigned[1]
    tasks.report_completion(task=task_b, actor=officer_b, version=1, text="Đã bàn giao mặt bằng.")
    tasks.return_completion(task=task_b, actor=office, version=2, note="Thiếu biên bản bàn giao.")
    notice = Notification.objects.get(recipient=officer_b, kind=NotificationKind.REPORT_RETURNED)
    assert (notice.task_id, notice.note) == (task_b.pk, "Thiếu biên bản bàn giao.")


def test_a_completion_report_and_an_extension_request_reach_the_office(
    assigned, officer_a, officer_b, office, today
):
    task_a, task_b = assigned
    tasks.report_completion(task=task_a, actor=officer_a, version=1, text="Xong.")
    later = today + dt.timedelta(days=40)
    tasks.request_extension(
        task=task_b, actor=officer_b, version=1, new_deadline=later, reason="Mưa lũ kéo dài."
    )
    got = list(
        Notification.objects.filter(recipient=office)
        .order_by("pk")
        .values_list("kind", "task_id", "deadline")
    )
    assert got == [
        (NotificationKind.COMPLETION_REPORTED, task_a.pk, today + dt.timedelta(days=10)),
        (NotificationKind.EXTENSION_REQUESTED, task_b.pk, later),
    ]


def test_a_granted_and_a_refused_extension_reach_the_unit(
    assigned, officer_a, officer_b, office, today
):
    task_a, task_b = assigned
    later = today + dt.timedelta(days=30)
    for task, officer in ((task_a, officer_a), (task_b, officer_b)):
        tasks.request_extension(
            task=task, actor=officer, version=1, new_deadline=later, reason="Thiếu vốn."
        )
    tasks.grant_extension(task=task_a, actor=office, version=2)
    tasks.refuse_extension(task=task_b, actor=office, version=2, note="Đã quá nhiều lần lùi hạn.")
    granted = Notification.objects.get(recipient=officer_a, kind=NotificationKind.EXTENSION_GRANTED)
    refused = Notification.objects.get(recipient=officer_b, kind=NotificationKind.EXTENSION_REFUSED)
    assert granted.deadline == later
    assert refused.note == "Đã quá nhiều lần lùi hạn."


def test_a_leaders_follow_up_reaches_the_units_with_open_tasks(
    assigned, directive, leader, officer_a, officer_b, office
):
    task_a, task_b = assigned
    tasks.report_completion(task=task_a, actor=officer_a, version=1, text="Xong.")
    tasks.accept_completion(task=task_a, actor=office, version=2)
    add_comment(directive=directive, actor=leader, text="Báo cáo kết quả trước phiên họp tháng.")
    follow = Notification.objects.filter(kind=NotificationKind.FOLLOW_UP)
    assert [(n.recipient_id, n.task_id) for n in follow] == [(officer_b.pk, task_b.pk)]
    assert follow[0].actor_name == leader.get_username()


def test_a_task_given_to_another_unit_tells_the_new_units_officers(
    directive, unit_a, unit_b, office, officer_a, officer_b, today
):
    (task,) = tasks.create_tasks(directive=directive, units=[unit_a], deadline=None, actor=office)
    tasks.edit_task(task=task, actor=office, version=1, unit=unit_b, note="Giao lại cho xã.")
    assert kinds(officer_b) == [(NotificationKind.NEW_TASK, task.pk)]


def test_an_inactive_officer_is_not_notified(directive, unit_a, office, officer_a):
    officer_a.is_active = False
    officer_a.save()
    tasks.create_tasks(directive=directive, units=[unit_a], deadline=None, actor=office)
    assert kinds(officer_a) == []


def test_an_email_goes_after_the_commit_to_who_wants_it(
    directive, unit_a, office, mailed, django_capture_on_commit_callbacks
):
    officer_a = mailed[0]
    with django_capture_on_commit_callbacks(execute=True):
        (task,) = tasks.create_tasks(
            directive=directive, units=[unit_a], deadline=None, actor=office
        )
    assert [m.to for m in mail.outbox] == [["canbo.anbinh@example.vn"]]
    assert "Nhiệm vụ mới cho Xã An Bình" in mail.outbox[0].subject
    assert f"/tasks/{task.pk}/" in mail.outbox[0].body
    notice = Notification.objects.get(recipient=officer_a)
    assert (notice.email_pending, notice.emailed_at is not None) == (False, True)


def test_a_user_who_turned_email_off_gets_the_bell_only(
    directive, unit_a, office, mailed, django_capture_on_commit_callbacks
):
    officer_a = mailed[0]
    services.save_preferences(
        user=officer_a,
        choices={NotificationKind.NEW_TASK: services.Channels(in_app=True, email=False)},
    )
    with django_capture_on_commit_callbacks(execute=True):
        tasks.create_tasks(directive=directive, units=[unit_a], deadline=None, actor=office)
    assert mail.outbox == []
    assert Notification.objects.get(recipient=officer_a).shown is True


def test_a_user_who_wants_neither_channel_gets_nothing(directive, unit_a, office, officer_a):
    Preference.objects.create(user=officer_a, kind=NotificationKind.NEW_TASK, in_app=False)
    tasks.create_tasks(directive=directive, units=[unit_a], deadline=None, actor=office)
    assert kinds(officer_a) == []


def test_an_email_the_server_refuses_stays_pending_for_the_next_run(
    directive, unit_a, office, mailed, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.notifications.failing_mail.Backend"
    with django_capture_on_commit_callbacks(execute=True):
        tasks.create_tasks(directive=directive, units=[unit_a], deadline=None, actor=office)
    notice = Notification.objects.get(recipient=mailed[0])
    assert (notice.email_pending, notice.emailed_at) == (True, None)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.deliver_pending() == 1
    assert len(mail.outbox) == 1


def test_the_office_cannot_choose_the_officers_kinds(office):
    with pytest.raises(ValueError, match="due_soon"):
        services.save_preferences(
            user=office, choices={NotificationKind.DUE_SOON: services.Channels(True, True)}
        )
