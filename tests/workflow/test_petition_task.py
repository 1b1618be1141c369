"""A petition turned into a task for the body that must answer it: the task links back."""

from __future__ import annotations

import datetime as dt

import pytest

from chidao.meetings.models import ItemKind, Petition, PetitionState, SessionItem
from chidao.meetings.petitions import PetitionError, close_petition, create_petitions
from chidao.tasks.models import Task
from chidao.workflow.petitions import petition_to_task


@pytest.fixture
def petition(db, unit_a, department):
    from tests.tasks.conftest import make_session

    session = make_session(title="Làm việc với xã An Bình về thủy lợi")
    session.localities.add(unit_a)
    SessionItem.objects.create(
        session=session,
        kind=ItemKind.PETITION,
        text="Xã đề nghị Sở Tài chính hỗ trợ kinh phí nạo vét kênh Bắc.",
    )
    (created,) = create_petitions(session=session)
    return created


def test_the_office_turns_a_petition_into_a_task_for_the_answering_body(
    petition, office, department
):
    directive = petition_to_task(
        petition=petition, actor=office, version=petition.version, deadline=dt.date(2026, 9, 30)
    )

    task = Task.objects.get(directive=directive)
    assert task.unit == department and task.deadline == dt.date(2026, 9, 30)
    assert directive.session_id == petition.session_id
    assert directive.text.startswith("Giải quyết kiến nghị: Xã đề nghị Sở Tài chính")
    stored = Petition.objects.get(pk=petition.pk)
    assert stored.state == PetitionState.TASKED and stored.directive == directive
    assert task.directive.source_petition == stored  # the task links back to the petition


def test_a_petition_with_no_answering_body_needs_a_unit(petition, office, unit_b):
    Petition.objects.filter(pk=petition.pk).update(answerer=None)
    petition.refresh_from_db()

    with pytest.raises(PetitionError, match="Cơ quan trả lời"):
        petition_to_task(petition=petition, actor=office, version=petition.version)
    assert not Task.objects.exists()

    directive = petition_to_task(
        petition=petition, actor=office, version=petition.version, unit=unit_b
    )
    assert Task.objects.get(directive=directive).unit == unit_b


def test_a_closed_petition_is_not_turned_into_a_task(petition, office):
    close_petition(petition=petition, actor=office, version=petition.version)

    with pytest.raises(PetitionError):
        petition_to_task(petition=petition, actor=office, version=petition.version + 1)
    assert not Task.objects.exists()


def test_the_task_page_links_back_to_the_petition(client, petition, office, department):
    from django.urls import reverse

    directive = petition_to_task(petition=petition, actor=office, version=petition.version)
    task = Task.objects.get(directive=directive)
    client.force_login(office)

    html = client.get(reverse("tasks:task", args=[task.pk])).content.decode()

    assert reverse("meetings:petition", args=[petition.pk]) in html
