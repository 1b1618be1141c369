"""``chidao demo --no-serve``: a province, one user per role, sessions and tasks; twice is once.

The reports are written here (invented leaders, real communes of Thanh Hóa so that the
assignees map to units); one is about Hà Tĩnh and must be left out of a Thanh Hóa demo.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from chidao.demo.setup import EXTRA_DIR
from chidao.meetings.models import DocumentStatus, Session, SourceDocument
from chidao.notifications.models import Notification, NotificationKind
from chidao.organisation.models import LOCAL_KINDS, Person, Profile, Unit
from chidao.tasks.access import tasks_visible_to
from chidao.tasks.models import Task, TaskEvent, TaskState
from chidao.themes.models import Theme

REPORTS = {
    "1-hoang-loc.txt": """Bí thư Tỉnh ủy làm việc với xã Hoằng Lộc

Sáng 20/1/2026, đồng chí Trần Đức Khải, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy đã làm việc với Ban Thường vụ Đảng ủy xã Hoằng Lộc về kết quả năm 2025.

Năm 2025, tổng thu ngân sách của xã đạt 27,4 tỷ đồng; xã có 14/16 thôn đạt chuẩn văn hóa.

Kết luận buổi làm việc, Bí thư Tỉnh ủy Trần Đức Khải đề nghị UBND xã Hoằng Lộc hoàn thành quy hoạch chung xã trước ngày 31/3/2026. Yêu cầu xã Hoằng Lộc rà soát, đưa 2 thôn còn lại đạt chuẩn văn hóa trước ngày 31/12/2099.
""",
    "2-hau-loc.txt": """Bí thư Tỉnh ủy kiểm tra xã Hậu Lộc và xã Hoằng Lộc

Chiều 2/2/2026, đồng chí Trần Đức Khải, Bí thư Tỉnh ủy đã kiểm tra tiến độ xây dựng trường học tại xã Hậu Lộc.

Xã kiến nghị tỉnh hỗ trợ kinh phí xây dựng trường mầm non trung tâm.

Phát biểu chỉ đạo, Bí thư Tỉnh ủy Trần Đức Khải yêu cầu UBND xã Hậu Lộc hoàn thành trường mầm non trước ngày 30/8/2099. Đề nghị UBND xã Hoằng Lộc phối hợp giải phóng mặt bằng tuyến đường liên xã trước ngày 30/9/2099. Giao UBND xã Hậu Lộc báo cáo kết quả trước ngày 15/10/2099.
""",
    "3-ha-tinh.txt": """Chủ tịch UBND tỉnh Hà Tĩnh làm việc với phường Thành Sen

Sáng 5/3/2026, đồng chí Lưu Đình Phong, Chủ tịch UBND tỉnh Hà Tĩnh làm việc với phường Thành Sen. Đồng chí đề nghị UBND phường Thành Sen hoàn thành chỉnh trang đô thị trước ngày 30/6/2026.
""",
    "4-nga-son.txt": """Phó Chủ tịch UBND tỉnh làm việc với xã Nga Sơn

