"""The index of a leader's tasks by state and deadline (``task_by_issuer_state``): the leader
page counts a leader's tasks per state, the overdue ones and the directives with an overdue or
an open task from the index alone (75,000 tasks for the busiest leader at 300,000: a read of
the whole table on PostgreSQL without it)."""

from django.db import migrations, models


def analyze(apps, schema_editor):
    """Fresh statistics for the planners: the new index is read only when they know it."""
    if schema_editor.connection.vendor in ("sqlite", "postgresql"):
        schema_editor.execute("ANALYZE tasks_task")


class Migration(migrations.Migration):
    dependencies = [("tasks", "0007_task_issuer")]

    operations = [
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                fields=["issuer", "state", "deadline", "directive", "unit"],
                name="task_by_issuer_state",
            ),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop),
    ]
