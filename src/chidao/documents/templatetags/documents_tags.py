"""Panels other apps' pages include: a session's notice status, the notices the office must
issue soon, the notice a task came from. Templates load them; the apps stay independent."""

from __future__ import annotations

from typing import Any

from django import template

from chidao.documents import queries
from chidao.organisation.access import is_office

register = template.Library()


@register.inclusion_tag("documents/_notice_panel.html", takes_context=True)
def notice_panel(context: dict[str, Any], session: Any) -> dict[str, Any]:
    """The conclusion notice of ``session``: due date in working days, number when issued."""
    user = context["request"].user
    return {
        "status": queries.notice_status(session),
        "session": session,
        "can_edit": is_office(user),
    }


@register.inclusion_tag("documents/_notices_due.html", takes_context=True)
def notices_due(context: dict[str, Any]) -> dict[str, Any]:
    """The work list's warning: notices due within two working days, or late."""
    return {"rows": queries.notices_to_issue(context["request"].user)}


@register.inclusion_tag("documents/_task_notice.html")
def task_notice(session_id: int) -> dict[str, Any]:
    """ "Thông báo kết luận số 12/TB-UBND ngày 17/03/2026" on a task whose session's notice is issued."""
    return {"notice": queries.issued_notice_of(session_id)}
