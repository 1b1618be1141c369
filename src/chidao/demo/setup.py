"""Prepare the demo: organisation, users, sample sessions and tasks in several states.

Every step is idempotent: running it again on the same database changes nothing.
Writes go through the services of the apps (organisation, meetings, tasks, workflow), never
around them, so the demo data is what real use would produce.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone

from chidao.extract import ExtractError, extract_file
from chidao.meetings import services as meetings
from chidao.meetings.models import DocumentStatus, SourceDocument
from chidao.meetings.reviewdraft import read_draft
from chidao.organisation import services as organisation
from chidao.organisation.models import LOCAL_KINDS, Person, Profile, Role, Unit, search_key
from chidao.organisation.provinces import find_province, province_code, province_key
from chidao.organisation.users import User
from chidao.tasks import services as tasks
from chidao.tasks.models import EventKind, Task, TaskEvent, TaskState
from chidao.workflow import sessions as workflow

PACKAGE_DIR = Path(__file__).resolve().parent
SAMPLES_DIR = PACKAGE_DIR / "samples"  # written by the project, in the genre
EXTRA_DIR = (
    PACKAGE_DIR / "extra"
)  # short reports written for the demo (a pre-2025 district among them)
SAMPLE_SUFFIXES = {".txt", ".html", ".htm", ".docx", ".pdf"}

PASSWORD_FILE = "demo_password"
OFFICE_USERNAME = "vanphong"
LEADER_USERNAME = "lanhdao"
ADMIN_USERNAME = "quantri"
FALLBACK_LEADER = (
    "Nguyễn Văn Minh",
    "Chủ tịch UBND tỉnh",
)  # invented, used when no sample names one
OFFICERS = 2


class DemoError(Exception):
    """The demo cannot be prepared (the message says why and what to do)."""


@dataclass
class Login:
    role: str
    username: str
    description: str


@dataclass
class DemoResult:
    province: str
    province_code: str
    password: str
    logins: list[Login] = field(default_factory=list)
    units: int = 0
    documents: int = 0
    confirmed: int = 0
    sessions: int = 0
    tasks: int = 0
    overdue: int = 0
    moved: list[str] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # samples about another province
    left_in_review: list[str] = field(default_factory=list)


def default_sample_paths() -> list[Path]:
    """The sample reports shipped with the package (``samples/`` and ``extra/``)."""
    return sample_files([d for d in (SAMPLES_DIR, EXTRA_DIR) if d.is_dir()])


def sample_files(paths: Iterable[Path]) -> list[Path]:
    """Every supported file under ``paths`` (files as given, directories expanded), sorted."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            out.extend(
                sorted(
                    p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SAMPLE_SUFFIXES
                )
            )
        elif path.is_file():
            out.append(path)
        else:
            raise DemoError(f"sample path {path} does not exist")
    return out


def samples_of_province(paths: list[Path], province: str) -> tuple[list[Path], list[Path]]:
    """Split ``paths`` into the reports about ``province`` (or of unknown province) and the others.

    The demo serves one province: a report about another one has no units to map to here.
    """
    mine: list[Path] = []
    others: list[Path] = []
    key = province_key(province)
    for path in paths:
        try:
            found = extract_file(str(path)).get("province")
        except ExtractError as e:
            raise DemoError(str(e)) from e
        (mine if not found or province_key(found) == key else others).append(path)
    return mine, others


def demo_password(data_dir: Path | None = None) -> str:
    """The demo password: generated on the first run, then read from ``DATA_DIR/demo_password``."""
    data_dir = Path(data_dir or settings.DATA_DIR)
    path = data_dir / PASSWORD_FILE
    if path.exists():
        password = path.read_text(encoding="utf-8").strip()
        if password:
            return password
    password = "demo-" + secrets.token_urlsafe(9)
    data_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(password + "\n", encoding="utf-8")
    path.chmod(0o600)
    return password


def demo_usernames() -> set[str]:
    """Usernames the demo creates (officers are ``canbo_<unit>``)."""
    names = {OFFICE_USERNAME, LEADER_USERNAME, ADMIN_USERNAME}
    names |= set(
        get_user_model()
        .objects.filter(username__startswith="canbo_")
        .values_list("username", flat=True)
    )
    return names


