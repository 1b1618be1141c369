"""Two people editing one session's draft: the one who saves second gets a 409 that keeps what
they typed in the form (with the current version, so saving again works) beside the current
values, for the session, a directive and another item."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from chidao.meetings.draft import id_at
from chidao.meetings.models import SourceDocument

pytestmark = pytest.mark.django_db


def _someone_else_saves_first(client, document):
    """Another officer of the office drops a difficulty: the document is at version 2."""
    client.post(
        reverse(
            "meetings:review_drop",
            args=[document.pk, "difficulties", id_at(document.draft, "difficulties", 0)],
        ),
        {"version": 1},
    )


def _page(response) -> str:
    return html.unescape(response.content.decode())


def test_a_stale_session_edit_keeps_what_was_typed_beside_the_current_values(
    client, document, office
):
    client.force_login(office)
    _someone_else_saves_first(client, document)
    before = SourceDocument.objects.get(pk=document.pk).draft
    response = client.post(
        reverse("meetings:review_session", args=[document.pk]),
        {
            "version": 1,
            "date": "14/05/2026",
            "kind": "visit",
            "title": "Kiểm tra tiến độ kè sông Lam",
            "chairs": "Nguyễn Thị Hạnh",
            "localities": "",
        },
    )
    assert response.status_code == 409
    page = _page(response)
    assert 'name="title" value="Kiểm tra tiến độ kè sông Lam"' in page
    assert 'name="date" value="14/05/2026"' in page
    assert 'name="version" value="2"' in page
    kept = response.context["kept"]
    assert ("Tiêu đề", "Kiểm tra tiến độ kè sông Lam") in kept.typed
    assert ("Tiêu đề", before.get("title") or "") in kept.current
    assert SourceDocument.objects.get(pk=document.pk).version == 2


def test_a_stale_directive_edit_keeps_text_units_and_deadline(client, document, office, department):
    client.force_login(office)
    item = id_at(document.draft, "directives", 0)
    current_text = document.draft["directives"][0]["text"]
    _someone_else_saves_first(client, document)
    response = client.post(
        reverse("meetings:review_directive", args=[document.pk, item]),
        {
            "version": 1,
            "text": "Hoàn thành nạo vét kênh tiêu trước mùa mưa.",
            "units": [department.pk],
            "deadline": "30/06/2026",
            "topic": "Nông nghiệp",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200  # htmx swaps only 2xx: the workspace says why
    page = _page(response)
    assert ">Hoàn thành nạo vét kênh tiêu trước mùa mưa.</textarea>" in page
    assert f'name="units" value="{department.pk}" checked' in page
    assert 'name="deadline" value="30/06/2026"' in page
    typed, current = page.split("Bạn đã nhập", 1)[1].split("Giá trị hiện tại", 1)
    assert f'<dt>Đơn vị thực hiện</dt><dd class="pre">{department.name}</dd>' in typed
    assert current_text in current.split("</dl>", 1)[0]
    saved = SourceDocument.objects.get(pk=document.pk).draft["directives"][0]
    assert saved["text"] == current_text


def test_sending_the_kept_form_again_saves_it(client, document, office, department):
    client.force_login(office)
    item = id_at(document.draft, "directives", 0)
    _someone_else_saves_first(client, document)
    typed = {"text": "Hoàn thành nạo vét kênh tiêu.", "units": [department.pk]}
    client.post(
        reverse("meetings:review_directive", args=[document.pk, item]), {"version": 1, **typed}
    )
    response = client.post(
        reverse("meetings:review_directive", args=[document.pk, item]), {"version": 2, **typed}
    )
    assert response.status_code == 302
    saved = SourceDocument.objects.get(pk=document.pk).draft["directives"][0]
    assert (saved["text"], saved["units"]) == (typed["text"], [department.pk])


def test_a_stale_edit_of_a_petition_keeps_it_open_with_what_was_typed(client, document, office):
    client.force_login(office)
    item = id_at(document.draft, "petitions", 0)
    _someone_else_saves_first(client, document)
    response = client.post(
        reverse("meetings:review_item", args=[document.pk, "petitions", item]),
        {"version": 1, "text": "Đề nghị hỗ trợ xi măng làm đường thôn.", "by": "Bí thư xã"},
    )
    assert response.status_code == 409
    page = _page(response)
    assert "Đề nghị hỗ trợ xi măng làm đường thôn.</textarea>" in page
    assert 'name="by" value="Bí thư xã"' in page
    assert '<details class="item-edit" open>' in page


def test_an_item_dropped_meanwhile_is_said_to_be_gone_and_the_typed_text_shown(
    client, document, office
):
    client.force_login(office)
    item = id_at(document.draft, "difficulties", 0)
    _someone_else_saves_first(client, document)  # drops that very difficulty
    response = client.post(
        reverse("meetings:review_item", args=[document.pk, "difficulties", item]),
        {"version": 1, "text": "Thiếu vốn đối ứng cho kè sông."},
    )
    assert response.status_code == 409
    kept = response.context["kept"]
    assert kept.gone and ("Nội dung", "Thiếu vốn đối ứng cho kè sông.") in kept.typed
    assert "Thiếu vốn đối ứng cho kè sông." in _page(response)
