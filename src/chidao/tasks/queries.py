"""Reads on tasks for the pages: inbox, work list, register, directive, task, unit, leader.

Every function starts from the gatekeeper's querysets (``access.tasks_visible_to`` ...), so a
page can only show what its user may see. "Quá hạn" is derived here from the deadline and
``today`` (``timezone.localdate()`` unless given), never read from a stored column.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chidao.meetings.models import Directive
from chidao.organisation.access import is_leader, person_of
from chidao.organisation.models import Person, Unit
from chidao.search.engine import matching, words
from chidao.search.models import EntryKind, SearchEntry
from chidao.tasks import access
from chidao.tasks.models import (
    CLOSED_STATES,
    EventKind,
    ExtensionRequest,
    ExtensionStatus,
    ProgressReport,
    Task,
    TaskEvent,
    TaskRole,
    TaskState,
)

DUE_SOON_DAYS = 7
WAITING_ON_OFFICE = (TaskState.AWAITING_CONFIRMATION, TaskState.EXTENSION_REQUESTED)
OVERDUE = "overdue"  # the derived state offered in the register's state filter


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def overdue_q(today: dt.date | None = None) -> Q:
    """Tasks past their deadline and not closed (done or impossible) on ``today``."""
    return Q(deadline__lt=_today(today)) & ~Q(state__in=CLOSED_STATES)


def due_soon_q(today: dt.date | None = None, days: int = DUE_SOON_DAYS) -> Q:
    """Open tasks due between ``today`` and ``today + days`` (inclusive)."""
    today = _today(today)
    return Q(deadline__gte=today, deadline__lte=today + dt.timedelta(days=days)) & ~Q(
        state__in=CLOSED_STATES
    )


def with_overdue(tasks: QuerySet[Task], today: dt.date | None = None) -> QuerySet[Task]:
    """Annotate each task with ``overdue`` (bool), computed in the database for ``today``."""
    return tasks.annotate(
        overdue=Case(
            When(overdue_q(today), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def _rows(tasks: QuerySet[Task]) -> QuerySet[Task]:
    """What every task list shows: the task with its unit, directive, session and issuer."""
    return tasks.select_related("unit", "directive", "directive__session", "directive__issuer")


def state_counts(tasks: QuerySet[Task], today: dt.date | None = None) -> dict[str, int]:
    """How many tasks per state, plus ``overdue`` and ``total``, in one query."""
    aggregates: dict[str, Any] = {s.value: Count("pk", filter=Q(state=s.value)) for s in TaskState}
    aggregates[OVERDUE] = Count("pk", filter=overdue_q(today))
    aggregates["total"] = Count("pk")
    return tasks.aggregate(**aggregates)


# ---------------------------------------------------------------- inbox (unit officer)


INBOX_SECTIONS: list[tuple[str, Any]] = [
    ("overdue", _("Quá hạn")),
    ("due_soon", _("Sắp đến hạn (7 ngày)")),
    ("new", _("Mới giao, chưa bắt đầu")),
    ("returned", _("Văn phòng trả lại")),
    ("in_progress", _("Đang thực hiện")),
    ("waiting", _("Chờ Văn phòng xử lý")),
    ("done", _("Đã kết thúc")),
]
"""The inbox's sections in the order of the work: what is late first, what is over last."""

DONE_SHOWN = 50  # the inbox lists the most recently closed tasks, the count says how many


@dataclass
class InboxSection:
    key: str
    label: Any
    tasks: list[Task]
    count: int

    @property
    def empty(self) -> bool:
        return not self.count