def check_demo_database(*, force: bool = False) -> None:
    """Refuse to add demo users (with a printed password) to a database with real users."""
    others = get_user_model().objects.exclude(username__in=demo_usernames())
    if others.exists() and not force:
        names = ", ".join(sorted(others.values_list("username", flat=True)[:5]))
        raise DemoError(
            f"this database already has users who are not demo users ({names}); "
            "the demo adds accounts with a known password, so it refuses to run here. "
            "Point CHIDAO_DATA_DIR to an empty directory, or pass --force."
        )


def prepare(*, province: str, samples: list[Path], password: str) -> DemoResult:
    """Load the province, create the demo users, ingest and confirm the samples, move tasks.

    Side effects: units of the province (``init_province``); users ``vanphong`` (office),
    ``quantri`` (admin), ``lanhdao`` (leader, linked to a person of the samples) and two
    unit officers ``canbo_<unit>`` of the units with the most tasks, created before the
    confirmations so that they receive the "new task" notices; one SourceDocument per sample;
    every sample but the last confirmed (sessions, directives, tasks), the last left for review; a few tasks moved
    through states by their unit's officer and the office (only on the first run).
    """
    found = find_province(province)
    code = province_code(found)
    organisation.init_province(province=found.name)
    result = DemoResult(province=found.name, province_code=code, password=password)

    office = _user(
        OFFICE_USERNAME, password, Role.OFFICE, code, full_name="Văn phòng Tỉnh ủy (demo)"
    )
    admin = _user(ADMIN_USERNAME, password, Role.ADMIN, code, full_name="Quản trị hệ thống (demo)")

    samples, result.skipped = samples_of_province(samples, found.name)
    documents = ingest(samples, province_code=code, actor=office)
    result.documents = len(documents)
    # the officers' accounts exist before the sessions are confirmed, so that each of them
    # receives the "new task" notices of their unit's tasks, as a real officer would
    planned = planned_units(documents, actor=office)
    officers = [
        _user(
            f"canbo_{_slug(unit)}",
            password,
            Role.OFFICER,
            code,
            unit=unit,
            full_name=f"Cán bộ {unit.name}",
        )
        for unit in _busiest_units(code, OFFICERS, planned=planned)
    ]
    result.confirmed, result.left_in_review = confirm_all_but_last(documents, actor=office)

    leader_person = _leader_person(code)
    leader = _user(
        LEADER_USERNAME,
        password,
        Role.LEADER,
        code,
        person=leader_person,
        full_name=leader_person.full_name,
    )
    if officers:
        result.moved = move_tasks(code, officers=officers, office=office)

    result.logins = [
        Login(
            Role.OFFICE, office.username, "Văn phòng: rà soát văn bản, giao và theo dõi nhiệm vụ"
        ),
        Login(Role.LEADER, leader.username, f"Lãnh đạo: {leader_person.full_name}"),
        *[Login(Role.OFFICER, u.username, f"Cán bộ {u.profile.unit.name}") for u in officers],
        Login(Role.ADMIN, admin.username, "Quản trị: người dùng, đơn vị (/admin/)"),
    ]
    result.units = Unit.objects.filter(province_code=code).count()
    result.sessions = SourceDocument.objects.filter(
        province_code=code, session__isnull=False
    ).count()
    province_tasks = Task.objects.filter(unit__province_code=code)
    result.tasks = province_tasks.count()
    result.overdue = sum(1 for t in province_tasks.only("deadline", "state") if t.is_overdue())
    return result


def ingest(samples: list[Path], *, province_code: str, actor: User) -> list[SourceDocument]:
    """Ingest the sample files (already ingested ones are recognised by content, not duplicated)."""
    if not samples:
        return []
    batch = meetings.ingest_paths(paths=samples, province_code=province_code, actor=actor)
    if batch.failures:
        raise DemoError("; ".join(str(f) for f in batch.failures))
    return [document for document, _created in batch]


def _to_confirm(documents: list[SourceDocument]) -> list[SourceDocument]:
    """The documents the demo confirms: all but the last (left for the review page)."""
    return documents[:-1] if len(documents) > 1 else documents


def planned_units(documents: list[SourceDocument], *, actor: User) -> Counter[int]:
    """The units the directives of the documents to be confirmed will give tasks to, with
    how many each (units chosen as an office would, :func:`_assign_units`, on the drafts)."""
    counts: Counter[int] = Counter()
    for document in _to_confirm(documents):
        document.refresh_from_db()
        if document.status != DocumentStatus.REVIEW:
            continue
        _assign_units(document, actor=actor)
        document.refresh_from_db()
        for directive in read_draft(document.draft).directives:
            counts.update(set(directive.units))
    return counts


