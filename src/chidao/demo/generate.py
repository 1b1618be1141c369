"""A generated province of several years, to measure the application at scale.

``generate(tasks=N)`` fills the current database (meant to be a separate data directory)
with a realistic province: the real units of a province (``init_province``), a handful of
leaders, about N/30 sessions over five years (districts and their communes before July
2025, the new communes and wards after), N/3 directives, N tasks spread over the units with
a skewed (Zipf-like) distribution, every task state, extended deadlines, no deadline,
petitions and indicators, and about 3.3 history rows a task. Rows are inserted in batches
(``bulk_create`` with preset ids), so 300,000 tasks take about a minute on SQLite.

It refuses a database that has users it did not create: the generated users share one
printed password and the data is invented.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Max, Model
from django.utils import timezone

from chidao.meetings.models import (
    Directive,
    DocumentStatus,
    ItemKind,
    Petition,
    PetitionState,
    Session,
    SessionItem,
    SourceDocument,
)
from chidao.organisation import services as organisation
from chidao.organisation.models import (
    LEGACY_KINDS,
    LOCAL_KINDS,
    Person,
    Role,
    Unit,
    UnitKind,
)
from chidao.organisation.provinces import find_province, province_code
from chidao.tasks.models import (
    EventKind,
    ExtensionRequest,
    ExtensionStatus,
    ProgressReport,
    Task,
    TaskEvent,
    TaskState,
    local_day,
)
from chidao.tasks.services import refresh_session_dates

PREFIX = "gen_"
"""Every generated user's name starts with this: a database with other users is refused."""

REFORM = dt.date(2025, 7, 1)
BATCH = 5000
M = TypeVar("M", bound=Model)
T = TypeVar("T")

LEADERS = [
    ("Phạm Quang Vinh", "Bí thư Tỉnh ủy"),
    ("Nguyễn Đức Thành", "Chủ tịch UBND tỉnh"),
    ("Lê Thị Mai Hương", "Phó Chủ tịch UBND tỉnh"),
    ("Trần Văn Khải", "Phó Chủ tịch UBND tỉnh"),
    ("Hoàng Minh Tuấn", "Phó Chủ tịch UBND tỉnh"),
    ("Đỗ Thanh Bình", "Phó Bí thư Thường trực Tỉnh ủy"),
    ("Vũ Ngọc Lan", "Phó Chủ tịch UBND tỉnh"),
    ("Bùi Đăng Khoa", "Chủ tịch HĐND tỉnh"),
]
LEADER_WEIGHTS = [9, 14, 8, 7, 6, 4, 3, 2]

TOPICS = [
    ("Đất đai, giải phóng mặt bằng", "giải phóng mặt bằng dự án {site}"),
    ("Giao thông", "nâng cấp tuyến đường {site}"),
    ("Nông nghiệp", "xây dựng vùng sản xuất lúa chất lượng cao tại {site}"),
    ("Nông thôn mới", "hoàn thiện hồ sơ công nhận xã đạt chuẩn nông thôn mới nâng cao"),
    ("Y tế", "nâng cấp trạm y tế {site}"),
    ("Giáo dục", "xây dựng phòng học kiên cố tại trường tiểu học {site}"),
    ("Thu ngân sách", "đôn đốc thu ngân sách, chống thất thu thuế trên địa bàn"),
    ("Đầu tư công", "đẩy nhanh giải ngân vốn đầu tư công dự án {site}"),
    ("Môi trường", "xử lý dứt điểm điểm tập kết rác thải tại {site}"),
    ("Chuyển đổi số", "triển khai dịch vụ công trực tuyến toàn trình tại bộ phận một cửa"),
    ("An sinh xã hội", "hỗ trợ xóa nhà tạm, nhà dột nát cho hộ nghèo tại {site}"),
    ("Du lịch", "lập quy hoạch khu du lịch sinh thái {site}"),
]
VERBS = ["tập trung hoàn thành", "khẩn trương", "chỉ đạo quyết liệt", "chủ trì, phối hợp"]
SITES = [
    "Đồng Tâm",
    "cầu Bến Ngự",
    "khu dân cư Hòa Bình",
    "hồ Yên Mỹ",
    "chợ Thiệu Hóa",
    "cụm công nghiệp Tây Bắc",
    "đê sông Chu",
    "bến Hàm Rồng",
    "thôn Thủy Tiên",
    "khu tái định cư Bắc Lý",
]
PETITIONS = [
    ("hỗ trợ kinh phí nâng cấp trạm bơm {site}", "Sở Nông nghiệp và Môi trường"),
    ("bố trí vốn làm đường {site}", "Sở Tài chính"),
    ("sớm phê duyệt điều chỉnh quy hoạch {site}", "Sở Xây dựng"),
    ("bổ sung biên chế giáo viên", "Sở Giáo dục và Đào tạo"),
]
ANSWERS = [
    "{body} đã tham mưu UBND tỉnh bố trí kinh phí trong kế hoạch năm {year}.",
    "{body} đang phối hợp với địa phương rà soát, đề xuất phương án, báo cáo trước quý {q}.",
    "{body} trả lời: kiến nghị chưa đủ điều kiện xem xét, đề nghị địa phương bổ sung hồ sơ.",
]
INDICATORS = [
    ("tổng thu ngân sách trên địa bàn đạt {v} tỷ đồng", "tỷ đồng", 20, 900),
    ("thu nhập bình quân đầu người đạt {v} triệu đồng", "triệu đồng", 40, 95),
    ("tỷ lệ hộ nghèo còn {v}%", "%", 1, 12),
]


