"""Indexes that let the unit dossier and the dashboard read from the index alone: a unit's
official classes (``task_by_unit_outcome``: with the day of completion), a unit's tasks newest
session first (``task_by_unit_session``), whether a directive has an overdue or an open task
(``task_by_directive_state``: the leader page), a period's most overdue tasks
(``task_by_state_session``: with the deadline)."""

from django.db import migrations, models


def analyze(apps, schema_editor):
    """Fresh statistics for the planners: the new indexes are read only when they know them."""
    if schema_editor.connection.vendor in ("sqlite", "postgresql"):
        schema_editor.execute("ANALYZE tasks_task")


class Migration(migrations.Migration):
    dependencies = [
        ("tasks", "0005_register_keys"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="task", name="task_by_unit_state"),
        migrations.RemoveIndex(model_name="task", name="task_by_state_session"),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                fields=["unit", "state", "deadline", "completed_on"], name="task_by_unit_outcome"
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                fields=["directive", "state", "deadline", "unit"], name="task_by_directive_state"
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(fields=["unit", "session_date", "id"], name="task_by_unit_session"),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                fields=["state", "session_date", "directive", "unit", "deadline"],
                name="task_by_state_session",
            ),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop),
    ]