def confirm_all_but_last(documents: list[SourceDocument], *, actor: User) -> tuple[int, list[str]]:
    """Confirm every document still in review except the last one (left for the review page).

    Directives without units get them as an office would choose (:func:`_assign_units`);
    a document with a directive that still has no unit stays in review.
    Returns the number confirmed and, for those left, why.
    """
    confirmed = 0
    left: list[str] = []
    for document in _to_confirm(documents):
        document.refresh_from_db()
        if document.status != DocumentStatus.REVIEW:
            continue
        _assign_units(document, actor=actor)
        problems = meetings.check_ready(document.draft)
        if problems:
            left.append(f"{document.filename}: {problems[0]}")
            continue
        workflow.confirm(document=document, actor=actor)
        confirmed += 1
    return confirmed, left


def _assign_units(document: SourceDocument, *, actor: User) -> None:
    """Choose units for each directive that has none, as an office would.

    An assignee written with the action after it ("Sở Tài chính chủ trì", "Văn phòng UBND
    tỉnh theo dõi, đôn đốc") is looked up on its leading words; an assignee that names no
    unit ("mỗi cán bộ của xã") goes to the session's localities.
    """
    code = document.province_code
    localities: list[int] = []
    draft = read_draft(document.draft)
    for item in draft.of("localities"):
        for found in organisation.find_units(province_code=code, text=item.text)[:1]:
            if found.pk not in localities:
                localities.append(found.pk)
    for directive in draft.directives:
        if directive.units:
            continue
        units: list[int] = []
        for assignee in directive.assignees:
            unit = _unit_named_by_start(code, assignee)
            if unit is not None and unit.pk not in units:
                units.append(unit.pk)
        units = units or localities
        if units:
            meetings.edit_item(
                document=document,
                version=document.version,
                kind="directives",
                item_id=directive.id,
                units=units,
            )
            document.refresh_from_db()


def _unit_named_by_start(code: str, text: str) -> Unit | None:
    """The unit named by the longest run of leading words of ``text`` (at least two words)."""
    words = text.replace(",", " ").split()
    for n in range(len(words), 1, -1):
        found = organisation.find_units(province_code=code, text=" ".join(words[:n]))
        if found:
            return found[0]
    return None


def move_tasks(code: str, *, officers: list[Any], office: Any) -> list[str]:
    """On the first run only, move a few of the officers' tasks through states.

    One in progress (50 %), one waiting for the office's confirmation, one with an extension
    requested, one done; and, when no deadline of the samples has passed yet, the office moves
    one deadline into the past so that the pages show a "quá hạn" task (overdue is derived,
    never stored).  Later runs see tasks that already moved and change nothing.
    """
    province_tasks = Task.objects.filter(unit__province_code=code)
    if TaskEvent.objects.filter(task__in=province_tasks).exclude(kind=EventKind.CREATED).exists():
        return []
    plan: list[tuple[Task, Any]] = []
    for officer in officers:
        new = province_tasks.filter(unit=officer.profile.unit, state=TaskState.NEW).order_by(
            "deadline", "pk"
        )
        plan += [(task, officer) for task in new]
    today = timezone.localdate()
    # tasks with a deadline to come move first; overdue ones stay as they are ("quá hạn")
    plan.sort(key=lambda pair: (pair[0].is_overdue(today), pair[0].deadline is None))
    steps = [_in_progress, _awaiting, _extension, _done]
    moved = [step(task, who, office, today) for (task, who), step in zip(plan, steps, strict=False)]
    rest = [task for task, _who in plan[len(steps) :]]
    if rest and not any(task.is_overdue(today) for task in rest):
        moved.append(_overdue(rest[0], office, today))
    return moved


def _in_progress(task: Task, officer: Any, office: Any, today: dt.date) -> str:
    tasks.report_progress(
        task=task,
        actor=officer,
        version=task.version,
        text="Đã xây dựng kế hoạch, đang triển khai.",
        percent=50,
    )
    return f"{task.unit}: {TaskState.IN_PROGRESS.label}"


def _awaiting(task: Task, officer: Any, office: Any, today: dt.date) -> str:
    tasks.report_progress(
        task=task,
        actor=officer,
        version=task.version,
        text="Đã hoàn thành 80% khối lượng.",
        percent=80,
    )
    task.refresh_from_db()
    tasks.report_completion(
        task=task, actor=officer, version=task.version, text="Đã hoàn thành, gửi kèm báo cáo."
    )
    return f"{task.unit}: {TaskState.AWAITING_CONFIRMATION.label}"


