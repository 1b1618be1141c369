"""A notification for one user about one task, and what each user chooses to receive."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chidao.tasks.models import Task


class NotificationKind(models.TextChoices):
    # for the unit's officers
    NEW_TASK = "new_task", _("Nhiệm vụ mới được giao")
    DUE_SOON = "due_soon", _("Nhiệm vụ sắp đến hạn")
    OVERDUE = "overdue", _("Nhiệm vụ quá hạn")
    REPORT_RETURNED = "report_returned", _("Báo cáo hoàn thành bị trả lại")
    EXTENSION_GRANTED = "extension_granted", _("Đề nghị gia hạn được đồng ý")
    EXTENSION_REFUSED = "extension_refused", _("Đề nghị gia hạn không được đồng ý")
    FOLLOW_UP = "follow_up", _("Ý kiến chỉ đạo thêm của lãnh đạo")
    # for the office
    COMPLETION_REPORTED = "completion_reported", _("Đơn vị báo cáo hoàn thành")
    EXTENSION_REQUESTED = "extension_requested", _("Đơn vị xin gia hạn")


OFFICER_KINDS = (
    NotificationKind.NEW_TASK,
    NotificationKind.DUE_SOON,
    NotificationKind.OVERDUE,
    NotificationKind.REPORT_RETURNED,
    NotificationKind.EXTENSION_GRANTED,
    NotificationKind.EXTENSION_REFUSED,
    NotificationKind.FOLLOW_UP,
)
OFFICE_KINDS = (NotificationKind.COMPLETION_REPORTED, NotificationKind.EXTENSION_REQUESTED)

# by e-mail unless the user says otherwise: what a unit must act on; the office, which works
# in the application all day, gets its notices there only
EMAIL_BY_DEFAULT = frozenset(OFFICER_KINDS)


class Notification(models.Model):
    """One notice for ``recipient`` about ``task``.

    ``key`` names the event or the reminder slot ("event:812", "due:44:2026-06-30",
    "overdue:44:2026-07-08"); the database keeps one row per recipient and key, so a
    reminder run twice, or two processes at once, never store or send the same notice twice.
    ``shown`` is False when the user wants the notice by e-mail only; ``email_pending`` is True
    until the e-mail has gone.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("loại"), max_length=24, choices=NotificationKind.choices)
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="notifications")
    key = models.CharField(max_length=80)
    day = models.DateField(_("ngày"))
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    note = models.TextField(_("nội dung"), blank=True)
    actor_name = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    shown = models.BooleanField(default=True)
    email_pending = models.BooleanField(default=False)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="one_notice_per_key")
        ]
        indexes = [
            models.Index(fields=["recipient", "shown", "read_at"], name="notice_unread"),
            models.Index(fields=["recipient", "-created_at"], name="notice_recent"),
            models.Index(
                fields=["email_pending"],
                name="notice_email_pending",
                condition=models.Q(email_pending=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient}"


class Preference(models.Model):
    """How ``user`` wants to hear about one kind of notice (no row: the defaults)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("loại"), max_length=24, choices=NotificationKind.choices)
    in_app = models.BooleanField(_("trong ứng dụng"), default=True)
    email = models.BooleanField(_("thư điện tử"), default=False)

    class Meta:
        verbose_name = _("lựa chọn thông báo")
        verbose_name_plural = _("lựa chọn thông báo")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.kind}"
