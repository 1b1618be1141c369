"""The audit trail (who did what, when, from where) and the login attempt counters."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    LOGIN = "login", _("Đăng nhập")
    LOGIN_FAILED = "login_failed", _("Đăng nhập sai")
    LOGIN_THROTTLED = "login_throttled", _("Đăng nhập bị chặn tạm thời")
    LOGOUT = "logout", _("Đăng xuất")
    EXPORT = "export", _("Xuất dữ liệu")
    PERMISSION_DENIED = "permission_denied", _("Bị từ chối quyền")
    SESSION_CONFIRMED = "session_confirmed", _("Xác nhận buổi làm việc")
    SESSION_REOPENED = "session_reopened", _("Mở lại buổi làm việc")
    SESSION_DELETED = "session_deleted", _("Xoá buổi làm việc")
    ROLE_CHANGED = "role_changed", _("Thay đổi vai trò")
    BACKUP = "backup", _("Sao lưu / phục hồi")
    OTHER = "other", _("Khác")


class AuditEvent(models.Model):
    """One event of the trail. ``username`` is kept even when the user is deleted later."""

    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    kind = models.CharField(_("loại"), max_length=30, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("tên đăng nhập"), max_length=150, blank=True)
    address = models.GenericIPAddressField(_("địa chỉ"), null=True, blank=True)
    path = models.CharField(_("đường dẫn"), max_length=300, blank=True)
    object_type = models.CharField(_("đối tượng"), max_length=60, blank=True)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    summary = models.CharField(_("nội dung"), max_length=500, blank=True)
    data = models.JSONField(_("chi tiết"), default=dict, blank=True)

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký hệ thống")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["kind", "-at"]), models.Index(fields=["username", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind} {self.username}"


class LoginCounter(models.Model):
    """Login attempts of one scope (an address, or an account from an address) in a window.

    Incremented atomically (a row lock on PostgreSQL, a write transaction on SQLite) *before*
    the password is checked, so parallel attempts can never all slip under the limit.
    """

    key = models.CharField(max_length=80, unique=True)
    count = models.PositiveIntegerField(default=0)
    window_end = models.DateTimeField()

    class Meta:
        verbose_name = _("bộ đếm đăng nhập")
        verbose_name_plural = _("bộ đếm đăng nhập")

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
