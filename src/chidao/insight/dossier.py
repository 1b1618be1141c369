"""A unit's dossier: every session held with it, its tasks by the official classes with their
rates, its petitions and their answers, its reported indicators over time.

History across the July 2025 reform: a commune or ward of today also shows the sessions
held with its predecessors (the pre-2025 districts and communes whose successor it is,
``Unit.successors`` as ``chidao init`` links them from the reference data) and, apart from its
own, the tasks those predecessors were given, marked as before the reform: counted by class
for each predecessor (each figure a link to the register's list of that unit and class) and
listed a page at a time. They are not the commune's tasks, so its own rates leave them out.

Every list is bounded (a page, or the latest few), counts are computed in the database: a
fixed number of queries whatever the unit's size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Q
from django.utils import timezone

from chidao.insight.indicators import (
    LineChart,
    Reading,
    Series,
    line_chart,
    series_key,
    series_of,
)
from chidao.insight.models import SeriesName
from chidao.insight.petitions import StateCount, state_counts
from chidao.meetings.access import petitions_visible_to, unit_sessions_visible_to
from chidao.meetings.models import ItemKind, Petition, Session, SessionItem
from chidao.organisation.models import LEGACY_KINDS, LOCAL_KINDS, Unit
from chidao.organisation.users import RequestUser
from chidao.tasks import access
from chidao.tasks.outcomes import (
    KEYS,
    Group,
    Outcomes,
    of_outcome,
    outcome_counts,
    outcomes_by,
    with_outcome,
)

SESSIONS_PAGE = 10
TASKS_PAGE = 20
PETITIONS_SHOWN = 10
INDICATOR_READINGS = 240  # the latest readings the chart is drawn from (bounded)
SERIES = 4


@dataclass
class SessionRow:
    session: Session
    former: list[Unit]  # the predecessors of the unit it was held with (before July 2025)


@dataclass
class Dossier:
    unit: Unit
    predecessors: list[Unit]
    sessions: Page
    outcomes: Outcomes
    tasks: Page
    outcome: str  # the class the task list shows ("" for all)
    petitions: list[Petition]
    petition_counts: list[StateCount]
    charts: list[LineChart]
    today: dt.date
    session_rows: list[SessionRow]
    # the predecessors' tasks (before July 2025): classes per predecessor and a page of them
    former_groups: list[Group] = field(default_factory=list)
    former_tasks: Page | None = None

    @property
    def petitions_total(self) -> int:
        return sum(c.n for c in self.petition_counts)

    @property
    def petitions_filter(self) -> str:
        """The register's filter of this unit's petitions: raised by a place, else answered."""
        return "raised_by" if self.unit.kind in (*LOCAL_KINDS, *LEGACY_KINDS) else "answerer"


def predecessors(unit: Unit) -> list[Unit]:
    """The pre-2025 units ``unit`` succeeds (districts first, then communes, by name)."""
    return list(unit.predecessors.order_by("kind", "name"))


def sessions(user: RequestUser, unit_ids: list[int]) -> Any:
    """The sessions held with the units (the dossier's unit first), newest first."""
    return (
        unit_sessions_visible_to(user, unit_ids).prefetch_related("chairs").order_by("-date", "-pk")
    )


def tasks(user: RequestUser, unit: Unit, outcome: str, today: dt.date) -> Any:
    """The unit's tasks (of one class when ``outcome`` is one), latest session first."""
    rows = access.tasks_visible_to(user).filter(unit=unit)
    rows = of_outcome(rows, outcome, today) if outcome in KEYS else with_outcome(rows, today)
    return rows.select_related("directive", "directive__session", "directive__issuer").order_by(
        "-session_date",
        "-pk",  # the session's date stored on the task: no join to sort
    )


def former_tasks(user: RequestUser, former_ids: list[int], today: dt.date) -> Any:
    """The tasks of the predecessors ``former_ids``, latest session first."""
    rows = access.tasks_visible_to(user).filter(unit_id__in=former_ids)
    return (
        with_outcome(rows, today)
        .select_related("unit", "directive", "directive__session", "directive__issuer")
        .order_by("-session_date", "-pk")
    )


def readings(sessions_qs: Any, unit_ids: list[int], *, local: bool) -> list[Reading]:
    """The latest indicators read in the sessions held with the units (bounded): those
    attached to one of the units, and for a territorial unit those of no particular unit."""
    mine = Q(unit_id__in=unit_ids) | Q(unit__isnull=True) if local else Q(unit_id__in=unit_ids)
    rows = (
        SessionItem.objects.filter(kind=ItemKind.INDICATOR, session__in=sessions_qs.values("pk"))
        .filter(mine)
        .exclude(session__date__isnull=True)
        .order_by("-session__date", "-pk")
        .values_list("session__date", "text", "data")[:INDICATOR_READINGS]
    )
    out = []
    for day, text, data in rows:
        value = (data or {}).get("value")
        if day is not None and isinstance(value, int | float) and not isinstance(value, bool):
            out.append(Reading(day, text, float(value), str((data or {}).get("unit") or "")))
    return out


def unit_series(
    user: RequestUser, unit: Unit, *, limit: int = SERIES, before: list[Unit] | None = None
) -> list[Series]:
    """The indicator series of ``unit`` (its predecessors' sessions too), named as the office
    corrected them (two queries: the readings, the office's names of their keys)."""
    before = predecessors(unit) if before is None else before
    ids = [unit.pk, *(u.pk for u in before)]
    found = readings(sessions(user, ids), ids, local=unit.kind in (*LOCAL_KINDS, *LEGACY_KINDS))
    keys = {series_key(r.text, r.unit) for r in found}
    names = dict(
        SeriesName.objects.filter(province_code=unit.province_code, key__in=keys).values_list(
            "key", "name"
        )
    )
    return series_of(found, limit=limit, names=names)


def dossier(
    user: RequestUser,
    unit: Unit,
    *,
    outcome: str = "",
    session_page: Any = None,
    task_page: Any = None,
    former_page_number: Any = None,
    today: dt.date | None = None,
) -> Dossier:
    """The dossier of ``unit`` as ``user`` may see it (the caller fetched the unit through
    ``organisation.access.get_unit_for_user``)."""
    today = today or timezone.localdate()
    before = predecessors(unit)
    ids = [unit.pk, *(u.pk for u in before)]
    held = sessions(user, ids)
    session_pages = Paginator(held, SESSIONS_PAGE)
    own_tasks = access.tasks_visible_to(user).filter(unit=unit)
    counts = outcome_counts(own_tasks, today)
    task_rows = tasks(user, unit, outcome, today)
    task_pages = Paginator(task_rows, TASKS_PAGE)
    # every task is listed, the cancelled ones too (they are outside ``total``)
    task_pages.count = (
        getattr(counts, outcome) if outcome in KEYS else counts.total + counts.cancelled
    )
    former_ids = [u.pk for u in before]
    former_groups, former_page = [], None
    if former_ids:
        former_groups = outcomes_by(
            access.tasks_visible_to(user).filter(unit_id__in=former_ids),
            "unit",
            "unit__name",
            today,
            order="size",
        )
        # a page of ids sorted on the (unit, session_date, id) index, then their rows: the
        # predecessors' tasks are sorted across several units, never carrying their texts
        ordered = former_tasks(user, former_ids, today)
        former_pages = Paginator(ordered.values_list("pk", flat=True), TASKS_PAGE)
        former_pages.count = sum(g.outcomes.total + g.outcomes.cancelled for g in former_groups)
        former_page = former_pages.get_page(former_page_number)
        shown_ids = list(former_page.object_list)
        former_page.object_list = sorted(
            ordered.filter(pk__in=shown_ids), key=lambda t: shown_ids.index(t.pk)
        )
    petitions = petitions_visible_to(user).filter(Q(raised_by_id__in=ids) | Q(answerer_id=unit.pk))
    series = unit_series(user, unit, before=before)
    shown = session_pages.get_page(session_page)
    return Dossier(
        unit=unit,
        predecessors=before,
        sessions=shown,
        outcomes=counts,
        tasks=task_pages.get_page(task_page),
        outcome=outcome if outcome in KEYS else "",
        petitions=list(
            petitions.select_related("item", "session", "answerer", "raised_by").order_by(
                "-session__date", "-pk"
            )[:PETITIONS_SHOWN]
        ),
        petition_counts=state_counts(petitions),
        charts=[line_chart(s) for s in series],
        today=today,
        session_rows=session_rows(shown, former_ids),
        former_groups=former_groups,
        former_tasks=former_page,
    )


def session_rows(page: Page, former_ids: list[int]) -> list[SessionRow]:
    """The sessions of ``page``, each with the predecessors it was held with (one query)."""
    found: dict[int, list[Unit]] = {}
    if former_ids:
        through = Session.localities.through
        rows = through.objects.filter(
            session_id__in=[s.pk for s in page.object_list], unit_id__in=former_ids
        ).select_related("unit")
        for row in rows:
            found.setdefault(row.session_id, []).append(row.unit)
    return [SessionRow(s, found.get(s.pk, [])) for s in page.object_list]
