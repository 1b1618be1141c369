"""A small province for the insight pages: sessions in Thiệu Hóa (both tone placements)."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.tasks.conftest import make_directive, make_session

from chidao.meetings.models import ItemKind, SessionItem
from chidao.tasks.services import create_tasks


@pytest.fixture
def atlas(db, leader_person, unit_a, unit_b, department, office):
    """Two sessions; directives to An Bình and Bình Minh; a petition naming the department."""
    s1 = make_session(
        title="Chủ tịch UBND tỉnh làm việc với huyện Thiệu Hoá", date=dt.date(2024, 5, 6)
    )
    s2 = make_session(title="Kiểm tra đê biển xã Bình Minh", date=dt.date(2026, 2, 3))
    d1 = make_directive(
        s1, text="Huyện Thiệu Hóa hoàn thành cắm mốc quy hoạch chợ.", issuer=leader_person
    )
    d2 = make_directive(
        s2, text="Nâng cấp đê biển Bình Minh trước mùa mưa bão.", issuer=leader_person
    )
    petition = SessionItem.objects.create(
        session=s1,
        kind=ItemKind.PETITION,
        text="Huyện kiến nghị tỉnh hỗ trợ kinh phí làm đường Thiệu Hoá đi Yên Định.",
        data={"by": "UBND huyện"},
    )
    (t1,) = create_tasks(directive=d1, units=[unit_a], deadline=dt.date(2024, 12, 31), actor=office)
    (t2,) = create_tasks(directive=d2, units=[unit_b], deadline=dt.date(2026, 9, 30), actor=office)
    return {"s1": s1, "s2": s2, "d1": d1, "d2": d2, "petition": petition, "t1": t1, "t2": t2}