@dataclass
class Inbox:
    """The officer's inbox, ranked: overdue, due soon, new, returned by the office, in
    progress, waiting for the office, done. Each task is in exactly one section."""

    sections: list[InboxSection]

    def section(self, key: str) -> InboxSection:
        return next(s for s in self.sections if s.key == key)

    @property
    def counts(self) -> dict[str, int]:
        return {s.key: s.count for s in self.sections}

    @property
    def overdue(self) -> list[Task]:
        return self.section("overdue").tasks

    @property
    def due_soon(self) -> list[Task]:
        return self.section("due_soon").tasks

    @property
    def waiting(self) -> list[Task]:
        return self.section("waiting").tasks

    @property
    def others(self) -> list[Task]:
        """The open tasks neither late, due soon nor waiting: new, returned, in progress."""
        return [t for key in ("new", "returned", "in_progress") for t in self.section(key).tasks]

    @property
    def closed_count(self) -> int:
        return self.section("done").count


def with_returned(tasks: QuerySet[Task]) -> QuerySet[Task]:
    """Annotate ``last_decision``: the kind of the task's latest completion event (reported,
    accepted or returned), so "returned by the office" is read in the same query."""
    latest = (
        TaskEvent.objects.filter(
            task=OuterRef("pk"),
            kind__in=[
                EventKind.COMPLETION_REPORTED,
                EventKind.COMPLETION_ACCEPTED,
                EventKind.COMPLETION_RETURNED,
            ],
        )
        .order_by("-at", "-id")
        .values("kind")[:1]
    )
    return tasks.annotate(last_decision=Subquery(latest))


def inbox_section_of(task: Task, today: dt.date) -> str:
    """Which inbox section ``task`` (annotated by ``with_overdue`` and ``with_returned``) is in."""
    if task.state in CLOSED_STATES:
        return "done"
    if task.state in WAITING_ON_OFFICE:
        return "waiting"
    if task.overdue:
        return "overdue"
    if task.deadline is not None and task.deadline <= today + dt.timedelta(days=DUE_SOON_DAYS):
        return "due_soon"
    if task.state == TaskState.NEW:
        return "new"
    if getattr(task, "last_decision", None) == EventKind.COMPLETION_RETURNED:
        return "returned"
    return "in_progress"


def inbox(user: Any, today: dt.date | None = None) -> Inbox:
    """Rank the user's tasks into the inbox sections (one query).

    Every task carries ``returned`` (the office returned its completion report and the unit
    has not reported again) whatever its section, so a returned report is seen first.
    """
    today = _today(today)
    buckets: dict[str, list[Task]] = {key: [] for key, _label in INBOX_SECTIONS}
    rows = with_returned(with_overdue(_rows(access.tasks_visible_to(user)), today)).order_by(
        F("deadline").asc(nulls_last=True), "id"
    )
    for task in rows:
        task.returned = (
            task.state not in CLOSED_STATES and task.last_decision == EventKind.COMPLETION_RETURNED
        )
        buckets[inbox_section_of(task, today)].append(task)
    for key in buckets:  # returned reports first in every open section
        if key != "done":
            buckets[key].sort(key=lambda t: not t.returned)
    done = sorted(
        buckets["done"], key=lambda t: (t.completed_at or t.updated_at, t.pk), reverse=True
    )
    buckets["done"] = done
    return Inbox(
        sections=[
            InboxSection(
                key=key,
                label=label,
                tasks=buckets[key][:DONE_SHOWN] if key == "done" else buckets[key],
                count=len(buckets[key]),
            )
            for key, label in INBOX_SECTIONS
        ]
    )


# ---------------------------------------------------------------- work list (office)


@dataclass
class Worklist:
    """What needs the office now."""

    to_confirm: list[Task]
    extension_requests: list[Task]
    overdue_by_unit: OrderedDict[Unit, list[Task]]
    due_soon: list[Task]

    @property
    def counts(self) -> dict[str, int]:
        return {
            "to_confirm": len(self.to_confirm),
            "extension_requests": len(self.extension_requests),
            "overdue": sum(len(v) for v in self.overdue_by_unit.values()),
            "overdue_units": len(self.overdue_by_unit),
            "due_soon": len(self.due_soon),
        }


