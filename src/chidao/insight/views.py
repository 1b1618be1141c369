"""Pages of the province at a glance (thin: the reads are in the query modules)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.insight import dashboard as board
from chidao.insight import dossier as unit_dossier
from chidao.insight import petitions as petition_reads
from chidao.insight import search as searching
from chidao.insight.corrections import SeriesError, merge_series, rename_series
from chidao.insight.forms import DashboardForm, PetitionFilterForm, SearchForm, SeriesForm
from chidao.insight.petitions import PetitionFilters
from chidao.meetings.queries import answerer_choices
from chidao.organisation.access import (
    can_read_province,
    get_unit_for_user,
    is_office,
    role_required,
    units_visible_to,
)
from chidao.organisation.models import Role
from chidao.search.models import EntryKind
from chidao.tasks.outcomes import CLASSES, KEYS
from chidao.tasks.views.common import province_readers, query_without, signed_in
from chidao.ui.http import AppRequest, SignedInRequest


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
        searching.search_page(request.user, filters, request.GET.get("page"), size=20)
        if filters.q
        else None
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
    query = request.GET.copy()
    if not query.get("period"):  # the year is shown: the period's field says so
        query["period"] = "year"
    form = DashboardForm(query)
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
    scope_names, scope_errors = board.scope_named(request.user, scope)
    result = board.dashboard(request.user, period, scope)
    context = {
        "scope_names": scope_names,
        "form": form,
        "errors": errors + scope_errors,
        "board": result,
        "chart": board.chart(result.months),
    }
    return render(request, "insight/dashboard.html", context)


@signed_in
def dossier(request: AppRequest, pk: int) -> HttpResponse:
    """A unit's dossier (the office and leaders: any unit; an officer: their own, else 404).
    htmx requests for another page of sessions or tasks get only that part."""
    unit = get_unit_for_user(request.user, pk)
    outcome = request.GET.get("outcome", "")
    result = unit_dossier.dossier(
        request.user,
        unit,
        outcome=outcome if outcome in KEYS else "",
        session_page=request.GET.get("sp"),
        task_page=request.GET.get("tp"),
        former_page_number=request.GET.get("fp"),
    )
    context = {
        "d": result,
        "classes": CLASSES,
        "session_links": can_read_province(request.user),
        "sessions_query": query_without(request, "sp"),
        "tasks_query": query_without(request, "tp"),
        "former_query": query_without(request, "fp"),
        "outcome_query": query_without(request, "tp", "outcome"),
        "can_correct": is_office(request.user),
    }
    template = "insight/dossier.html"
    part = request.GET.get("part")
    if request.htmx and part in ("sessions", "tasks", "former"):
        template += f"#{part}"
    return render(request, template, context)


@signed_in
def petitions(request: AppRequest) -> HttpResponse:
    """The petitions register: filters, counts by state, a bounded page of petitions."""
    form = PetitionFilterForm(request.GET, units=answerer_choices(request.user))
    filters, errors = form.filters()
    rows = petition_reads.petitions(request.user, filters)
    counts = petition_reads.state_counts(
        petition_reads.petitions(request.user, PetitionFilters(**{**vars(filters), "state": ""}))
    )
    pages = Paginator(rows, petition_reads.PAGE_SIZE)
    pages.count = sum(c.n for c in counts if c.state == filters.state or not filters.state)
    context = {
        "form": form,
        "errors": errors,
        "filters": filters,
        "counts": counts,
        "page": pages.get_page(request.GET.get("page")),
        "page_query": query_without(request, "page"),
        "state_query": query_without(request, "page", "state"),
        "can_export": can_read_province(request.user),
        "export_query": urlencode(filters.query()),
        "raised_by": units_visible_to(request.user).filter(pk=filters.raised_by).first()
        if filters.raised_by
        else None,
        "raised_by_query": query_without(request, "page", "raised_by"),
    }
    template = "insight/petitions.html#results" if request.htmx else "insight/petitions.html"
    return render(request, template, context)


@role_required(Role.OFFICE)
@require_POST
def series(request: SignedInRequest, pk: int) -> HttpResponse:
    """The office renames an indicator series of a unit's dossier (an empty name: the names
    read from the reports) or merges it into another; back to the dossier's indicators."""
    unit = get_unit_for_user(request.user, pk)
    back = redirect(reverse("insight:dossier", args=[unit.pk]) + "#indicators")
    form = SeriesForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "; ".join(
                f"{form.fields[f].label}: {' '.join(str(m) for m in e)}"
                for f, e in form.errors.items()
            ),
        )
        return back
    found = {
        s.key: s
        for s in unit_dossier.unit_series(request.user, unit, limit=unit_dossier.INDICATOR_READINGS)
    }
    data = form.cleaned_data
    chosen, into = found.get(data["series"]), found.get(data["into"]) if data["into"] else None
    try:
        if chosen is None or (data["into"] and into is None):
            missing = data["series"] if chosen is None else data["into"]
            raise SeriesError(_("Không có chỉ tiêu “%(key)s” trong hồ sơ này.") % {"key": missing})
        if into is not None:
            merge_series(
                province_code=unit.province_code, series=chosen, into=into, actor=request.user
            )
            messages.success(request, _("Đã gộp chỉ tiêu."))
        else:
            rename_series(
                province_code=unit.province_code,
                series=chosen,
                name=data["name"],
                actor=request.user,
            )
            messages.success(request, _("Đã sửa tên chỉ tiêu."))
    except SeriesError as e:
        messages.error(request, str(e))
    return back
