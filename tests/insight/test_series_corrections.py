"""The office corrects the indicator series of a unit's dossier: renames one, merges two that
are the same indicator read from several reports; the correction holds when the reports are
read again; refused for another unit of measure and for other roles."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from tests.tasks.conftest import make_session

from chidao.insight.dossier import dossier, unit_series
from chidao.insight.models import SeriesName
from chidao.meetings.models import ItemKind, SessionItem

TODAY = dt.date(2026, 6, 1)


def _reading(session, text, value, unit):
    SessionItem.objects.create(
        session=session, kind=ItemKind.INDICATOR, text=text, data={"value": value, "unit": unit}
    )


@pytest.fixture
def readings(db, unit_a):
    """Three reports with xã An Bình: the budget written two ways, the poverty rate in %."""
    sessions = []
    for day, (budget, other, poor) in {
        dt.date(2025, 9, 1): ("tổng thu ngân sách của xã đạt 10 tỷ đồng", None, 3.4),
        dt.date(2026, 1, 5): ("tổng thu ngân sách trên địa bàn xã đạt 12 tỷ đồng", None, 2.9),
        dt.date(2026, 4, 2): (None, "thu ngân sách nhà nước trên địa bàn đạt 6,5 tỷ đồng", 2.5),
    }.items():
        s = make_session(title=f"Làm việc với xã An Bình ngày {day:%d/%m/%Y}", date=day)
        s.localities.add(unit_a)
        if budget:
            _reading(s, budget, float(budget.split("đạt ")[1].split()[0]), "tỷ đồng")
        if other:
            _reading(s, other, 6.5, "tỷ đồng")
        _reading(s, f"tỷ lệ hộ nghèo còn {poor}%", poor, "%")
        sessions.append(s)
    return sessions


def _series(office, unit):
    return {s.label: [p.value for p in s.points] for s in unit_series(office, unit, limit=10)}


def _key(office, unit, label):
    return next(s.key for s in unit_series(office, unit, limit=10) if s.label == label)


def test_the_office_renames_a_series_and_the_name_holds_when_reports_are_read_again(
    client, readings, office, unit_a
):
    client.force_login(office)
    url = reverse("insight:series", args=[unit_a.pk])
    key = _key(office, unit_a, "tỷ lệ hộ nghèo (%)")

    response = client.post(url, {"series": key, "name": "Tỷ lệ hộ nghèo đa chiều"})

    assert response.status_code == 302 and response.url.endswith("#indicators")
    assert _series(office, unit_a)["Tỷ lệ hộ nghèo đa chiều (%)"] == [3.4, 2.9, 2.5]
    # the reports read again: the same sentences, new rows
    for s in readings:
        items = SessionItem.objects.filter(session=s, kind=ItemKind.INDICATOR)
        texts = list(items.values_list("text", "data"))
        items.delete()
        for text, data in texts:
            SessionItem.objects.create(session=s, kind=ItemKind.INDICATOR, text=text, data=data)
    assert _series(office, unit_a)["Tỷ lệ hộ nghèo đa chiều (%)"] == [3.4, 2.9, 2.5]
    page = client.get(reverse("insight:dossier", args=[unit_a.pk])).content.decode()
    assert "Tỷ lệ hộ nghèo đa chiều (%)" in page and "tên do Văn phòng sửa" in page

    # an empty name: back to the name read from the reports
    renamed = _key(office, unit_a, "Tỷ lệ hộ nghèo đa chiều (%)")
    client.post(url, {"series": renamed, "name": ""})
    assert "tỷ lệ hộ nghèo (%)" in _series(office, unit_a)
    assert not SeriesName.objects.exists()


def test_the_office_merges_two_series_of_the_same_indicator(client, readings, office, unit_a):
    before = _series(office, unit_a)
    assert before["tổng thu ngân sách (tỷ đồng)"] == [10.0, 12.0]
    assert before["thu ngân sách nhà nước (tỷ đồng)"] == [6.5]
    client.force_login(office)

    client.post(
        reverse("insight:series", args=[unit_a.pk]),
        {
            "series": _key(office, unit_a, "thu ngân sách nhà nước (tỷ đồng)"),
            "into": _key(office, unit_a, "tổng thu ngân sách (tỷ đồng)"),
        },
    )

    after = _series(office, unit_a)
    assert after == {
        "tổng thu ngân sách (tỷ đồng)": [10.0, 12.0, 6.5],
        "tỷ lệ hộ nghèo (%)": [3.4, 2.9, 2.5],
    }
    (chart,) = [
        c for c in dossier(office, unit_a, today=TODAY).charts if c.series.unit == "tỷ đồng"
    ]
    assert len(chart.dots) == 3


def test_a_merge_across_units_of_measure_is_refused_and_named(client, readings, office, unit_a):
    client.force_login(office)
    response = client.post(
        reverse("insight:series", args=[unit_a.pk]),
        {
            "series": _key(office, unit_a, "tỷ lệ hộ nghèo (%)"),
            "into": _key(office, unit_a, "tổng thu ngân sách (tỷ đồng)"),
        },
        follow=True,
    )
    text = response.content.decode()
    assert "khác đơn vị tính" in text and "tỷ lệ hộ nghèo (%)" in text
    assert not SeriesName.objects.exists()


def test_an_unknown_series_is_named_in_the_error(client, readings, office, unit_a):
    client.force_login(office)
    response = client.post(
        reverse("insight:series", args=[unit_a.pk]),
        {"series": "không có|gì", "name": "X"},
        follow=True,
    )
    assert "Không có chỉ tiêu “không có|gì”" in response.content.decode()
    assert not SeriesName.objects.exists()


def test_only_the_office_corrects_series(client, readings, leader, officer_a, unit_a, office):
    key = _key(office, unit_a, "tỷ lệ hộ nghèo (%)")
    for user in (leader, officer_a):
        client.force_login(user)
        response = client.post(
            reverse("insight:series", args=[unit_a.pk]), {"series": key, "name": "X"}
        )
        assert response.status_code == 403
        assert (
            "Sửa tên, gộp chỉ tiêu"
            not in client.get(reverse("insight:dossier", args=[unit_a.pk])).content.decode()
        )
    assert not SeriesName.objects.exists()
