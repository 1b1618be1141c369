"""``Task.session_date`` (the session's date) and ``Task.completed_on`` (the local day of
completion) stored on the task, filled for existing rows; the indexes of the register's
order, the lists by state and a unit's tasks."""

from collections import defaultdict

from django.db import migrations, models
from django.db.models import OuterRef, Subquery

PG_DESC_INDEX = "task_by_session_date_desc"


def backfill(apps, schema_editor):
    Task = apps.get_model("tasks", "Task")
    Directive = apps.get_model("meetings", "Directive")
    date = Directive.objects.filter(pk=OuterRef("directive_id")).values("session__date")[:1]
    Task.objects.using(schema_editor.connection.alias).update(session_date=Subquery(date))


def backfill_completed_on(apps, schema_editor):
    """The local day of each ``completed_at``, written a day at a time (a few thousand days)."""
    from django.utils import timezone

    Task = apps.get_model("tasks", "Task")
    tasks = Task.objects.using(schema_editor.connection.alias)
    days = defaultdict(list)
    for pk, at in tasks.exclude(completed_at=None).values_list("pk", "completed_at").iterator():
        days[timezone.localtime(at).date()].append(pk)
    for day, pks in days.items():
        for i in range(0, len(pks), 500):
            tasks.filter(pk__in=pks[i : i + 500]).update(completed_on=day)


def pg_desc_index(apps, schema_editor):
    """PostgreSQL puts NULLs last in an ascending index, so the register's newest-first order
    (dates descending, undated last) needs its own index there; SQLite's serves both ways."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {PG_DESC_INDEX} ON tasks_task "
            "(session_date DESC NULLS LAST, directive_id DESC, unit_id DESC)"
        )


def drop_pg_desc_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {PG_DESC_INDEX}")


def analyze(apps, schema_editor):
    """Fresh statistics for the planners: the new indexes are read only when they know them."""
    if schema_editor.connection.vendor in ("sqlite", "postgresql"):
        schema_editor.execute("ANALYZE tasks_task")


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_corrections"),
        ("organisation", "0002_profile_accounts"),
        ("tasks", "0003_cancelled"),
    ]

    operations = [
        migrations.AddField(
            model_name="task",
            name="session_date",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="task",
            name="completed_on",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(backfill_completed_on, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                fields=["session_date", "directive", "unit"], name="task_by_session_date"
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(fields=["state", "deadline", "unit"], name="task_by_state_deadline"),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(fields=["unit", "state", "deadline"], name="task_by_unit_state"),
        ),
        migrations.RunPython(pg_desc_index, drop_pg_desc_index),
        migrations.RunPython(analyze, migrations.RunPython.noop),
    ]
