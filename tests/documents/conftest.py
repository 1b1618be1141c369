"""Fixtures of the documents: a confirmed session of the chairman at xã An Bình on Friday
13/02/2026 (the working day before Tết), with two directives and tasks for the two communes
and the department."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

REPORT = (
    "Chiều 13/2, đồng chí Trịnh Văn Lâm, Chủ tịch UBND tỉnh, làm việc với xã An Bình. "
    "Đồng chí yêu cầu xã An Bình hoàn thành giải phóng mặt bằng cụm công nghiệp Đồng Vàng trước ngày 30/6/2026. "
    "Giao Sở Tài chính chủ trì, phối hợp với xã Bình Minh bố trí vốn đầu tư đường liên xã trong quý II/2026."
)
DIRECTIVE_1 = (
    "Xã An Bình hoàn thành giải phóng mặt bằng cụm công nghiệp Đồng Vàng trước ngày 30/6/2026."
)
DIRECTIVE_2 = "Sở Tài chính chủ trì, phối hợp với xã Bình Minh bố trí vốn đầu tư đường liên xã trong quý II/2026."
SESSION_DATE = dt.date(2026, 2, 13)


def make_session(
    *, province_code="38", date=SESSION_DATE, title="Chủ tịch UBND tỉnh làm việc với xã An Bình"
):
    from chidao.meetings.models import DocumentStatus, Session, SourceDocument

    doc = SourceDocument.objects.create(
        sha256=hashlib.sha256(f"{title}{date}{province_code}".encode()).hexdigest(),
        filename="an-binh.txt",
        raw_text=REPORT,
        text=REPORT,
        title=title,
        status=DocumentStatus.CONFIRMED,
        province_code=province_code,
    )
    return Session.objects.create(document=doc, province_code=province_code, date=date, title=title)


@pytest.fixture
def session(db, leader_person, unit_a):
    from chidao.meetings.models import ItemKind, SessionItem

    s = make_session()
    s.chairs.add(leader_person)
    SessionItem.objects.create(session=s, kind=ItemKind.LOCALITY, text="xã An Bình", unit=unit_a)
    SessionItem.objects.create(
        session=s, kind=ItemKind.PERSON, text="Lê Thị Hoa", data={"titles": ["Bí thư Đảng ủy xã"]}
    )
    return s


@pytest.fixture
def directives(session, leader_person, unit_a, unit_b, department, office):
    from chidao.meetings.models import Directive
    from chidao.tasks.services import create_tasks

    d1 = Directive.objects.create(
        session=session,
        text=DIRECTIVE_1,
        issuer=leader_person,
        order=0,
        deadline=dt.date(2026, 6, 30),
    )
    d2 = Directive.objects.create(
        session=session,
        text=DIRECTIVE_2,
        issuer=leader_person,
        order=1,
        deadline=dt.date(2026, 6, 30),
    )
    create_tasks(directive=d1, units=[unit_a], deadline=dt.date(2026, 6, 30), actor=office)
    create_tasks(
        directive=d2,
        units=[department, unit_b],
        deadline=dt.date(2026, 6, 30),
        actor=office,
        support=[unit_b.pk],
    )
    return [d1, d2]