@dataclass
class Generated:
    """What one run created (all counts zero when the province was already generated)."""

    province: str
    units: int = 0
    sessions: int = 0
    directives: int = 0
    tasks: int = 0
    events: int = 0
    logins: list[tuple[str, str]] = field(default_factory=list)
    password: str = ""
    already: bool = False


class GenerateError(Exception):
    """The database cannot be filled (it has real users)."""


def check_database() -> None:
    """Refuse a database with users the generator did not create (real users)."""
    others = get_user_model().objects.exclude(username__startswith=PREFIX)
    if others.exists():
        names = ", ".join(sorted(others.values_list("username", flat=True)[:5]))
        raise GenerateError(
            f"this database has users that were not generated ({names}): "
            "generate invents a province and must run on its own data directory; "
            "point CHIDAO_DATA_DIR to an empty directory"
        )


def _next_id(model: type[Model]) -> int:
    return (model._default_manager.aggregate(m=Max("pk"))["m"] or 0) + 1


def _batches(rows: Sequence[T]) -> Iterator[Sequence[T]]:
    for i in range(0, len(rows), BATCH):
        yield rows[i : i + BATCH]


def _insert(model: type[M], rows: list[M]) -> None:
    for chunk in _batches(rows):
        model._default_manager.bulk_create(chunk, batch_size=BATCH)


