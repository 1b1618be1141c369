"""Tasks: one per directive and unit, followed to the end; every change kept in history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chidao.meetings.models import Directive
from chidao.organisation.models import Unit


class TaskState(models.TextChoices):
    NEW = "new", _("Mới giao")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    AWAITING_CONFIRMATION = "awaiting", _("Chờ xác nhận hoàn thành")
    DONE = "done", _("Hoàn thành")
    EXTENSION_REQUESTED = "extension_requested", _("Xin gia hạn")
    EXTENDED = "extended", _("Đã gia hạn")
    IMPOSSIBLE = "impossible", _("Không thực hiện được")
    CANCELLED = "cancelled", _("Đã hủy")


def local_day(moment: dt.datetime | None) -> dt.date | None:
    """The day of ``moment`` in the application's time zone (None for None)."""
    return timezone.localtime(moment).date() if moment is not None else None


CLOSED_STATES = (TaskState.DONE, TaskState.IMPOSSIBLE, TaskState.CANCELLED)
OPEN_STATES = tuple(s for s in TaskState if s not in CLOSED_STATES)
"""The states of a task not yet closed: named, so that a filter reads the state index."""


class TaskRole(models.TextChoices):
    """The unit's part in a directive: the lead unit (chủ trì) answers for it being done;
    supporting units (phối hợp) report their part, which the lead sees."""

    LEAD = "lead", _("Chủ trì")
    SUPPORT = "support", _("Phối hợp")


