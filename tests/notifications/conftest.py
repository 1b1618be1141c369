"""Notifications: the personas of tests/conftest.py with e-mail addresses, and one directive
of the chairman given to xã An Bình and xã Bình Minh *after* their officers have accounts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from tests.tasks.conftest import make_directive, make_session

from chidao.tasks.services import create_tasks


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
def mailed(officer_a, officer_b, office):
    """The officers and the office with e-mail addresses."""
    for user, address in (
        (officer_a, "canbo.anbinh@example.vn"),
        (officer_b, "canbo.binhminh@example.vn"),
        (office, "vanphong@example.vn"),
    ):
        user.email = address
        user.save(update_fields=["email"])
    return officer_a, officer_b, office


@pytest.fixture
def assigned(directive, unit_a, unit_b, office, officer_a, officer_b, today):
    """Tasks for An Bình and Bình Minh, due in ten days, created once both officers exist."""
    return create_tasks(
        directive=directive,
        units=[unit_a, unit_b],
        deadline=today + dt.timedelta(days=10),
        actor=office,
    )
