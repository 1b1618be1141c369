"""tasks:directive: a directive with its session, issuer, source sentence and tasks."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from chidao.organisation.access import can_read_province, is_leader, is_office
from chidao.tasks import access, queries
from chidao.tasks.views.common import signed_in
from chidao.ui.http import AppRequest


@signed_in
def directive(request: AppRequest, pk: int) -> HttpResponse:
    """The directive page (an officer sees only the tasks of their unit)."""
    obj = access.get_directive_for_user(request.user, pk)
    context = {
        "directive": obj,
        "tasks": queries.directive_tasks(request.user, obj),
        "source": queries.directive_source(obj),
        "user_reads_province": can_read_province(request.user),
        "comments": list(obj.comments.select_related("author")),
        "can_comment": is_leader(request.user) or is_office(request.user),
    }
    return render(request, "tasks/directive.html", context)
