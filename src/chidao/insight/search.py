"""Search across documents, sessions, directives and petitions (tasks: the register with
``q``), inside what the user may see (each domain's gatekeeper: ``meetings.queries`` for documents and sessions,
``tasks.access`` for directives and tasks).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet, Window

from chidao.meetings.access import documents_visible_to, sessions_visible_to
from chidao.organisation.access import can_read_province, is_office, province_code_of
from chidao.organisation.users import RequestUser
from chidao.search.engine import matching
from chidao.search.models import EntryKind, SearchEntry
from chidao.tasks import access

TASKS = "task"
KINDS = [*EntryKind.values, TASKS]


@dataclass
class SearchFilters:
    q: str = ""
    kind: str = ""  # one of KINDS, or "" for documents, sessions, directives and petitions
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def visible_entries(user: RequestUser) -> QuerySet[SearchEntry]:
    """The index entries whose object ``user`` may open.

    Readers of a whole province (office, leaders, administrators) see its sessions,
    directives and petitions, and the office its documents: that is one indexed condition on
    the entries' province. Anyone else goes through the gatekeepers' querysets.
    """
    code = province_code_of(user)
    if can_read_province(user) and code:
        scope = SearchEntry.objects.filter(province_code=code)
        return scope if is_office(user) else scope.exclude(kind=EntryKind.DOCUMENT)
    sessions = sessions_visible_to(user).values("pk")
    return SearchEntry.objects.filter(
        Q(kind=EntryKind.DOCUMENT, object_id__in=documents_visible_to(user).values("pk"))
        | Q(kind=EntryKind.SESSION, object_id__in=sessions)
        | Q(kind=EntryKind.PETITION, session_id__in=sessions)
        | Q(kind=EntryKind.DIRECTIVE, object_id__in=access.directives_visible_to(user).values("pk"))
    )


def search(user: RequestUser, filters: SearchFilters) -> QuerySet[SearchEntry]:
    """The entries matching ``filters.q`` the user may open, best first, then newest."""
    entries = visible_entries(user)
    if filters.kind in EntryKind.values:
        entries = entries.filter(kind=filters.kind)
    if filters.date_from:
        entries = entries.filter(date__gte=filters.date_from)
    if filters.date_to:
        entries = entries.filter(date__lte=filters.date_to)
    # without ``key`` (a document's whole text): the page shows titles, and every match goes
    # through the ranking's sort
    ranked = matching(entries, filters.q, ranked=True).defer("key")
    return ranked.order_by("rank", "-date", "-id")


def search_page(user: RequestUser, filters: SearchFilters, number: Any, size: int) -> Page:
    """The page ``number`` (the last one when out of range) of :func:`search`'s entries.

    Ranking visits every match before the first page is known, so the same statement counts
    them (a window count): no second pass over the matches for the paginator's ``COUNT``
    (30 ms of the search page on PostgreSQL at 300,000 tasks). Only a page past the end
    (no row to carry the count) asks the count apart, then reads the last page."""
    entries = search(user, filters).annotate(matches=Window(Count("pk")))
    paginator: Paginator[SearchEntry] = Paginator(entries, size)
    try:
        wanted = int(number)
    except (TypeError, ValueError):
        wanted = 1
    rows = list(entries[(wanted - 1) * size : wanted * size]) if wanted >= 1 else []
    if not rows:  # no match, or out of range: the paginator's answer (the last page)
        return paginator.get_page(wanted)
    paginator.count = rows[0].matches
    return Page(rows, wanted, paginator)


@dataclass
class Hit:
    """One search result as the page shows it."""

    kind: str
    kind_label: str
    title: str
    url: str
    date: dt.date | None


_URLS = {
    EntryKind.DOCUMENT: ("meetings:review", "object_id"),
    EntryKind.SESSION: ("meetings:session", "object_id"),
    EntryKind.DIRECTIVE: ("tasks:directive", "object_id"),
    EntryKind.PETITION: ("meetings:petition", "object_id"),  # a petition's pk is its item's
}


def hits(entries: Any) -> list[Hit]:
    """The page's entries as hits with their links."""
    from django.urls import reverse

    out = []
    for e in entries:
        name, attr = _URLS[EntryKind(e.kind)]
        out.append(
            Hit(
                kind=e.kind,
                kind_label=str(EntryKind(e.kind).label),
                title=e.title,
                url=reverse(name, args=[getattr(e, attr)]),
                date=e.date,
            )
        )
    return out
