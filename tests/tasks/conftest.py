"""Fixtures of the task specification: a confirmed session of the chairman with one directive
for xã An Bình (unit_a) and xã Bình Minh (unit_b), each with a task due in ten days."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.utils import timezone

REPORT = (
    "Sáng 12/3, đồng chí Trịnh Văn Lâm, Chủ tịch UBND tỉnh, làm việc với xã An Bình và xã Bình Minh. "
    "Kết luận buổi làm việc, đồng chí yêu cầu hai xã tập trung cao độ cho công tác giải phóng mặt bằng. "
    "Hoàn thành giải phóng mặt bằng khu công nghiệp Đông Sơn. Cùng ngày, đoàn khảo sát thực tế tại cụm công nghiệp."
)


def make_session(
    *,
    province_code: str = "38",
    title: str = "Chủ tịch UBND tỉnh làm việc với xã An Bình",
    date=None,
    text=REPORT,
):
    from chidao.meetings.models import DocumentStatus, Session, SourceDocument

    doc = SourceDocument.objects.create(
        sha256=hashlib.sha256(f"{title}{date}{province_code}".encode()).hexdigest(),
        filename="bao-cao.txt",
        raw_text=text,
        text=text,
        title=title,
        status=DocumentStatus.CONFIRMED,
        province_code=province_code,
    )
    return Session.objects.create(
        document=doc, province_code=province_code, date=date or dt.date(2026, 3, 12), title=title
    )


def make_directive(
    session,
    *,
    text="Hoàn thành giải phóng mặt bằng khu công nghiệp Đông Sơn.",
    issuer=None,
    topic="",
    order=0,
    deadline=None,
):
    from chidao.meetings.models import Directive

    start = session.document.text.find(text)
    return Directive.objects.create(
        session=session,
        text=text,
        start=start if start >= 0 else None,
        end=start + len(text) if start >= 0 else None,
        issuer=issuer,
        issuer_name=issuer.full_name if issuer else "",
        topic=topic,
        order=order,
        deadline=deadline,
    )


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """The personas' passwords are hashed with a fast hasher here (login is not under test)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def session(db, leader_person):
    s = make_session()
    s.chairs.add(leader_person)
    return s


@pytest.fixture
def directive(session, leader_person):
    return make_directive(session, issuer=leader_person, topic="Đất đai")


@pytest.fixture
def tasks(directive, unit_a, unit_b, office, today):
    from chidao.tasks.services import create_tasks

    return create_tasks(
        directive=directive,
        units=[unit_a, unit_b],
        deadline=today + dt.timedelta(days=10),
        actor=office,
    )


@pytest.fixture
def task_a(tasks):
    return tasks[0]


@pytest.fixture
def task_b(tasks):
    return tasks[1]


@pytest.fixture
def make_tasks(session, leader_person, office, today):
    """Make ``n`` directives of the chairman, each with one task for ``unit``, due ``days`` from today."""
    from chidao.tasks.services import create_tasks

    def make(unit, n: int, *, days: int = 3, text: str = "Rà soát hồ sơ đất đai số {i}."):
        tasks = []
        for i in range(n):
            d = make_directive(
                session, text=text.format(i=i + 1), issuer=leader_person, order=100 + i
            )
            tasks += create_tasks(
                directive=d, units=[unit], deadline=today + dt.timedelta(days=days), actor=office
            )
        return tasks

    return make
