"""tasks:register: the directive register, filtered and sorted (its downloads, with the same
filters, are the documents app's exports)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from chidao.tasks import queries
from chidao.tasks.forms import RegisterFilterForm
from chidao.tasks.views import common
from chidao.tasks.views.common import province_readers, query_without
from chidao.ui.http import AppRequest


@province_readers
def register(request: AppRequest) -> HttpResponse:
    """One row per task (directive × unit); htmx requests get only the table."""
    form = RegisterFilterForm(request.GET)
    filters = form.filters()
    page = queries.register_page(
        request.user, filters, request.GET.get("page"), size=common.PAGE_SIZE
    )
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "sort_query": query_without(request, "sort", "page"),
        "page_query": query_without(request, "page"),
        "export_query": query_without(request, "page"),
        "overdue": queries.OVERDUE,
    }
    if request.htmx:  # the table alone: the filters' choices are on the page already
        return render(request, "tasks/register.html#table", context)
    context["choices"] = queries.register_choices(request.user)
    return render(request, "tasks/register.html", context)
