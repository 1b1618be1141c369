"""tasks:inbox: a unit officer's tasks, ranked from what is late to what is over."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from chidao.organisation.access import role_required, unit_of
from chidao.organisation.models import Role
from chidao.tasks import queries
from chidao.tasks.views.common import query_without
from chidao.ui.http import AppRequest


@role_required(Role.OFFICER)
def inbox(request: AppRequest) -> HttpResponse:
    """The ranked sections (empty ones folded); ``?section=KEY`` shows that section alone."""
    current = request.GET.get("section", "")
    box = queries.inbox(request.user, section=current, page=request.GET.get("page"))
    keys = [s.key for s in box.sections]
    shown = [box.section(current)] if current in keys else box.sections
    return render(
        request,
        "tasks/inbox.html",
        {
            "box": box,
            "shown": shown,
            "current": current if current in keys else "",
            "unit": unit_of(request.user),
            "page": box.page,
            "page_query": query_without(request, "page"),
        },
    )
