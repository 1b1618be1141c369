"""Reads on tasks for the pages: inbox, work list, register, directive, task, unit, leader.

Every function starts from the gatekeeper's querysets (``access.tasks_visible_to`` ...), so a
page can only show what its user may see. "Quá hạn" is derived here from the deadline and
``today`` (``timezone.localdate()`` unless given), never read from a stored column.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar, overload

from django.core.paginator import Paginator
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, NullIf, RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chidao.meetings.models import Directive, Session
from chidao.organisation.access import (
    can_read_province,
    is_leader,
    is_officer,
    person_of,
    province_code_of,
)
from chidao.organisation.models import Person, Unit
from chidao.organisation.users import RequestUser
from chidao.search.engine import directive_holds, directive_ids, words
from chidao.tasks import access, outcomes

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

from chidao.tasks.models import (
    CLOSED_STATES,
    OPEN_STATES,
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
    return Q(deadline__lt=_today(today), state__in=OPEN_STATES)


def due_soon_q(today: dt.date | None = None, days: int = DUE_SOON_DAYS) -> Q:
    """Open tasks due between ``today`` and ``today + days`` (inclusive)."""
    today = _today(today)
    return Q(
        deadline__gte=today, deadline__lte=today + dt.timedelta(days=days), state__in=OPEN_STATES
    )


def with_overdue(
    tasks: QuerySet[Task], today: dt.date | None = None
) -> QuerySet[WithAnnotations[Task, Overdue]]:
    """Annotate each task with ``overdue`` (bool), computed in the database for ``today``."""
    return tasks.annotate(
        overdue=Case(
            When(overdue_q(today), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def _rows(tasks: QuerySet[T]) -> QuerySet[T]:
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

PAGE_SIZE = 50

T = TypeVar("T", bound=Task)  # a task, maybe with annotations


class Overdue(TypedDict):
    """What :func:`with_overdue` annotates."""

    overdue: bool


class InboxFields(TypedDict):
    """What the inbox annotates on each task (:func:`inbox`), besides ``overdue`` and
    ``last_decision`` (:func:`with_overdue`, :func:`with_returned`)."""

    section: str
    returned: bool


if TYPE_CHECKING:
    OverdueTask = WithAnnotations[Task, Overdue]
    InboxTask = WithAnnotations[Task, InboxFields]


@dataclass
class InboxSection:
    key: str
    label: Any
    tasks: list[InboxTask]
    count: int

    @property
    def empty(self) -> bool:
        return not self.count


@dataclass
class Inbox:
    """The officer's inbox, ranked: overdue, due soon, new, returned by the office, in
    progress, waiting for the office, done. Each task is in exactly one section."""

    sections: list[InboxSection]
    page: Any = None  # the Paginator page when one section is shown
    returned: list[InboxTask] = field(default_factory=list)  # with ``return_note``: shown first

    def section(self, key: str) -> InboxSection:
        return next(s for s in self.sections if s.key == key)

    @property
    def counts(self) -> dict[str, int]:
        return {s.key: s.count for s in self.sections}

    @property
    def overdue(self) -> list[InboxTask]:
        return self.section("overdue").tasks

    @property
    def due_soon(self) -> list[InboxTask]:
        return self.section("due_soon").tasks

    @property
    def waiting(self) -> list[InboxTask]:
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


def inbox_section_of(task: WithAnnotations[Task, Overdue], today: dt.date) -> str:
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


SECTION_SHOWN = 20  # rows a section shows on the whole inbox; ``?section=`` pages through all


def section_of(today: dt.date) -> Case:
    """The inbox section of each task as a database expression (same rules as
    ``inbox_section_of``); needs ``with_returned``."""
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    return Case(
        When(state__in=CLOSED_STATES, then=Value("done")),
        When(state__in=WAITING_ON_OFFICE, then=Value("waiting")),
        When(overdue_q(today), then=Value("overdue")),
        When(deadline__lte=soon, then=Value("due_soon")),
        When(state=TaskState.NEW, then=Value("new")),
        When(last_decision=EventKind.COMPLETION_RETURNED, then=Value("returned")),
        default=Value("in_progress"),
        output_field=CharField(),
    )


def _section_counts(tasks: QuerySet[Task], today: dt.date) -> dict[str, int]:
    """How many of ``tasks`` each inbox section holds (``section_of``), in one statement: each
    section but two a condition on the state and the deadline, counted from the index on
    unit, state and deadline alone; the open tasks past all of them are "returned" when their
    latest completion event says so (the one count that reads the history, for those tasks
    only) and "in progress" otherwise. Grouping by ``section_of`` read every task of the unit
    from the table (11,700 at the busiest commune of 300,000 tasks)."""
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    acting = [s for s in OPEN_STATES if s not in WAITING_ON_OFFICE]
    later = Q(deadline__gt=soon) | Q(deadline__isnull=True)
    rest = Q(state__in=[s for s in acting if s != TaskState.NEW]) & later
    done, waiting, overdue, due_soon, new, rest_n, returned = capped_counts(
        [
            tasks.filter(state__in=CLOSED_STATES),
            tasks.filter(state__in=WAITING_ON_OFFICE),
            tasks.filter(state__in=acting, deadline__lt=today),
            tasks.filter(state__in=acting, deadline__gte=today, deadline__lte=soon),
            tasks.filter(Q(state=TaskState.NEW) & later),
            tasks.filter(rest),
            with_returned(tasks.filter(rest)).filter(
                Q(last_decision=EventKind.COMPLETION_RETURNED)
            ),
        ]
    )
    found = {
        "overdue": overdue,
        "due_soon": due_soon,
        "new": new,
        "returned": returned,
        "in_progress": rest_n - returned,
        "waiting": waiting,
        "done": done,
    }
    return {key: n for key, n in found.items() if n}


def _section_hint(key: str, today: dt.date) -> Q:
    """A condition every task of section ``key`` meets, on the indexed columns (unit, state,
    deadline): the section's rows are then read through the index, and ``section_of`` (with
    its subquery on the history) is computed only for them."""
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    return {
        "done": Q(state__in=CLOSED_STATES),
        "waiting": Q(state__in=WAITING_ON_OFFICE),
        "overdue": Q(deadline__lt=today, state__in=OPEN_STATES),
        "due_soon": Q(deadline__gte=today, deadline__lte=soon, state__in=OPEN_STATES),
        "new": Q(state=TaskState.NEW),
    }.get(key, Q(state__in=OPEN_STATES))


def inbox(
    user: RequestUser,
    today: dt.date | None = None,
    *,
    section: str = "",
    page: Any = None,
    shown: int = SECTION_SHOWN,
) -> Inbox:
    """Rank the user's tasks into the inbox sections, in the database.

    The counts of every section come from one grouped query; each section then reads its
    first ``shown`` rows (returned reports first, then by deadline; done: the latest first).
    With ``section``, only that section's rows are read, a page of ``PAGE_SIZE`` at a time
    (``page``), and ``Inbox.page`` is the Paginator's page.
    """
    today = _today(today)
    base = with_returned(with_overdue(access.tasks_visible_to(user), today)).annotate(
        section=section_of(today),
        returned=Case(
            When(
                ~Q(state__in=CLOSED_STATES) & Q(last_decision=EventKind.COMPLETION_RETURNED),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        ),
    )
    counts = _section_counts(access.tasks_visible_to(user), today)
    keys = [key for key, _label in INBOX_SECTIONS]
    wanted = [section] if section in keys else keys
    sections = []
    result_page = None
    for key, label in INBOX_SECTIONS:
        count = counts.get(key, 0)
        rows: list[InboxTask] = []
        if key in wanted and count:
            order: list[Any] = [F("deadline").asc(nulls_last=True), "id"]
            if key == "done":
                order = [F("completed_at").desc(nulls_last=True), "-updated_at", "-id"]
            elif key not in ("returned", "in_progress"):  # there, every row is or is not
                order.insert(0, "-returned")  # returned: no second look at the history a row
            # the section's ids in order, on the tasks alone; then those rows with their
            # directive, session and issuer (joined before the sort, they were joined for
            # every task of the section: the 6,500 done tasks of a busy commune)
            ids = base.filter(_section_hint(key, today), section=key).order_by(*order)

            def read(chosen: QuerySet[Any], order: list[Any] = order) -> list[InboxTask]:
                return list(_rows(base.filter(pk__in=chosen)).order_by(*order))

            if section in keys:
                paginator = Paginator(ids.values("pk"), PAGE_SIZE)
                paginator.count = count  # known already: no second COUNT
                result_page = paginator.get_page(page)
                rows = read(result_page.object_list)  # type: ignore[arg-type]
                result_page.object_list = rows  # type: ignore[assignment]
            else:
                rows = read(ids.values("pk")[:shown])
        sections.append(InboxSection(key=key, label=label, tasks=rows, count=count))
    returned: list[InboxTask] = []
    if section not in keys:  # the whole inbox: the returned reports first, with the note
        # each open section reads its returned reports first: they are among its rows
        returned = [t for s in sections if s.key != "done" for t in s.tasks if t.returned]
    if returned:
        notes = dict(
            TaskEvent.objects.filter(task__in=returned, kind=EventKind.COMPLETION_RETURNED)
            .order_by("at", "id")
            .values_list("task_id", "note")
        )
        for task in returned:
            task.return_note = notes.get(task.pk, "")
    return Inbox(sections=sections, page=result_page, returned=returned)


# ---------------------------------------------------------------- work list (office)


WORKLIST_SHOWN = 20  # rows a work list section shows; its "see all" opens the register
UNITS_SHOWN = 10  # units with the most overdue tasks shown on the work list
ROWS_PER_UNIT = 5  # their most overdue tasks shown


@dataclass
class Worklist:
    """What needs the office now: the first rows of each section and the full counts
    (computed in the database); every section links to the register for the rest."""

    to_confirm: list[OverdueTask]
    extension_requests: list[OverdueTask]
    overdue_by_unit: OrderedDict[Unit, list[Task]]
    due_soon: list[OverdueTask]
    counts: dict[str, int] = field(default_factory=dict)
    overdue_per_unit: dict[int, int] = field(default_factory=dict)
    today: dt.date | None = None

    @property
    def overdue_groups(self) -> list[tuple[Unit, int, list[Task]]]:
        """(unit, its overdue count, its most overdue tasks) for the page."""
        return [
            (u, self.overdue_per_unit.get(u.pk, len(ts)), ts)
            for u, ts in self.overdue_by_unit.items()
        ]


def worklist(
    user: RequestUser, today: dt.date | None = None, shown: int = WORKLIST_SHOWN
) -> Worklist:
    """Completions to confirm, extension requests (with the requested date), the units with
    the most overdue tasks (their most overdue first), tasks due soon: at most ``shown`` rows
    a section and a fixed number of queries whatever the province's size."""
    today = _today(today)
    tasks = access.tasks_visible_to(user)
    soon_open = due_soon_q(today) & ~Q(state__in=WAITING_ON_OFFICE)
    # every figure is of open tasks, each a range of ``task_by_state_deadline`` counted in
    # one statement (one aggregate with a filter a figure reads every open task of the
    # province); the overdue ones are the sum of the overdue tasks per unit, read below
    n_confirm, n_requests, n_soon = capped_counts(
        [
            tasks.filter(state=TaskState.AWAITING_CONFIRMATION),
            tasks.filter(state=TaskState.EXTENSION_REQUESTED),
            tasks.filter(soon_open & ~overdue_q(today)),
        ]
    )
    counts = {"to_confirm": n_confirm, "extension_requests": n_requests, "due_soon": n_soon}
    by_deadline = (F("deadline").asc(nulls_last=True), "id")
    rows = with_overdue(_rows(tasks), today)
    to_confirm = list(
        rows.filter(state=TaskState.AWAITING_CONFIRMATION).order_by(*by_deadline)[:shown]
    )
    requests = list(rows.filter(state=TaskState.EXTENSION_REQUESTED).order_by(*by_deadline)[:shown])
    pending: dict[int, ExtensionRequest] = {}
    if requests:
        for request in ExtensionRequest.objects.filter(
            task__in=[t.pk for t in requests], status=ExtensionStatus.PENDING
        ).order_by("at"):
            pending[request.task_id] = request
    for task in requests:
        task.pending_request = pending.get(task.pk)
    due_soon = list(rows.filter(soon_open & ~overdue_q(today)).order_by(*by_deadline)[:shown])
    # overdue tasks per unit, ranked here: most overdue first, then by the unit's name;
    # ``COUNT(*)``, not of the ids: the state, deadline and unit of each overdue task are read
    # from ``task_by_state_deadline`` alone (PostgreSQL reads the table for an id)
    overdue_counts = list(
        tasks.filter(overdue_q(today))
        .order_by()
        .values("unit", "unit__name")
        .annotate(n=Count("*"))
        .values_list("unit", "unit__name", "n")
    )
    counts["overdue"] = sum(n for _unit, _name, n in overdue_counts)
    counts["overdue_units"] = len(overdue_counts)
    overdue_counts.sort(key=lambda row: (-row[2], row[1]))
    top = [(unit, n) for unit, _name, n in overdue_counts[:UNITS_SHOWN]]
    per_unit = dict(top)
    by_unit: OrderedDict[Unit, list[Task]] = OrderedDict()
    if top:
        # the first ROWS_PER_UNIT of each unit, numbered on ids alone (no join a row, through
        # the index), then those rows read by id
        ranked = (
            tasks.filter(overdue_q(today), unit__in=list(per_unit))
            .annotate(
                rank_in_unit=Window(
                    RowNumber(),
                    partition_by=[F("unit_id")],
                    order_by=[F("deadline").asc(), F("id").asc()],
                )
            )
            .filter(rank_in_unit__lte=ROWS_PER_UNIT)
            .values_list("pk", flat=True)
        )
        found: dict[int, list[Task]] = {}
        units: dict[int, Unit] = {}
        # the ids first: as a subquery, PostgreSQL's planner expects thousands of them and
        # reads every task of the province to join them
        for task in rows.filter(pk__in=list(ranked)):
            found.setdefault(task.unit_id, []).append(task)
            units[task.unit_id] = task.unit
        for unit_id, _n in top:
            by_unit[units[unit_id]] = sorted(found[unit_id], key=lambda t: (t.deadline, t.pk))
    return Worklist(
        to_confirm=to_confirm,
        extension_requests=requests,
        overdue_by_unit=by_unit,
        due_soon=due_soon,
        counts=counts,
        overdue_per_unit=per_unit,
        today=today,
    )


