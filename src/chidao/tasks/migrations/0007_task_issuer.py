"""``Task.issuer`` (the directive's issuer) stored on the task and filled for existing rows,
with the index of a leader's tasks newest session first: the register's leader filter and a
leader's own directives, read through one index instead of a join sorted whole."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery

# PostgreSQL puts NULLs last in an ascending index, so the newest-first order (dates
# descending, undated last) needs an index of its own there; SQLite's serves both ways
PG_DESC_INDEX = "task_by_issuer_session_desc"


def backfill(apps, schema_editor):
    Task = apps.get_model("tasks", "Task")
    Directive = apps.get_model("meetings", "Directive")
    issuer = Directive.objects.filter(pk=OuterRef("directive_id")).values("issuer_id")[:1]
    Task.objects.using(schema_editor.connection.alias).update(issuer_id=Subquery(issuer))


def pg_desc_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {PG_DESC_INDEX} ON tasks_task "
            "(issuer_id, session_date DESC NULLS LAST, directive_id DESC, unit_id DESC)"
        )


def drop_pg_desc_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {PG_DESC_INDEX}")


def analyze(apps, schema_editor):
    """Fresh statistics for the planners: the new index is read only when they know it."""
    if schema_editor.connection.vendor in ("sqlite", "postgresql"):
        schema_editor.execute("ANALYZE tasks_task")


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0002_profile_accounts"),
        ("meetings", "0004_corrections"),
        ("tasks", "0006_outcome_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="task",
            name="issuer",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                editable=False,
                null=True,
                on_delete=models.deletion.SET_NULL,
                related_name="+",
                to="organisation.person",
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                fields=["issuer", "session_date", "directive", "unit"],
                name="task_by_issuer_session",
            ),
        ),
        migrations.RunPython(pg_desc_index, drop_pg_desc_index),
        migrations.RunPython(analyze, migrations.RunPython.noop),
    ]
