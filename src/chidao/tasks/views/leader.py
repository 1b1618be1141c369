"""tasks:leader: the directives a leader issued and what became of them."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from chidao.tasks import access, queries
from chidao.tasks.views.common import province_readers, query_without
from chidao.ui.http import AppRequest


@province_readers
def leader(request: AppRequest, pk: int) -> HttpResponse:
    """The leader's directives, overdue first then newest, each with its tasks' states; the
    counters filter (``?show=overdue|open|done``); pages of 20."""
    person = access.get_person_for_user(request.user, pk)
    data = queries.leader_page(
        request.user, person, show=request.GET.get("show", ""), page=request.GET.get("page")
    )
    context = {
        "page": data,
        "pages": data.page,
        "page_query": query_without(request, "page"),
        "overdue": queries.OVERDUE,
    }
    return render(request, "tasks/leader.html", context)