def worklist(user: Any, today: dt.date | None = None) -> Worklist:
    """Completions to confirm, extension requests (with the requested date), overdue tasks by
    unit, tasks due soon (two queries)."""
    today = _today(today)
    tasks = access.tasks_visible_to(user)
    relevant = Q(state__in=WAITING_ON_OFFICE) | overdue_q(today) | due_soon_q(today)
    rows = list(
        with_overdue(_rows(tasks.filter(relevant)), today).order_by(
            F("deadline").asc(nulls_last=True), "id"
        )
    )
    asked = [t.pk for t in rows if t.state == TaskState.EXTENSION_REQUESTED]
    pending: dict[int, ExtensionRequest] = {}
    if asked:
        for request in ExtensionRequest.objects.filter(
            task__in=asked, status=ExtensionStatus.PENDING
        ).order_by("at"):
            pending[request.task_id] = request
    to_confirm, requests, due_soon = [], [], []
    by_unit: OrderedDict[Unit, list[Task]] = OrderedDict()
    for task in rows:
        if task.state == TaskState.AWAITING_CONFIRMATION:
            to_confirm.append(task)
        elif task.state == TaskState.EXTENSION_REQUESTED:
            task.pending_request = pending.get(task.pk)
            requests.append(task)
        if task.overdue:
            by_unit.setdefault(task.unit, []).append(task)
        elif task.state not in WAITING_ON_OFFICE and task.deadline is not None:
            due_soon.append(task)
    ordered = OrderedDict(sorted(by_unit.items(), key=lambda kv: (-len(kv[1]), kv[0].name)))
    return Worklist(
        to_confirm=to_confirm,
        extension_requests=requests,
        overdue_by_unit=ordered,
        due_soon=due_soon,
    )


# ---------------------------------------------------------------- register


SORTS = {
    "date": ("directive__session__date", "directive__order", "unit__name"),
    "deadline": ("deadline", "unit__name"),
    "leader": ("leader_name", "directive__session__date", "unit__name"),
    "state": ("state_rank", "deadline"),
    "unit": ("unit__name", "deadline"),
}
# the states in the order of the work, for sorting by state
STATE_RANK = Case(
    *(When(state=s.value, then=Value(i)) for i, s in enumerate(TaskState)), default=Value(99)
)


@dataclass
class RegisterFilters:
    """The register's filters, as parsed from the query string (all optional)."""

    leader: int | None = None
    unit: int | None = None
    state: str = ""
    period: str = "session"  # "session": the session date; "deadline": the task's deadline
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    topic: str = ""
    role: str = ""  # TaskRole value: lead or supporting units only
    q: str = ""
    sort: str = "-date"
    errors: dict[str, str] = field(default_factory=dict)


def register(user: Any, filters: RegisterFilters, today: dt.date | None = None) -> QuerySet[Task]:
    """The register's rows (one per task) that ``user`` may see, filtered and sorted.

    Free text goes through the search index (``chidao.search``), in the database: every word,
    without diacritics or tone placement ("thieu hoa" finds "Thiệu Hóa"), in the directive,
    its session title, its issuer or topic, or the unit's name.
    """
    today = _today(today)
    tasks = access.tasks_visible_to(user)
    if filters.leader:
        tasks = tasks.filter(directive__issuer_id=filters.leader)
    if filters.unit:
        tasks = tasks.filter(unit_id=filters.unit)
    if filters.state == OVERDUE:
        tasks = tasks.filter(overdue_q(today))
    elif filters.state:
        tasks = tasks.filter(state=filters.state)
    date_field = "deadline" if filters.period == "deadline" else "directive__session__date"
    if filters.date_from:
        tasks = tasks.filter(**{f"{date_field}__gte": filters.date_from})
    if filters.date_to:
        tasks = tasks.filter(**{f"{date_field}__lte": filters.date_to})
    if filters.topic:
        tasks = tasks.filter(directive__topic=filters.topic)
    if filters.role:
        tasks = tasks.filter(role=filters.role)
    if filters.q.strip():
        tasks = task_search(tasks, filters.q)
    tasks = with_overdue(_rows(tasks), today).annotate(
        leader_name=Coalesce(
            NullIf("directive__issuer__full_name", Value("")), "directive__issuer_name"
        ),
        state_rank=STATE_RANK,
    )
    key = filters.sort.lstrip("-")
    fields = SORTS.get(key, SORTS["date"])
    descending = filters.sort.startswith("-")
    first = F(fields[0]).desc(nulls_last=True) if descending else F(fields[0]).asc(nulls_last=True)
    order: list[Any] = [first, *(F(f).asc(nulls_last=True) for f in fields[1:])]
    person = person_of(user) if is_leader(user) else None
    if person is not None:  # a leader sees their own directives first
        tasks = tasks.annotate(
            own=Case(When(directive__issuer=person, then=Value(0)), default=Value(1))
        )
        order.insert(0, F("own").asc())
    return tasks.order_by(*order, "id")