def _insert_raw(model: type[Model], columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert plain tuples (values of ``columns``, dates and datetimes as Python objects) with
    one ``executemany`` a batch; every other concrete field gets its default, so a column
    added later with a default still fills."""
    meta = model._meta
    fields = {f.attname: f for f in meta.concrete_fields}
    given = [fields[c] for c in columns]
    rest = [f for f in meta.concrete_fields if f.attname not in columns and not f.primary_key]
    defaults = tuple(f.get_db_prep_save(f.get_default(), connection) for f in rest)
    names = ", ".join(connection.ops.quote_name(f.column) for f in [*given, *rest])
    marks = ", ".join(["%s"] * (len(given) + len(rest)))
    sql = f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({names}) VALUES ({marks})"
    kinds = [f.get_internal_type() for f in given]
    adapt_dt = connection.ops.adapt_datetimefield_value
    adapt_d = connection.ops.adapt_datefield_value

    def adapt(value: Any, kind: str) -> Any:
        if value is None:
            return None
        if kind == "DateTimeField":
            return adapt_dt(value)
        if kind == "DateField":
            return adapt_d(value)
        return value

    with connection.cursor() as cursor:
        for chunk in _batches(rows):
            cursor.executemany(
                sql,
                [
                    tuple(adapt(v, k) for v, k in zip(row, kinds, strict=True)) + defaults
                    for row in chunk
                ],
            )


def _weights(n: int, skew: float, rng: random.Random) -> list[float]:
    ranks = list(range(1, n + 1))
    rng.shuffle(ranks)
    return [1 / r**skew for r in ranks]


def generate(
    *,
    tasks: int,
    province: str = "Thanh Hóa",
    seed: int = 2026,
    today: dt.date | None = None,
    years: int = 5,
) -> Generated:
    """Fill the database with a generated province of about ``tasks`` tasks.

    Side effects: the province's units (``init_province``); eight leaders with positions;
    users ``gen_vanphong`` (office), ``gen_lanhdao`` (leader), ``gen_canbo`` (officer of the
    busiest commune) with one random password; documents, sessions, items, directives, tasks,
    history, progress reports and extension requests; the recurring directives' themes and
    the officer's reminders (``chidao.themes``, ``chidao.notifications``). A second run on a generated database
    changes nothing. Refuses a database with users it did not create (:class:`GenerateError`).
    """
    if tasks < 1:
        raise GenerateError(f"--tasks: {tasks} is not a positive number of tasks")
    check_database()
    found = find_province(province)
    code = province_code(found)
    result = Generated(province=found.name)
    if Task.objects.filter(unit__province_code=code).exists():
        result.already = True
        result.tasks = Task.objects.filter(unit__province_code=code).count()
        return result
    organisation.init_province(province=found.name)
    rng = random.Random(seed)
    _ZONE[0] = timezone.get_current_timezone()
    today = today or timezone.localdate()
    start = today.replace(year=today.year - years)
    now = timezone.now()
    with transaction.atomic():
        result.password = _users(code, result)
        leaders = _leaders(code)
        _fill(
            result,
            code=code,
            tasks=tasks,
            rng=rng,
            today=today,
            start=start,
            now=now,
            leaders=leaders,
        )
        _officer(code, result)
    result.units = Unit.objects.filter(province_code=code).count()
    from chidao.search.index import reindex  # rows were inserted in bulk: no signals

    reindex(code)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    elif connection.vendor == "postgresql":
        # rows were inserted with preset ids: move every sequence past them, or the next
        # row the application inserts (a progress report, an event) collides with one
        from django.apps import apps
        from django.core.management.color import no_style

        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(sql)
            # the statistics, and the visibility map of every table (VACUUM, outside a
            # transaction): the rows were just written, so the index-only scans the pages
            # count with would read the table until autovacuum passes, which it does a
            # minute later, in the middle of a benchmark
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    # what the pages read beside the rows, which were inserted in bulk through no service:
    # the recurring directives' themes, and the day's reminders of the generated officer
    from chidao.notifications.services import remind
    from chidao.themes.services import rebuild

    rebuild(province_code=code)
    remind(today=today, days=settings.CHIDAO_REMIND_DAYS)
    return result


def _users(code: str, result: Generated) -> str:
    password = secrets.token_urlsafe(12)
    for username, role in (("gen_vanphong", Role.OFFICE), ("gen_quantri", Role.ADMIN)):
        organisation.create_user(
            username=username, password=password, role=role, province_code=code
        )
        result.logins.append((role, username))
    return password


def _leaders(code: str) -> list[Person]:
    people = []
    for name, title in LEADERS:
        person = organisation.get_or_create_person(province_code=code, full_name=name, title=title)
        people.append(person)
    return people


def _officer(code: str, result: Generated) -> None:
    from django.db.models import Count

    busiest = (
        Unit.objects.filter(province_code=code, kind__in=LOCAL_KINDS)
        .annotate(n=Count("tasks"))
        .order_by("-n", "pk")
        .first()
    )
    leader = Person.objects.filter(province_code=code, full_name=LEADERS[1][0]).first()
    organisation.create_user(
        username="gen_lanhdao",
        password=result.password,
        role=Role.LEADER,
        province_code=code,
        person=leader,
    )
    result.logins.append((Role.LEADER, "gen_lanhdao"))
    if busiest is not None:
        organisation.create_user(
            username="gen_canbo",
            password=result.password,
            role=Role.OFFICER,
            province_code=code,
            unit=busiest,
        )
        result.logins.append((Role.OFFICER, "gen_canbo"))


def _fill(
    result: Generated,
    *,
    code: str,
    tasks: int,
    rng: random.Random,
    today: dt.date,
    start: dt.date,
    now: dt.datetime,
    leaders: list[Person],
) -> None:
    units = list(Unit.objects.filter(province_code=code))
    bodies = [u for u in units if u.kind in (UnitKind.DEPARTMENT, UnitKind.FRONT, UnitKind.FORCE)]
    local_new = [u for u in units if u.kind in LOCAL_KINDS]
    districts = [u for u in units if u.kind == UnitKind.DISTRICT]
    local_old = [u for u in units if u.kind in LEGACY_KINDS]
    if not (bodies and local_new and districts):
        raise GenerateError(f"{result.province}: the province has too few units to generate")
    w_new = _weights(len(local_new), 1.1, rng)
    w_bodies = _weights(len(bodies), 0.9, rng)
    w_district = _weights(len(districts), 0.8, rng)
    w_old = _weights(len(local_old), 1.0, rng)
    by_name = {u.name: u for u in bodies}
    answers = random.Random(f"petitions-{code}")  # its own draws: the tasks' stay as they were

    n_sessions = max(1, tasks // 30)
    n_directives = max(1, tasks // 3)
    span = (today - start).days
    doc_id, session_id = _next_id(SourceDocument), _next_id(Session)
    directive_id, task_id = _next_id(Directive), _next_id(Task)
    first_task = task_id
    event_id, item_id = _next_id(TaskEvent), _next_id(SessionItem)

    documents: list[SourceDocument] = []
    sessions: list[Session] = []
    chairs: list[Any] = []
    places: list[Any] = []
    items: list[SessionItem] = []
    petitions: list[Petition] = []
    directives: list[Directive] = []
    task_rows: list[tuple[Any, ...]] = []
    events: list[tuple[Any, ...]] = []
    reports: list[ProgressReport] = []
    extensions: list[ExtensionRequest] = []
    ChairLink = Session.chairs.through
    PlaceLink = Session.localities.through

    # directives per session: skewed around 10; tasks per directive: 1..6, about 3
    per_session = [rng.randint(1, 19) for _ in range(n_sessions)]
    scale = n_directives / sum(per_session)
    remaining_tasks = tasks
    d_made = 0
    for s in range(n_sessions):
        day = start + dt.timedelta(days=int(span * (s / n_sessions)) + rng.randint(0, 2))
        day = min(day, today)
        before = day < REFORM
        if before:
            place = rng.choices(districts, w_district)[0]
            pool, weights = local_old, w_old
        else:
            place = rng.choices(local_new, w_new)[0]
            pool, weights = local_new, w_new
        leader = rng.choices(leaders, LEADER_WEIGHTS)[0]
        sid, did = session_id + s, doc_id + s
        title = f"{leader.full_name} làm việc tại {place.name}"
        text = f"Ngày {day:%d/%m/%Y}, đồng chí {leader.full_name} làm việc tại {place.name}."
        documents.append(
            SourceDocument(
                id=did,
                sha256=hashlib.sha256(f"{PREFIX}{code}-{sid}".encode()).hexdigest(),
                filename=f"gen-{sid}.txt",
                raw_text=text,
                text=text,
                title=title,
                status=DocumentStatus.CONFIRMED,
                province_code=code,
            )
        )
        sessions.append(
            Session(
                id=sid,
                document_id=did,
                province_code=code,
                date=day,
                title=title,
                confirmed_at=now,
            )
        )
        chairs.append(ChairLink(session_id=sid, person_id=leader.pk))
        places.append(PlaceLink(session_id=sid, unit_id=place.pk))
        for k in range(2):
            what, body = rng.choice(PETITIONS)
            answerer = by_name.get(body)
            items.append(
                SessionItem(
                    id=item_id,
                    session_id=sid,
                    kind=ItemKind.PETITION,
                    text=f"{place.short_name or place.name} kiến nghị tỉnh "
                    + what.format(site=rng.choice(SITES)),
                    data={"by": place.name, "answerer": body},
                    unit_id=answerer.pk if answerer else None,
                    order=k,
                )
            )
            petitions.append(
                _petition(answers, item_id, sid, place, answerer, body, day, today, now)
            )
            item_id += 1
            label, unit_name, lo, hi = INDICATORS[k if k < len(INDICATORS) else 0]
            value = round(rng.uniform(lo, hi), 1)
            items.append(
                SessionItem(
                    id=item_id,
                    session_id=sid,
                    kind=ItemKind.INDICATOR,
                    text=f"năm {day.year} " + label.format(v=str(value).replace(".", ",")),
                    data={"value": value, "unit": unit_name, "label": label.split(" đạt")[0]},
                    unit_id=place.pk,
                    order=k,
                )
            )
            item_id += 1
        count = max(1, round(per_session[s] * scale))
        last = s == n_sessions - 1
        order = -1
        while remaining_tasks > 0 and (order + 1 < count or last):
            order += 1
            topic, what = rng.choice(TOPICS)
            target = rng.choices(pool, weights)[0]
            deadline = (
                day + dt.timedelta(days=rng.choice((15, 30, 45, 60, 90, 120, 180, 270)))
                if rng.random() < 0.85
                else None
            )
            sentence = (
                f"Đề nghị UBND {target.name} {rng.choice(VERBS)} "
                + what.format(site=rng.choice(SITES))
                + (f" trước ngày {deadline:%d/%m/%Y}." if deadline else ".")
            )
            dir_id = directive_id + d_made
            directives.append(
                Directive(
                    id=dir_id,
                    session_id=sid,
                    text=sentence,
                    issuer_id=leader.pk,
                    issuer_name=leader.full_name,
                    assignee_text=[target.name],
                    deadline=deadline,
                    topic=topic,
                    order=order,
                )
            )
            d_made += 1
            n_units = min(
                remaining_tasks, rng.choices((1, 2, 3, 4, 5, 6), (25, 20, 20, 15, 12, 8))[0]
            )
            chosen = {target.pk: target}
            while len(chosen) < n_units:
                extra = (
                    rng.choices(bodies, w_bodies)[0]
                    if rng.random() < 0.5
                    else rng.choices(pool, weights)[0]
                )
                chosen[extra.pk] = extra
            for unit in chosen.values():
                _task(
                    rng,
                    task_id=task_id,
                    event_id=event_id,
                    directive_id=dir_id,
                    unit=unit,
                    day=day,
                    deadline=deadline,
                    today=today,
                    rows=task_rows,
                    events=events,
                    reports=reports,
                    extensions=extensions,
                )
                event_id = events[-1][0] + 1
                task_id += 1
                remaining_tasks -= 1
    _insert(SourceDocument, documents)
    _insert(Session, sessions)
    _insert(ChairLink, chairs)
    _insert(PlaceLink, places)
    _insert(SessionItem, items)
    _insert(Petition, petitions)
    _insert(Directive, directives)
    _insert_raw(Task, TASK_COLUMNS, task_rows)
    refresh_session_dates(tasks=Task.objects.filter(pk__gte=first_task))
    _insert_raw(TaskEvent, EVENT_COLUMNS, events)
    _insert(ProgressReport, reports)
    _insert(ExtensionRequest, extensions)
    result.sessions, result.directives = len(sessions), len(directives)
    result.tasks, result.events = len(task_rows), len(events)


def _petition(
    rng: random.Random,
    item_id: int,
    session_id: int,
    place: Unit,
    answerer: Unit | None,
    body: str,
    day: dt.date,
    today: dt.date,
    now: dt.datetime,
) -> Petition:
    """The register's row of a petition: the older, the likelier answered (or closed)."""
    age = (today - day).days
    roll = rng.random()
    answered = age > 20 and roll < min(0.85, age / 400)
    closed = answered and rng.random() < 0.3
    answer = (
        rng.choice(ANSWERS).format(body=body, year=day.year + 1, q=rng.randint(1, 4))
        if answered
        else ""
    )
    return Petition(
        item_id=item_id,
        session_id=session_id,
        state=PetitionState.CLOSED
        if closed
        else PetitionState.ANSWERED
        if answered
        else PetitionState.OPEN,
        raised_by_id=place.pk,
        answerer_id=answerer.pk if answerer else None,
        answer=answer,
        answered_at=min(now, _at(min(today, day + dt.timedelta(days=rng.randint(7, 60)))))
        if answered
        else None,
    )


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=_ZONE[0])


