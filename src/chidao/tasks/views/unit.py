"""tasks:unit: a unit's dashboard."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from chidao.tasks import access, queries
from chidao.tasks.views.common import query_without, signed_in
from chidao.ui.http import AppRequest


@signed_in
def unit(request: AppRequest, pk: int) -> HttpResponse:
    """The unit's tasks by state, its overdue count and completion rate."""
    obj = access.get_unit_for_user(request.user, pk)
    dash = queries.unit_dashboard(request.user, obj, page=request.GET.get("page"))
    return render(
        request,
        "tasks/unit.html",
        {"dash": dash, "page": dash.page, "page_query": query_without(request, "page")},
    )
