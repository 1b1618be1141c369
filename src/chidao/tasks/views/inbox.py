"""tasks:inbox: a unit officer's tasks, overdue and due soon first."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from chidao.organisation.access import role_required, unit_of
from chidao.organisation.models import Role
from chidao.tasks import queries


@role_required(Role.OFFICER)
def inbox(request: HttpRequest) -> HttpResponse:
    """Overdue, due within 7 days, waiting on the office, the other open tasks; counts at the top."""
    box = queries.inbox(request.user)
    return render(request, "tasks/inbox.html", {"box": box, "unit": unit_of(request.user)})
