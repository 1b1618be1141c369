"""Lead and supporting units (đơn vị chủ trì, phối hợp): roles on tasks, what each unit sees."""

from __future__ import annotations

import datetime as dt

import pytest

from chidao.tasks.models import TaskRole
from chidao.tasks.queries import RegisterFilters, partner_tasks, register, task_detail
from chidao.tasks.services import create_tasks, report_progress


@pytest.fixture
def lead_and_support(directive, unit_a, unit_b, office, today):
    """Xã An Bình leads the directive; xã Bình Minh supports it."""
    return create_tasks(
        directive=directive,
        units=[unit_a, unit_b],
        deadline=today + dt.timedelta(days=10),
        actor=office,
        support={unit_b.pk},
    )


def test_a_unit_leads_unless_it_is_named_as_supporting(lead_and_support):
    lead, support = lead_and_support
    assert (lead.role, support.role) == (TaskRole.LEAD, TaskRole.SUPPORT)
    assert support.events.get().changes["role"] == [None, "support"]


def test_the_lead_sees_the_supporting_units_latest_report(lead_and_support, officer_b):
    lead, support = lead_and_support
    report_progress(task=support, actor=officer_b, version=1, text="Đã cử 3 cán bộ.", percent=40)
    report_progress(task=support, actor=officer_b, version=2, text="Đã đo đạc 2 thửa.", percent=60)

    (seen,) = partner_tasks(lead)

    assert seen.unit.name == "Xã Bình Minh" and seen.progress == 60
    assert seen.latest_report.text == "Đã đo đạc 2 thửa."


def test_a_supporting_unit_sees_only_who_leads(lead_and_support, officer_a):
    lead, support = lead_and_support
    report_progress(task=lead, actor=officer_a, version=1, text="Nội bộ.", percent=10)

    (seen,) = task_detail(support).partners

    assert seen.pk == lead.pk and not hasattr(seen, "latest_report")


def test_the_register_filters_by_role(lead_and_support, office):
    rows = register(office, RegisterFilters(role=TaskRole.SUPPORT))
    assert [t.unit.name for t in rows] == ["Xã Bình Minh"]


def test_the_task_page_shows_the_role_and_the_partners_report(
    client, lead_and_support, officer_a, officer_b
):
    lead, support = lead_and_support
    report_progress(task=support, actor=officer_b, version=1, text="Đã cử 3 cán bộ.", percent=40)
    client.force_login(officer_a)

    page = client.get(f"/tasks/{lead.pk}/").content.decode()

    assert "Chủ trì" in page and "Đơn vị phối hợp" in page and "Đã cử 3 cán bộ." in page
