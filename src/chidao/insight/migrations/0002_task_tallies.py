"""The dashboard's roll-up of tasks: how many tasks a month, per unit and per leader and field,
in each class that does not depend on the day the dashboard is read (``chidao.insight.tallies``).

Two tables, kept by the database itself: triggers on ``tasks_task`` add a task to its rows when
it is inserted, move it when a column that decides its row changes (session date, unit,
issuer, topic, state, deadline, day of completion) and take it out when it is deleted, so
every write counts, whichever path made it (services, signals, ``QuerySet.update``, the
generator's bulk inserts, an import, a unit merge, a cascade). They are no Django models:
``dumpdata`` leaves them out and ``loaddata`` refills them through the triggers; a
PostgreSQL ``TRUNCATE`` of the tasks (a test database's flush) empties them too.

- ``insight_tally_unit (month, unit_id, kind, n)``
- ``insight_tally_lead (month, issuer_id, topic, kind, n)`` (``issuer_id`` 0: no issuer)

``month`` is the first day of the month of the task's session date (tasks without one are in no
row). ``kind``: the class's code (``tasks.outcomes.CODES``) for the classes that hold whatever
the day (cancelled 6; done with a day of completion: on time 0 or late 1; impossible 5; not
done and no deadline 4), and 7 for the tasks not done with a deadline, overdue or in time
depending on the day: the dashboard reads those few live.

With them, ``task_done_by_day``: the done tasks by day of completion, the live read of the
tasks done after the day a dashboard is read as of (a past day) or done without a day.

The rows of the existing tasks are counted here once (``chidao tallies --rebuild`` counts
them again).
"""

from django.db import migrations

from chidao.web.vendor_sql import vendor_sql


def _kind(row: str) -> str:
    """The stored class of the task ``row`` (``NEW``/``OLD``, or a table)."""
    return (
        f"CASE WHEN {row}.state = 'cancelled' THEN 6 "
        f"WHEN {row}.state = 'done' AND {row}.completed_on IS NOT NULL AND "
        f"({row}.deadline IS NULL OR {row}.completed_on <= {row}.deadline) THEN 0 "
        f"WHEN {row}.state = 'done' AND {row}.completed_on IS NOT NULL THEN 1 "
        f"WHEN {row}.state = 'impossible' THEN 5 "
        f"WHEN {row}.deadline IS NULL THEN 4 ELSE 7 END"
    )


COLUMNS = ("session_date", "unit_id", "issuer_id", "topic", "state", "deadline", "completed_on")
TABLES = [
    "CREATE TABLE insight_tally_unit (month date NOT NULL, unit_id bigint NOT NULL, "
    "kind smallint NOT NULL, n integer NOT NULL, PRIMARY KEY (month, unit_id, kind))",
    "CREATE TABLE insight_tally_lead (month date NOT NULL, issuer_id bigint NOT NULL, "
    "topic varchar(120) NOT NULL, kind smallint NOT NULL, n integer NOT NULL, "
    "PRIMARY KEY (month, issuer_id, topic, kind))",
    "CREATE INDEX task_done_by_day ON tasks_task (completed_on, session_date) WHERE state = 'done'",
]
BACK = [
    "DROP TABLE IF EXISTS insight_tally_unit",
    "DROP TABLE IF EXISTS insight_tally_lead",
    "DROP INDEX IF EXISTS task_done_by_day",
]


# ---------------------------------------------------------------- SQLite


def _sqlite_month(row: str) -> str:
    return f"date({row}.session_date, 'start of month')"


