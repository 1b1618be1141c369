"""Pages of the province at a glance (thin: the reads are in the query modules)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from chidao.insight import dashboard as board
from chidao.insight import search as searching
from chidao.insight.forms import DashboardForm, SearchForm
from chidao.organisation.access import can_read_province
from chidao.search.models import EntryKind
from chidao.tasks.views.common import paginate, province_readers, query_without, signed_in
from chidao.ui.http import AppRequest


@signed_in
def search(request: AppRequest) -> HttpResponse:
    """Ranked hits among documents, sessions, directives and petitions; tasks go to the
    register (office, leaders) with the same words. htmx requests get only the results."""
    form = SearchForm(request.GET)
    filters = form.filters()
    if filters.kind == searching.TASKS:
        if filters.q and can_read_province(request.user):
            return redirect(reverse("tasks:register") + "?" + urlencode({"q": filters.q}))
        filters.kind = EntryKind.DIRECTIVE  # an officer's tasks are their directives
    page = (
        paginate(request, searching.search(request.user, filters), size=20) if filters.q else None
    )
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "hits": searching.hits(page.object_list) if page else [],
        "page_query": query_without(request, "page"),
    }
    template = "insight/search.html#results" if request.htmx else "insight/search.html"
    return render(request, template, context)


@province_readers
def dashboard(request: AppRequest) -> HttpResponse:
    """The period's directives and tasks by class, rankings, monthly trend, most overdue."""
    form = DashboardForm(request.GET)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    errors = [
        f"{form.fields[name].label if name in form.fields else name}: {' '.join(str(e) for e in errs)}"
        for name, errs in form.errors.items()
    ]
    try:
        period = board.period_of(
            data.get("period") or "year",
            year=data.get("year"),
            number=data.get("number"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
    except ValueError as e:
        errors.append(str(e))
        period = board.period_of("year")
    scope = board.Scope(
        unit=data.get("unit"), leader=data.get("leader"), topic=data.get("topic") or ""
    )
    result = board.dashboard(request.user, period, scope)
    context = {
        "form": form,
        "errors": errors,
        "board": result,
        "chart": board.chart(result.months),
    }
    return render(request, "insight/dashboard.html", context)
