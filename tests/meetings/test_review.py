"""The review page as the office sees it: how many directives still need a unit, and the
"add unit" search of a directive (office only, the province's units only, of the session's time first)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from chidao.meetings import services
from chidao.meetings.draft import id_at
from chidao.organisation.models import Unit, UnitKind

from .conftest import AN_BINH, HOANG_LOC


def as_user(client, user):
    client.force_login(user)
    return client


def search(client, document, q, index=None):
    params = {"q": q}
    if isinstance(index, int):
        directives = document.draft["directives"]
        params["item"] = directives[index]["id"] if index < len(directives) else "i999"
    elif index is not None:
        params["item"] = index
    return client.get(
        reverse("meetings:review_units", args=[document.pk]), params, HTTP_HX_REQUEST="true"
    )


def unit_ids(response):
    """The units offered by a search answer, in order."""
    return [int(pk) for pk in re.findall(r'name="units" value="(\d+)"', response.content.decode())]


# ---------------------------------------------------------------- the state shown


def test_it_says_how_many_directives_still_need_a_unit(client, document, office, department):
    services.edit_item(
        document=document,
        version=1,
        kind="directives",
        item_id=id_at(document.draft, "directives", 0),
        units=[],
    )
    services.edit_item(
        document=document,
        version=2,
        kind="directives",
        item_id=id_at(document.draft, "directives", 1),
        units=[],
    )
    page = (
        as_user(client, office).get(reverse("meetings:review", args=[document.pk])).content.decode()
    )

    assert "2 chỉ đạo chưa có đơn vị thực hiện" in page
    assert "Còn 2 chỉ đạo cần chọn đơn vị</button>" in page
    assert page.count('class="directive-card needs-unit"') == 2
    assert '<a href="#directive-0" title="Chỉ đạo số 1 chưa chọn đơn vị thực hiện">số 1</a>' in page


def test_the_confirm_button_counts_the_directives_it_will_give_out_once_all_have_units(
    client, document, office, department
):
    as_user(client, office)
    services.edit_item(
        document=document,
        version=1,
        kind="directives",
        item_id=id_at(document.draft, "directives", 1),
        units=[department.pk],
    )
    page = client.get(reverse("meetings:review", args=[document.pk])).content.decode()
    n = len(document.draft["directives"])

    assert "Còn 1 chỉ đạo cần chọn đơn vị" not in page and "needs-unit" not in page
    assert f"Xác nhận và giao {n} chỉ đạo</button>" in page
    assert "Mọi chỉ đạo đã có đơn vị thực hiện." in page


def test_the_count_follows_an_htmx_edit(client, document, office, department):
    as_user(client, office)
    response = client.post(
        reverse(
            "meetings:review_directive", args=[document.pk, id_at(document.draft, "directives", 0)]
        ),
        {"version": 1, "text": document.draft["directives"][0]["text"], "units": []},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    needing = sum(
        1
        for d in services.SourceDocument.objects.get(pk=document.pk).draft["directives"]
        if not d["units"]
    )
    assert needing >= 1
    assert f"Còn {needing} chỉ đạo cần chọn đơn vị</button>" in page


# ---------------------------------------------------------------- the unit search


def test_only_the_office_searches_units(client, document, office, leader, officer_a, admin):
    for user in (leader, officer_a, admin):
        assert search(as_user(client, user), document, "an binh").status_code == 403
    client.logout()
    response = search(client, document, "an binh")
    assert response.status_code in (204, 302) and response.url.startswith(
        reverse("login")
    )  # htmx: HX-Redirect
    assert search(as_user(client, office), document, "an binh").status_code == 200


def test_it_finds_units_without_diacritics_and_never_another_province_s(
    client, document, office, unit_a, department
):
    elsewhere = Unit.objects.create(
        province_code="01",
        kind=UnitKind.COMMUNE,
        level="xã",
        name="Xã An Bình",
        short_name="An Bình",
    )
    Unit.objects.create(
        province_code="01", kind=UnitKind.DEPARTMENT, level="sở", name="Sở Tài chính"
    )
    as_user(client, office)

    response = search(client, document, "an binh")
    assert unit_ids(response) == [unit_a.pk]
    assert f'value="{elsewhere.pk}"' not in response.content.decode()
    assert unit_ids(search(client, document, "SỞ TÀI CHÍNH")) == [department.pk]
    assert unit_ids(search(client, document, "tai chinh")) == [department.pk]
    assert unit_ids(search(client, document, "không có")) == []
    assert (
        "Không có đơn vị nào của tỉnh khớp với “không có”"
        in search(client, document, "không có").content.decode()
    )


def test_another_province_s_document_answers_404(client, document, office):
    from chidao.meetings.models import SourceDocument

    SourceDocument.objects.filter(pk=document.pk).update(province_code="01")
    assert search(as_user(client, office), document, "an binh").status_code == 404


def test_it_leaves_out_the_units_a_directive_already_shows(
    client, document, office, unit_a, unit_b
):
    assert document.draft["directives"][0]["units"] == [unit_a.pk]
    as_user(client, office)
    assert unit_ids(search(client, document, "xa", index=0)) == [unit_b.pk]
    assert set(unit_ids(search(client, document, "xa", index=99))) == {unit_a.pk, unit_b.pk}
    assert set(unit_ids(search(client, document, "xa", index="x"))) == {unit_a.pk, unit_b.pk}


@pytest.fixture
def two_hoang_phuc(db):
    """Xã Hoằng Phúc before July 2025 and the commune of today with the same name."""
    old = Unit.objects.create(
        province_code="38",
        kind=UnitKind.LEGACY_COMMUNE,
        level="xã",
        name="Xã Hoằng Phúc",
        short_name="Hoằng Phúc",
        code="15001",
        valid_to=dt.date(2025, 6, 30),
    )
    new = Unit.objects.create(
        province_code="38",
        kind=UnitKind.COMMUNE,
        level="xã",
        name="Xã Hoằng Phúc",
        short_name="Hoằng Phúc",
        code="90115",
    )
    return old, new


def test_it_lists_today_s_units_first_for_a_recent_session(
    client, document, office, two_hoang_phuc
):
    old, new = two_hoang_phuc
    response = search(as_user(client, office), document, "hoang phuc")
    assert unit_ids(response) == [new.pk, old.pk]
    assert (
        "chip-legacy"
        in response.content.decode().split(f'value="{old.pk}"')[0].rsplit("<label", 1)[1]
    )


def test_it_lists_the_old_units_first_for_a_session_before_the_reform(
    client, office, two_hoang_phuc
):
    old, new = two_hoang_phuc
    doc, _ = services.ingest_text(
        text=HOANG_LOC, filename="hl.txt", province_code="38", actor=office
    )
    assert doc.draft["date"] < "2025-07-01"
    assert unit_ids(search(as_user(client, office), doc, "hoang phuc")) == [old.pk, new.pk]


def test_the_review_page_offers_the_search_and_the_session_s_localities(
    client, office, unit_a, department
):
    doc, _ = services.ingest_text(text=AN_BINH, filename="a.txt", province_code="38", actor=office)
    services.edit_item(
        document=doc,
        version=1,
        kind="directives",
        item_id=id_at(doc.draft, "directives", 0),
        units=[department.pk],
    )
    page = as_user(client, office).get(reverse("meetings:review", args=[doc.pk])).content.decode()
    search_url = reverse("meetings:review_units", args=[doc.pk])
    item = doc.draft["directives"][0]["id"]
    assert f'hx-get="{search_url}" hx-vals=\'{{"item": "{item}"}}\'' in page
    # xã An Bình is the session's locality: offered as a quick choice once it is not among the chips
    services.edit_item(
        document=doc,
        version=2,
        kind="directives",
        item_id=id_at(doc.draft, "directives", 0),
        units=[department.pk],
    )
    doc.refresh_from_db()
    draft = doc.draft
    draft["directives"][0]["suggested"] = []
    type(doc).objects.filter(pk=doc.pk).update(draft=draft)
    page = client.get(reverse("meetings:review", args=[doc.pk])).content.decode()
    localities = page.split("Các địa phương của buổi làm việc")[1].split("</details>")[0]
    assert f'<input type="checkbox" name="units" value="{unit_a.pk}"> Xã An Bình' in localities


# ---------------------------------------------------------------- undo a drop


def test_the_office_undoes_a_drop_and_gets_the_item_back_as_it_was(
    client, document, office, department
):
    as_user(client, office)
    services.edit_item(
        document=document,
        version=1,
        kind="directives",
        item_id=id_at(document.draft, "directives", 0),
        units=[department.pk],
        topic="Đất đai",
    )
    before = services.SourceDocument.objects.get(pk=document.pk).draft["directives"]

    client.post(
        reverse(
            "meetings:review_drop",
            args=[document.pk, "directives", id_at(document.draft, "directives", 0)],
        ),
        {"version": 2},
    )
    page = client.get(reverse("meetings:review", args=[document.pk])).content.decode()
    assert (
        "Vừa bỏ Chỉ đạo «" in page and reverse("meetings:review_undo", args=[document.pk]) in page
    )

    response = client.post(reverse("meetings:review_undo", args=[document.pk]), {"version": 3})
    doc = services.SourceDocument.objects.get(pk=document.pk)
    assert response.status_code == 302
    assert (doc.draft["directives"], doc.draft["dropped"], doc.version) == (before, [], 4)
    # nothing left to undo: a clear refusal, nothing changed
    response = client.post(reverse("meetings:review_undo", args=[document.pk]), {"version": 4})
    assert response.status_code == 400 and "Không có mục nào vừa bỏ" in response.content.decode()
    assert services.SourceDocument.objects.get(pk=document.pk).version == 4


# ---------------------------------------------------------------- other items


def test_the_office_corrects_a_petition_an_indicator_and_a_person(client, document, office):
    as_user(client, office)
    draft = document.draft
    assert draft["petitions"] and draft["indicators"] and draft["people"]
    client.post(
        reverse(
            "meetings:review_item",
            args=[document.pk, "petitions", id_at(document.draft, "petitions", 0)],
        ),
        {"version": 1, "text": "Hỗ trợ kinh phí nâng cấp đường liên xã", "by": "Lê Văn Hòa"},
    )
    client.post(
        reverse(
            "meetings:review_item",
            args=[document.pk, "indicators", id_at(document.draft, "indicators", 0)],
        ),
        {
            "version": 2,
            "text": "thu ngân sách đạt 12,5 tỷ đồng",
            "value": "12,5",
            "unit": "tỷ đồng",
        },
    )
    response = client.post(
        reverse(
            "meetings:review_item", args=[document.pk, "people", id_at(document.draft, "people", 0)]
        ),
        {"version": 3, "text": "Trịnh Văn Lâm", "titles": "Phó Bí thư Tỉnh ủy; Chủ tịch UBND tỉnh"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and response.content.decode().lstrip().startswith(
        '<div id="workspace"'
    )

    doc = services.SourceDocument.objects.get(pk=document.pk)
    assert doc.version == 4
    assert (doc.draft["petitions"][0]["text"], doc.draft["petitions"][0]["by"]) == (
        "Hỗ trợ kinh phí nâng cấp đường liên xã",
        "Lê Văn Hòa",
    )
    assert (doc.draft["indicators"][0]["value"], doc.draft["indicators"][0]["unit"]) == (
        12.5,
        "tỷ đồng",
    )
    assert doc.draft["people"][0]["titles"] == ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]


def test_a_bad_item_edit_says_which_field_and_changes_nothing(client, document, office):
    as_user(client, office)
    response = client.post(
        reverse(
            "meetings:review_item",
            args=[document.pk, "indicators", id_at(document.draft, "indicators", 0)],
        ),
        {"version": 1, "text": "tăng", "value": "mười"},
    )
    assert response.status_code == 400
    assert "Chỉ tiêu số 1, giá trị: “mười” không phải là số." in response.content.decode()
    response = client.post(
        reverse(
            "meetings:review_item",
            args=[document.pk, "petitions", id_at(document.draft, "petitions", 0)],
        ),
        {"version": 1, "text": " "},
    )
    assert response.status_code == 400
    assert services.SourceDocument.objects.get(pk=document.pk).version == 1


def test_the_split_tool_offers_each_word_as_the_start_of_the_second_part(client, document, office):
    as_user(client, office)
    text = document.draft["directives"][0]["text"]
    page = client.get(reverse("meetings:review", args=[document.pk])).content.decode()
    second = text.index(" ") + 1  # the second word
    word = text[second:].split()[0]
    assert (
        f'<button type="submit" name="offset" value="{second}" class="split-at" title="Tách trước “{word}”">{word}</button>'
        in page
    )
    response = client.post(
        reverse(
            "meetings:review_split", args=[document.pk, id_at(document.draft, "directives", 0)]
        ),
        {"version": 1, "offset": second},
    )
    assert response.status_code == 302
    first, rest = services.SourceDocument.objects.get(pk=document.pk).draft["directives"][:2]
    assert (first["text"], rest["text"]) == (text[:second].strip(), text[second:].strip())


def test_the_office_marks_a_unit_as_supporting_on_the_review_page(
    client, document, office, unit_a, department
):
    as_user(client, office)
    response = client.post(
        reverse(
            "meetings:review_directive", args=[document.pk, id_at(document.draft, "directives", 1)]
        ),
        {
            "version": 1,
            "text": document.draft["directives"][1]["text"],
            "units": [unit_a.pk, department.pk],
            "support": [unit_a.pk],
        },
        HTTP_HX_REQUEST="true",
    )

    page = response.content.decode()
    assert services.SourceDocument.objects.get(pk=document.pk).draft["directives"][1][
        "support"
    ] == [unit_a.pk]
    assert f'name="support" value="{unit_a.pk}" checked' in page and "1 phối hợp" in page