def _sqlite_add(row: str, delta: int) -> str:
    """Statements adding ``delta`` to the rows of task ``row`` (none without a session date)."""
    month, kind = _sqlite_month(row), _kind(row)
    return (
        f"INSERT INTO insight_tally_unit (month, unit_id, kind, n) "
        f"SELECT {month}, {row}.unit_id, {kind}, {delta} WHERE {row}.session_date IS NOT NULL "
        f"ON CONFLICT (month, unit_id, kind) DO UPDATE SET n = n + excluded.n; "
        f"INSERT INTO insight_tally_lead (month, issuer_id, topic, kind, n) "
        f"SELECT {month}, coalesce({row}.issuer_id, 0), {row}.topic, {kind}, {delta} "
        f"WHERE {row}.session_date IS NOT NULL "
        f"ON CONFLICT (month, issuer_id, topic, kind) DO UPDATE SET n = n + excluded.n;"
    )


_changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in COLUMNS)
SQLITE = [
    *TABLES,
    f"CREATE TRIGGER insight_tally_ai AFTER INSERT ON tasks_task BEGIN {_sqlite_add('NEW', 1)} END",
    f"CREATE TRIGGER insight_tally_ad AFTER DELETE ON tasks_task BEGIN {_sqlite_add('OLD', -1)} END",
    f"CREATE TRIGGER insight_tally_au AFTER UPDATE OF {', '.join(COLUMNS)} ON tasks_task "
    f"WHEN {_changed} BEGIN {_sqlite_add('OLD', -1)} {_sqlite_add('NEW', 1)} END",
    f"INSERT INTO insight_tally_unit (month, unit_id, kind, n) "
    f"SELECT {_sqlite_month('t')}, t.unit_id, {_kind('t')}, count(*) FROM tasks_task t "
    f"WHERE t.session_date IS NOT NULL GROUP BY 1, 2, 3",
    f"INSERT INTO insight_tally_lead (month, issuer_id, topic, kind, n) "
    f"SELECT {_sqlite_month('t')}, coalesce(t.issuer_id, 0), t.topic, {_kind('t')}, count(*) "
    f"FROM tasks_task t WHERE t.session_date IS NOT NULL GROUP BY 1, 2, 3, 4",
]
SQLITE_BACK = [
    "DROP TRIGGER IF EXISTS insight_tally_ai",
    "DROP TRIGGER IF EXISTS insight_tally_ad",
    "DROP TRIGGER IF EXISTS insight_tally_au",
    *BACK,
]


# ---------------------------------------------------------------- PostgreSQL

