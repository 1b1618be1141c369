"""Organisation pages: the list of units of the user's province."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from chidao.organisation.access import province_code_of, role_required
from chidao.organisation.models import Role, UnitKind
from chidao.organisation.queries import Period, units_for

PAGE_SIZE = 50


def _has_url(name: str) -> bool:
    try:
        reverse(name, args=[1])
    except NoReverseMatch:
        return False
    return True


@role_required(Role.OFFICE, Role.LEADER, Role.ADMIN)
def unit_list(request: HttpRequest) -> HttpResponse:
    """Units of the province: search by name (with or without diacritics), filter by kind and
    period; pre-2025 units show the units that succeeded them. htmx gets the results only."""
    text = request.GET.get("q", "").strip()[:100]
    kind = request.GET.get("kind", "")
    kind = kind if kind in UnitKind.values else ""
    period = request.GET.get("period", "")
    period = period if period in (Period.CURRENT, Period.LEGACY) else ""
    units = units_for(
        province_code=province_code_of(request.user) or "", text=text, kind=kind, period=period
    )
    page = Paginator(units, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "units": page.object_list,
        "q": text,
        "kind": kind,
        "period": period,
        "kinds": UnitKind.choices,
        "query": query.urlencode(),
        "unit_pages": _has_url("tasks:unit"),
    }
    template = "organisation/unit_list.html"
    if request.htmx and request.htmx.target == "unit-results":
        template += "#results"
    return render(request, template, context)