_ZONE: list[Any] = [dt.UTC]


def _task(
    rng: random.Random,
    *,
    task_id: int,
    event_id: int,
    directive_id: int,
    unit: Unit,
    day: dt.date,
    deadline: dt.date | None,
    today: dt.date,
    rows: list[tuple[Any, ...]],
    events: list[tuple[Any, ...]],
    reports: list[ProgressReport],
    extensions: list[ExtensionRequest],
) -> None:
    """One task and its history, its state drawn from where its deadline falls against today."""
    created = _at(day, 17)
    due = deadline or day + dt.timedelta(days=120)
    past = due < today
    original = None
    roll = rng.random()
    if past:
        state = (
            TaskState.DONE
            if roll < 0.72
            else TaskState.IMPOSSIBLE
            if roll < 0.75
            else TaskState.EXTENDED
            if roll < 0.80
            else rng.choice((TaskState.IN_PROGRESS, TaskState.NEW, TaskState.IN_PROGRESS))
        )
    else:
        state = (
            TaskState.NEW
            if roll < 0.30
            else TaskState.IN_PROGRESS
            if roll < 0.75
            else TaskState.AWAITING_CONFIRMATION
            if roll < 0.82
            else TaskState.EXTENSION_REQUESTED
            if roll < 0.88
            else TaskState.EXTENDED
            if roll < 0.93
            else TaskState.DONE
        )
    completed_at = None
    progress = 0
    seq: list[tuple[str, str, str, dt.date]] = [(EventKind.CREATED, "", TaskState.NEW, day)]
    if state != TaskState.NEW:
        started = min(today, day + dt.timedelta(days=rng.randint(1, 10)))
        seq.append((EventKind.STARTED, TaskState.NEW, TaskState.IN_PROGRESS, started))
        progress = rng.choice((20, 40, 50, 60, 80))
        seq.append(
            (
                EventKind.PROGRESS,
                TaskState.IN_PROGRESS,
                TaskState.IN_PROGRESS,
                min(today, started + dt.timedelta(days=7)),
            )
        )
    if state in (TaskState.EXTENDED, TaskState.EXTENSION_REQUESTED) and deadline:
        asked = min(today, deadline - dt.timedelta(days=rng.randint(1, 10)))
        new_deadline = deadline + dt.timedelta(days=rng.choice((30, 60, 90)))
        seq.append(
            (
                EventKind.EXTENSION_REQUESTED,
                TaskState.IN_PROGRESS,
                TaskState.EXTENSION_REQUESTED,
                asked,
            )
        )
        granted = state == TaskState.EXTENDED
        extensions.append(
            ExtensionRequest(
                task_id=task_id,
                at=_at(asked),
                new_deadline=new_deadline,
                reason="Vướng mắc giải phóng mặt bằng, đề nghị gia hạn",
                status=ExtensionStatus.GRANTED if granted else ExtensionStatus.PENDING,
                decided_at=_at(min(today, asked + dt.timedelta(days=3))) if granted else None,
            )
        )
        if granted:
            seq.append(
                (
                    EventKind.EXTENSION_GRANTED,
                    TaskState.EXTENSION_REQUESTED,
                    TaskState.EXTENDED,
                    min(today, asked + dt.timedelta(days=3)),
                )
            )
            original, deadline = deadline, new_deadline
    if state in (TaskState.DONE, TaskState.AWAITING_CONFIRMATION):
        late = rng.random() < 0.2
        finish = (
            due + dt.timedelta(days=rng.randint(1, 40))
            if late
            else due - dt.timedelta(days=rng.randint(0, 20))
        )
        finish = max(day, min(today, finish))
        seq.append(
            (
                EventKind.COMPLETION_REPORTED,
                TaskState.IN_PROGRESS,
                TaskState.AWAITING_CONFIRMATION,
                finish,
            )
        )
        progress = 100
        if state == TaskState.DONE:
            seq.append(
                (
                    EventKind.COMPLETION_ACCEPTED,
                    TaskState.AWAITING_CONFIRMATION,
                    TaskState.DONE,
                    finish,
                )
            )
            completed_at = _at(finish, 15)
            reports.append(
                ProgressReport(
                    task_id=task_id,
                    at=_at(finish),
                    text="Đã hoàn thành nhiệm vụ được giao",
                    percent=100,
                    is_completion=True,
                )
            )
    if state == TaskState.IMPOSSIBLE:
        seq.append(
            (EventKind.IMPOSSIBLE, TaskState.IN_PROGRESS, TaskState.IMPOSSIBLE, min(today, due))
        )
    rows.append(
        (
            task_id,
            directive_id,
            unit.pk,
            state,
            deadline,
            original,
            progress,
            "Không bố trí được nguồn vốn" if state == TaskState.IMPOSSIBLE else "",
            created,
            _at(seq[-1][3]),
            completed_at,
            local_day(completed_at),
        )
    )
    for offset, (kind, before, after, when) in enumerate(seq):
        events.append(
            (event_id + offset, task_id, _at(max(day, when), 10 + offset % 8), kind, before, after)
        )


TASK_COLUMNS = (
    "id",
    "directive_id",
    "unit_id",
    "state",
    "deadline",
    "original_deadline",
    "progress",
    "reason",
    "created_at",
    "updated_at",
    "completed_at",
    "completed_on",
)
EVENT_COLUMNS = ("id", "task_id", "at", "kind", "from_state", "to_state")


__all__ = ["PREFIX", "GenerateError", "Generated", "check_database", "generate"]
