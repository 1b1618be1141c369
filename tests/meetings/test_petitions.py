"""The petitions register's writes: a petition per petition item at confirmation, the office's
answer and closing, each versioned and in the audit trail."""

from __future__ import annotations

import pytest

from chidao.audit.models import AuditEvent
from chidao.meetings import services
from chidao.meetings.draft import id_at
from chidao.meetings.models import ItemKind, Petition, PetitionState, SessionItem
from chidao.meetings.petitions import (
    PetitionError,
    answer_petition,
    answering_body,
    close_petition,
    create_petitions,
)
from chidao.meetings.services import ConflictError
from chidao.workflow.sessions import confirm


@pytest.fixture
def petition(db, unit_a, department):
    """Xã An Bình asks the province, naming the finance department."""
    from tests.tasks.conftest import make_session

    session = make_session()
    session.localities.add(unit_a)
    SessionItem.objects.create(
        session=session,
        kind=ItemKind.PETITION,
        text="Xã kiến nghị Sở Tài chính sớm bố trí vốn nâng cấp trạm bơm Đồng Mới.",
        data={"by": "Lê Văn Hòa"},
    )
    (created,) = create_petitions(session=session)
    return created


def test_confirming_a_session_opens_a_petition_for_each_petition_item(
    document, office, unit_a, department
):
    # the review gives the departments' directive ("các sở, ngành liên quan ...") its unit
    services.edit_item(
        document=document,
        version=document.version,
        kind="directives",
        item_id=id_at(document.draft, "directives", 1),
        units=[department.pk],
        assignees=["các sở, ngành liên quan"],
    )
    session = confirm(document=document, actor=office)

    items = SessionItem.objects.filter(session=session, kind=ItemKind.PETITION)
    petitions = Petition.objects.filter(session=session)
    assert items.count() == petitions.count() >= 1
    first = petitions.select_related("item").first()
    assert first.state == PetitionState.OPEN
    assert first.raised_by == unit_a  # the session's locality
    assert "hỗ trợ kinh phí" in first.item.text


def test_the_answering_body_is_the_first_body_the_text_names(unit_a, department):
    text = "Xã An Bình kiến nghị Sở Tài chính bố trí vốn."
    assert answering_body("38", text) == department  # the commune raises, it does not answer
    assert answering_body("38", "Đề nghị tỉnh quan tâm hỗ trợ.") is None


def test_the_office_records_an_answer(petition, office, department):
    answered = answer_petition(
        petition=petition,
        actor=office,
        version=petition.version,
        answer="  Sở Tài chính bố trí 2 tỷ đồng trong quý III.  ",
        answerer=department,
    )

    stored = Petition.objects.get(pk=petition.pk)
    assert stored.state == PetitionState.ANSWERED == answered.state
    assert stored.answer == "Sở Tài chính bố trí 2 tỷ đồng trong quý III."
    assert stored.answerer == department and stored.answered_by == office
    assert stored.version == petition.version + 1
    event = AuditEvent.objects.get(object_type="meetings.petition", object_id=str(petition.pk))
    assert "Trả lời kiến nghị" in event.summary and event.actor == office


def test_an_answer_on_a_stale_version_is_refused_and_keeps_the_first(petition, office):
    answer_petition(petition=petition, actor=office, version=1, answer="Trả lời thứ nhất.")

    with pytest.raises(ConflictError, match="người khác cập nhật"):
        answer_petition(petition=petition, actor=office, version=1, answer="Trả lời thứ hai.")

    assert Petition.objects.get(pk=petition.pk).answer == "Trả lời thứ nhất."


def test_an_empty_answer_is_refused_naming_the_field(petition, office):
    with pytest.raises(PetitionError, match="Trả lời"):
        answer_petition(petition=petition, actor=office, version=1, answer="   ")
    assert Petition.objects.get(pk=petition.pk).state == PetitionState.OPEN


def test_a_closed_petition_takes_no_more_answers(petition, office):
    close_petition(petition=petition, actor=office, version=1)

    with pytest.raises(PetitionError, match="đã đóng"):
        answer_petition(petition=petition, actor=office, version=2, answer="Muộn.")
    assert Petition.objects.get(pk=petition.pk).state == PetitionState.CLOSED
