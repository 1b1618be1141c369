"""The pages: the office ingests, reviews and confirms; leaders and admins read sessions;
officers see none of it; another province's objects answer 404."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chidao.meetings import services
from chidao.meetings.draft import id_at
from chidao.meetings.models import DocumentStatus, Session, SourceDocument
from chidao.tasks.models import Task
from chidao.workflow.sessions import confirm

from .conftest import AN_BINH, BINH_MINH, HOANG_LOC

REPORTS = [AN_BINH, BINH_MINH, HOANG_LOC]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def as_user(client, user):
    client.force_login(user)
    return client


def confirmed(document, office):
    """Give every directive of ``document`` a unit when it has none, then confirm it."""
    from chidao.organisation.models import Unit

    for i, d in enumerate(document.draft["directives"]):
        if not d["units"]:
            services.edit_item(
                document=document,
                version=document.version,
                kind="directives",
                item_id=id_at(document.draft, "directives", i),
                units=[Unit.objects.filter(province_code="38").first().pk],
            )
    return confirm(document=document, actor=office)


# ---------------------------------------------------------------- ingest


def test_it_ingests_a_pasted_text_and_opens_its_review(client, office, unit_a):
    response = as_user(client, office).post(
        reverse("meetings:ingest"),
        {"text": AN_BINH, "filename": "an-binh.txt", "published": "13/03/2026"},
    )
    doc = SourceDocument.objects.get()
    assert response.status_code == 302 and response.url == reverse("meetings:review", args=[doc.pk])
    assert (doc.filename, doc.uploaded_by, doc.province_code) == ("an-binh.txt", office, "38")


def test_it_says_already_ingested_and_links_to_the_existing_document(client, office, document):
    response = as_user(client, office).post(
        reverse("meetings:ingest"), {"text": AN_BINH}, follow=True
    )
    assert SourceDocument.objects.count() == 1
    page = response.content.decode()
    assert "đã nhập trước đây" in page and "already ingested" not in page
    assert reverse("meetings:review", args=[document.pk]) in page


def test_it_ingests_several_uploaded_files_once(client, office):
    def files():
        return [
            SimpleUploadedFile("a.txt", BINH_MINH.encode()),
            SimpleUploadedFile("b.txt", HOANG_LOC.encode()),
        ]

    as_user(client, office)
    response = client.post(reverse("meetings:ingest"), {"files": files()})
    assert response.status_code == 302 and response.url == reverse("meetings:document_list")
    client.post(reverse("meetings:ingest"), {"files": files()})
    assert SourceDocument.objects.count() == 2


def test_it_refuses_an_empty_form_and_a_bad_file(client, office):
    as_user(client, office)
    assert client.post(reverse("meetings:ingest"), {"text": " "}).status_code == 400
    response = client.post(
        reverse("meetings:ingest"), {"files": [SimpleUploadedFile("x.exe", b"MZ")]}, follow=True
    )
    assert "x.exe" in response.content.decode()
    assert SourceDocument.objects.count() == 0


# ---------------------------------------------------------------- who sees what


@pytest.mark.parametrize("name", ["ingest", "document_list"])
def test_only_the_office_reaches_ingest_and_the_review_list(
    client, name, office, leader, officer_a, admin
):
    url = reverse(f"meetings:{name}")
    assert as_user(client, office).get(url).status_code == 200
    for user in (leader, officer_a, admin):
        assert as_user(client, user).get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_the_review_page_is_the_office_s_only(client, document, office, leader, officer_a):
    url = reverse("meetings:review", args=[document.pk])
    assert as_user(client, office).get(url).status_code == 200
    assert as_user(client, officer_a).get(url).status_code == 403
    assert as_user(client, leader).get(url).status_code == 403
    assert (
        as_user(client, officer_a)
        .post(reverse("meetings:review_confirm", args=[document.pk]), {"version": 1})
        .status_code
        == 403
    )


def test_another_province_s_document_and_session_answer_404(client, document, office):
    from chidao.organisation.services import create_user

    other = create_user(username="vp_hatinh", password="x" * 20, role="office", province_code="42")
    session = confirmed(document, office)
    as_user(client, other)
    assert client.get(reverse("meetings:review", args=[document.pk])).status_code == 404
    assert client.get(reverse("meetings:review", args=[999999])).status_code == 404
    assert (
        client.post(
            reverse(
                "meetings:review_drop",
                args=[document.pk, "petitions", id_at(document.draft, "petitions", 0)],
            ),
            {"version": 2},
        ).status_code
        == 404
    )
    assert client.get(reverse("meetings:session", args=[session.pk])).status_code == 404
    assert client.get(reverse("meetings:session", args=[999999])).status_code == 404


def test_sessions_are_read_by_office_leaders_and_admins_not_officers(
    client, document, office, leader, admin, officer_a
):
    session = confirmed(document, office)
    for name, args in (("session_list", []), ("session", [session.pk])):
        url = reverse(f"meetings:{name}", args=args)
        for user in (office, leader, admin):
            assert as_user(client, user).get(url).status_code == 200
        assert as_user(client, officer_a).get(url).status_code == 403


# ---------------------------------------------------------------- the review page


def test_the_review_page_marks_each_item_in_the_source(client, office, unit_a):
    hostile = AN_BINH.replace("thôn Đông", "thôn <b>Đông</b> & Tây")
    doc, _ = services.ingest_text(text=hostile, filename="x.txt", province_code="38", actor=office)
    page = as_user(client, office).get(reverse("meetings:review", args=[doc.pk])).content.decode()

    first = doc.draft["directives"][0]
    before_deadline = first["text"].split("trước ngày")[0]
    assert (
        f'<mark id="m-directives-0" class="mark mark-directive"><span class="seg" data-start="{first["start"]}">'
        f'{before_deadline}</span><mark id="m-deadline-0"'
    ) in page
    assert 'href="#m-directives-0"' in page
    assert 'class="mark mark-petition"' in page and 'class="mark mark-indicator"' in page
    assert "&lt;b&gt;Đông&lt;/b&gt; &amp; Tây" in page
    assert "<b>Đông</b>" not in page
    assert 'value="30/06/2026"' in page  # the deadline, dd/mm/yyyy
    assert (
        f'<input type="checkbox" name="units" value="{unit_a.pk}" checked> Xã An Bình' in page
    )  # a chosen chip
    deadline = doc.text.index("trước ngày 30/6/2026")
    assert (
        f'<mark id="m-deadline-0" class="mark mark-deadline"><span class="seg" data-start="{deadline}">'
        f"{doc.text[deadline : deadline + 20]}</span></mark>"
    ) in page
    assert "«trước ngày 30/6/2026»" in page  # the deadline as written, beside its input


def test_the_suggestion_stays_first_after_the_office_unselects_it(
    client, document, office, unit_a, department
):
    services.edit_item(
        document=document,
        version=1,
        kind="directives",
        item_id=id_at(document.draft, "directives", 0),
        units=[department.pk],
    )
    page = (
        as_user(client, office).get(reverse("meetings:review", args=[document.pk])).content.decode()
    )
    chips = page.split('id="d0-units"')[1].split("</div>")[0]
    chosen = f'<input type="checkbox" name="units" value="{department.pk}" checked> Sở Tài chính'
    unselected = f'<input type="checkbox" name="units" value="{unit_a.pk}"> Xã An Bình'
    assert chosen in chips and unselected in chips
    assert chips.index(chosen) < chips.index(unselected)


def test_the_departments_directive_offers_a_choice_of_departments(
    client, document, office, department
):
    services.edit_item(
        document=document,
        version=1,
        kind="directives",
        item_id=id_at(document.draft, "directives", 1),
        units=[],
    )
    page = (
        as_user(client, office).get(reverse("meetings:review", args=[document.pk])).content.decode()
    )
    assert "cần chọn đơn vị" in page
    assert f'<input type="checkbox" name="units" value="{department.pk}"> Sở Tài chính' in page
    assert "chưa chọn đơn vị thực hiện" in page


def test_the_office_edits_a_directive_through_htmx(client, document, office, department):
    url = reverse(
        "meetings:review_directive", args=[document.pk, id_at(document.draft, "directives", 1)]
    )
    response = as_user(client, office).post(
        url,
        {
            "version": 1,
            "text": "Các sở, ngành giải quyết kiến nghị của xã.",
            "issuer": "Trịnh Văn Lâm",
            "assignees": "các sở, ngành",
            "units": [department.pk],
            "deadline": "15/07/2026",
            "topic": "Giao thông",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith('<div id="workspace"')
    d = SourceDocument.objects.get(pk=document.pk).draft["directives"][1]
    assert (d["units"], d["deadline"], d["topic"]) == ([department.pk], "2026-07-15", "Giao thông")


def test_a_stale_edit_answers_409_and_changes_nothing(client, document, office):
    as_user(client, office)
    client.post(
        reverse(
            "meetings:review_drop",
            args=[document.pk, "difficulties", id_at(document.draft, "difficulties", 0)],
        ),
        {"version": 1},
    )
    before = SourceDocument.objects.get(pk=document.pk)
    response = client.post(
        reverse(
            "meetings:review_drop",
            args=[document.pk, "directives", id_at(document.draft, "directives", 0)],
        ),
        {"version": 1},
    )
    assert response.status_code == 409
    assert "người khác sửa" in response.content.decode()
    after = SourceDocument.objects.get(pk=document.pk)
    assert (after.version, after.draft) == (before.version, before.draft) == (2, before.draft)


def test_a_stale_htmx_edit_shows_why_inside_the_refreshed_workspace(client, document, office):
    as_user(client, office)
    client.post(
        reverse(
            "meetings:review_drop",
            args=[document.pk, "difficulties", id_at(document.draft, "difficulties", 0)],
        ),
        {"version": 1},
    )
    response = client.post(
        reverse("meetings:review_session", args=[document.pk]),
        {"version": 1, "date": "01/01/2026", "kind": "visit"},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert response.status_code == 200  # htmx swaps only 2xx answers
    assert "người khác sửa" in page and 'name="version" value="2"' in page
    assert SourceDocument.objects.get(pk=document.pk).draft["date"] == "2026-03-12"


def test_the_office_splits_merges_drops_adds_and_sets_the_date(client, document, office):
    as_user(client, office)
    pk = document.pk
    n = len(document.draft["directives"])
    assert (
        client.post(
            reverse(
                "meetings:review_split",
                args=[pk, id_at(SourceDocument.objects.get(pk=pk).draft, "directives", 0)],
            ),
            {"version": 1, "offset": 20},
        ).status_code
        == 302
    )
    assert len(SourceDocument.objects.get(pk=pk).draft["directives"]) == n + 1
    assert (
        client.post(
            reverse(
                "meetings:review_merge",
                args=[pk, id_at(SourceDocument.objects.get(pk=pk).draft, "directives", 0)],
            ),
            {"version": 2},
        ).status_code
        == 302
    )
    assert len(SourceDocument.objects.get(pk=pk).draft["directives"]) == n
    client.post(
        reverse("meetings:review_add", args=[pk]),
        {"version": 3, "kind": "site_visits", "fragment": "tuyến đường liên xã"},
    )
    visits = SourceDocument.objects.get(pk=pk).draft["site_visits"]
    assert "tuyến đường liên xã" in [v["text"] for v in visits]
    client.post(
        reverse("meetings:review_session", args=[pk]),
        {
            "version": 4,
            "date": "13/03/2026",
            "title": "Làm việc tại xã An Bình",
            "kind": "visit",
            "chairs": "Trịnh Văn Lâm",
            "localities": "xã An Bình",
        },
    )
    doc = SourceDocument.objects.get(pk=pk)
    assert (doc.draft["date"], doc.draft["title"], doc.version) == (
        "2026-03-13",
        "Làm việc tại xã An Bình",
        5,
    )
    assert doc.draft["chairs"][0]["titles"]  # kept from the extraction


def test_confirm_refuses_a_directive_without_unit_then_goes_to_the_session(
    client, document, office, department
):
    as_user(client, office)
    services.edit_item(
        document=document,
        version=1,
        kind="directives",
        item_id=id_at(document.draft, "directives", 1),
        units=[],
    )
    response = client.post(reverse("meetings:review_confirm", args=[document.pk]), {"version": 2})
    assert response.status_code == 400
    assert "Chỉ đạo số 2" in response.content.decode()
    assert Session.objects.count() == 0

    services.edit_item(
        document=document,
        version=2,
        kind="directives",
        item_id=id_at(document.draft, "directives", 1),
        units=[department.pk],
    )
    response = client.post(reverse("meetings:review_confirm", args=[document.pk]), {"version": 3})
    session = Session.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "meetings:session", args=[session.pk]
    )
    assert SourceDocument.objects.get(pk=document.pk).status == DocumentStatus.CONFIRMED
    assert Task.objects.count() == 2
    # the review page of a confirmed document goes to its session
    assert client.get(reverse("meetings:review", args=[document.pk])).url == reverse(
        "meetings:session", args=[session.pk]
    )


def test_an_old_report_shows_its_district_as_the_chosen_unit(client, office):
    from chidao.organisation.models import Unit, UnitKind

    district = Unit.objects.create(
        province_code="38",
        kind=UnitKind.DISTRICT,
        level="huyện",
        name="Huyện Hoằng Lộc",
        short_name="Hoằng Lộc",
    )
    doc, _ = services.ingest_text(
        text=HOANG_LOC, filename="hl.txt", province_code="38", actor=office
    )
    as_user(client, office)
    page = client.get(reverse("meetings:review", args=[doc.pk])).content.decode()
    assert (
        f'<input type="checkbox" name="units" value="{district.pk}" checked> Huyện Hoằng Lộc'
        in page
    )
    response = client.post(
        reverse("meetings:review_directive", args=[doc.pk, id_at(doc.draft, "directives", 0)]),
        {
            "version": 1,
            "text": doc.draft["directives"][0]["text"],
            "units": [district.pk],
            "deadline": "31/12/2023",
        },
    )
    assert response.status_code == 302
    assert SourceDocument.objects.get(pk=doc.pk).draft["directives"][0]["units"] == [district.pk]


def test_the_office_discards_a_document_from_the_review_page(client, document, office):
    as_user(client, office)
    response = client.post(reverse("meetings:review_discard", args=[document.pk]), {"version": 1})
    assert response.status_code == 302 and response.url == reverse("meetings:document_list")
    assert SourceDocument.objects.get(pk=document.pk).status == DocumentStatus.DISCARDED
    assert list(client.get(reverse("meetings:document_list")).context["documents"]) == []


# ---------------------------------------------------------------- the session page


def test_the_session_page_shows_everything_with_vietnamese_numbers(
    client, document, office, leader
):
    session = confirmed(document, office)
    page = (
        as_user(client, leader).get(reverse("meetings:session", args=[session.pk])).content.decode()
    )
    directive = session.directives.order_by("order").first()
    assert reverse("tasks:directive", args=[directive.pk]) in page
    assert "12/03/2026" in page and "30/06/2026" in page
    assert "12,5 tỷ đồng" in page and "1.250 ha" in page
    assert "Lê Văn Hòa" in page  # the petition's proposer
    assert "dự án khu dân cư mới thôn Đông" in page
    assert f'<mark id="m-directive-{directive.pk}" class="mark mark-directive">' in page


# ---------------------------------------------------------------- list pages: no N+1


def _documents(n, office):
    for text in REPORTS[:n]:
        services.ingest_text(text=text, filename="", province_code="38", actor=office)


@pytest.mark.parametrize("rows", [1, 3])
def test_the_review_list_runs_a_fixed_number_of_queries(
    client, office, unit_a, rows, django_assert_max_num_queries
):
    _documents(rows, office)
    as_user(client, office)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("meetings:document_list"))
    assert len(response.context["documents"]) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_the_session_list_runs_a_fixed_number_of_queries(
    client, office, leader, unit_a, unit_b, rows, django_assert_max_num_queries
):
    _documents(rows, office)
    for doc in SourceDocument.objects.all():
        confirmed(doc, office)
    as_user(client, leader)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("meetings:session_list"))
    assert len(response.context["sessions"]) == rows


def test_the_session_list_filters_by_leader_locality_and_period(
    client, office, leader, unit_a, unit_b
):
    _documents(3, office)
    for doc in SourceDocument.objects.all():
        confirmed(doc, office)
    as_user(client, leader)
    an_binh = Session.objects.get(localities=unit_a)
    chair = an_binh.chairs.get()

    def titles(**params):
        return sorted(
            s.title
            for s in client.get(reverse("meetings:session_list"), params).context["sessions"]
        )

    assert titles(locality=unit_a.pk) == [an_binh.title]
    assert an_binh.title in titles(leader=chair.pk)
    assert titles(start="01/03/2026", end="31/03/2026") == [an_binh.title]
    assert len(titles()) == 3
    assert len(titles(start="not a date")) == 3


def test_the_session_list_is_paged(client, office, leader, unit_a, unit_b, monkeypatch):
    from chidao.meetings.views import sessions as views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    _documents(3, office)
    for doc in SourceDocument.objects.all():
        confirmed(doc, office)
    as_user(client, leader)
    first = client.get(reverse("meetings:session_list"))
    second = client.get(reverse("meetings:session_list"), {"page": 2})
    assert (len(first.context["sessions"]), len(second.context["sessions"])) == (2, 1)
    assert "page=2" in first.content.decode()
