"""meetings:session_list and meetings:session: confirmed sessions, for the province's readers."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from chidao.extract.topics import labels as topic_labels
from chidao.meetings import queries
from chidao.meetings.forms import SessionFilterForm
from chidao.meetings.models import ItemKind
from chidao.meetings.views.common import province_readers
from chidao.organisation.access import is_office
from chidao.ui.http import AppRequest

PAGE_SIZE = 50


@province_readers
def session_list(request: AppRequest) -> HttpResponse:
    """The confirmed sessions, newest first, filtered by leader, period and locality."""
    form = SessionFilterForm(request.GET)
    filters = form.filters()
    page = Paginator(queries.session_list(request.user, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "page": page,
        "sessions": page.object_list,
        "page_query": params.urlencode(),
        "filters": filters,
        "leaders": queries.session_leaders(request.user),
        "localities": queries.session_localities(request.user),
    }
    template = "meetings/session_list.html#table" if request.htmx else "meetings/session_list.html"
    return render(request, template, context)


@province_readers
def session(request: AppRequest, pk: int) -> HttpResponse:
    """One session: people, places, figures, difficulties, petitions, visits, directives, source."""
    obj = queries.get_session_for_user(request.user, pk)
    items = queries.session_items(obj)
    context = {
        "session": obj,
        "people": items[ItemKind.PERSON],
        "localities": items[ItemKind.LOCALITY],
        "agencies": items[ItemKind.AGENCY],
        "indicators": items[ItemKind.INDICATOR],
        "difficulties": items[ItemKind.DIFFICULTY],
        "petitions": items[ItemKind.PETITION],
        "site_visits": items[ItemKind.SITE_VISIT],
        "directives": queries.directives_with_units(obj),
        "source": queries.session_source(obj),
        "can_correct": is_office(request.user),
        "topic_labels": topic_labels(),
        "unit_options": queries.unit_options(request.user) if is_office(request.user) else [],
    }
    return render(request, "meetings/session.html", context)
