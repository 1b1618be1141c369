"""``Task.topic`` (the directive's topic) stored on the task and filled for existing rows;
the indexes of the register filtered by state or by topic, newest session first."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery

# PostgreSQL puts NULLs last in an ascending index, so the newest-first order (dates
# descending, undated last) needs indexes of its own there; SQLite's serve both ways
PG_DESC_INDEXES = {
    "task_by_state_session_desc": "state",
    "task_by_topic_session_desc": "topic",
}


def backfill(apps, schema_editor):
    Task = apps.get_model("tasks", "Task")
    Directive = apps.get_model("meetings", "Directive")
    topic = Directive.objects.filter(pk=OuterRef("directive_id")).values("topic")[:1]
    Task.objects.using(schema_editor.connection.alias).update(topic=Subquery(topic))


def pg_desc_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, column in PG_DESC_INDEXES.items():
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON tasks_task "
                f"({column}, session_date DESC NULLS LAST, directive_id DESC, unit_id DESC)"
            )


def drop_pg_desc_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in PG_DESC_INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def analyze(apps, schema_editor):
    """Fresh statistics for the planners: the new indexes are read only when they know them."""
    if schema_editor.connection.vendor in ("sqlite", "postgresql"):
        schema_editor.execute("ANALYZE tasks_task")


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_corrections"),
        ("tasks", "0004_session_date"),
    ]

    operations = [
        migrations.AddField(
            model_name="task",
            name="topic",
            field=models.CharField(blank=True, default="", editable=False, max_length=120),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                fields=["state", "session_date", "directive", "unit"],
                name="task_by_state_session",
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                fields=["topic", "session_date", "directive", "unit"],
                name="task_by_topic_session",
            ),
        ),
        migrations.RunPython(pg_desc_indexes, drop_pg_desc_indexes),
        migrations.RunPython(analyze, migrations.RunPython.noop),
    ]
