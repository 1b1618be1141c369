"""The dashboard: a period and a scope at a glance, every figure with the list behind it.

Tasks are those of the directives issued in the period (by their session's date), inside
what the user may see (``tasks.access``), classed by ``tasks.outcomes`` as of ``today``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any
from urllib.parse import urlencode

from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from chidao.insight import tallies
from chidao.organisation.access import province_code_of
from chidao.organisation.models import Person, Unit
from chidao.organisation.users import RequestUser
from chidao.tasks import access
from chidao.tasks.models import Task
from chidao.tasks.outcomes import (
    CLASSES,
    Group,
    Outcomes,
    outcomes_by_fields,
    ranked,
)
from chidao.tasks.queries import overdue_q

RANKED = 15  # rows of each ranking
MOST_OVERDUE = 10
PERIODS = ("month", "quarter", "year", "custom")
# a few leaders and topics: grouped in one pass (one sort of the period's tasks fewer)
TOGETHER = ("issuer_id", "topic")


@dataclass
class Period:
    kind: str
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        if self.kind == "month":
            return _("Tháng %(m)s/%(y)s") % {"m": self.start.month, "y": self.start.year}
        if self.kind == "quarter":
            return _("Quý %(q)s/%(y)s") % {
                "q": (self.start.month - 1) // 3 + 1,
                "y": self.start.year,
            }
        if self.kind == "year":
            return _("Năm %(y)s") % {"y": self.start.year}
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"


def period_of(
    kind: str,
    *,
    year: int | None = None,
    number: int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    today: dt.date | None = None,
) -> Period:
    """The period asked for (``number``: the month 1-12 or quarter 1-4); the current year
    when nothing is said. Raises ValueError naming a wrong value."""
    today = today or timezone.localdate()
    year = year or today.year
    if kind == "custom":
        if not (date_from and date_to):
            raise ValueError(_("Khoảng thời gian tùy chọn cần cả ngày bắt đầu và ngày kết thúc."))
        if date_from > date_to:
            raise ValueError(_("Ngày bắt đầu sau ngày kết thúc."))
        return Period("custom", date_from, date_to)
    if kind == "month":
        month = number or today.month
        if not 1 <= month <= 12:
            raise ValueError(_("Tháng %(n)s không hợp lệ (1–12).") % {"n": month})
        return Period("month", dt.date(year, month, 1), tallies.month_end(year, month))
    if kind == "quarter":
        quarter = number or (today.month - 1) // 3 + 1
        if not 1 <= quarter <= 4:
            raise ValueError(_("Quý %(n)s không hợp lệ (1–4).") % {"n": quarter})
        first = 3 * (quarter - 1) + 1
        return Period("quarter", dt.date(year, first, 1), tallies.month_end(year, first + 2))
    return Period("year", dt.date(year, 1, 1), dt.date(year, 12, 31))


@dataclass
class Scope:
    unit: int | None = None
    leader: int | None = None
    topic: str = ""


@dataclass
class Ranking:
    title: str
    param: str  # the register's filter of one row
    groups: list[Group]


@dataclass
class Month:
    month: dt.date
    outcomes: Outcomes


@dataclass
class Dashboard:
    period: Period
    scope: Scope
    directives: int
    outcomes: Outcomes
    rankings: list[Ranking]
    months: list[Month]
    most_overdue: list[Task]
    today: dt.date
    base_query: dict[str, Any] = field(default_factory=dict)

    def link(self, **extra: Any) -> str:
        """The register's URL listing the tasks behind a figure."""
        params = {**self.base_query, **{k: v for k, v in extra.items() if v not in (None, "")}}
        return reverse("tasks:register") + "?" + urlencode(params)

    @property
    def class_links(self) -> list[tuple[str, Any, int, str]]:
        return [(k, label, n, self.link(outcome=k)) for k, label, n in self.outcomes.items()]


