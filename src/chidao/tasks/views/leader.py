"""tasks:leader: the directives a leader issued and what became of them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from chidao.tasks import access, queries
from chidao.tasks.views.common import province_readers


@province_readers
def leader(request: HttpRequest, pk: int) -> HttpResponse:
    """The leader's directives, newest session first, each with its tasks' states."""
    person = access.get_person_for_user(request.user, pk)
    return render(request, "tasks/leader.html", {"page": queries.leader_page(request.user, person)})
