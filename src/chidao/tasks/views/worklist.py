"""tasks:worklist: what needs the office now."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from chidao.organisation.access import role_required
from chidao.organisation.models import Role
from chidao.tasks import queries
from chidao.ui.http import AppRequest


@role_required(Role.OFFICE)
def worklist(request: AppRequest) -> HttpResponse:
    """Completions to confirm, extension requests, overdue tasks by unit, tasks due soon."""
    return render(request, "tasks/worklist.html", {"work": queries.worklist(request.user)})