# ---------------------------------------------------------------- register


SORTS = {
    # a total order on stored columns of the task (one task per directive and unit), so the
    # index ``task_by_session_date`` gives the newest page, or a deep one, without a sort
    "date": ("session_date", "directive_id", "unit_id"),
    "deadline": ("deadline", "unit__name"),
    "leader": ("leader_name", "session_date", "unit__name"),
    "state": ("state", "deadline"),  # by state in the order of the work: see ``_segments``
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
    outcome: str = ""  # one of ``outcomes.KEYS``: the dashboard's classes
    q: str = ""
    sort: str = "-date"
    errors: dict[str, str] = field(default_factory=dict)


def _register_filtered(
    user: RequestUser, filters: RegisterFilters, today: dt.date
) -> QuerySet[Task]:
    """The register's rows that ``user`` may see, filtered (no order, no annotations)."""
    tasks = access.tasks_visible_to(user)
    if filters.leader:
        tasks = tasks.filter(issuer_id=filters.leader)  # the directive's, stored on the task
    if filters.unit:
        tasks = tasks.filter(unit_id=filters.unit)
    if filters.state == OVERDUE:
        tasks = tasks.filter(overdue_q(today))
    elif filters.state:
        tasks = tasks.filter(state=filters.state)
    date_field = "deadline" if filters.period == "deadline" else "session_date"
    if filters.date_from:
        tasks = tasks.filter(**{f"{date_field}__gte": filters.date_from})
    if filters.date_to:
        tasks = tasks.filter(**{f"{date_field}__lte": filters.date_to})
    if filters.topic:
        tasks = tasks.filter(topic=filters.topic)  # the directive's, stored on the task
    if filters.role:
        tasks = tasks.filter(role=filters.role)
    if filters.outcome in outcomes.KEYS:
        tasks = outcomes.of_outcome(tasks, filters.outcome, today)
    if filters.q.strip():
        tasks = task_search(tasks, filters.q)
    return tasks


def _register_order(filters: RegisterFilters) -> tuple[list[Any], list[str]]:
    """The ORDER BY of the register inside one segment, and the annotations it needs."""
    key = filters.sort.lstrip("-")
    fields = SORTS.get(key, SORTS["date"])
    descending = filters.sort.startswith("-")
    if key == "date" or key not in SORTS:  # every key reversed: one index, read backwards
        # undated last both ways; the ids, never null, without NULLS LAST when descending:
        # PostgreSQL's index of that order (tasks 0004) has ``directive_id DESC`` (nulls first),
        # and "DESC NULLS LAST" on them made it sort each date's rows after its index read
        # (the 10,000 ids of a search at 300,000 tasks: 33 ms, 16 ms in the index's order)
        nullable = {f for f in fields if getattr(Task._meta.get_field(f), "null", True)}
        order: list[Any] = [
            F(f).asc(nulls_last=True)
            if not descending
            else F(f).desc(nulls_last=True)
            if f in nullable
            else F(f).desc()
            for f in fields
        ]
        return order, []
    if key == "state":  # the state is the segment (``_segments``): by deadline inside it
        return [F("deadline").asc(nulls_last=True), "id"], []
    first = F(fields[0]).desc(nulls_last=True) if descending else F(fields[0]).asc(nulls_last=True)
    order = [first, *(F(f).asc(nulls_last=True) for f in fields[1:]), "id"]
    return order, ["leader_name"] if key == "leader" else []


@dataclass(frozen=True)
class Segment:
    """One stretch of the register: its condition, and what it is made of (``own``: the
    leader's own directives or the others; ``state``: one state), for the counts."""

    q: Q
    own: bool | None = None
    state: str = ""


def _segments(user: RequestUser, filters: RegisterFilters) -> tuple[list[Segment], Person | None]:
    """The register's rows come in segments, one after the other, each in ``_register_order``:
    a leader's own directives first, then the others; sorted by state, one segment a state
    in the order of the work. Each segment is read through an index, never sorted whole.
    Returns the segments and the leader whose directives come first (None: no such split)."""
    person = person_of(user) if is_leader(user) else None
    own: list[Segment] = [Segment(Q())]
    if person is not None:  # a leader sees their own directives first
        own = [
            Segment(Q(issuer=person), own=True),  # the directive's issuer, stored on the task
            Segment(~Q(issuer=person), own=False),
        ]
    if filters.sort.lstrip("-") != "state":
        return own, person
    states = list(TaskState)
    if filters.sort.startswith("-"):
        states.reverse()
    return [
        Segment(o.q & Q(state=s.value), own=o.own, state=s.value) for o in own for s in states
    ], person


def capped_counts(querysets: list[QuerySet[Any]], cap: int = 0) -> list[int]:
    """How many rows each of ``querysets`` holds, every count in one statement
    (``SELECT (SELECT COUNT(*) FROM (... LIMIT cap)), ...``); ``cap``: count each no further
    than ``cap`` rows (0: every row), so a count reads at most ``cap`` index entries whatever
    the size of the province."""
    parts: list[str] = []
    params: list[Any] = []
    found = [0] * len(querysets)
    asked: list[int] = []
    for i, rows in enumerate(querysets):
        rows = rows.order_by().values("pk")
        if rows.query.is_empty():  # ``none()``: no SQL to run
            continue
        sql, values = (rows[:cap] if cap else rows).query.sql_with_params()
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted{i})")
        params.extend(values)
        asked.append(i)
    if parts:
        with connections[querysets[0].db].cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)
            for i, n in zip(asked, cursor.fetchone(), strict=True):
                found[i] = int(n)
    return found