# one task moves between two rows of each table: the rows are locked in the order of their
# keys (the lower first), so that two transactions moving tasks both ways do not wait on
# each other
POSTGRESQL = [
    *TABLES,
    f"""CREATE FUNCTION insight_tally_task() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_m date; new_m date; old_k smallint; new_k smallint; old_i bigint; new_i bigint;
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.session_date IS NOT NULL THEN
        old_m := date_trunc('month', OLD.session_date)::date;
        old_k := {_kind("OLD")};
        old_i := coalesce(OLD.issuer_id, 0);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.session_date IS NOT NULL THEN
        new_m := date_trunc('month', NEW.session_date)::date;
        new_k := {_kind("NEW")};
        new_i := coalesce(NEW.issuer_id, 0);
    END IF;
    IF old_m IS NOT NULL AND (new_m IS NULL
            OR (old_m, OLD.unit_id, old_k) < (new_m, NEW.unit_id, new_k)) THEN
        PERFORM insight_tally_unit_add(old_m, OLD.unit_id, old_k, -1);
        PERFORM insight_tally_unit_add(new_m, NEW.unit_id, new_k, 1);
    ELSIF old_m IS NULL OR (old_m, OLD.unit_id, old_k) > (new_m, NEW.unit_id, new_k) THEN
        PERFORM insight_tally_unit_add(new_m, NEW.unit_id, new_k, 1);
        PERFORM insight_tally_unit_add(old_m, OLD.unit_id, old_k, -1);
    END IF;
    IF old_m IS NOT NULL AND (new_m IS NULL
            OR (old_m, old_i, OLD.topic, old_k) < (new_m, new_i, NEW.topic, new_k)) THEN
        PERFORM insight_tally_lead_add(old_m, old_i, OLD.topic, old_k, -1);
        PERFORM insight_tally_lead_add(new_m, new_i, NEW.topic, new_k, 1);
    ELSIF old_m IS NULL OR (old_m, old_i, OLD.topic, old_k) > (new_m, new_i, NEW.topic, new_k)
    THEN
        PERFORM insight_tally_lead_add(new_m, new_i, NEW.topic, new_k, 1);
        PERFORM insight_tally_lead_add(old_m, old_i, OLD.topic, old_k, -1);
    END IF;
    RETURN NULL;
END $$""",
    """CREATE FUNCTION insight_tally_unit_add(m date, u bigint, k smallint, delta integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF m IS NULL THEN RETURN; END IF;
    INSERT INTO insight_tally_unit AS x (month, unit_id, kind, n) VALUES (m, u, k, delta)
    ON CONFLICT (month, unit_id, kind) DO UPDATE SET n = x.n + excluded.n;
END $$""",
    """CREATE FUNCTION insight_tally_lead_add(
    m date, i bigint, t varchar, k smallint, delta integer
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF m IS NULL THEN RETURN; END IF;
    INSERT INTO insight_tally_lead AS x (month, issuer_id, topic, kind, n)
    VALUES (m, i, t, k, delta)
    ON CONFLICT (month, issuer_id, topic, kind) DO UPDATE SET n = x.n + excluded.n;
END $$""",
    """CREATE FUNCTION insight_tally_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE insight_tally_unit, insight_tally_lead;
    RETURN NULL;
END $$""",
    "CREATE TRIGGER insight_tally_ai AFTER INSERT OR DELETE ON tasks_task "
    "FOR EACH ROW EXECUTE FUNCTION insight_tally_task()",
    f"CREATE TRIGGER insight_tally_au AFTER UPDATE OF {', '.join(COLUMNS)} ON tasks_task "
    f"FOR EACH ROW WHEN ({' OR '.join(f'OLD.{c} IS DISTINCT FROM NEW.{c}' for c in COLUMNS)}) "
    "EXECUTE FUNCTION insight_tally_task()",
    "CREATE TRIGGER insight_tally_at AFTER TRUNCATE ON tasks_task "
    "FOR EACH STATEMENT EXECUTE FUNCTION insight_tally_truncate()",
    f"INSERT INTO insight_tally_unit (month, unit_id, kind, n) "
    f"SELECT date_trunc('month', t.session_date)::date, t.unit_id, {_kind('t')}, count(*) "
    f"FROM tasks_task t WHERE t.session_date IS NOT NULL GROUP BY 1, 2, 3",
    f"INSERT INTO insight_tally_lead (month, issuer_id, topic, kind, n) "
    f"SELECT date_trunc('month', t.session_date)::date, coalesce(t.issuer_id, 0), t.topic, "
    f"{_kind('t')}, count(*) FROM tasks_task t WHERE t.session_date IS NOT NULL "
    f"GROUP BY 1, 2, 3, 4",
    "ANALYZE tasks_task",
]
POSTGRESQL_BACK = [
    "DROP TRIGGER IF EXISTS insight_tally_ai ON tasks_task",
    "DROP TRIGGER IF EXISTS insight_tally_au ON tasks_task",
    "DROP TRIGGER IF EXISTS insight_tally_at ON tasks_task",
    "DROP FUNCTION IF EXISTS insight_tally_task()",
    "DROP FUNCTION IF EXISTS insight_tally_truncate()",
    "DROP FUNCTION IF EXISTS insight_tally_unit_add(date, bigint, smallint, integer)",
    "DROP FUNCTION IF EXISTS insight_tally_lead_add(date, bigint, varchar, smallint, integer)",
    *BACK,
]


class Migration(migrations.Migration):
    dependencies = [("insight", "0001_series_name"), ("tasks", "0009_desc_index_with_ids")]

    operations = [
        vendor_sql(
            {"sqlite": SQLITE, "postgresql": POSTGRESQL},
            {"sqlite": SQLITE_BACK, "postgresql": POSTGRESQL_BACK},
        )
    ]
