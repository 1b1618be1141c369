"""Working days of Vietnamese state bodies: no Saturdays, Sundays or public holidays.

Public holidays (Tết Nguyên đán, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9, ...) come from the
``holidays`` package; the government's yearly compensating days are configured:
``CHIDAO_EXTRA_DAYS_OFF`` (days off swapped in, e.g. a bridge day) and
``CHIDAO_EXTRA_WORKING_DAYS`` (Saturdays worked instead), ISO dates separated by commas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import holidays


def parse_dates(value: str, *, name: str) -> frozenset[dt.date]:
    """``"2026-01-02, 2026-01-10"`` as dates; a bad item raises ValueError naming ``name``."""
    days = set()
    for item in (value or "").replace(";", ",").split(","):
        item = item.strip()
        if not item:
            continue
        try:
            days.add(dt.date.fromisoformat(item))
        except ValueError as e:
            raise ValueError(f"{name}: {item!r} is not a date (expected YYYY-MM-DD)") from e
    return frozenset(days)


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("VN", years=year))


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are working days: weekdays that are no public holiday, adjusted."""

    extra_days_off: frozenset[dt.date] = field(default_factory=frozenset)
    extra_working_days: frozenset[dt.date] = field(default_factory=frozenset)

    @classmethod
    def from_settings(cls) -> WorkCalendar:
        """The calendar configured by ``CHIDAO_EXTRA_DAYS_OFF`` / ``CHIDAO_EXTRA_WORKING_DAYS``."""
        from django.conf import settings

        return cls(
            extra_days_off=parse_dates(
                getattr(settings, "CHIDAO_EXTRA_DAYS_OFF", ""), name="CHIDAO_EXTRA_DAYS_OFF"
            ),
            extra_working_days=parse_dates(
                getattr(settings, "CHIDAO_EXTRA_WORKING_DAYS", ""),
                name="CHIDAO_EXTRA_WORKING_DAYS",
            ),
        )

    def is_holiday(self, day: dt.date) -> bool:
        return day in _public_holidays(day.year)

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.extra_working_days:
            return True
        if day in self.extra_days_off or day.weekday() >= 5:
            return False
        return not self.is_holiday(day)

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The ``days``-th working day after ``start`` (``start`` itself does not count).

        A session on Friday 13/02/2026 with 5 working days: Tết (16–20/02) and two weekends
        are skipped, the result is Friday 27/02/2026.
        """
        if days < 0:
            raise ValueError(f"days must not be negative, got {days}")
        day = start
        left = days
        while left:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when ``end`` is before)."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(
            1
            for n in range(1, (end - start).days + 1)
            if self.is_working_day(start + dt.timedelta(n))
        )

    def working_days(self, days: Iterable[dt.date]) -> list[dt.date]:
        return [d for d in days if self.is_working_day(d)]


def notice_due_date(
    session_date: dt.date | None, calendar: WorkCalendar | None = None
) -> dt.date | None:
    """When the conclusion notice of a session held on ``session_date`` is due (QĐ 45/2018/QĐ-TTg:
    within ``CHIDAO_NOTICE_WORKING_DAYS`` = 5 working days); None without a session date."""
    if session_date is None:
        return None
    from django.conf import settings

    calendar = calendar or WorkCalendar.from_settings()
    return calendar.add_working_days(
        session_date, getattr(settings, "CHIDAO_NOTICE_WORKING_DAYS", 5)
    )