class Task(models.Model):
    """What one unit must do for one directive.

    "Quá hạn" (overdue) is never stored: it is derived from ``deadline`` and the clock.
    ``version`` is the optimistic lock: a write that carries an older version is refused.
    """

    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="tasks")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="tasks")
    state = models.CharField(
        _("trạng thái"), max_length=24, choices=TaskState.choices, default=TaskState.NEW
    )
    role = models.CharField(
        _("vai trò"), max_length=10, choices=TaskRole.choices, default=TaskRole.LEAD, db_index=True
    )
    deadline = models.DateField(_("thời hạn"), null=True, blank=True, db_index=True)
    original_deadline = models.DateField(_("thời hạn ban đầu"), null=True, blank=True)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    reason = models.TextField(_("lý do"), blank=True)  # why it cannot be done
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    # the date of the directive's session, stored so that the register sorts and the
    # dashboard filters by it through an index, not through two joins; set when the task is
    # created (``save``) and kept in step when a session's date changes (``tasks.signals``)
    session_date = models.DateField(null=True, blank=True, editable=False)
    # the local day of ``completed_at``, stored so that the official classes (done on time:
    # completed on or before the deadline's day) compare two dates in the database, with no
    # time zone conversion a row; written with ``completed_at`` (``save``, ``services._write``)
    completed_on = models.DateField(null=True, blank=True, editable=False)
    # the directive's topic, stored so that the register's topic filter reads the tasks of a
    # topic newest first through one index (``task_by_topic_session``), not through a join
    # sorted whole; set when the task is created (``save``) and kept in step when the
    # directive's topic changes (``tasks.signals``)
    topic = models.CharField(max_length=120, blank=True, default="", editable=False)
    # the directive's issuer, stored for the same reason: a leader's tasks newest first
    # (the register's leader filter, a leader's own directives first) through one index
    # (``task_by_issuer_session``); set when the task is created (``save``) and kept in step
    # when the directive's issuer changes (``tasks.signals``)
    issuer = models.ForeignKey(
        "organisation.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        db_index=False,  # the first column of ``task_by_issuer_session``
    )

    # Not columns: what chidao.tasks.queries sets on the rows of some pages (the inbox's,
    # the work list's and the task page's extras; annotations are typed there with
    # WithAnnotations). Declared for the type checker only: a row read elsewhere lacks them.
    return_note: str
    pending_request: ExtensionRequest | None
    latest_report: ProgressReport | None

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["deadline", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["directive", "unit"], name="one_task_per_directive_unit"
            )
        ]
        indexes = [
            # the register's default order (newest session first) and its date filter
            models.Index(fields=["session_date", "directive", "unit"], name="task_by_session_date"),
            # the lists by state (work list, inbox, register's state filter) by deadline
            models.Index(fields=["state", "deadline", "unit"], name="task_by_state_deadline"),
            # a unit's tasks by state and deadline (inbox, unit page, overdue tasks per unit);
            # with the day of completion, the unit's official classes read from the index alone
            models.Index(
                fields=["unit", "state", "deadline", "completed_on"], name="task_by_unit_outcome"
            ),
            # a directive's tasks by state and deadline: whether it has an overdue or an open
            # task, read from the index alone (the leader page's flags and counters)
            models.Index(
                fields=["directive", "state", "deadline", "unit"], name="task_by_directive_state"
            ),
            # a unit's tasks newest session first (the unit dossier's pages)
            models.Index(fields=["unit", "session_date", "id"], name="task_by_unit_session"),
            # the register filtered by state or by topic, newest session first; with the
            # deadline, a period's most overdue tasks read from the index alone (dashboard)
            models.Index(
                fields=["state", "session_date", "directive", "unit", "deadline"],
                name="task_by_state_session",
            ),
            models.Index(
                fields=["topic", "session_date", "directive", "unit"], name="task_by_topic_session"
            ),
            # a leader's tasks, newest session first
            models.Index(
                fields=["issuer", "session_date", "directive", "unit"],
                name="task_by_issuer_session",
            ),
            # a leader's tasks by state and deadline: the leader page's counters (tasks per
            # state, overdue, directives with an overdue or an open task) from the index alone
            models.Index(
                fields=["issuer", "state", "deadline", "directive", "unit"],
                name="task_by_issuer_state",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.directive}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """A new task takes its session's date and its directive's topic and issuer as its
        stored ``session_date``, ``topic`` and ``issuer``."""
        if self._state.adding and self.directive_id:
            if self.session_date is None:
                self.session_date = self.directive.session.date
            if not self.topic:
                self.topic = self.directive.topic
            if self.issuer_id is None:
                self.issuer_id = self.directive.issuer_id
        self.completed_on = local_day(self.completed_at)
        fields = kwargs.get("update_fields")
        if fields is not None and "completed_at" in fields:
            kwargs["update_fields"] = {*fields, "completed_on"}
        super().save(*args, **kwargs)

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return bool(self.deadline and self.state not in CLOSED_STATES and self.deadline < today)


class EventKind(models.TextChoices):
    CREATED = "created", _("Giao nhiệm vụ")
    STARTED = "started", _("Bắt đầu thực hiện")
    PROGRESS = "progress", _("Báo cáo tiến độ")
    COMPLETION_REPORTED = "completion_reported", _("Báo cáo hoàn thành")
    COMPLETION_ACCEPTED = "completion_accepted", _("Xác nhận hoàn thành")
    COMPLETION_RETURNED = "completion_returned", _("Trả lại báo cáo hoàn thành")
    EXTENSION_REQUESTED = "extension_requested", _("Xin gia hạn")
    EXTENSION_GRANTED = "extension_granted", _("Đồng ý gia hạn")
    EXTENSION_REFUSED = "extension_refused", _("Không đồng ý gia hạn")
    IMPOSSIBLE = "impossible", _("Báo cáo không thực hiện được")
    EDITED = "edited", _("Chỉnh sửa")
    COMMENT = "comment", _("Ý kiến")
    CANCELLED = "cancelled", _("Hủy nhiệm vụ")
    RESTORED = "restored", _("Khôi phục nhiệm vụ")


class TaskEvent(models.Model):
    """One entry of a task's history: who, when, what changed."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    from_state = models.CharField(max_length=24, choices=TaskState.choices, blank=True)
    to_state = models.CharField(max_length=24, choices=TaskState.choices, blank=True)
    changes = models.JSONField(default=dict, blank=True)  # {"field": [old, new]}
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.at:%d/%m/%Y})"


class ProgressReport(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reports")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    text = models.TextField(_("nội dung"))
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    is_completion = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.percent}%: {self.text[:60]}"


class Attachment(models.Model):
    """Evidence attached to a task; downloaded only through the permission-checked view."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="attachments")
    report = models.ForeignKey(
        ProgressReport, null=True, blank=True, on_delete=models.SET_NULL, related_name="attachments"
    )
    file = models.FileField(upload_to="attachments/%Y/%m")
    name = models.CharField(max_length=255)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return self.name


class ExtensionStatus(models.TextChoices):
    PENDING = "pending", _("Chờ xem xét")
    GRANTED = "granted", _("Đồng ý")
    REFUSED = "refused", _("Không đồng ý")


class ExtensionRequest(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="extensions")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    new_deadline = models.DateField(_("thời hạn đề nghị"))
    reason = models.TextField(_("lý do"))
    status = models.CharField(
        max_length=10, choices=ExtensionStatus.choices, default=ExtensionStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.new_deadline:%d/%m/%Y} ({self.get_status_display()})"