def _segment_counts(
    tasks: QuerySet[Task], segments: list[Segment], person: Person | None, cap: int = 0
) -> list[int]:
    """How many rows each segment holds, in one statement (``capped_counts``): the rows of
    each state (sorted by state) or all of them, and when a leader's own directives come first
    the same of the leader's own alone (through ``task_by_issuer_session``), the others being
    the difference. Each an index scan; counting "the others" directly would read every row
    of a leader who issued most directives.

    ``cap``: count each no further than ``cap`` rows. A segment's count is then exact, or at
    least what the pages before ``cap`` reach: a capped count, or the others' lower bound
    (every row capped minus the leader's own), comes where the rows before it and it reach
    ``cap`` (the leader's own segments precede the others')."""
    states = list(dict.fromkeys(s.state for s in segments))
    split = person is not None and any(s.own is not None for s in segments)
    mine = tasks.filter(issuer=person) if split else tasks.none()
    found = capped_counts(
        [
            *(tasks.filter(state=st) if st else tasks for st in states),
            *((mine.filter(state=st) if st else mine) for st in states if split),
        ],
        cap,
    )
    every = dict(zip(states, found, strict=False))
    own = dict(zip(states, found[len(states) :], strict=False))
    counts = []
    for s in segments:
        n = every[s.state]
        if s.own is True:
            n = own[s.state]
        elif s.own is False:
            n -= own[s.state]
        counts.append(max(0, n))  # capped: the leader's own may fill the cap alone
    return counts


