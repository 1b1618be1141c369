"""The dashboard's roll-up of tasks: a year of the province in a few thousand counted rows.

The dashboard of the whole province classes every task of its period (63,000 a year at
300,000 tasks); read and grouped three ways, they took 100 ms on SQLite. The database keeps
instead, a month, how many tasks of each unit and of each leader and field fall in each class
that does not depend on the day (migration ``insight.0002_task_tallies``: two tables kept by
triggers on the tasks, so that no write escapes them):

- ``kind`` 0-6: the classes of ``tasks.outcomes.CODES`` that hold whatever the day:
  cancelled, done on time or late (done on a known day), impossible, no deadline;
- ``kind`` 7 (``DATED``): not done, with a deadline: overdue or in time depending on the day.

``outcomes_from_tallies`` reads the rows of whole months and adds, live, the only tasks whose
class on ``as_of`` differs from their stored one: the overdue ones (stored ``DATED``, read as
in time unless found overdue) and the ones done after ``as_of`` or done without a day (read
through ``task_done_by_day``, none on the real day). The figures are those of
``outcomes.outcomes_by_fields`` over the same tasks, for any ``as_of``.

The rows count every task of the database: only a user who may see every task reads them
(``access.sees_every_task``); any other scope is counted from the tasks.

``drift`` compares the stored rows with the rows counted from the tasks now (the tests run it
after every kind of write), ``rebuild`` writes them again (``chidao tallies``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import Case, F, IntegerField, Q, Value, When

from chidao.tasks.models import OPEN_STATES, Task, TaskState
from chidao.tasks.outcomes import (
    CANCELLED,
    CODES,
    DONE_LATE,
    DONE_ON_TIME,
    IMPOSSIBLE,
    IN_TIME,
    NO_DEADLINE,
    OVERDUE,
    Outcomes,
    outcome,
    outcomes_by_fields,
)

DATED = 7  # not done, with a deadline: in time or overdue, decided on the day read
# sessions this many months before the day read (and older) have their "dated" tasks read as
# overdue, the later ones as in time (``outcomes_from_tallies``)
RECENT_MONTHS = 6
UNIT_TABLE = "insight_tally_unit"
LEAD_TABLE = "insight_tally_lead"
KEY_NAMES = {code: key for key, code in CODES.items()}
# the empty columns of one arm of a union, typed (PostgreSQL types a bare NULL as text)
NO_ID, NO_TEXT, NO_DATE = "CAST(NULL AS bigint)", "CAST(NULL AS varchar)", "CAST(NULL AS date)"


def stored_kind() -> Case:
    """The ``kind`` a task is counted under (the triggers' rule, as an expression)."""
    done_on_a_day = Q(state=TaskState.DONE, completed_on__isnull=False)
    return Case(
        When(state=TaskState.CANCELLED, then=Value(CODES[CANCELLED])),
        When(
            done_on_a_day & (Q(deadline__isnull=True) | Q(completed_on__lte=F("deadline"))),
            then=Value(CODES[DONE_ON_TIME]),
        ),
        When(done_on_a_day, then=Value(CODES[DONE_LATE])),
        When(state=TaskState.IMPOSSIBLE, then=Value(CODES[IMPOSSIBLE])),
        When(deadline__isnull=True, then=Value(CODES[NO_DEADLINE])),
        default=Value(DATED),
        output_field=IntegerField(),
    )


def first_of_month(day: Any) -> dt.date:
    return day.replace(day=1)


def months_within(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first days of the first and last whole months of ``start``..``end``, or None."""
    first = start if start.day == 1 else shift_month(start, 1)
    after = end + dt.timedelta(days=1)
    last_next = after if after.day == 1 else first_of_month(after)  # the month after the last
    if first >= last_next:
        return None
    return first, shift_month(last_next, -1)


def shift_month(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after (before, if negative) ``day``'s."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(year: int, month: int) -> dt.date:
    """The last day of ``month`` of ``year`` (a month past 12 runs into the next year)."""
    return shift_month(dt.date(year, 1, 1), month) - dt.timedelta(days=1)


@dataclass
class Breakdown:
    """Counts per class code (``CODES``) of each unit, leader, field and month."""

    by_unit: dict[int, Counter[int]]
    by_leader: dict[int, Counter[int]]
    by_topic: dict[str, Counter[int]]
    by_month: dict[dt.date, Counter[int]]

    def add(
        self, unit: int, leader: int | None, topic: str, month: dt.date, code: int, n: int
    ) -> None:
        for groups, key in (
            (self.by_unit, unit),
            (self.by_leader, leader),
            (self.by_topic, topic),
            (self.by_month, month),
        ):
            if key is None or key == "":
                continue
            if key not in groups:
                groups[key] = Counter()  # type: ignore[index]
            groups[key][code] += n  # type: ignore[index]

    def outcomes(self) -> list[dict[Any, Outcomes]]:
        """Per unit, leader, field and month (``outcomes_by_fields``'s shape)."""
        return [
            {k: _outcomes(c) for k, c in groups.items()}
            for groups in (self.by_unit, self.by_leader, self.by_topic, self.by_month)
        ]


def _outcomes(counts: Counter[int]) -> Outcomes:
    return Outcomes(**{KEY_NAMES[code]: n for code, n in counts.items() if n})


def outcomes_from_tallies(
    first: dt.date, last: dt.date, as_of: dt.date
) -> list[dict[Any, Outcomes]]:
    """The classes on ``as_of`` of every task whose session is in the months ``first`` to
    ``last`` (first days), per unit, leader, field and month: the stored rows of the months,
    summed per unit, leader, field and month in one statement (a few hundred rows back), and
    the tasks whose class on ``as_of`` is not the one they are read in, through indexes.

    The tasks not done with a deadline (``DATED``) are read overdue for sessions before
    ``recent`` (``RECENT_MONTHS`` before ``as_of``'s month), in time from then on: what is
    read live is then the tasks of old sessions still in time and the overdue tasks of recent
    sessions, both bounded whatever the length of the period (the overdue tasks of five
    years are 58,000 at 300,000 tasks)."""
    found = Breakdown({}, {}, {}, {})
    in_time, overdue = CODES[IN_TIME], CODES[OVERDUE]
    recent = shift_month(as_of, -RECENT_MONTHS)
    where = "WHERE month >= %s AND month <= %s"
    kind = f"CASE WHEN kind = {DATED} AND month < %s THEN {overdue} WHEN kind = {DATED} "
    kind += f"THEN {in_time} ELSE kind END"
    with connection.cursor() as cursor:
        cursor.execute(
            # constants and placeholders only
            f"SELECT 0, unit_id, {NO_TEXT}, {NO_DATE}, {kind} AS code, sum(n) "
            f"FROM {UNIT_TABLE} {where} GROUP BY unit_id, code UNION ALL "
            f"SELECT 1, issuer_id, {NO_TEXT}, {NO_DATE}, {kind} AS code, sum(n) "
            f"FROM {LEAD_TABLE} {where} AND issuer_id <> 0 GROUP BY issuer_id, code UNION ALL "
            f"SELECT 2, {NO_ID}, topic, {NO_DATE}, {kind} AS code, sum(n) "
            f"FROM {LEAD_TABLE} {where} AND topic <> '' GROUP BY topic, code UNION ALL "
            f"SELECT 3, {NO_ID}, {NO_TEXT}, month, {kind} AS code, sum(n) "
            f"FROM {LEAD_TABLE} {where} GROUP BY month, code",
            [recent, first, last] * 4,
        )
        groupings: tuple[dict[Any, Counter[int]], ...] = (
            found.by_unit,
            found.by_leader,
            found.by_topic,
            found.by_month,
        )
        for g, number, text, month, code, n in cursor.fetchall():
            if not n:
                continue
            key = number if g < 2 else text if g == 2 else _date(month)
            groups = groupings[g]
            if key not in groups:
                groups[key] = Counter()
            groups[key][code] += n
    last_day = month_end(last.year, last.month)
    open_dated = Task.objects.filter(state__in=OPEN_STATES)
    moves = []
    if first < recent:  # old sessions: the tasks still in time, read overdue above
        before = min(last_day, recent - dt.timedelta(days=1))
        read = open_dated.filter(
            session_date__gte=first, session_date__lte=before, deadline__gte=as_of
        )
        moves.append((read, overdue, in_time))
    if last >= recent:  # recent sessions: the overdue tasks, read in time above
        read = open_dated.filter(
            session_date__gte=max(first, recent), session_date__lte=last_day, deadline__lt=as_of
        )
        moves.append((read, in_time, overdue))
    for read, was, code in moves:
        counted = outcomes_by_fields(
            read,
            ["unit_id", "issuer_id", "topic", "session_date"],
            as_of,
            together=("issuer_id", "topic"),
        )
        for i, (groups, dated) in enumerate(zip(groupings, counted, strict=True)):
            for key, o in dated.items():
                n = getattr(o, KEY_NAMES[code])
                at = first_of_month(key) if i == 3 else key
                counts = groups.setdefault(at, Counter())
                counts[was] -= n
                counts[code] += n
    # done after ``as_of`` (a past day), or on no known day: none on the real day
    for unit, leader, topic, day, stored, code in _done_not_by(first, last_day, as_of):
        month = first_of_month(_date(day))
        was = (overdue if month < recent else in_time) if stored == DATED else stored
        if was != code:
            found.add(unit, leader, topic, month, was, -1)
            found.add(unit, leader, topic, month, code, 1)
    return found.outcomes()


DONE_INDEX = "task_done_by_day"


def _done_not_by(first: dt.date, last_day: dt.date, as_of: dt.date) -> list[tuple[Any, ...]]:
    """(unit, issuer, topic, session date, stored kind, class on ``as_of``) of the done tasks
    of sessions from ``first`` to ``last_day`` completed after ``as_of`` or on no known day.
    Their ids are read from ``task_done_by_day`` (the done tasks by day of completion and
    session date: two ranges of it, empty on the real day) in a statement of its own: the
    index holds the rows of ``state = 'done'`` written as such (a parameter does not prove
    it), and SQLite is told the index (without statistics of a column's ranges its planner
    prefers the state index, and reads every done task of the period)."""
    hint = f" INDEXED BY {DONE_INDEX}" if connection.vendor == "sqlite" else ""
    arm = (
        f"SELECT id FROM {Task._meta.db_table}{hint} WHERE state = '{TaskState.DONE.value}' "
        "AND {} AND session_date >= %s AND session_date <= %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            arm.format("completed_on > %s") + " UNION ALL " + arm.format("completed_on IS NULL"),
            [as_of, first, last_day, first, last_day],
        )
        ids = [pk for (pk,) in cursor.fetchall()]
    if not ids:
        return []
    return list(
        Task.objects.filter(pk__in=ids)
        .annotate(done_on=F("completed_on"))
        .annotate(stored=stored_kind(), code=outcome(as_of, coded=True))
        .order_by()
        .values_list("unit_id", "issuer_id", "topic", "session_date", "stored", "code")
    )


# ---------------------------------------------------------------- keeping them right


Rows = dict[tuple[str, tuple[Any, ...]], int]


def counted() -> Rows:
    """The rows the tables must hold, counted from the tasks now (not zero)."""
    rows: Rows = Counter()
    read = (
        Task.objects.filter(session_date__isnull=False)
        .annotate(kind=stored_kind())
        .order_by()
        .values_list("session_date", "unit_id", "issuer_id", "topic", "kind")
    )
    for day, unit, leader, topic, kind in read.iterator(chunk_size=10_000):
        month = first_of_month(day)
        rows["unit", (month, unit, kind)] += 1
        rows["lead", (month, leader or 0, topic, kind)] += 1
    return dict(rows)


def stored() -> Rows:
    """The rows the tables hold (not zero)."""
    rows: Rows = {}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT month, unit_id, kind, n FROM {UNIT_TABLE} WHERE n <> 0")
        for month, unit, kind, n in cursor.fetchall():
            rows["unit", (_date(month), unit, kind)] = n
        cursor.execute(f"SELECT month, issuer_id, topic, kind, n FROM {LEAD_TABLE} WHERE n <> 0")
        for month, leader, topic, kind, n in cursor.fetchall():
            rows["lead", (_date(month), leader, topic, kind)] = n
    return rows


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def drift() -> dict[tuple[str, tuple[Any, ...]], tuple[int, int]]:
    """The rows where the tables and the tasks disagree: ``{row: (stored, counted)}``."""
    have, want = stored(), counted()
    return {
        key: (have.get(key, 0), want.get(key, 0))
        for key in have.keys() | want.keys()
        if have.get(key, 0) != want.get(key, 0)
    }


def rebuild() -> int:
    """Write the tables again from the tasks (in one transaction); the number of rows."""
    rows = counted()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {UNIT_TABLE}")
        cursor.execute(f"DELETE FROM {LEAD_TABLE}")
        cursor.executemany(
            f"INSERT INTO {UNIT_TABLE} (month, unit_id, kind, n) VALUES (%s, %s, %s, %s)",
            [(*key, n) for (table, key), n in rows.items() if table == "unit"],
        )
        cursor.executemany(
            f"INSERT INTO {LEAD_TABLE} (month, issuer_id, topic, kind, n) "
            "VALUES (%s, %s, %s, %s, %s)",
            [(*key, n) for (table, key), n in rows.items() if table == "lead"],
        )
    return len(rows)
