"""Confirm: the reviewed draft becomes a session, its items, directives and tasks — or nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from chidao.meetings import services
from chidao.meetings.draft import id_at
from chidao.meetings.models import (
    Directive,
    DocumentStatus,
    ItemKind,
    Session,
    SessionItem,
    SourceDocument,
)
from chidao.meetings.services import DraftError
from chidao.organisation.models import Person
from chidao.tasks.models import EventKind, Task, TaskEvent, TaskState
from chidao.workflow.sessions import confirm


@pytest.fixture
def reviewed(document, department, department_xd):
    """The An Bình document after review: the departments' directive goes to two departments."""
    services.edit_item(
        document=document,
        version=document.version,
        kind="directives",
        item_id=id_at(document.draft, "directives", 1),
        units=[department.pk, department_xd.pk],
        assignees=["các sở, ngành liên quan"],
        topic="Giao thông",
    )
    return document


def test_it_stores_the_session_items_directives_and_tasks(
    reviewed, office, unit_a, department, department_xd
):
    draft = reviewed.draft

    session = confirm(document=reviewed, actor=office)

    doc = SourceDocument.objects.get(pk=reviewed.pk)
    assert doc.status == DocumentStatus.CONFIRMED
    assert session.document_id == doc.pk and session.province_code == "38"
    assert session.date == dt.date(2026, 3, 12)
    assert session.kind == "visit"
    assert session.confirmed_by == office and session.confirmed_at is not None
    assert [p.full_name for p in session.chairs.all()] == ["Trịnh Văn Lâm"]
    assert list(session.localities.all()) == [unit_a]
    chair = Person.objects.get(full_name="Trịnh Văn Lâm")
    assert sorted(chair.positions.values_list("title", flat=True)) == [
        "Chủ tịch UBND tỉnh",
        "Phó Bí thư Tỉnh ủy",
    ]

    expected = {
        ItemKind.PERSON: len(draft["people"]),
        ItemKind.LOCALITY: len(draft["localities"]),
        ItemKind.AGENCY: len(draft["agencies"]),
        ItemKind.INDICATOR: len(draft["indicators"]),
        ItemKind.DIFFICULTY: len(draft["difficulties"]),
        ItemKind.PETITION: len(draft["petitions"]),
        ItemKind.SITE_VISIT: len(draft["site_visits"]),
    }
    got = {kind: session.items.filter(kind=kind).count() for kind in expected}
    assert got == expected
    assert SessionItem.objects.count() == sum(expected.values())
    indicator = session.items.filter(kind=ItemKind.INDICATOR).first()
    assert indicator.data == {"value": 12.5, "unit": "tỷ đồng"}
    assert doc.text[indicator.start : indicator.end] == indicator.text
    petition = session.items.get(kind=ItemKind.PETITION)
    assert petition.data == {"by": "Lê Văn Hòa"} and petition.person.full_name == "Lê Văn Hòa"
    locality = session.items.get(kind=ItemKind.LOCALITY)
    assert locality.unit == unit_a
    agency = session.items.get(kind=ItemKind.AGENCY, text="Sở Tài chính")
    assert agency.unit == department

    first, second = Directive.objects.filter(session=session).order_by("order")
    assert (first.issuer, first.issuer_name, first.assignee_text, first.deadline) == (
        chair,
        "Trịnh Văn Lâm",
        ["UBND xã An Bình"],
        dt.date(2026, 6, 30),
    )
    assert (second.assignee_text, second.topic, second.deadline) == (
        ["các sở, ngành liên quan"],
        "Giao thông",
        None,
    )
    assert [
        (t.directive_id, t.unit, t.deadline, t.state)
        for t in Task.objects.order_by("directive__order", "unit__name")
    ] == [
        (first.pk, unit_a, dt.date(2026, 6, 30), TaskState.NEW),
        (second.pk, department, None, TaskState.NEW),
        (second.pk, department_xd, None, TaskState.NEW),
    ]
    assert (
        list(TaskEvent.objects.values_list("kind", "actor")) == [(EventKind.CREATED, office.pk)] * 3
    )


def test_it_refuses_a_directive_without_a_unit_and_stores_nothing(document, office):
    services.edit_item(
        document=document,
        version=1,
        kind="directives",
        item_id=id_at(document.draft, "directives", 1),
        units=[],
    )

    with pytest.raises(
        DraftError, match=r"Chỉ đạo số 2 «các sở, ngành.*» chưa chọn đơn vị thực hiện"
    ):
        confirm(document=document, actor=office)

    assert (Session.objects.count(), Directive.objects.count(), Task.objects.count()) == (0, 0, 0)
    assert SourceDocument.objects.get(pk=document.pk).status == DocumentStatus.REVIEW