def _leader_name(tasks: QuerySet[Task]) -> QuerySet[Task]:
    return tasks.annotate(
        leader_name=Coalesce(
            NullIf("directive__issuer__full_name", Value("")), "directive__issuer_name"
        )
    )


def register(
    user: RequestUser, filters: RegisterFilters, today: dt.date | None = None
) -> QuerySet[Task]:
    """The register's rows (one per task) that ``user`` may see, filtered and sorted (all of
    them: the export; the page reads ``register_page``).

    Free text goes through the search index (``chidao.search``), in the database: every word,
    without diacritics or tone placement ("thieu hoa" finds "Thiệu Hóa"), in the directive,
    its session title, its issuer or topic, or the unit's name.
    """
    today = _today(today)
    tasks = _leader_name(with_overdue(_rows(_register_filtered(user, filters, today)), today))
    order, _annotations = _register_order(filters)
    segments, _person = _segments(user, filters)
    if len(segments) > 1:
        tasks = tasks.annotate(
            segment=Case(
                *(When(s.q, then=Value(i)) for i, s in enumerate(segments)), default=Value(99)
            )
        )
        order.insert(0, F("segment").asc())
    return tasks.order_by(*order)


REGISTER_MAX_ROWS = 10_000
"""The rows of a filtered register one can page through (200 pages of 50): past them, the
filters or the reversed order bring the rest to the front (page 3,000 of the register is no
one's way to a task; the filters and the reversed order are), and no page reads deeper than
this in an index."""


