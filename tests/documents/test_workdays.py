"""Working days: weekends, Vietnamese public holidays (Tết), configured compensating days."""

from __future__ import annotations

import datetime as dt

import pytest

from chidao.documents.workdays import WorkCalendar, notice_due_date, parse_dates


def test_five_working_days_from_the_friday_before_tet_skip_tet_and_two_weekends():
    # Friday 13/02/2026; Tết holidays Monday 16 to Friday 20/02/2026; weekends 14-15 and 21-22
    assert WorkCalendar().add_working_days(dt.date(2026, 2, 13), 5) == dt.date(2026, 2, 27)


def test_an_ordinary_week_skips_only_the_weekend():
    # Wednesday 11/03/2026 + 5 working days: Thu, Fri, Mon, Tue, Wed
    assert WorkCalendar().add_working_days(dt.date(2026, 3, 11), 5) == dt.date(2026, 3, 18)


def test_a_configured_working_saturday_counts_and_an_extra_day_off_does_not():
    calendar = WorkCalendar(
        extra_days_off=frozenset({dt.date(2026, 3, 12)}),
        extra_working_days=frozenset({dt.date(2026, 3, 14)}),
    )
    # Thu 12 off, Fri 13, Sat 14 worked, Mon 16, Tue 17, Wed 18
    assert calendar.add_working_days(dt.date(2026, 3, 11), 5) == dt.date(2026, 3, 18)
    assert not calendar.is_working_day(dt.date(2026, 3, 12))
    assert calendar.is_working_day(dt.date(2026, 3, 14))


def test_working_days_between_counts_across_tet():
    calendar = WorkCalendar()
    assert calendar.working_days_between(dt.date(2026, 2, 13), dt.date(2026, 2, 23)) == 1
    assert calendar.working_days_between(dt.date(2026, 2, 23), dt.date(2026, 2, 13)) == -1


def test_notice_due_date_reads_the_compensating_days_from_settings(settings):
    settings.CHIDAO_EXTRA_WORKING_DAYS = "2026-02-21"
    assert notice_due_date(dt.date(2026, 2, 13)) == dt.date(2026, 2, 26)  # Saturday 21/02 worked
    assert notice_due_date(None) is None


def test_a_bad_compensating_day_names_the_setting_and_the_value():
    with pytest.raises(ValueError, match=r"CHIDAO_EXTRA_DAYS_OFF: '2026-13-01'"):
        parse_dates("2026-01-02, 2026-13-01", name="CHIDAO_EXTRA_DAYS_OFF")
