"""Recurring directives in a small province: four sessions, the same asks to several
communes and at several sessions, and asks that share words but not their object."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.tasks.conftest import make_directive, make_session

from chidao.organisation.models import Unit, UnitKind
from chidao.tasks.services import create_tasks

ASKS = {
    "dyke": "Đề nghị UBND xã {unit} hoàn thành giải phóng mặt bằng tuyến đê sông Lèn trước ngày 30/6/2027.",
    "dyke_again": "Yêu cầu xã {unit} khẩn trương giải phóng mặt bằng, bàn giao tuyến đê sông Lèn.",
    "resettle": "Xã {unit} hoàn thành giải phóng mặt bằng khu tái định cư Đồng Mé trước quý III.",
    "rural": "UBND xã {unit} hoàn thành xây dựng nông thôn mới nâng cao trong năm 2027.",
}


@pytest.fixture
def communes(db, unit_a, unit_b):
    c = Unit.objects.create(
        province_code="38",
        kind=UnitKind.COMMUNE,
        level="xã",
        name="Xã Hà Lĩnh",
        short_name="Hà Lĩnh",
    )
    return unit_a, unit_b, c


@pytest.fixture
def sessions(db, leader_person):
    return [
        make_session(title=f"Làm việc {i}", date=dt.date(2027, 1 + i, 5), text="Báo cáo.")
        for i in range(3)
    ]


@pytest.fixture
def asked(sessions, communes, leader_person, office):
    """session 0: the dyke asked of An Bình and Bình Minh; session 1: the dyke again (Hà Lĩnh)
    and the resettlement area (An Bình); session 2: rural standards of Bình Minh."""
    a, b, c = communes
    plan = [
        (sessions[0], "dyke", a),
        (sessions[0], "dyke", b),
        (sessions[1], "dyke_again", c),
        (sessions[1], "resettle", a),
        (sessions[2], "rural", b),
    ]
    made = {}
    for order, (session, ask, unit) in enumerate(plan):
        d = make_directive(
            session, text=ASKS[ask].format(unit=unit.short_name), issuer=leader_person, order=order
        )
        create_tasks(directive=d, units=[unit], deadline=None, actor=office)
        made[(ask, unit.short_name)] = d
    return made