SEARCH_MAX_ROWS = 2_000
"""The rows of a register searched by words one can page through (40 pages of 50), and the
count's cap ("Hơn 2.000 nhiệm vụ"): a search is a way to a few tasks, refined by more words
or the filters when it finds thousands. PostgreSQL reads the ids of every row the pages reach
in order, by walking the order's index past the rows that do not match: "thieu hoa" at
300,000 tasks matches one task in ten, so its 10,001 first rows were 99,000 index entries
(about 25 ms of the page on a quiet machine), 2,001 are 20,000."""


class RegisterPaginator(Paginator):
    """Pages of the register read segment by segment, with the count of every segment from
    one query: a page is one or two indexed reads of 50 ids, then the 50 rows by id.

    ``count`` is every matching row, or at least ``count`` when ``capped`` (the count
    stopped there, past the rows the pages reach); the pages stop at ``max_pages``
    (``bounded`` says the last page is not the last row): a page number beyond gives the
    last page."""

    def __init__(
        self,
        segments: list[tuple[QuerySet[Task] | list[int], int]],
        per_page: int,
        *,
        max_pages: int = 0,
        capped: bool = False,
    ) -> None:
        super().__init__([], per_page)
        self.segments = segments
        self.count = sum(n for _qs, n in segments)
        self.max_pages = max_pages
        self.capped = capped

    @property
    def num_pages(self) -> int:
        pages = max(1, -(-self.count // self.per_page))
        return min(pages, self.max_pages) if self.max_pages else pages

    @property
    def reach(self) -> int:
        """How many rows the pages reach."""
        return min(self.count, self.num_pages * self.per_page)

    @property
    def bounded(self) -> bool:
        """More rows match than the pages reach."""
        return self.reach < self.count

    def page(self, number: Any) -> Any:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        ids: list[int] = []
        start = 0
        for qs, n in self.segments:
            end = start + n
            if n and end > bottom and start < top:
                lo, hi = max(bottom, start) - start, min(top, end) - start
                rows = qs if isinstance(qs, list) else qs.values_list("pk", flat=True)
                ids += list(rows[lo:hi])
            start = end
        # Paginator._get_page (Django's hook for a page of given rows) is not in django-stubs
        return self._get_page(ids, number, self)  # type: ignore[attr-defined]


def register_page(
    user: RequestUser,
    filters: RegisterFilters,
    page: Any = None,
    today: dt.date | None = None,
    *,
    size: int = PAGE_SIZE,
    max_rows: int | None = None,
) -> Any:
    """One page of ``register(user, filters)`` (the same rows in the same order), as a
    Paginator page whose ``object_list`` holds the tasks with their unit, directive,
    session, issuer and overdue flag. Pages reach the first ``max_rows`` rows (by default
    ``SEARCH_MAX_ROWS`` for a search by words, ``REGISTER_MAX_ROWS`` otherwise; 0: all).

    Counts come from one statement over the filtered rows (no join for the order) and stop
    one row past what the pages reach (``paginator.capped``: "more than 10,000"): counting
    the 300,000 tasks of a province, or every task holding a common word, reads every row
    (60 ms on PostgreSQL) to print a figure no page reaches. The page's ids are read through
    the order's index (``OFFSET`` on ids only), then its rows by id.
    """
    today = _today(today)
    if max_rows is None:
        max_rows = SEARCH_MAX_ROWS if words(filters.q) else REGISTER_MAX_ROWS
    max_pages = -(-max_rows // size) if max_rows else 0
    tasks = _register_filtered(user, filters, today)
    order, annotations = _register_order(filters)
    segments, person = _segments(user, filters)
    cap = max_rows + 1 if max_rows else 0
    ordered = _leader_name(tasks) if "leader_name" in annotations else tasks
    runs: list[tuple[QuerySet[Task] | list[int], int]]
    if cap and filters.q.strip() and len(segments) <= 2 and connection.vendor == "postgresql":
        # free text on PostgreSQL: the ids of every row the pages reach, in order, one query
        # a segment (the leader's own, then the others), which is also the count. A count
        # and a page each matched the words again, and there matching a word recomputes the
        # text vector of every directive the index proposes ("thieu hoa" at 300,000 tasks:
        # 10,000 directives holding both words, 62,000 holding "hoa" for the units named
        # "Thiệu ..."; on a busy machine, count 290-370 ms and page 210-230 ms, the walk
        # 270-340 ms). Not on SQLite: its full-text lists are cheap, its count reads them as
        # sets, and a walk in order tests row by row (the same walk: 700 ms).
        runs, left = [], cap
        for s in segments:
            reached = (
                list(ordered.filter(s.q).order_by(*order).values_list("pk", flat=True)[:left])
                if left
                else []
            )
            runs.append((reached, len(reached)))
            left -= len(reached)
    else:
        counts = _segment_counts(tasks, segments, person, cap)
        runs = [
            (ordered.filter(s.q).order_by(*order), n) for s, n in zip(segments, counts, strict=True)
        ]
    paginator = RegisterPaginator(
        runs, size, max_pages=max_pages, capped=bool(cap) and sum(n for _r, n in runs) >= cap
    )
    shown = paginator.get_page(page)
    ids = list(shown.object_list)
    found = {t.pk: t for t in with_overdue(_rows(Task.objects.filter(pk__in=ids)), today)}
    shown.object_list = [found[pk] for pk in ids if pk in found]
    return shown


PROBE_TASKS = 5_000
"""PostgreSQL: a group of units whose names hold some of the words, with at most this many
tasks, has its directives probed row by row for the words they lack (``directive_holds``, a
few µs a row) rather than listed (``directive_ids``): the probes cost less than any list."""

PROBE_MAX = 30_000
"""PostgreSQL: a larger group, of at most this many tasks, is probed when the list of the
directives holding the words it lacks is estimated to be at least ``PROBE_COST`` times its
tasks (the planner's estimate, one ``EXPLAIN`` a group): a probe costs about as much as three
directives listed, and the register may test every task of the group (``PROBE_COST``)."""

PROBE_COST = 3


def task_search(tasks: QuerySet[Task], text: str) -> QuerySet[Task]:
    """``tasks`` whose every word of ``text`` is in their directive (its text, issuer, topic,
    session title: the search index) or in their unit's name; computed in the database.

    A task matches when its directive holds every word its unit's name lacks. So the units
    whose names hold some of the words are read first (one query on the units), grouped by
    the words they hold, and the condition is: the directive holds every word (one full-text
    match of all of them), or the unit is in a group and the directive holds the words that
    group lacks. "thieu hoa" is the directives holding both words, or the tasks of the units
    named "... Thiệu Hóa" (nothing lacking), or those of a unit named "... Thiệu ..." whose
    directive holds "hoa" ...: a match of each word alone, intersected row by row, read the
    60,000 directives holding "hoa" at 300,000 tasks whatever the units.

    A group's lacking words are a list of directive ids (``directive_ids``) read once; on
    PostgreSQL, a group with few tasks, or few beside the directives the list would read
    (``_probed_groups``: one more query counts the groups' tasks, when a group lacks words),
    probes each of its rows' directive instead (``directive_holds``): the register's walk
    tests the few rows of "Thiệu ..." units it meets (600 at 300,000 tasks), where the list of
    "hoa" read 62,000 directives (30 ms).
    """
    found = words(text)
    if not found:
        return tasks
    named = Q()
    for word in found:
        named |= Q(search_name__contains=word)
    groups: dict[tuple[str, ...], list[int]] = {}
    for pk, name in Unit.objects.filter(named).values_list("pk", "search_name"):
        held = tuple(w for w in found if w in name)
        if held:  # else a case-insensitive LIKE matched what the folded names never hold
            groups.setdefault(held, []).append(pk)
    lacking = {held: [w for w in found if w not in held] for held in groups}
    probed = _probed_groups(
        {held: (groups[held], lacking[held]) for held in groups if lacking[held]}
    )

    # a group's rows are read through the unit index, its directives only looked up: a
    # unary plus keeps the planner from reading a broad word's directives through theirs
    tasks = tasks.alias(
        looked_up=Func(F("directive_id"), template="+%(expressions)s", output_field=IntegerField())
    )
    condition = Q(directive_id__in=directive_ids(" ".join(found)))
    for held, units in groups.items():
        group = Q(unit_id__in=units)
        if not lacking[held]:
            condition |= group
        elif held in probed:
            condition |= group & Q(directive_holds(" ".join(lacking[held])))
        else:
            condition |= group & Q(looked_up__in=directive_ids(" ".join(lacking[held])))
    return tasks.filter(condition)


def _probed_groups(
    groups: dict[tuple[str, ...], tuple[list[int], list[str]]],
) -> set[tuple[str, ...]]:
    """The groups of ``task_search`` (their units and the words they lack) whose directives
    are probed row by row: on PostgreSQL, those of at most ``PROBE_TASKS`` tasks, and those of
    at most ``PROBE_MAX`` whose list is estimated at ``PROBE_COST`` times their tasks or more
    ("thanh hoa" at 300,000 tasks: the 14,600 tasks of the units named "... Hòa ..." probed
    for "thanh", where its list read 60,000 directives: 280 -> 110 ms on a busy machine;
    "hoa kenh": the same units' list of "kenh" is short, a probe of each would cost 80 ms
    more). The tasks are counted in one statement (each count stops past ``PROBE_MAX``).
    None on SQLite, whose lists are cheap (the directives' own full-text table, search 0004)
    and whose probe by rowid merges a prefix's words again for every row (3 ms a row for
    "hoa"* outside its prefix indexes)."""
    if connection.vendor != "postgresql" or not groups:
        return set()
    sizes = capped_counts(
        [Task.objects.filter(unit_id__in=units) for units, _words in groups.values()],
        PROBE_MAX + 1,
    )
    probed = set()
    for (held, (_units, lacking)), n in zip(groups.items(), sizes, strict=True):
        if n <= PROBE_TASKS or (
            n <= PROBE_MAX and _estimated_rows(directive_ids(" ".join(lacking))) >= PROBE_COST * n
        ):
            probed.add(held)
    return probed


def _estimated_rows(rows: QuerySet[Any] | RawSQL) -> float:
    """How many rows PostgreSQL's planner expects ``rows`` (a queryset, or a statement such as
    ``directive_ids``) to hold (``EXPLAIN``, not run)."""
    if isinstance(rows, RawSQL):
        sql, params, db = rows.sql, tuple(rows.params), DEFAULT_DB_ALIAS
    else:
        (sql, params), db = rows.query.sql_with_params(), rows.db
    with connections[db].cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        (plan,) = cursor.fetchone()
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return float(plan[0]["Plan"]["Plan Rows"])


def _in_use(candidates: QuerySet[Any], tasks: QuerySet[Task], key: str, *fields: str) -> list[Any]:
    """``fields`` of the ``candidates`` that some of ``tasks`` point to through ``key``
    (``unit``, ``issuer``): one probe per candidate, its first task's key read as a column
    (``LIMIT 1``, in the order of the index that starts with the key and then the session
    date, ``task_by_unit_session``, ``task_by_issuer_session``). Not an ``EXISTS``:
    PostgreSQL reads it as a semi-join or a hash of every task's key (the 300,000 tasks of a
    province, 60 ms for the units); and without the order, its planner may probe a leader
    through a scan of the tasks, which reads them all for a person without any (50 ms a
    person), where the index is a few pages whatever the person (hundreds of probes: 2 ms)."""
    probe = tasks.filter(**{key: OuterRef("pk")}).order_by("session_date").values(key)[:1]
    rows = candidates.annotate(first_task=Subquery(probe, output_field=IntegerField()))
    return [row[:-1] for row in rows.values_list(*fields, "first_task") if row[-1] is not None]


def _topics() -> list[str]:
    """The directives' topics, each once: one probe of the topic index per topic (a
    recursive ``MIN(topic) WHERE topic > previous``), where a ``DISTINCT`` reads the index
    of every directive on PostgreSQL (100,000 entries: 5-15 ms; 0.3 ms this way)."""
    ops = connection.ops
    table, column = ops.quote_name(Directive._meta.db_table), ops.quote_name("topic")
    statement = (
        f"WITH RECURSIVE found (topic) AS (SELECT MIN({column}) FROM {table} WHERE {column} > %s"
        f" UNION ALL SELECT (SELECT MIN({column}) FROM {table} WHERE {column} > found.topic)"
        " FROM found WHERE found.topic IS NOT NULL) SELECT topic FROM found WHERE topic IS NOT NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [""])
        return [topic for (topic,) in cursor.fetchall()]


_PROBED = "\x00probed"  # the value a probe is compiled with, then swapped (``_held``)


def _held(tasks: QuerySet[Task], field: str, values: list[str]) -> list[str]:
    """The ``values`` some of ``tasks`` hold in ``field``, in one statement of one probe a
    value (``SELECT EXISTS(...), EXISTS(...) ...``, each through the index that starts with
    ``field``). The probe is compiled once, its value swapped in the parameters: an ``Exists``
    compiled a value cost 5 ms of Python for the 12 topics of a province, on every page of the
    register, and Django's ``annotate`` put them beside a sorted join of every directive."""
    probe = tasks.filter(**{field: _PROBED}).order_by().values("pk")[:1]
    if not values or probe.query.is_empty():
        return []
    sql, params = probe.query.sql_with_params()
    at = params.index(_PROBED)
    statement = "SELECT " + ", ".join(f"EXISTS({sql})" for _value in values)
    with connections[probe.db].cursor() as cursor:
        cursor.execute(statement, [p for v in values for p in (*params[:at], v, *params[at + 1 :])])
        found = cursor.fetchone()
    return [v for v, yes in zip(values, found, strict=True) if yes]


def register_choices(user: RequestUser) -> dict[str, list[Any]]:
    """The values offered by the register's filters: leaders and units in use as (pk, name)
    pairs, topics in use, and the states, roles and outcomes as (value, label) pairs.

    Each a probe per candidate (``EXISTS`` through an index: the leaders through the issuer
    stored on the task, ``task_by_issuer_session``), never a scan of the tasks: a province
    has hundreds of units and leaders, tens of topics and 300,000 tasks. Only the tasks
    ``user`` sees are probed: an officer is offered their own unit, and the leaders and
    topics of their own tasks.
    """
    tasks = access.tasks_visible_to(user)
    leaders = _in_use(Person.objects.order_by("full_name"), tasks, "issuer", "pk", "full_name")
    units = _in_use(Unit.objects.order_by("name"), tasks, "unit", "pk", "name")
    topics = _topics()
    used = _held(tasks, "topic", topics)
    return {
        # (pk, name) pairs, not model instances: a province offers hundreds of units
        "leaders": leaders,
        "units": units,
        "topics": sorted(used),
        "states": [(s.value, s.label) for s in TaskState],
        "roles": list(TaskRole.choices),
        "outcomes": list(outcomes.CLASSES),
    }


# ---------------------------------------------------------------- directive, task


def directive_tasks(
    user: RequestUser, directive: Directive, today: dt.date | None = None
) -> list[Task]:
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
    page: Any = None

    @property
    def completion_rate(self) -> int | None:
        """Share of the unit's tasks that are done (%), None without tasks."""
        total = self.counts.get("total", 0)
        return round(100 * self.counts.get(TaskState.DONE.value, 0) / total) if total else None


def unit_dashboard(
    user: RequestUser, unit: Unit, today: dt.date | None = None, *, page: Any = None
) -> UnitDashboard:
    """A unit's tasks (visible to ``user``) by state, its overdue count and completion rate;
    the tasks a page of ``PAGE_SIZE`` at a time (open first, then by deadline)."""
    tasks = access.tasks_visible_to(user).filter(unit=unit)
    rows = with_overdue(_rows(tasks), today).order_by(
        Case(When(state__in=CLOSED_STATES, then=Value(1)), default=Value(0)),
        F("deadline").asc(nulls_last=True),
        "id",
    )
    counts = state_counts(tasks, today)
    paginator = Paginator(rows, PAGE_SIZE)
    paginator.count = counts["total"]  # known already: no second COUNT
    shown = paginator.get_page(page)
    return UnitDashboard(unit=unit, counts=counts, tasks=list(shown.object_list), page=shown)


LEADER_PAGE_SIZE = 20
LEADER_SHOWS = ("", OVERDUE, "open", "done")


class _Runs:
    """Sliceable runs of directive ids read one after the other (the overdue directives, then
    the others), each a query ordered newest first: a page reads at most two short slices of
    ids, never every directive of the leader sorted by a flag."""

    def __init__(self, runs: list[tuple[QuerySet[Directive], int]]) -> None:
        self.runs = runs  # (query, how many rows it has)

    def count(self) -> int:
        return sum(n for _query, n in self.runs)

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[int]:
        return iter(self[0 : self.count()])

    @overload
    def __getitem__(self, key: int) -> int: ...
    @overload
    def __getitem__(self, key: slice) -> list[int]: ...
    def __getitem__(self, key: int | slice) -> int | list[int]:
        if isinstance(key, int):
            return self[key : key + 1][0]
        lo, hi = key.start or 0, key.stop if key.stop is not None else self.count()
        out: list[int] = []
        for query, n in self.runs:
            if hi > 0 and lo < n:
                out += query.values_list("pk", flat=True)[max(lo, 0) : min(hi, n)]
            lo, hi = lo - n, hi - n
        return out


@dataclass
class LeaderPage:
    person: Person
    directives: list[Directive]
    counts: dict[str, int]
    page: Any = None
    show: str = ""
    directive_counts: dict[str, int] = field(default_factory=dict)


def leader_page(
    user: RequestUser,
    person: Person,
    today: dt.date | None = None,
    *,
    show: str = "",
    page: Any = None,
) -> LeaderPage:
    """What ``person`` directed (visible to ``user``), where, and what became of it: the
    directives with an overdue task first, then the newest; ``show`` keeps the directives
    with an overdue task, with an open task, or all closed; a page of
    ``LEADER_PAGE_SIZE`` directives at a time, each with its tasks and overdue flags."""
    from django.db.models import Prefetch

    today = _today(today)
    visible = access.tasks_visible_to(user)
    directives = access.issued_by(user, person)
    mine = visible.filter(directive=OuterRef("pk"))
    has_overdue = Exists(mine.filter(overdue_q(today)))
    has_open = Exists(mine.exclude(state__in=CLOSED_STATES))
    # the leader's tasks read once, through their stored issuer from ``task_by_issuer_state``
    # alone, with no join to the directives (with one, PostgreSQL read all 300,000 tasks:
    # 125 ms at 300k): the tasks per state and how many of the leader's directives (those
    # counted below) have an overdue / an open task. For the province's readers a task's
    # directive is tested the way ``access.in_province`` tests a unit: when no session is of
    # another province (an uncorrelated test, evaluated once) every directive is, and the
    # list of the leader's directives is never read
    code = province_code_of(user) if can_read_province(user) and not is_officer(user) else None
    listed_ids = Q(directive_id__in=directives.values("pk"))
    shown_here = (
        ~Exists(Session.objects.exclude(province_code=code)) | listed_ids if code else listed_ids
    )
    # (the unit counted: never empty, and in the index, unlike the primary key on PostgreSQL)
    counts = visible.filter(issuer=person).aggregate(
        **{state.value: Count("unit", filter=Q(state=state.value)) for state in TaskState},
        **{
            OVERDUE: Count("unit", filter=overdue_q(today)),
            "total": Count("unit"),
            "overdue_directives": Count(
                "directive", distinct=True, filter=overdue_q(today) & shown_here
            ),
            "open_directives": Count(
                "directive", distinct=True, filter=~Q(state__in=CLOSED_STATES) & shown_here
            ),
        },
    )
    total = directives.count()
    directive_counts = {
        "total": total,
        OVERDUE: counts.pop("overdue_directives"),
        "open": counts.pop("open_directives"),
    }
    directive_counts["done"] = total - directive_counts["open"]
    show = show if show in LEADER_SHOWS else ""
    # listed through the sessions newest first (the join stops after a page's rows), counted
    # through the issuer's index (``issued_by``): the same directives
    listed = access.directives_visible_to(user).filter(issuer=person)

    def newest(q: Any) -> QuerySet[Directive]:
        return listed.filter(q).order_by(F("session__date").desc(nulls_last=True), "order", "id")

    late, others = directive_counts[OVERDUE], total - directive_counts[OVERDUE]
    runs = {
        "": [(newest(has_overdue), late), (newest(~has_overdue), others)],
        OVERDUE: [(newest(has_overdue), late)],
        "open": [(newest(has_open), directive_counts["open"])],
        "done": [(newest(~has_open), directive_counts["done"])],
    }[show]
    paginator: Paginator[int] = Paginator(_Runs(runs), LEADER_PAGE_SIZE)
    shown = paginator.get_page(page)
    ids = list(shown.object_list)
    read = (
        listed.filter(pk__in=ids)
        .select_related("session")
        .prefetch_related(
            Prefetch(
                "tasks",
                queryset=with_overdue(visible.select_related("unit"), today).order_by("unit__name"),
                to_attr="visible_tasks",
            ),
            "session__localities",
        )
    )
    return LeaderPage(
        person=person,
        directives=sorted(read, key=lambda d: ids.index(d.pk)),
        counts=counts,
        page=shown,
        show=show,
        directive_counts=directive_counts,
    )
