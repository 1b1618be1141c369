"""The session date on the review page: shown large with its evidence, never after the day
the text was read, needed to confirm; an empty record needs a reason; a text that is not
Vietnamese is flagged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chidao.meetings import services
from chidao.meetings.draft import id_at
from chidao.meetings.language import looks_vietnamese, vietnamese_error
from chidao.meetings.models import DocumentStatus, Session, SourceDocument
from chidao.meetings.services import DraftError, ingest_text
from chidao.workflow.sessions import confirm

# a report pasted on 7/12/2026 that says "Sáng 4/12" with no year
EARLY_DECEMBER = """Chủ tịch UBND tỉnh làm việc với xã Tân Lập

Sáng 4/12, đồng chí Trịnh Văn Lâm, Chủ tịch UBND tỉnh đã làm việc với xã Tân Lập về tiến độ xây dựng trường học.

Đồng chí đề nghị UBND xã Tân Lập hoàn thành nhà lớp học trước ngày 30/1/2027.
"""

ENGLISH = """The provincial chairman visited the commune on Thursday and reviewed the progress of the
new school building. He asked the commune to finish the classrooms before the end of January and
thanked the teachers for their work during the flood season. The delegation also inspected the
irrigation canal and met the farmers of the cooperative."""


@pytest.fixture
def today(monkeypatch):
    from django.utils import timezone

    day = dt.date(2026, 12, 7)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: day)
    return day


def test_a_date_without_a_year_is_never_after_the_day_the_text_is_read(db, office, today):
    doc, _ = ingest_text(text=EARLY_DECEMBER, filename="", province_code="38", actor=office)
    assert doc.draft["date"] == "2026-12-04"


def test_the_review_page_shows_the_date_large_with_its_evidence_and_the_inferred_year(
    client, db, office, today
):
    doc, _ = ingest_text(text=EARLY_DECEMBER, filename="", province_code="38", actor=office)
    client.force_login(office)

    page = client.get(reverse("meetings:review", args=[doc.pk])).content.decode()

    assert '<strong class="date-big">04/12/2026</strong>' in page
    assert "«Sáng 4/12»" in page and "năm 2026 được suy ra" in page


def test_confirming_needs_a_date(document, office, department):
    services.edit_item(
        document=document,
        version=1,
        kind="directives",
        item_id=id_at(document.draft, "directives", 1),
        units=[department.pk],
    )
    services.set_session(document=document, version=2, date=None)

    with pytest.raises(DraftError, match="Chưa có ngày làm việc"):
        confirm(document=document, actor=office)
    assert not Session.objects.exists()


def test_a_date_after_today_is_refused(document, office, department):
    services.edit_item(
        document=document,
        version=1,
        kind="directives",
        item_id=id_at(document.draft, "directives", 1),
        units=[department.pk],
    )
    services.set_session(document=document, version=2, date="04/12/2099")
    with pytest.raises(DraftError, match="sau hôm nay"):
        confirm(document=document, actor=office)


def test_an_empty_record_needs_a_reason_to_be_confirmed(client, db, office, today):
    doc, _ = ingest_text(text=ENGLISH, filename="", province_code="38", actor=office)
    services.set_session(document=doc, version=doc.version, date="01/12/2026", chairs=[])
    client.force_login(office)
    url = reverse("meetings:review_confirm", args=[doc.pk])
    version = SourceDocument.objects.get(pk=doc.pk).version

    refused = client.post(url, {"version": version})
    assert refused.status_code == 400 and "cần ghi lý do" in refused.content.decode()
    assert SourceDocument.objects.get(pk=doc.pk).status == DocumentStatus.REVIEW

    client.post(url, {"version": version, "reason": "Lưu làm tư liệu cuộc họp."})
    session = Session.objects.get(document=doc)
    assert session.confirm_reason == "Lưu làm tư liệu cuộc họp."


def test_a_text_that_is_not_vietnamese_is_flagged_when_read(client, db, office, today):
    client.force_login(office)
    response = client.post(reverse("meetings:ingest"), {"text": ENGLISH}, follow=True)
    page = response.content.decode()
    assert "có vẻ không phải là báo cáo tiếng Việt" in page
    assert looks_vietnamese(EARLY_DECEMBER) and not looks_vietnamese(ENGLISH)


# an old page uploaded today: its own dated line gives the year, the lede names none
OLD_PAGE = """BÁO ĐIỆN TỬ TỈNH
Thứ Ba, 19/3/2013 - 16:05
Phó Chủ tịch UBND tỉnh làm việc với huyện Yên Thủy

Chiều 18/3, đồng chí Bạch Văn Khôi, Phó Chủ tịch UBND tỉnh đã làm việc với huyện Yên Thủy về tiến độ làm đường giao thông nông thôn.

Đồng chí yêu cầu UBND huyện Yên Thủy hoàn thành các tuyến đường liên xã trước ngày 30/6.
"""


def test_the_publication_date_is_empty_by_default(client, office, today):
    client.force_login(office)
    page = client.get(reverse("meetings:ingest")).content.decode()
    field = page[page.index('name="published"') - 200 : page.index('name="published"') + 200]
    assert "07/12/2026" not in field and 'value="' not in field


def test_an_old_page_uploaded_with_the_form_as_it_comes_keeps_its_own_year(
    client, db, office, today
):
    client.force_login(office)
    form = client.get(reverse("meetings:ingest")).context["form"]
    data = {name: form[name].value() or "" for name in ("text", "filename", "published")}
    data["files"] = SimpleUploadedFile("yen-thuy.txt", OLD_PAGE.encode(), content_type="text/plain")

    client.post(reverse("meetings:ingest"), data)

    doc = SourceDocument.objects.get(filename="yen-thuy.txt")
    assert doc.record["date"] == "2013-03-18"
    assert doc.draft["date"] == "2013-03-18"


def test_the_extractor_s_errors_are_said_in_vietnamese():
    message = "unsupported file type '.jpg' (supported: .txt, .html, .docx, .pdf)"
    said = vietnamese_error(message)
    assert said.startswith("loại tệp “.jpg” không được hỗ trợ") and "unsupported" not in said
