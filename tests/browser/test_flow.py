"""The whole flow in headless Chromium, as its three people would do it.

The office pastes a report, reviews it, maps the assignee to xã An Bình and confirms; the
officer of xã An Bình finds the task in the inbox, reports progress, then completion; the
office confirms completion.  Debian's ``chromium`` (installed by scripts/ensure-chromium.sh)
is driven by Playwright's Python package; ``playwright install`` is never used.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls of the test are fine
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "trinh-duyet-thu-2026"
TIMEOUT_MS = 15_000

REPORT = """Phó Chủ tịch UBND tỉnh làm việc với xã An Bình

Sáng 14/4/2026, đồng chí Đinh Văn Toàn, Phó Chủ tịch UBND tỉnh đã có buổi làm việc với xã An Bình về tiến độ xây dựng nông thôn mới.

Báo cáo của xã cho biết, quý I năm 2026 thu ngân sách đạt 9,6 tỷ đồng; xã đã hoàn thành 15/19 tiêu chí.

Kết luận buổi làm việc, Phó Chủ tịch UBND tỉnh Đinh Văn Toàn đề nghị UBND xã An Bình hoàn thành hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới trước ngày 30/6/2026.
"""

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people(office, officer_a, officer_b):
    """The personas with a password known to this test."""
    for user in (office, officer_a, officer_b):
        user.set_password(PASSWORD)
        user.save()
    return {"office": office, "officer_a": officer_a}


def log_in(page, username: str) -> None:
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    assert "/login/" not in page.url, f"login as {username} failed: {page.url}"


def log_out(page) -> None:
    page.locator("details.account > summary").click()  # the account menu holds the button
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url(re.compile(r"/login/"))


def action_form(page, label: str):
    """The form of one action on the task page (its heading and button carry the label)."""
    return page.locator("form").filter(has=page.get_by_role("heading", name=label, exact=True))


def submit_action(page, label: str, **fields: str) -> None:
    form = action_form(page, label)
    for field_label, value in fields.items():
        # Django's label_tag may add a suffix (":"): match the label's beginning
        form.get_by_label(re.compile("^" + re.escape(field_label))).fill(value)
    form.get_by_role("button", name=label, exact=True).click()
    page.wait_for_load_state("networkidle")


def paste_review_and_confirm(page, unit, report: str = REPORT) -> bool:
    """Office: paste the report, review it, map the assignee to xã An Bình, confirm.

    Returns whether the office had to map the assignee by hand.
    """
    page.goto("/sessions/ingest/")
    page.get_by_label("Dán nội dung báo cáo").fill(report)
    page.get_by_label(re.compile("^Tên tệp")).fill("an-binh-2026.txt")
    page.get_by_role("button", name="Nhập và rà soát").click()
    page.wait_for_url(re.compile(r"/sessions/documents/\d+/$"))

    # the review page: the source beside the record, one directive found in it
    page.get_by_role("heading", name="Văn bản gốc", exact=True).wait_for()
    directives = page.locator("article[id^='directive-']")
    directives.first.wait_for()
    assert directives.count() == 1
    directive = directives.first
    assert "hồ sơ đề nghị công nhận" in directive.get_by_label("Nội dung", exact=True).input_value()
    assert directive.get_by_label("Thời hạn", exact=True).input_value() == "30/06/2026"
    units = directive.get_by_role("group", name="Đơn vị thực hiện")
    an_binh = re.compile("Xã An Bình")
    mapped = units.get_by_role("checkbox", name=an_binh, checked=True).count() == 0
    if mapped:
        # not suggested: find the commune by name, typed without diacritics, and add it
        directive.get_by_role("searchbox", name="Thêm đơn vị").fill("an binh")
        found = units.get_by_role("group", name="Kết quả tìm đơn vị").get_by_role(
            "checkbox", name=an_binh
        )
        found.first.check()
        directive.get_by_role("button", name="Lưu chỉ đạo").click()
        page.wait_for_load_state("networkidle")
        directive = page.locator("article[id^='directive-']").first
        units = directive.get_by_role("group", name="Đơn vị thực hiện")
    chosen = [c.get_attribute("value") for c in units.get_by_role("checkbox", checked=True).all()]
    assert chosen == [str(unit.pk)], f"xã An Bình alone must be chosen, got unit ids {chosen}"

    page.get_by_role("button", name=re.compile(r"^Xác nhận và giao")).click()
    page.wait_for_load_state("networkidle")
    assert "/sessions/documents/" not in page.url, "the document was not confirmed"
    return mapped


def test_it_takes_a_report_to_a_completed_task(page, people, unit_a):
    from chidao.tasks.models import Task, TaskState

    # the office turns the report into a task of xã An Bình
    log_in(page, people["office"].username)
    paste_review_and_confirm(page, unit_a)
    log_out(page)
    task = Task.objects.get(unit=unit_a)
    assert task.state == TaskState.NEW
    assert task.deadline.isoformat() == "2026-06-30"

    # the officer of xã An Bình finds it in the inbox and reports progress, then completion
    log_in(page, people["officer_a"].username)
    page.goto("/tasks/inbox/")
    page.get_by_role("link", name=re.compile("hồ sơ đề nghị công nhận")).first.click()
    page.wait_for_url(re.compile(rf"/tasks/{task.pk}/$"))
    submit_action(
        page,
        "Báo cáo tiến độ",
        **{"Nội dung": "Đã hoàn thiện 10/15 hồ sơ thành phần", "Tiến độ (%)": "50"},
    )
    page.get_by_text("Đã hoàn thiện 10/15 hồ sơ thành phần").first.wait_for()
    task.refresh_from_db()
    assert (task.state, task.progress) == (TaskState.IN_PROGRESS, 50)
    submit_action(
        page,
        "Báo cáo hoàn thành",
        **{"Kết quả": "Đã nộp đủ hồ sơ lên Sở Nông nghiệp và Môi trường"},
    )
    page.locator("#task-panel").get_by_text("Chờ xác nhận hoàn thành").first.wait_for()
    task.refresh_from_db()
    assert task.state == TaskState.AWAITING_CONFIRMATION
    log_out(page)

    # the office confirms completion
    log_in(page, people["office"].username)
    page.goto(f"/tasks/{task.pk}/")
    submit_action(page, "Xác nhận hoàn thành")
    state_badge = page.locator("#task-panel .stat .badge").first
    assert state_badge.inner_text().strip() == "Hoàn thành"
    task.refresh_from_db()
    assert task.state == TaskState.DONE
    assert task.completed_at is not None


def test_it_lets_the_office_map_an_assignee_that_names_no_unit(page, people, unit_a):
    from chidao.tasks.models import Task

    report = REPORT.replace("đề nghị UBND xã An Bình", "đề nghị Ban Chỉ đạo chương trình")
    log_in(page, people["office"].username)

    mapped = paste_review_and_confirm(page, unit_a, report)

    assert mapped, "the assignee names no unit: the office had to choose one"
    assert [(t.unit, t.deadline.isoformat()) for t in Task.objects.all()] == [
        (unit_a, "2026-06-30")
    ]