def scope_named(user: RequestUser, scope: Scope) -> tuple[list[str], list[str]]:
    """How the page names ``scope`` ("Đơn vị: Xã An Bình", "Người chỉ đạo: ...", "Lĩnh vực:
    ...") and the errors of a unit or leader id that names none of the user's province (a
    link typed by hand or kept after a deletion: the board would be empty with no word)."""
    names: list[str] = []
    errors: list[str] = []
    code = province_code_of(user) or ""
    if scope.unit:
        unit = Unit.objects.filter(pk=scope.unit, province_code=code).values_list("name").first()
        if unit is None:
            errors.append(_("Không có đơn vị số %(id)s trong tỉnh.") % {"id": scope.unit})
        else:
            names.append(_("Đơn vị: %(name)s") % {"name": unit[0]})
    if scope.leader:
        person = (
            Person.objects.filter(Q(province_code=code) | Q(province_code=""), pk=scope.leader)
            .values_list("full_name")
            .first()
        )
        if person is None:
            errors.append(_("Không có người chỉ đạo số %(id)s trong tỉnh.") % {"id": scope.leader})
        else:
            names.append(_("Người chỉ đạo: %(name)s") % {"name": person[0]})
    if scope.topic:
        names.append(_("Lĩnh vực: %(name)s") % {"name": scope.topic})
    return names, errors


def dashboard(
    user: RequestUser, period: Period, scope: Scope, today: dt.date | None = None
) -> Dashboard:
    """The figures of ``period`` and ``scope`` that ``user`` may see (a fixed number of
    queries: directives, classes, three rankings, the months, the most overdue tasks)."""
    today = today or timezone.localdate()
    tasks = access.tasks_visible_to(user).filter(  # the stored session date: an index
        session_date__gte=period.start, session_date__lte=period.end
    )
    directives = access.directives_visible_to(user).filter(
        session__date__gte=period.start, session__date__lte=period.end
    )
    if scope.unit:
        tasks = tasks.filter(unit_id=scope.unit)
        directives = directives.filter(tasks__unit_id=scope.unit)
    if scope.leader:
        tasks = tasks.filter(issuer_id=scope.leader)  # the directive's, stored on the task
        directives = directives.filter(issuer_id=scope.leader)
    if scope.topic:
        tasks = tasks.filter(topic=scope.topic)  # the directive's, stored on the task
        directives = directives.filter(topic=scope.topic)
    base: dict[str, str | int] = {
        "period": "session",
        "date_from": period.start.isoformat(),
        "date_to": period.end.isoformat(),
        "sort": "deadline",
    }
    for key, value in (("unit", scope.unit), ("leader", scope.leader), ("topic", scope.topic)):
        if value:
            base[key] = value
    # the classes per unit, leader and field (the directive's issuer and topic stored on the
    # task, as the register filters them) and per day or month: of the whole province, from
    # the stored monthly rows (``tallies``) for the period's whole months; else, and for the
    # days of a custom period outside whole months, from the tasks, in one statement
    whole = not (scope.unit or scope.leader or scope.topic) and access.sees_every_task(user)
    whole_months = tallies.months_within(period.start, period.end) if whole else None
    if whole_months is None:
        by_unit, by_leader, by_topic, by_day = _counted(tasks, today)
    else:
        first, last = whole_months
        found = tallies.outcomes_from_tallies(first, last, today)
        last_day = tallies.month_end(last.year, last.month)
        # the days before the first whole month and after the last, each a range of the
        # session date's index (not the whole period's, filtered)
        days = Q(pk__in=[])
        if period.start < first:
            days |= Q(session_date__gte=period.start, session_date__lt=first)
        if period.end > last_day:
            days |= Q(session_date__gt=last_day, session_date__lte=period.end)
        if period.start < first or period.end > last_day:
            edges = access.tasks_visible_to(user).filter(days)
            found = [_merged(a, b) for a, b in zip(found, _counted(edges, today), strict=True)]
        by_unit, by_leader, by_topic, by_day = found
    unit_names = dict(Unit.objects.filter(pk__in=list(by_unit)).values_list("pk", "name"))
    leader_names = dict(
        Person.objects.filter(pk__in=list(by_leader)).values_list("pk", "full_name")
    )
    rankings = [
        Ranking(_("Theo đơn vị"), "unit", ranked(by_unit, unit_names)[:RANKED]),
        Ranking(_("Theo người chỉ đạo"), "leader", ranked(by_leader, leader_names)[:RANKED]),
        Ranking(_("Theo lĩnh vực"), "topic", ranked(by_topic, {})[:RANKED]),
    ]
    # the most overdue tasks' ids sorted on the index alone, then their rows (sorting the
    # joined rows would carry every overdue task's directive text through the sort). The
    # period's open tasks are read through (state, session_date, ..., deadline) and sorted:
    # "nulls first" (no overdue task lacks a deadline) keeps PostgreSQL off the deadline
    # index, which it would walk from the oldest deadline of all five years (190,000 rows
    # filtered out, 85 ms at 300,000 tasks) hoping to meet ten of the period's early on
    ids = list(
        tasks.filter(overdue_q(today))
        .order_by(F("deadline").asc(nulls_first=True), "id")
        .values_list("pk", flat=True)[:MOST_OVERDUE]
    )
    most_overdue = sorted(
        Task.objects.filter(pk__in=ids).select_related("unit", "directive", "directive__session"),
        key=lambda t: ids.index(t.pk),
    )
    months = [Month(m, o) for m, o in _months(by_day)]
    # every task of the period has a session date: the period's classes are the months' sum
    total = _sum([m.outcomes for m in months])
    return Dashboard(
        period=period,
        scope=scope,
        directives=directives.count(),
        outcomes=total,
        rankings=rankings,
        months=months,
        most_overdue=most_overdue,
        today=today,
        base_query=base,
    )


