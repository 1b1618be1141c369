"""The audit trail in the admin: read only, filtered by kind, date and user, searchable."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from chidao.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "kind", "username", "address", "object_type", "object_id", "summary")
    list_filter = ("kind", "at", "object_type")
    search_fields = ("username", "summary", "object_id", "address", "path")
    date_hierarchy = "at"
    list_per_page = 100
    show_full_result_count = False  # a count of millions of rows on every page is slow

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # the retention (``chidao purge_audit``) deletes, nobody else
