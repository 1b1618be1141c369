"""PostgreSQL: the register's newest-first index (``task_by_session_date_desc``, 0004) carries
the task's id (``INCLUDE (id)``), so reading the ordered ids of the register is a read of the
index alone (SQLite's indexes always hold the rowid).

A free-text search reads the ids of every row its pages reach, in order (``register_page``):
"thieu hoa" at 300,000 tasks walks 100,000 index entries for its 10,001 ids, and fetched each
row from the table for its id (22,000 pages); from the index alone the same read is about
6 ms shorter, and a deep page's ``OFFSET`` skips entries without the table either.
"""

from django.db import migrations

from chidao.web.vendor_sql import vendor_sql

INDEX = "task_by_session_date_desc"
COLUMNS = "(session_date DESC NULLS LAST, directive_id DESC, unit_id DESC)"


class Migration(migrations.Migration):
    dependencies = [("tasks", "0008_task_by_issuer_state")]

    operations = [
        vendor_sql(
            {
                "postgresql": [
                    f"DROP INDEX IF EXISTS {INDEX}",
                    f"CREATE INDEX {INDEX} ON tasks_task {COLUMNS} INCLUDE (id)",
                    "ANALYZE tasks_task",
                ]
            },
            {
                "postgresql": [
                    f"DROP INDEX IF EXISTS {INDEX}",
                    f"CREATE INDEX {INDEX} ON tasks_task {COLUMNS}",
                ]
            },
        )
    ]
