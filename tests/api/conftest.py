"""A confirmed session of xã An Bình and xã Bình Minh with one directive and two tasks.

Built from real rows (no services needed to read them back): the API must show officer_a
only the An Bình task, officer_b only the Bình Minh one, and the office both.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from chidao.meetings.models import Directive, Session, SessionItem, SourceDocument
from chidao.tasks.models import Task, TaskEvent, TaskState

REPORT = (
    "Sáng 3/2/2026, đồng chí Trịnh Văn Lâm, Chủ tịch UBND tỉnh làm việc với xã An Bình và xã Bình Minh. "
    "Đồng chí đề nghị UBND các xã hoàn thành quy hoạch chung trước ngày 30/6/2026."
)


def make_session(
    province_code: str = "38", *, text: str = REPORT, title: str = "Làm việc với xã An Bình"
) -> Session:
    doc = SourceDocument.objects.create(
        sha256=hashlib.sha256(f"{title}{text}".encode()).hexdigest(),
        filename="an-binh.txt",
        raw_text=text,
        text=text,
        title=title,
        province_code=province_code,
        status="confirmed",
    )
    return Session.objects.create(
        document=doc, province_code=province_code, date=dt.date(2026, 2, 3), title=title
    )


def make_directive(
    session: Session, units, *, issuer=None, deadline=dt.date(2026, 6, 30), order=0
) -> Directive:
    start = session.document.text.find("đề nghị")
    directive = Directive.objects.create(
        session=session,
        text=session.document.text[start:],
        start=start,
        end=len(session.document.text),
        issuer=issuer,
        issuer_name=issuer.full_name if issuer else "",
        assignee_text=["UBND các xã"],
        deadline=deadline,
        order=order,
    )
    for unit in units:
        task = Task.objects.create(
            directive=directive, unit=unit, deadline=deadline, original_deadline=deadline
        )
        TaskEvent.objects.create(task=task, kind="created", to_state=TaskState.NEW)
    return directive


@pytest.fixture
def session(db, leader_person, unit_a, unit_b):
    s = make_session()
    s.chairs.add(leader_person)
    s.localities.add(unit_a, unit_b)
    SessionItem.objects.create(
        session=s, kind="locality", text="xã An Bình", start=77, end=87, unit=unit_a
    )
    return s


@pytest.fixture
def directive(session, leader_person, unit_a, unit_b):
    return make_directive(session, [unit_a, unit_b], issuer=leader_person)


@pytest.fixture
def task_a(directive, unit_a):
    return directive.tasks.get(unit=unit_a)


@pytest.fixture
def task_b(directive, unit_b):
    return directive.tasks.get(unit=unit_b)
