"""The petitions register: each petition, who raised it, who must answer, its state and the
answer; filters, a bounded page, the office's answer through the page, officers their own."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from tests.tasks.conftest import make_session

from chidao.meetings.models import ItemKind, Petition, PetitionState, SessionItem
from chidao.meetings.petitions import create_petitions
from chidao.search.index import index_session


@pytest.fixture
def register(db, unit_a, unit_b, department):
    """Three petitions: two of xã An Bình (one to the finance department), one of Bình Minh."""
    a = make_session(title="Làm việc với xã An Bình", date=dt.date(2026, 3, 2))
    a.localities.add(unit_a)
    b = make_session(title="Làm việc với xã Bình Minh", date=dt.date(2026, 4, 8))
    b.localities.add(unit_b)
    texts = [
        (a, "Xã kiến nghị Sở Tài chính bố trí vốn nâng cấp trạm bơm Đồng Mới."),
        (a, "Xã đề nghị tỉnh sớm phê duyệt quy hoạch chợ trung tâm."),
        (b, "Xã Bình Minh đề nghị bổ sung biên chế giáo viên."),
    ]
    for order, (s, text) in enumerate(texts):
        SessionItem.objects.create(session=s, kind=ItemKind.PETITION, text=text, order=order)
    for s in (a, b):
        create_petitions(session=s)
        index_session(s)
    return {p.item.text[:12]: p for p in Petition.objects.select_related("item")}


def _texts(response):
    return [p.item.text for p in response.context["page"].object_list]


def test_the_office_sees_every_petition_newest_session_first(client, register, office):
    client.force_login(office)

    response = client.get(reverse("insight:petitions"))

    assert _texts(response) == [
        "Xã Bình Minh đề nghị bổ sung biên chế giáo viên.",
        "Xã đề nghị tỉnh sớm phê duyệt quy hoạch chợ trung tâm.",
        "Xã kiến nghị Sở Tài chính bố trí vốn nâng cấp trạm bơm Đồng Mới.",
    ]
    counts = {c.state: c.n for c in response.context["counts"]}
    assert counts == {"open": 3, "answered": 0, "tasked": 0, "closed": 0}


def test_it_filters_by_answering_body_state_and_words_without_diacritics(
    client, register, office, department
):
    client.force_login(office)
    Petition.objects.filter(pk=register["Xã đề nghị t"].pk).update(state=PetitionState.CLOSED)
    url = reverse("insight:petitions")

    assert _texts(client.get(url, {"answerer": department.pk})) == [
        "Xã kiến nghị Sở Tài chính bố trí vốn nâng cấp trạm bơm Đồng Mới."
    ]
    assert _texts(client.get(url, {"state": "closed"})) == [
        "Xã đề nghị tỉnh sớm phê duyệt quy hoạch chợ trung tâm."
    ]
    assert _texts(client.get(url, {"q": "tram bom"})) == [
        "Xã kiến nghị Sở Tài chính bố trí vốn nâng cấp trạm bơm Đồng Mới."
    ]


def test_a_wrong_date_is_named_and_the_rest_of_the_filters_still_apply(client, register, office):
    client.force_login(office)

    response = client.get(
        reverse("insight:petitions"), {"date_from": "31/02/2026", "q": "giao vien"}
    )

    assert response.status_code == 200
    assert any(e.startswith("Từ ngày:") for e in response.context["errors"])
    assert _texts(response) == ["Xã Bình Minh đề nghị bổ sung biên chế giáo viên."]


def test_an_officer_sees_only_the_petitions_of_their_unit(client, register, officer_b):
    client.force_login(officer_b)

    response = client.get(reverse("insight:petitions"))

    assert _texts(response) == ["Xã Bình Minh đề nghị bổ sung biên chế giáo viên."]
    other = register["Xã kiến nghị"]
    assert client.get(reverse("meetings:petition", args=[other.pk])).status_code == 404


def test_the_office_answers_through_the_page(client, register, office, department):
    client.force_login(office)
    petition = register["Xã đề nghị t"]
    url = reverse("meetings:petition_answer", args=[petition.pk])

    response = client.post(
        url, {"version": 1, "answerer": department.pk, "answer": "Đã trình phê duyệt tháng 7."}
    )

    assert response.status_code == 302
    stored = Petition.objects.get(pk=petition.pk)
    assert stored.answer == "Đã trình phê duyệt tháng 7." and stored.answerer == department
    page = client.get(reverse("insight:petitions"), {"state": "answered"}).content.decode()
    assert "Đã trình phê duyệt tháng 7." in page


def test_a_stale_answer_gets_409_and_keeps_what_was_typed(client, register, office):
    client.force_login(office)
    petition = register["Xã đề nghị t"]
    url = reverse("meetings:petition_answer", args=[petition.pk])
    client.post(url, {"version": 1, "answer": "Trả lời của người thứ nhất."})

    response = client.post(url, {"version": 1, "answer": "Trả lời của người thứ hai."})

    assert response.status_code == 409
    html = response.content.decode()
    assert "Trả lời của người thứ hai." in html and "người khác cập nhật" in html
    assert Petition.objects.get(pk=petition.pk).answer == "Trả lời của người thứ nhất."


def test_an_empty_answer_gets_400_naming_the_field(client, register, office):
    client.force_login(office)
    petition = register["Xã đề nghị t"]

    response = client.post(
        reverse("meetings:petition_answer", args=[petition.pk]), {"version": 1, "answer": ""}
    )

    assert response.status_code == 400
    assert "Nội dung trả lời" in response.content.decode()
    assert Petition.objects.get(pk=petition.pk).state == PetitionState.OPEN


def test_the_office_turns_a_petition_into_a_task_through_the_page(
    client, register, office, department
):
    client.force_login(office)
    petition = register["Xã kiến nghị"]

    response = client.post(
        reverse("meetings:petition_task", args=[petition.pk]),
        {"version": 1, "unit": department.pk, "deadline": "30/09/2026"},
    )

    stored = Petition.objects.get(pk=petition.pk)
    assert stored.state == PetitionState.TASKED
    assert response["Location"] == reverse("tasks:directive", args=[stored.directive_id])


def test_a_wrong_deadline_keeps_the_task_form_and_creates_nothing(client, register, office):
    client.force_login(office)
    petition = register["Xã kiến nghị"]

    response = client.post(
        reverse("meetings:petition_task", args=[petition.pk]),
        {"version": 1, "deadline": "32/13/2026", "text": "Bố trí vốn trạm bơm."},
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Thời hạn" in html and "Bố trí vốn trạm bơm." in html
    assert Petition.objects.get(pk=petition.pk).directive_id is None


@pytest.mark.parametrize("extra", [0, 40])
def test_it_reads_the_register_in_a_fixed_number_of_queries(
    client, register, office, unit_a, extra, django_assert_max_num_queries
):
    s = make_session(title="Làm việc thêm", date=dt.date(2026, 5, 5))
    s.localities.add(unit_a)
    for i in range(extra):
        SessionItem.objects.create(session=s, kind=ItemKind.PETITION, text=f"Kiến nghị số {i}.")
    create_petitions(session=s)
    client.force_login(office)
    # sign-in (3); answering bodies (1); counts by state (1, the page's count too); rows (1)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("insight:petitions"))
    assert response.status_code == 200
