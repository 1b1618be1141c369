"""The periodic report "Báo cáo tình hình thực hiện ý kiến chỉ đạo" as typed content.

Which tasks a report counts: those given in sessions held up to the end of the period (or
created by then, for a session without a date) and not already done before the period began;
each is classed by ``chidao.tasks.outcomes`` (the same rules as the dashboard and the register) as
on the period's last day (or today, for a period not over yet). The page, the command line and
the XLSX all read :func:`report_content`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from chidao.documents.content import province_name
from chidao.meetings.models import ItemKind, SessionItem
from chidao.organisation.models import Person, Unit
from chidao.tasks.models import Task, TaskState
from chidao.tasks.outcomes import OVERDUE, Outcomes, of_outcome, outcome_counts, outcomes_by


class PeriodKind:
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    CUSTOM = "custom"
    CHOICES = (
        (MONTH, "Tháng"),
        (QUARTER, "Quý"),
        (HALF, "6 tháng"),
        (YEAR, "Năm"),
        (CUSTOM, "Tùy chọn"),
    )


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    label: str  # "quý I năm 2026", "từ 01/03/2026 đến 15/04/2026"


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def period_of(kind: str, year: int, number: int = 1) -> Period:
    """The period ``number`` of ``kind`` in ``year``: month 1–12, quarter 1–4, half 1–2, year.

    Raises ValueError naming the bad value.
    """
    if kind == PeriodKind.MONTH:
        if not 1 <= number <= 12:
            raise ValueError(f"month must be 1–12, got {number}")
        return Period(
            dt.date(year, number, 1), _month_end(year, number), f"tháng {number} năm {year}"
        )
    if kind == PeriodKind.QUARTER:
        if not 1 <= number <= 4:
            raise ValueError(f"quarter must be 1–4, got {number}")
        first = 3 * (number - 1) + 1
        return Period(
            dt.date(year, first, 1), _month_end(year, first + 2), f"quý {ROMAN[number]} năm {year}"
        )
    if kind == PeriodKind.HALF:
        if number not in (1, 2):
            raise ValueError(f"half must be 1 or 2, got {number}")
        first = 1 if number == 1 else 7
        label = f"6 tháng đầu năm {year}" if number == 1 else f"6 tháng cuối năm {year}"
        return Period(dt.date(year, first, 1), _month_end(year, first + 5), label)
    if kind == PeriodKind.YEAR:
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"năm {year}")
    raise ValueError(f"unknown period kind {kind!r}; expected month, quarter, half or year")


def custom_period(start: dt.date, end: dt.date) -> Period:
    if end < start:
        raise ValueError(f"the period ends ({end:%d/%m/%Y}) before it starts ({start:%d/%m/%Y})")
    return Period(start, end, f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}")


@dataclass(frozen=True)
class Scope:
    """The whole province, one unit's tasks, or one leader's directives."""

    unit: Unit | None = None
    leader: Person | None = None

    @property
    def label(self) -> str:
        if self.unit is not None:
            return self.unit.name
        if self.leader is not None:
            return _("đồng chí %(name)s") % {"name": self.leader.full_name}
        return ""


@dataclass(frozen=True)
class UnitRow:
    name: str
    counts: Outcomes


@dataclass(frozen=True)
class OverdueRow:
    unit: str
    text: str
    session_date: dt.date | None
    deadline: dt.date
    days_late: int
    leader: str
    role: str


@dataclass(frozen=True)
class PetitionRow:
    session_date: dt.date | None
    session_title: str
    text: str
    by: str
    answer: str


@dataclass(frozen=True)
class ReportContent:
    province: str
    issuing_body: tuple[str, ...]
    period: Period
    scope: Scope
    as_of: dt.date
    totals: Outcomes
    units: tuple[UnitRow, ...]
    overdue: tuple[OverdueRow, ...]
    petitions: tuple[PetitionRow, ...]
    assessment: tuple[str, ...]
    proposals: tuple[str, ...]

    @property
    def title(self) -> str:
        who = f" của {self.scope.label}" if self.scope.leader is not None else ""
        where = f" tại {self.scope.label}" if self.scope.unit is not None else ""
        return f"Tình hình thực hiện ý kiến chỉ đạo{who}{where} {self.period.label}"


def report_tasks(tasks: QuerySet[Task], period: Period, scope: Scope) -> QuerySet[Task]:
    """The tasks a report counts, within ``tasks`` (what the caller may see)."""
    given = Q(directive__session__date__lte=period.end) | Q(
        directive__session__date__isnull=True, created_at__date__lte=period.end
    )
    done_before = Q(state=TaskState.DONE, completed_at__date__lt=period.start)
    chosen = tasks.filter(given).exclude(done_before)
    if scope.unit is not None:
        chosen = chosen.filter(unit=scope.unit)
    if scope.leader is not None:
        chosen = chosen.filter(
            Q(directive__issuer=scope.leader) | Q(directive__session__chairs=scope.leader)
        ).distinct()
    return chosen


def petition_answer(item: SessionItem) -> str:
    """The answer the office recorded for a petition item (the petitions register)."""
    try:
        return item.petition.answer
    except ObjectDoesNotExist:
        return ""


def _petitions(province_code: str, period: Period, scope: Scope) -> tuple[PetitionRow, ...]:
    items = SessionItem.objects.filter(
        kind=ItemKind.PETITION,
        session__province_code=province_code,
        session__date__gte=period.start,
        session__date__lte=period.end,
    ).select_related("session", "petition")
    if scope.unit is not None:
        items = items.filter(
            Q(session__localities=scope.unit)
            | Q(unit=scope.unit)
            | Q(petition__answerer=scope.unit)
            | Q(petition__raised_by=scope.unit)
        )
    if scope.leader is not None:
        items = items.filter(session__chairs=scope.leader)
    rows = []
    for item in items.distinct().order_by("session__date", "session_id", "order"):
        data = item.data or {}
        rows.append(
            PetitionRow(
                session_date=item.session.date,
                session_title=item.session.title,
                text=item.text,
                by=str(data.get("by") or ""),
                answer=petition_answer(item),
            )
        )
    return tuple(rows)


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in (text or "").splitlines() if p.strip())


def report_content(
    tasks: QuerySet[Task],
    *,
    province_code: str,
    period: Period,
    scope: Scope,
    assessment: str = "",
    proposals: str = "",
    today: dt.date | None = None,
) -> ReportContent:
    """Everything the periodic report shows, for the tasks within ``tasks`` (the caller's)."""
    today = today or timezone.localdate()
    as_of = min(period.end, today)
    chosen = report_tasks(tasks, period, scope)
    totals = outcome_counts(chosen, as_of)
    units = tuple(
        UnitRow(g.label, g.outcomes)
        for g in outcomes_by(chosen, "unit", "unit__name", as_of, order="size")
    )
    overdue_rows = (
        of_outcome(chosen, OVERDUE, as_of)
        .select_related("unit", "directive", "directive__session", "directive__issuer")
        .order_by("deadline", "unit__name", "pk")
    )
    overdue = tuple(
        OverdueRow(
            unit=t.unit.name,
            text=t.directive.text,
            session_date=t.directive.session.date,
            deadline=t.deadline,
            days_late=(as_of - t.deadline).days,
            leader=t.directive.issuer.full_name if t.directive.issuer else t.directive.issuer_name,
            role=t.get_role_display(),
        )
        for t in overdue_rows
    )
    province = province_name(province_code)
    return ReportContent(
        province=province,
        issuing_body=(f"UBND TỈNH {province.upper()}", "VĂN PHÒNG"),
        period=period,
        scope=scope,
        as_of=as_of,
        totals=totals,
        units=units,
        overdue=overdue,
        petitions=_petitions(province_code, period, scope),
        assessment=_paragraphs(assessment),
        proposals=_paragraphs(proposals),
    )
