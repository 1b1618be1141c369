"""The official classes of tasks, computed in the database: the one module that counts them.

Government reports on the follow-up of directives count tasks in five classes. The periodic
report (``documents.report``), the dashboard (``insight``), the register's ``outcome`` filter
and the unit dossier all class tasks here, with the same rules, as of one day ``as_of``
(today by default; the periodic report passes its period's last day):

- ``done_on_time``: done by ``as_of``, completed on or before its deadline. Done the day of
  the deadline is on time. **Done without a deadline is on time** (there was no deadline
  to miss), so every task done by ``as_of`` is in one of the two "done" classes and the
  five classes split the tasks without overlap;
- ``done_late``: done by ``as_of``, completed after its deadline;
- ``in_time``: not done by ``as_of``, deadline on ``as_of`` or later (in progress within
  the deadline);
- ``overdue``: not done by ``as_of``, deadline before ``as_of``;
- ``no_deadline``: not done by ``as_of`` and without a deadline.

"Done by ``as_of``": a task completed after that day counts as not done yet, so a report for
a past period reads as it did on its last day. The deadline is the one in force
(``Task.deadline``): an extended deadline counts from its new date. Outside the five:

- ``impossible``: reported impossible (closed without being done, the office may reopen it);
  counted in ``total`` and shown apart;
- ``cancelled``: cancelled with its withdrawn directive or deleted session; not a task any
  more, so in no class and not in ``total``.

Rates are percentages of ``total`` (one decimal), the way reports write them ("đã hoàn thành
40 nhiệm vụ (66,7%), trong đó đúng hạn 30 (50,0%)"); ``None`` when there is no task.

``outcome(as_of)`` is the class as a database expression, so a page, a report or an export
counts with ``outcome_counts`` / ``outcomes_by`` / ``outcomes_by_month`` and filters with
``of_outcome`` in one query each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypedDict

from django.db import connections
from django.db.models import (
    AutoField,
    CharField,
    Count,
    DateField,
    F,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models import Case as CaseExpr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chidao.tasks.models import Task, TaskState

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class OutcomeFields(TypedDict):
    """What :func:`with_outcome` annotates."""

    outcome: str
    done_on: dt.date | None


DONE_ON_TIME = "done_on_time"
DONE_LATE = "done_late"
IN_TIME = "in_time"
OVERDUE = "overdue"
NO_DEADLINE = "no_deadline"
IMPOSSIBLE = "impossible"
CANCELLED = "cancelled"

CLASSES: list[tuple[str, Any]] = [
    (DONE_ON_TIME, _("Hoàn thành đúng hạn")),
    (DONE_LATE, _("Hoàn thành quá hạn")),
    (IN_TIME, _("Đang thực hiện trong hạn")),
    (OVERDUE, _("Quá hạn, chưa hoàn thành")),
    (NO_DEADLINE, _("Không có thời hạn")),
]
IMPOSSIBLE_LABEL = _("Không thực hiện được")
# the classes counted in ``total``: the five and the impossible tasks
KEYS = [key for key, _label in CLASSES] + [IMPOSSIBLE]


# the classes as small numbers, for a statement that groups by the class (numbers compare
# and hash faster than words, 63,000 rows a year at 300,000 tasks)
CODES = {key: i for i, key in enumerate((*KEYS, CANCELLED))}


def outcome(as_of: dt.date | None = None, *, coded: bool = False) -> CaseExpr:
    """The class of each task on ``as_of`` (``timezone.localdate()`` by default); needs the
    ``done_on`` annotation of :func:`with_outcome`. ``coded``: the class's number in
    ``CODES`` instead of its name."""
    as_of = as_of or timezone.localdate()
    done_by_then = Q(state=TaskState.DONE, done_on__lte=as_of)

    def value(key: str) -> Value:
        return Value(CODES[key]) if coded else Value(key)

    return CaseExpr(
        When(state=TaskState.CANCELLED, then=value(CANCELLED)),
        When(
            done_by_then & (Q(deadline__isnull=True) | Q(done_on__lte=F("deadline"))),
            then=value(DONE_ON_TIME),
        ),
        When(done_by_then, then=value(DONE_LATE)),
        When(state=TaskState.IMPOSSIBLE, then=value(IMPOSSIBLE)),
        When(deadline__isnull=True, then=value(NO_DEADLINE)),
        When(deadline__lt=as_of, then=value(OVERDUE)),
        default=value(IN_TIME),
        output_field=IntegerField() if coded else CharField(),
    )


def with_outcome(
    tasks: QuerySet[Task], as_of: dt.date | None = None
) -> QuerySet[WithAnnotations[Task, OutcomeFields]]:
    """Annotate ``outcome`` (and ``done_on``, the local day of completion)."""
    return tasks.annotate(done_on=F("completed_on")).annotate(outcome=outcome(as_of))


def of_outcome(tasks: QuerySet[Task], key: str, as_of: dt.date | None = None) -> QuerySet[Task]:
    """The tasks of one class (``key`` one of ``KEYS`` or ``CANCELLED``) on ``as_of``."""
    return with_outcome(tasks, as_of).filter(outcome=key)


@dataclass(frozen=True)
class Outcomes:
    """How many tasks in each class, with the rates reports quote (percent of ``total``)."""

    done_on_time: int = 0
    done_late: int = 0
    in_time: int = 0
    overdue: int = 0
    no_deadline: int = 0
    impossible: int = 0
    cancelled: int = 0  # not in ``total``

    @cached_property  # the rankings sort hundreds of groups by rates of it
    def total(self) -> int:
        return sum(getattr(self, k) for k in KEYS)

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    def rate(self, value: int) -> float | None:
        """``value`` in percent of ``total``, one decimal; ``None`` without tasks."""
        return round(100 * value / self.total, 1) if self.total else None

    @property
    def done_rate(self) -> float | None:
        return self.rate(self.done)

    @property
    def on_time_rate(self) -> float | None:
        return self.rate(self.done_on_time)

    @property
    def overdue_rate(self) -> float | None:
        return self.rate(self.overdue)

    def items(self) -> list[tuple[str, Any, int]]:
        """(class, label, count) of the five classes, in the official order."""
        return [(key, label, getattr(self, key)) for key, label in CLASSES]

    def shares(self) -> list[tuple[str, str, int, float | None]]:
        """(class, label in the active language, count, percent of ``total``) of the five
        classes and the impossible tasks: the rows that add up to ``total``."""
        rows = [*self.items(), (IMPOSSIBLE, IMPOSSIBLE_LABEL, self.impossible)]
        return [(key, str(label), n, self.rate(n)) for key, label, n in rows]


def _counts(rows: dict[str, int]) -> Outcomes:
    return Outcomes(**{k: rows.get(k, 0) for k in (*KEYS, CANCELLED)})


def outcome_counts(tasks: QuerySet[Task], as_of: dt.date | None = None) -> Outcomes:
    """The classes of ``tasks`` on ``as_of`` (one query)."""
    rows = with_outcome(tasks, as_of).order_by().values("outcome").annotate(n=Count("pk"))
    return _counts({r["outcome"]: r["n"] for r in rows})


@dataclass
class Group:
    """The classes of the tasks of one unit, leader or field."""

    key: Any
    label: str
    outcomes: Outcomes


def _rank(g: Group) -> tuple[Any, ...]:
    o = g.outcomes
    on_time = o.on_time_rate if o.on_time_rate is not None else -1.0
    done = o.done_rate if o.done_rate is not None else -1.0
    return (-on_time, -done, -o.total, g.label)


def outcomes_by(
    tasks: QuerySet[Task],
    field: str,
    label_field: str,
    as_of: dt.date | None = None,
    *,
    order: str = "rate",
) -> list[Group]:
    """The classes per value of ``field`` (``unit``, ``directive__issuer``,
    ``directive__topic``) on ``as_of``, one query. ``order="rate"``: best on-time rate, then
    done rate, first; ``order="size"``: most tasks first (then the label), as reports list
    units."""
    rows = (
        with_outcome(tasks, as_of)
        .order_by()
        .values(field, label_field, "outcome")
        .annotate(n=Count("pk"))
    )
    groups: dict[Any, dict[str, Any]] = {}
    for r in rows:
        g = groups.setdefault(r[field], {"label": r[label_field] or "", "rows": {}})
        g["rows"][r["outcome"]] = r["n"]
    out = [Group(key=k, label=v["label"], outcomes=_counts(v["rows"])) for k, v in groups.items()]
    if order == "size":
        out.sort(key=lambda g: (-g.outcomes.total, g.label))
    else:
        out.sort(key=_rank)
    return out


def outcomes_by_each(
    tasks: QuerySet[Task],
    groupings: list[tuple[str, str]],
    as_of: dt.date | None = None,
) -> list[list[Group]]:
    """``outcomes_by(tasks, field, label_field)`` for each ``(field, label_field)`` of
    ``groupings``, read in one query grouped by all the fields together (the rows of the
    period are visited once, not once a ranking), each list ranked like ``outcomes_by``.
    Rows whose field is empty (no issuer, no topic) are left out of that grouping."""
    names = [n for pair in groupings for n in pair]
    rows = with_outcome(tasks, as_of).order_by().values(*names, "outcome").annotate(n=Count("pk"))
    found: list[dict[Any, dict[str, Any]]] = [{} for _ in groupings]
    for r in rows:
        for (field, label_field), groups in zip(groupings, found, strict=True):
            if r[field] in (None, ""):
                continue
            g = groups.setdefault(r[field], {"label": r[label_field] or "", "rows": {}})
            g["rows"][r["outcome"]] = g["rows"].get(r["outcome"], 0) + r["n"]
    out = []
    for groups in found:
        ranked = [
            Group(key=k, label=v["label"], outcomes=_counts(v["rows"])) for k, v in groups.items()
        ]
        ranked.sort(key=_rank)
        out.append(ranked)
    return out


def outcomes_by_fields(
    tasks: QuerySet[Task],
    fields: list[str],
    as_of: dt.date | None = None,
    *,
    together: tuple[str, ...] = (),
) -> list[dict[Any, Outcomes]]:
    """For each of ``fields`` (``unit_id``, ``issuer_id``, ``topic``, ``session_date``...),
    the classes on ``as_of`` per value of that field, in one statement that reads the rows of
    ``tasks`` once and groups them once per field in the database (no row per combination of
    the fields comes back to Python): a materialized common table expression (the class as a
    number, ``CODES``) grouped once per field. ``together``: fields of ``fields`` with few
    values (the leaders, the topics) grouped in one pass by all of them, each folded here:
    a sort fewer in the database, a few hundred rows more to read. (PostgreSQL's grouping
    sets, one pass, were slower at 300,000 tasks: with the default ``work_mem`` they sort on
    disk.) Rows whose field is empty (no issuer, no topic) are left out of that field's
    groups; dates come back as dates."""
    base = (
        tasks.annotate(done_on=F("completed_on"))
        .annotate(outcome_code=outcome(as_of, coded=True))
        .order_by()
        .values_list(*fields, "outcome_code")
    )
    sql, params = base.query.sql_with_params()
    names = [f"c{i}" for i in range(len(fields))]
    joint = [i for i, f in enumerate(fields) if f in together]
    width = max(1, len(joint))

    def arm(g: int, columns: list[int], where: str) -> str:
        # every arm has ``width`` key columns, as text (a UNION's column has one type)
        keys = [f"CAST({names[i]} AS TEXT)" for i in columns]
        keys += ["NULL"] * (width - len(keys))
        grouped = ", ".join(names[i] for i in columns)
        return (
            f"SELECT {g} AS g, {', '.join(keys)}, o, COUNT(*) AS n FROM breakdown "
            f"{where}GROUP BY {grouped}, o"
        )

    arms = [arm(i, [i], f"WHERE {names[i]} IS NOT NULL ") for i in range(len(fields))]
    arms = [a for i, a in enumerate(arms) if i not in joint]
    if joint:
        arms.append(arm(-1, joint, ""))
    statement = (
        f"WITH breakdown ({', '.join(names)}, o) AS MATERIALIZED ({sql}) "
        + " UNION ALL ".join(arms)
    )
    read = [_reader(f) for f in fields]
    classes = {code: key for key, code in CODES.items()}
    found: list[dict[Any, dict[str, int]]] = [{} for _ in fields]
    with connections[base.db].cursor() as cursor:
        cursor.execute(statement, params)
        for g, *keys, code, n in cursor.fetchall():
            for i, text in zip(joint, keys, strict=False) if g == -1 else [(g, keys[0])]:
                if text is None or text == "":
                    continue
                counts = found[i].setdefault(read[i](text), {})
                counts[classes[code]] = counts.get(classes[code], 0) + n
    return [{k: _counts(v) for k, v in groups.items()} for groups in found]


def _reader(path: str) -> Callable[[str], Any]:
    """How to read back a value of the field ``path`` (of a task) written as text."""
    model: Any = Task
    parts = path.split("__")
    for part in parts[:-1]:
        model = model._meta.get_field(part).related_model
    field = model._meta.get_field(parts[-1])
    if isinstance(field, DateField):
        return lambda text: dt.date.fromisoformat(text[:10])
    if field.is_relation or isinstance(field, IntegerField | AutoField):
        return int
    return str


def ranked(groups: dict[Any, Outcomes], labels: dict[Any, str]) -> list[Group]:
    """``groups`` as ranked ``Group`` rows (best on-time rate, then done rate, first), each
    labelled from ``labels`` (the key itself when it has no label)."""
    out = [Group(key=k, label=labels.get(k, str(k)), outcomes=o) for k, o in groups.items()]
    out.sort(key=_rank)
    return out


def outcomes_by_month(
    tasks: QuerySet[Task], date_field: str, as_of: dt.date | None = None
) -> list[tuple[dt.date, Outcomes]]:
    """The classes on ``as_of`` per month of ``date_field`` (e.g. the session's date), oldest
    first."""
    # grouped by the day (a few hundred a year), folded into months here: no date function
    # a row (SQLite runs Django's TruncMonth as a Python function on every row)
    rows = (
        with_outcome(tasks, as_of)
        .exclude(**{f"{date_field}__isnull": True})
        .order_by()
        .values_list(date_field, "outcome")
        .annotate(n=Count("pk"))
    )
    months: dict[dt.date, dict[str, int]] = {}
    for day, key, n in rows:
        if isinstance(day, dt.datetime):
            day = timezone.localtime(day).date() if timezone.is_aware(day) else day.date()
        counts = months.setdefault(day.replace(day=1), {})
        counts[key] = counts.get(key, 0) + n
    return [(m, _counts(months[m])) for m in sorted(months)]


__all__ = [
    "CANCELLED",
    "CLASSES",
    "DONE_LATE",
    "DONE_ON_TIME",
    "IMPOSSIBLE",
    "IN_TIME",
    "KEYS",
    "NO_DEADLINE",
    "OVERDUE",
    "Group",
    "Outcomes",
    "of_outcome",
    "outcome",
    "outcome_counts",
    "outcomes_by",
    "outcomes_by_each",
    "outcomes_by_fields",
    "outcomes_by_month",
    "ranked",
    "with_outcome",
]
