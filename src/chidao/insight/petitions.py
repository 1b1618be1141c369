"""Reads of the petitions register: each petition, who raised it, who must answer, its state
and the answer, inside what the user may see (``meetings.access.petitions_visible_to``).

Every list is bounded (a page of ``PAGE_SIZE``); counts are computed in the database; the
free-text filter goes through the search index (no rows loaded into Python).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from chidao.meetings.access import petitions_visible_to
from chidao.meetings.models import Petition, PetitionState
from chidao.organisation.users import RequestUser
from chidao.search.engine import matching
from chidao.search.models import EntryKind, SearchEntry

PAGE_SIZE = 30


@dataclass
class PetitionFilters:
    state: str = ""  # a PetitionState value, or "" for all
    answerer: int | None = None
    raised_by: int | None = None
    q: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @property
    def active(self) -> bool:
        return any(
            (self.state, self.answerer, self.raised_by, self.q, self.date_from, self.date_to)
        )

    def query(self) -> dict[str, str]:
        """The filters as query-string values (only those set), so that a link (the export)
        carries exactly what the page applied: a wrong value the page ignored is left out."""
        values = {
            "q": self.q,
            "state": self.state,
            "answerer": str(self.answerer or ""),
            "raised_by": str(self.raised_by or ""),
            "date_from": self.date_from.isoformat() if self.date_from else "",
            "date_to": self.date_to.isoformat() if self.date_to else "",
        }
        return {name: value for name, value in values.items() if value}


def petitions(user: RequestUser, filters: PetitionFilters) -> QuerySet[Petition]:
    """The petitions ``user`` may see that match ``filters``, newest session first."""
    rows = petitions_visible_to(user)
    if filters.state in PetitionState.values:
        rows = rows.filter(state=filters.state)
    if filters.answerer:
        rows = rows.filter(answerer_id=filters.answerer)
    if filters.raised_by:
        rows = rows.filter(raised_by_id=filters.raised_by)
    if filters.date_from:
        rows = rows.filter(session__date__gte=filters.date_from)
    if filters.date_to:
        rows = rows.filter(session__date__lte=filters.date_to)
    if filters.q:
        entries = matching(SearchEntry.objects.filter(kind=EntryKind.PETITION), filters.q)
        rows = rows.filter(pk__in=entries.values("object_id"))
    return rows.select_related("item", "session", "raised_by", "answerer", "directive").order_by(
        "-session__date", "-pk"
    )


@dataclass
class StateCount:
    state: str
    label: str
    n: int


def state_counts(rows: QuerySet[Petition]) -> list[StateCount]:
    """How many of ``rows`` are in each state, in the states' order (one query)."""
    found = dict(rows.order_by().values_list("state").annotate(n=Count("pk")))
    return [
        StateCount(value, str(label), found.get(value, 0)) for value, label in PetitionState.choices
    ]