def task_search(tasks: QuerySet[Task], text: str) -> QuerySet[Task]:
    """``tasks`` whose every word of ``text`` is in their directive (its text, issuer, topic,
    session title: the search index) or in their unit's name; computed in the database."""
    for word in words(text):
        directives = matching(SearchEntry.objects.filter(kind=EntryKind.DIRECTIVE), word)
        units = Unit.objects.filter(search_name__contains=word).values("pk")
        tasks = tasks.filter(
            Q(directive_id__in=directives.values("object_id")) | Q(unit_id__in=units)
        )
    return tasks


def register_choices(user: Any) -> dict[str, list[Any]]:
    """The values offered by the register's filters: leaders, units and topics in use."""
    tasks = access.tasks_visible_to(user)
    leader_ids = tasks.exclude(directive__issuer=None).values("directive__issuer")
    unit_ids = tasks.values("unit")
    return {
        "leaders": list(Person.objects.filter(pk__in=leader_ids).order_by("full_name")),
        "units": list(Unit.objects.filter(pk__in=unit_ids).order_by("name")),
        "topics": sorted(
            {
                t
                for t in tasks.exclude(directive__topic="").values_list(
                    "directive__topic", flat=True
                )
            }
        ),
        "states": [(s.value, s.label) for s in TaskState],
        "roles": list(TaskRole.choices),
    }


# ---------------------------------------------------------------- directive, task


def directive_tasks(user: Any, directive: Directive, today: dt.date | None = None) -> list[Task]:
    """The tasks of ``directive`` that ``user`` may see, with their overdue flag."""
    tasks = access.tasks_visible_to(user).filter(directive=directive).select_related("unit")
    return list(with_overdue(tasks, today).order_by("unit__name"))


@dataclass
class SourceExcerpt:
    """The directive's sentence in its report, with some text before and after."""

    before: str
    sentence: str
    after: str


def directive_source(directive: Directive, context: int = 240) -> SourceExcerpt | None:
    """Where the directive came from in the cleaned text of its report (None without offsets)."""
    start, end = directive.start, directive.end
    if start is None or end is None:
        return None
    text = directive.session.document.text
    if not (0 <= start < end <= len(text)):
        return None
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    before = text[lo:start]
    after = text[end:hi]
    return SourceExcerpt(
        before=("…" if lo else "") + before,
        sentence=text[start:end],
        after=after + ("…" if hi < len(text) else ""),
    )


@dataclass
class TaskDetail:
    """Everything the task page shows."""

    task: Task
    events: list[TaskEvent]
    reports: list[Any]
    pending_request: Any
    overdue: bool
    returned: TaskEvent | None = None
    partners: list[Task] = field(default_factory=list)