Sáng 9/3/2026, đồng chí Phan Thị Mai, Phó Chủ tịch UBND tỉnh Thanh Hóa làm việc với xã Nga Sơn. Đồng chí đề nghị UBND xã Nga Sơn hoàn thành kè biển trước ngày 30/11/2099.
""",
}
USERS = {"vanphong": "office", "lanhdao": "leader", "quantri": "admin"}


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    folder = tmp_path / "samples"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def data_dir(settings, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path / "var"
    settings.DATA_DIR.mkdir()
    return settings.DATA_DIR


def run_demo(samples: Path, *extra: str) -> str:
    out = io.StringIO()
    call_command("demo", "--no-serve", "--samples", str(samples), *extra, stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    """Everything the demo writes, in comparable form."""
    return {
        "units": Unit.objects.count(),
        "people": sorted(Person.objects.values_list("full_name", flat=True)),
        "users": sorted(get_user_model().objects.values_list("username", "password")),
        "documents": sorted(SourceDocument.objects.values_list("sha256", "status", "version")),
        "sessions": Session.objects.count(),
        "tasks": sorted(
            Task.objects.values_list("pk", "unit__name", "state", "version", "deadline")
        ),
        "events": TaskEvent.objects.count(),
    }


@pytest.mark.django_db
def test_it_loads_the_province_users_sessions_and_tasks(samples, data_dir):
    out = run_demo(samples)

    assert Unit.objects.filter(province_code="38", kind__in=LOCAL_KINDS).count() == 166
    roles = dict(Profile.objects.values_list("user__username", "role"))
    officers = sorted(u for u, r in roles.items() if r == "officer")
    assert {u: r for u, r in roles.items() if r != "officer"} == USERS
    assert sorted(officers) == ["canbo_hauloc", "canbo_hoangloc"]  # the two communes with tasks
    assert SourceDocument.objects.count() == 3  # the Hà Tĩnh report is left out
    assert "3-ha-tinh.txt" in out
    assert list(
        SourceDocument.objects.filter(status=DocumentStatus.REVIEW).values_list(
            "filename", flat=True
        )
    ) == ["4-nga-son.txt"]
    assert Session.objects.count() == 2
    directives = [d for s in Session.objects.all() for d in s.directives.all()]
    assert len(directives) >= 4
    assert all(d.tasks.exists() for d in directives)  # every directive went to a unit
    assert set(Task.objects.values_list("unit__name", flat=True)) == {"Xã Hoằng Lộc", "Xã Hậu Lộc"}


@pytest.mark.django_db
def test_it_moves_tasks_through_their_states_as_units_and_office_would(samples, data_dir):
    run_demo(samples)

    states = list(Task.objects.values_list("state", flat=True))
    moved = [
        TaskState.IN_PROGRESS,
        TaskState.AWAITING_CONFIRMATION,
        TaskState.EXTENSION_REQUESTED,
        TaskState.DONE,
    ]
    assert sorted(s for s in states if s != TaskState.NEW) == sorted(moved)
    overdue = [t for t in Task.objects.all() if t.is_overdue()]
    assert [t.deadline.isoformat() for t in overdue] == ["2026-03-31"]  # passed; left as it was
    done = Task.objects.get(state=TaskState.DONE)
    assert list(done.events.values_list("kind", flat=True)) == [
        "created",
        "completion_reported",
        "completion_accepted",
    ]


@pytest.mark.django_db
def test_it_gives_each_officer_their_units_tasks_and_the_leader_their_person(samples, data_dir):
    run_demo(samples)
    User = get_user_model()

    hoang_loc = User.objects.get(username="canbo_hoangloc")
    assert {t.unit.name for t in tasks_visible_to(hoang_loc)} == {"Xã Hoằng Lộc"}
    leader = Profile.objects.get(user__username="lanhdao")
    assert leader.person.full_name == "Trần Đức Khải"


@pytest.mark.django_db
def test_each_officer_is_told_of_every_new_task_of_their_unit(samples, data_dir):
    run_demo(samples)

    for username in ("canbo_hoangloc", "canbo_hauloc"):
        officer = get_user_model().objects.get(username=username)
        told = set(
            Notification.objects.filter(
                recipient=officer, kind=NotificationKind.NEW_TASK
            ).values_list("task_id", flat=True)
        )
        assert told == set(
            Task.objects.filter(unit=officer.profile.unit).values_list("pk", flat=True)
        )
        assert told


@pytest.mark.django_db
def test_the_shipped_reports_repeat_asks_that_the_themes_page_groups(data_dir):
    """The project's own demo reports (extra/) ask the same things of Nga Sơn, Nga Thắng and
    Hoằng Tiến at different sessions: the themes page has something to show."""
    run_demo(EXTRA_DIR)

    themes = Theme.objects.filter(size__gte=2, merged_into__isnull=True)
    units = [
        set(
            Task.objects.filter(directive__theme_membership__theme=t).values_list(
                "unit__name", flat=True
            )
        )
        for t in themes
    ]
    assert len(units) >= 2
    assert {"Xã Nga Sơn", "Xã Nga Thắng"} in units


@pytest.mark.django_db
def test_the_shipped_reports_show_a_districts_task_in_its_successor_communes_dossier(
    data_dir, client
):
    """A 2024 session with Huyện Nga Sơn (a district before the July 2025 reform) is among the
    project's demo reports: the office sees its tasks in the dossier of Xã Nga Sơn, marked as
    before the reform."""
    run_demo(EXTRA_DIR)

    district = Unit.objects.get(name="Huyện Nga Sơn")
    commune = Unit.objects.get(name="Xã Nga Sơn", predecessors=district)
    old = Task.objects.get(unit=district)
    assert old.session_date.year == 2024

    client.force_login(get_user_model().objects.get(username="vanphong"))
    page = client.get(f"/insight/units/{commune.pk}/").content.decode()
    assert old.directive.text[:40] in page
    assert "trước 7/2025" in page


@pytest.mark.django_db
def test_it_prints_the_logins_and_one_password_that_works(samples, data_dir):
    out = run_demo(samples)

    password = (data_dir / "demo_password").read_text().strip()
    assert password in out
    for username in [*USERS, "canbo_hoangloc", "canbo_hauloc"]:
        assert username in out
        assert get_user_model().objects.get(username=username).check_password(password)


@pytest.mark.django_db
def test_it_changes_nothing_when_run_a_second_time(samples, data_dir):
    first_out = run_demo(samples)
    first = snapshot()

    second_out = run_demo(samples)

    assert snapshot() == first
    password = (data_dir / "demo_password").read_text().strip()
    assert password in first_out and password in second_out


@pytest.mark.django_db
def test_it_refuses_a_database_with_real_users(samples, data_dir):
    get_user_model().objects.create_user(username="nguyenvana", password="x" * 20)

    with pytest.raises(CommandError, match="nguyenvana"):
        run_demo(samples)

    assert SourceDocument.objects.count() == 0


@pytest.mark.django_db
def test_it_names_a_bad_port_and_an_unknown_province(samples, data_dir):
    with pytest.raises(CommandError, match="70000"):
        call_command("demo", "--no-serve", "--port", "70000", stdout=io.StringIO())
    with pytest.raises(CommandError, match="Atlantis"):
        run_demo(samples, "--province", "Atlantis")