def _counted(tasks: QuerySet[Task], today: dt.date) -> list[dict[Any, Outcomes]]:
    """The classes of ``tasks`` per unit, leader, field and session day, in one statement."""
    return outcomes_by_fields(
        tasks, ["unit_id", "issuer_id", "topic", "session_date"], today, together=TOGETHER
    )


def _merged(a: dict[Any, Outcomes], b: dict[Any, Outcomes]) -> dict[Any, Outcomes]:
    return {k: _sum([o for o in (a.get(k), b.get(k)) if o is not None]) for k in a.keys() | b}


def _months(by_day: dict[dt.date, Outcomes]) -> list[tuple[dt.date, Outcomes]]:
    """The days' (or months') classes summed per month, oldest first."""
    months: dict[dt.date, list[Outcomes]] = {}
    for day, o in by_day.items():
        months.setdefault(day.replace(day=1), []).append(o)
    return [(m, _sum(months[m])) for m in sorted(months)]


def _sum(many: list[Outcomes]) -> Outcomes:
    return Outcomes(**{f.name: sum(getattr(o, f.name) for o in many) for f in fields(Outcomes)})


# ---------------------------------------------------------------- the monthly chart (SVG)


@dataclass
class Bar:
    x: float
    y: float
    height: float
    width: float
    key: str
    n: int
    title: str


@dataclass
class Chart:
    """A stacked bar per month, drawn on the server (no script, no internet)."""

    width: int
    height: int
    bars: list[Bar]
    labels: list[tuple[float, str]]
    max_total: int
    legend: list[tuple[str, Any]]


def chart(months: list[Month], width: int = 720, height: int = 220) -> Chart:
    """The geometry of the monthly trend: one stacked bar per month, the five classes."""
    top = max((m.outcomes.total for m in months), default=0) or 1
    plot_h = height - 30
    step = width / max(1, len(months))
    bar_w = min(48.0, max(2.0, step * 0.7))
    bars, labels = [], []
    for i, m in enumerate(months):
        x = i * step + (step - bar_w) / 2
        y = float(plot_h)
        for key, label in CLASSES:
            n = getattr(m.outcomes, key)
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            bars.append(
                Bar(
                    round(x, 1),
                    round(y, 1),
                    round(h, 1),
                    round(bar_w, 1),
                    key,
                    n,
                    f"{m.month:%m/%Y} · {label}: {n}",
                )
            )
        if len(months) <= 12 or i % max(1, len(months) // 12) == 0:
            labels.append((round(x + bar_w / 2, 1), f"{m.month:%m/%y}"))
    return Chart(width, height, bars, labels, top, list(CLASSES))
