"""``Task.session_date``: the session's date stored on the task (filled for existing rows),
and the indexes of the register's order, the lists by state and a unit's tasks."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery

PG_DESC_INDEX = "task_by_session_date_desc"


def backfill(apps, schema_editor):
    Task = apps.get_model("tasks", "Task")
    Directive = apps.get_model("meetings", "Directive")
    date = Directive.objects.filter(pk=OuterRef("directive_id")).values("session__date")[:1]
    Task.objects.using(schema_editor.connection.alias).update(session_date=Subquery(date))


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
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                fields=["session_date", "directive", "unit"], name="task_by_session_date"
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(fields=["state", "deadline"], name="task_by_state_deadline"),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(fields=["unit", "deadline"], name="task_by_unit_deadline"),
        ),
        migrations.RunPython(pg_desc_index, drop_pg_desc_index),
    ]