def returned_event(events: list[TaskEvent]) -> TaskEvent | None:
    """The office's return of a completion report, when it is the latest word on the task.

    ``events`` newest first; a later completion report or acceptance makes it history.
    """
    for event in events:
        if event.kind == EventKind.COMPLETION_RETURNED:
            return event
        if event.kind in (EventKind.COMPLETION_REPORTED, EventKind.COMPLETION_ACCEPTED):
            return None
    return None


def partner_tasks(task: Task) -> list[Task]:
    """The other units' tasks of the same directive, as this task's unit may see them.

    A lead task sees every supporting unit with its progress and latest report
    (``latest_report``); a supporting task sees the lead units (their name and state only).
    """
    others = (
        Task.objects.filter(directive_id=task.directive_id)
        .exclude(pk=task.pk)
        .select_related("unit")
        .order_by("role", "unit__name")
    )
    if task.role == TaskRole.SUPPORT:
        return list(others.filter(role=TaskRole.LEAD))
    rows = list(others.filter(role=TaskRole.SUPPORT))
    latest: dict[int, ProgressReport] = {}
    for report in ProgressReport.objects.filter(task__in=rows).order_by("at", "id"):
        latest[report.task_id] = report
    for row in rows:
        row.latest_report = latest.get(row.pk)
    return rows


def task_detail(task: Task, today: dt.date | None = None) -> TaskDetail:
    """The task's history, progress reports (with attachments), pending extension request,
    the office's return note still open, and the partner units of the directive."""
    events = list(task.events.select_related("actor").order_by("-at", "-id"))
    reports = list(
        task.reports.select_related("author").prefetch_related("attachments").order_by("-at", "-id")
    )
    pending = task.extensions.filter(status=ExtensionStatus.PENDING).order_by("-at").first()
    return TaskDetail(
        task=task,
        events=events,
        reports=reports,
        pending_request=pending,
        overdue=task.is_overdue(_today(today)),
        returned=returned_event(events) if task.state not in CLOSED_STATES else None,
        partners=partner_tasks(task),
    )


# ---------------------------------------------------------------- unit, leader


@dataclass
class UnitDashboard:
    unit: Unit
    counts: dict[str, int]
    tasks: list[Task]

    @property
    def completion_rate(self) -> int | None:
        """Share of the unit's tasks that are done (%), None without tasks."""
        total = self.counts.get("total", 0)
        return round(100 * self.counts.get(TaskState.DONE.value, 0) / total) if total else None


def unit_dashboard(user: Any, unit: Unit, today: dt.date | None = None) -> UnitDashboard:
    """A unit's tasks (visible to ``user``) by state, its overdue count and completion rate."""
    tasks = access.tasks_visible_to(user).filter(unit=unit)
    rows = list(
        with_overdue(_rows(tasks), today).order_by(
            Case(When(state__in=CLOSED_STATES, then=Value(1)), default=Value(0)),
            F("deadline").asc(nulls_last=True),
            "id",
        )
    )
    return UnitDashboard(unit=unit, counts=state_counts(tasks, today), tasks=rows)


@dataclass
class LeaderPage:
    person: Person
    directives: list[Directive]
    counts: dict[str, int]


def leader_page(user: Any, person: Person, today: dt.date | None = None) -> LeaderPage:
    """The directives ``person`` issued (visible to ``user``) with their tasks and overdue flags."""
    from django.db.models import Prefetch

    visible = access.tasks_visible_to(user)
    directives = list(
        access.directives_visible_to(user)
        .filter(issuer=person)
        .select_related("session")
        .prefetch_related(
            Prefetch(
                "tasks",
                queryset=with_overdue(visible.select_related("unit"), today).order_by("unit__name"),
                to_attr="visible_tasks",
            )
        )
        .order_by(F("session__date").desc(nulls_last=True), "order", "id")
    )
    return LeaderPage(
        person=person,
        directives=directives,
        counts=state_counts(visible.filter(directive__issuer=person), today),
    )