def _extension(task: Task, officer: Any, office: Any, today: dt.date) -> str:
    base = max(task.deadline or today, today)
    tasks.request_extension(
        task=task,
        actor=officer,
        version=task.version,
        new_deadline=base + dt.timedelta(days=45),
        reason="Chờ bố trí kinh phí từ ngân sách tỉnh.",
    )
    return f"{task.unit}: {TaskState.EXTENSION_REQUESTED.label}"


def _overdue(task: Task, office: Any, today: dt.date) -> str:
    tasks.edit_task(
        task=task,
        actor=office,
        version=task.version,
        deadline=today - dt.timedelta(days=7),
        note="Dữ liệu minh họa: thời hạn đã qua để thấy nhiệm vụ quá hạn.",
    )
    return f"{task.unit}: quá hạn"


def _done(task: Task, officer: Any, office: Any, today: dt.date) -> str:
    tasks.report_completion(
        task=task, actor=officer, version=task.version, text="Đã hoàn thành nhiệm vụ."
    )
    task.refresh_from_db()
    tasks.accept_completion(
        task=task, actor=office, version=task.version, note="Xác nhận hoàn thành."
    )
    return f"{task.unit}: {TaskState.DONE.label}"


def _user(
    username: str,
    password: str,
    role: str,
    code: str,
    *,
    unit: Unit | None = None,
    person: Person | None = None,
    full_name: str = "",
) -> Any:
    """The demo user ``username``, created once through ``organisation.services.create_user``."""
    existing = get_user_model().objects.filter(username=username).select_related("profile").first()
    if existing is not None:
        return existing
    return organisation.create_user(
        username=username,
        password=password,
        role=role,
        province_code=code,
        unit=unit,
        person=person,
        full_name=full_name,
    )


def _leader_person(code: str) -> Person:
    """The person who gave the most directives in the province's sessions (else an invented leader)."""
    linked = Profile.objects.filter(
        user__username=LEADER_USERNAME, person__isnull=False
    ).select_related("person")
    if linked.exists():
        return linked.get().person  # type: ignore[return-value]
    top = (
        Person.objects.filter(directives__session__province_code=code)
        .annotate(n=Count("directives"))
        .order_by("-n", "full_name", "pk")
        .first()
    )
    if top is not None:
        return top
    name, title = FALLBACK_LEADER
    return organisation.get_or_create_person(province_code=code, full_name=name, title=title)


def _busiest_units(code: str, n: int, *, planned: Counter[int] | None = None) -> list[Unit]:
    """The ``n`` communes or wards with the most tasks, counting those the sessions about to
    be confirmed will give (``planned``: unit id -> tasks); officers of existing demo users
    first."""
    existing = list(
        Unit.objects.filter(
            officers__user__username__startswith="canbo_", province_code=code
        ).order_by("pk")
    )
    if len(existing) >= n:
        return existing[:n]
    planned = planned or Counter()
    candidates = (
        Unit.objects.filter(province_code=code, kind__in=LOCAL_KINDS)
        .filter(Q(tasks__isnull=False) | Q(pk__in=list(planned)))
        .exclude(pk__in=[u.pk for u in existing])
        .annotate(n_tasks=Count("tasks"))
    )
    ranked = sorted(candidates, key=lambda u: (-(u.n_tasks + planned[u.pk]), u.name, u.pk))
    units = existing + ranked[: n - len(existing)]
    if len(units) < n:  # too few samples: any other unit with tasks, then any commune
        extra = Unit.objects.filter(
            Q(province_code=code), Q(tasks__isnull=False) | Q(kind__in=LOCAL_KINDS)
        )
        for unit in (
            extra.exclude(pk__in=[u.pk for u in units])
            .distinct()
            .order_by("kind", "name")[: n - len(units)]
        ):
            units.append(unit)
    return units


def _slug(unit: Unit) -> str:
    """``canbo_`` suffix of a unit: its short name folded to ASCII, no spaces ("ngason")."""
    return "".join(ch for ch in search_key(unit.short_name or unit.name) if ch.isalnum())[
        :20
    ] or str(unit.pk)


__all__ = ["DemoError", "DemoResult", "check_demo_database", "demo_password", "prepare"]
