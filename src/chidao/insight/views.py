"""Pages of the province at a glance (thin: the reads are in the query modules)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from chidao.insight import search as searching
from chidao.insight.forms import SearchForm
from chidao.organisation.access import can_read_province
from chidao.search.models import EntryKind
from chidao.tasks.views.common import paginate, query_without, signed_in


@signed_in
def search(request: HttpRequest) -> HttpResponse:
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
