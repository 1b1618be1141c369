"""A first week in a real office, in headless Chromium, as the roles that do each thing:
a future-dated paste caught, an empty record refused, a confirmed session corrected, a
lead/support assignment reported by both units, a returned report seen first, and officer
accounts created in bulk whose first sign-in forces a new password."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from .test_flow import PASSWORD, log_in, log_out, submit_action

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NO_YEAR = """Chủ tịch UBND tỉnh làm việc với xã An Bình

Sáng 4/12, đồng chí Trịnh Văn Lâm, Chủ tịch UBND tỉnh đã làm việc với xã An Bình về tiến độ xây dựng trường học.

Đồng chí đề nghị UBND xã An Bình hoàn thành nhà lớp học trước ngày 30/1/2028.
"""

ENGLISH = """The provincial chairman visited the commune and reviewed the progress of the new
school building. He asked the commune to finish the classrooms before the end of January and
thanked the teachers for their work during the flood season. The delegation also inspected the
irrigation canal and met the farmers of the cooperative."""


@pytest.fixture
def people(office, officer_a, officer_b):
    for user in (office, officer_a, officer_b):
        user.set_password(PASSWORD)
        user.save()
    return {"office": office, "officer_a": officer_a, "officer_b": officer_b}


def paste(page, text: str) -> None:
    page.goto("/sessions/ingest/")
    page.get_by_label("Dán nội dung báo cáo").fill(text)
    page.get_by_label(re.compile("^Ngày đăng")).fill("")  # left empty, as in the report
    page.get_by_role("button", name="Nhập và rà soát").click()
    page.wait_for_url(re.compile(r"/sessions/documents/\d+/$"))


def confirmed_session(office, unit):
    from chidao.meetings import services
    from chidao.meetings.draft import id_at

    document, _ = services.ingest_text(
        text=NO_YEAR, filename="an-binh.txt", province_code="38", actor=office
    )
    services.edit_item(
        document=document,
        version=document.version,
        kind="directives",
        item_id=id_at(document.draft, "directives", 0),
        units=[unit.pk],
    )
    from chidao.workflow.sessions import confirm

    return confirm(document=document, actor=office)


def test_a_future_dated_paste_is_caught(page, people):
    log_in(page, people["office"].username)
    paste(page, NO_YEAR)

    today = timezone.localdate()
    expected = dt.date(today.year, 12, 4)
    if expected > today:
        expected = dt.date(today.year - 1, 12, 4)
    card = page.locator("#date-card")
    assert card.locator(".date-big").inner_text() == expected.strftime("%d/%m/%Y")
    assert "«Sáng 4/12»" in card.inner_text()
    assert f"năm {expected.year} được suy ra" in card.inner_text()


def test_an_empty_record_is_refused_without_a_reason(page, people):
    from chidao.meetings.models import DocumentStatus, SourceDocument

    log_in(page, people["office"].username)
    paste(page, ENGLISH)
    assert page.get_by_text("có vẻ không phải là báo cáo tiếng Việt").first.is_visible()
    confirm = page.get_by_role("button", name=re.compile("Cần ngày làm việc"))
    assert confirm.is_disabled()  # no date: nothing to confirm yet

    page.locator("#s-date").fill("01/12/2026")
    page.get_by_role("button", name="Lưu thông tin buổi làm việc").click()
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name=re.compile("^Xác nhận và giao 0")).click()
    document = SourceDocument.objects.get()
    assert document.status == DocumentStatus.REVIEW  # the reason is required

    page.get_by_label(re.compile("Lý do vẫn xác nhận")).fill("Lưu làm tư liệu của Văn phòng.")
    page.get_by_role("button", name=re.compile("^Xác nhận và giao 0")).click()
    page.wait_for_url(re.compile(r"/sessions/\d+/$"))
    assert document.session.confirm_reason == "Lưu làm tư liệu của Văn phòng."


def test_the_office_corrects_a_confirmed_session(page, people, office, unit_a, unit_b):
    from chidao.tasks.models import Task, TaskState

    session = confirmed_session(office, unit_a)
    log_in(page, people["office"].username)
    page.goto(f"/sessions/{session.pk}/")
    assert (
        "Thực hiện: Xã An Bình"
        in page.locator("#directive-" + str(session.directives.get().pk)).inner_text()
    )

    page.get_by_text("Thêm chỉ đạo bị sót").click()
    form = page.locator("#add-directive form")
    form.get_by_label("Nội dung").fill("Xã Bình Minh nạo vét kênh tiêu trước mùa mưa.")
    form.get_by_label("Đơn vị thực hiện").select_option(str(unit_b.pk))
    form.get_by_label("Thời hạn").fill("30/04/2027")
    form.get_by_role("button", name="Thêm và giao nhiệm vụ").click()
    page.get_by_text("Đã thêm chỉ đạo").wait_for()
    added = session.directives.get(text__startswith="Xã Bình Minh nạo vét")
    assert added.tasks.get().unit == unit_b

    item = page.locator(f"#directive-{added.pk}")
    item.locator("summary", has_text="Rút chỉ đạo").click()
    item.get_by_label("Lý do rút").fill("Trùng với kế hoạch của xã.")
    item.get_by_role("button", name="Rút chỉ đạo").click()
    page.get_by_text("Đã rút chỉ đạo").wait_for()
    assert Task.objects.get(directive=added).state == TaskState.CANCELLED


def test_the_lead_and_the_supporting_unit_both_report(page, people, office, unit_a, unit_b):
    from chidao.tasks.models import Task, TaskRole, TaskState
    from chidao.tasks.services import create_tasks

    session = confirmed_session(office, unit_a)
    directive = session.directives.get()
    Task.objects.filter(directive=directive).delete()
    lead, support = create_tasks(
        directive=directive,
        units=[unit_a, unit_b],
        deadline=dt.date(2028, 1, 30),
        actor=office,
        support={unit_b.pk},
    )
    assert support.role == TaskRole.SUPPORT

    log_in(page, people["officer_b"].username)
    page.goto(f"/tasks/{support.pk}/")
    assert "Phối hợp" in page.locator("h1").inner_text()
    submit_action(
        page, "Báo cáo tiến độ", **{"Nội dung": "Đã cử 3 cán bộ giám sát", "Tiến độ (%)": "40"}
    )
    page.get_by_text("Đã gửi báo cáo tiến độ.").wait_for()
    log_out(page)

    log_in(page, people["officer_a"].username)
    page.goto(f"/tasks/{lead.pk}/")
    partners = page.locator("section.partners")
    assert "Xã Bình Minh" in partners.inner_text()
    assert "Đã cử 3 cán bộ giám sát" in partners.inner_text()
    submit_action(page, "Báo cáo hoàn thành", **{"Kết quả": "Đã bàn giao nhà lớp học"})
    page.get_by_text("Đã gửi báo cáo hoàn thành").wait_for()
    assert Task.objects.get(pk=lead.pk).state == TaskState.AWAITING_CONFIRMATION


def test_a_returned_report_is_seen_first_in_the_officer_s_inbox(page, people, office, unit_a):
    from chidao.tasks.services import report_completion, return_completion
    from chidao.workflow.corrections import add_directive

    session = confirmed_session(office, unit_a)
    returned = add_directive(
        session=session,
        actor=office,
        text="Xã An Bình hoàn thiện hồ sơ quyết toán công trình trường học.",
        units=[unit_a.pk],
        deadline=dt.date(2028, 3, 31),
    ).tasks.get()
    report_completion(task=returned, actor=people["officer_a"], version=returned.version)
    returned.refresh_from_db()
    return_completion(
        task=returned, actor=office, version=returned.version, note="Thiếu biên bản nghiệm thu."
    )

    log_in(page, people["officer_a"].username)
    page.goto("/tasks/inbox/")
    # above the ranked sections (where it comes after the new task), with the office's note
    first = page.locator("main h2").first
    assert first.inner_text() == "Văn phòng trả lại 1 báo cáo hoàn thành"
    returned_box = page.locator("section.returned-first")
    assert "Thiếu biên bản nghiệm thu." in returned_box.inner_text()
    returned_box.get_by_role("link", name=re.compile("hồ sơ quyết toán")).click()
    note = page.locator(".returned-note")
    assert "Thiếu biên bản nghiệm thu." in note.inner_text()


def test_bulk_officer_accounts_and_a_first_sign_in_that_forces_a_new_password(page, people):
    from chidao.organisation.models import Unit, UnitKind

    Unit.objects.create(province_code="38", kind=UnitKind.COMMUNE, name="Xã Tân Lập", code="90003")
    log_in(page, people["office"].username)
    page.goto("/org/accounts/officers/")
    page.get_by_role("button", name="Tạo tài khoản cho các đơn vị đã chọn").click()
    page.get_by_text("Mật khẩu tạm thời chỉ hiện trên trang này").wait_for()
    row = page.locator("tbody tr", has_text="Xã Tân Lập")
    username, password = (c.inner_text() for c in row.locator("code").all())
    assert username == "canbo_tanlap"
    log_out(page)

    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r"/account/password/$"))
    page.goto("/tasks/inbox/")  # nothing else opens before the change
    page.wait_for_url(re.compile(r"/account/password/$"))
    new = "song-ma-chay-qua-tan-lap-2026"
    page.get_by_label("Mật khẩu cũ").fill(password)
    page.get_by_label("Mật khẩu mới", exact=True).fill(new)
    page.get_by_label("Xác nhận mật khẩu mới").fill(new)
    page.get_by_role("button", name="Đổi mật khẩu").click()
    page.wait_for_url(re.compile(r"/tasks/inbox/$"))
    assert page.get_by_text("Đã đổi mật khẩu.").is_visible()