def test_a_failure_half_way_leaves_nothing(reviewed, office, monkeypatch):
    from chidao.tasks import services as tasks_services

    real = tasks_services.create_tasks
    calls = []

    def failing_on_the_second(**kwargs):
        calls.append(kwargs["directive"].text)
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return real(**kwargs)

    monkeypatch.setattr(tasks_services, "create_tasks", failing_on_the_second)

    with pytest.raises(RuntimeError, match="went away"):
        confirm(document=reviewed, actor=office)

    assert len(calls) == 2
    assert (Session.objects.count(), SessionItem.objects.count(), Directive.objects.count()) == (
        0,
        0,
        0,
    )
    assert (Task.objects.count(), TaskEvent.objects.count()) == (0, 0)
    doc = SourceDocument.objects.get(pk=reviewed.pk)
    assert (doc.status, doc.version) == (DocumentStatus.REVIEW, 2)


def test_it_cannot_confirm_twice(reviewed, office):
    confirm(document=reviewed, actor=office)
    with pytest.raises(DraftError, match="không còn chờ rà soát"):
        confirm(document=reviewed, actor=office)
    with pytest.raises(DraftError, match="không thể sửa nữa"):
        services.drop_item(
            document=reviewed,
            version=reviewed.version,
            kind="directives",
            item_id=id_at(reviewed.draft, "directives", 0),
        )
    assert Session.objects.count() == 1


def test_an_old_report_keeps_its_district(office):
    """A 2023 report speaks of a district (before July 2025): the session keeps that unit."""
    from chidao.organisation.models import Unit, UnitKind

    from .conftest import HOANG_LOC

    district = Unit.objects.create(
        province_code="38",
        kind=UnitKind.DISTRICT,
        level="huyện",
        name="Huyện Hoằng Lộc",
        short_name="Hoằng Lộc",
        valid_to=dt.date(2025, 6, 30),
    )
    doc, _ = services.ingest_text(
        text=HOANG_LOC, filename="hl.txt", province_code="38", actor=office
    )
    assert doc.draft["directives"][0]["units"] == [district.pk]

    session = confirm(document=doc, actor=office)

    assert session.date == dt.date(2023, 9, 14)
    assert list(session.localities.all()) == [district]
    assert [(t.unit, t.directive.assignee_text) for t in Task.objects.all()] == [
        (district, ["huyện Hoằng Lộc"])
    ]


def test_the_supporting_units_of_a_directive_get_support_tasks(
    document, office, department, department_xd
):
    services.edit_item(
        document=document,
        version=document.version,
        kind="directives",
        item_id=id_at(document.draft, "directives", 1),
        units=[department.pk, department_xd.pk],
        support=[department_xd.pk],
    )

    session = confirm(document=document, actor=office)

    roles = dict(
        Task.objects.filter(directive__session=session, directive__order=1).values_list(
            "unit__name", "role"
        )
    )
    assert roles == {"Sở Tài chính": "lead", "Sở Xây dựng": "support"}


def test_a_directive_keeps_a_lead_when_every_unit_is_marked_supporting(
    document, department, department_xd
):
    services.edit_item(
        document=document,
        version=document.version,
        kind="directives",
        item_id=id_at(document.draft, "directives", 1),
        units=[department.pk, department_xd.pk],
        support=[department.pk, department_xd.pk],
    )

    assert SourceDocument.objects.get(pk=document.pk).draft["directives"][1]["support"] == [
        department_xd.pk
    ]


def test_a_confirmed_session_counts_its_tasks_in_the_dashboards_rollup(reviewed, office):
    from chidao.insight import tallies

    confirm(document=reviewed, actor=office)
    assert Task.objects.exists() and tallies.drift() == {}
    units = {key[1] for (table, key) in tallies.stored() if table == "unit"}
    assert units == set(Task.objects.values_list("unit_id", flat=True))


def test_a_failed_confirmation_leaves_nothing_in_the_rollup(reviewed, office, monkeypatch):
    from chidao.insight import tallies
    from chidao.tasks import services as tasks_services

    real = tasks_services.create_tasks
    calls = []

    def failing_on_the_second(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return real(**kwargs)

    monkeypatch.setattr(tasks_services, "create_tasks", failing_on_the_second)
    with pytest.raises(RuntimeError):
        confirm(document=reviewed, actor=office)
    assert tallies.stored() == {} and tallies.drift() == {}
