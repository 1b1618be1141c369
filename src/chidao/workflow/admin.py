"""The Session admin with the action that restores deleted sessions (and their tasks)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from chidao.meetings.admin import SessionAdmin as MeetingsSessionAdmin
from chidao.meetings.models import Session
from chidao.workflow.corrections import CorrectionError, restore_session


class SessionAdmin(MeetingsSessionAdmin):
    actions = ["restore"]

    @admin.action(description=_("Khôi phục các buổi làm việc đã xóa"))
    def restore(self, request: HttpRequest, queryset: QuerySet[Session]) -> None:
        done = 0
        for session in queryset.filter(deleted_at__isnull=False):
            try:
                restore_session(session=session, actor=request.user)
            except CorrectionError as e:
                self.message_user(request, str(e), messages.ERROR)
            else:
                done += 1
        self.message_user(
            request,
            ngettext("Đã khôi phục %(n)d buổi làm việc.", "Đã khôi phục %(n)d buổi làm việc.", done)
            % {"n": done},
            messages.SUCCESS,
        )


admin.site.unregister(Session)
admin.site.register(Session, SessionAdmin)
