"""Django admin of the meetings app: confirmed sessions, and restoring a deleted one."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from chidao.meetings.models import Session


class DeletedFilter(admin.SimpleListFilter):
    title = _("đã xóa")
    parameter_name = "deleted"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("yes", _("Đã xóa")), ("no", _("Đang dùng"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Session]) -> QuerySet[Session]:
        if self.value() == "yes":
            return queryset.filter(deleted_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(deleted_at__isnull=True)
        return queryset


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    """Sessions as the administrator sees them: the deleted ones with who deleted them and why."""

    list_display = [
        "__str__",
        "date",
        "province_code",
        "deleted_at",
        "deleted_by",
        "deleted_reason",
    ]
    list_filter = [DeletedFilter, "province_code"]
    search_fields = ["title"]
    readonly_fields = ["document", "deleted_at", "deleted_by", "deleted_reason", "confirm_reason"]
    fields = [
        "title",
        "date",
        "kind",
        "confirm_reason",
        "deleted_at",
        "deleted_by",
        "deleted_reason",
    ]
    # the action "restore" is added by chidao.workflow.admin (it brings back the tasks)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # sessions are deleted with a reason on their page, never for good
