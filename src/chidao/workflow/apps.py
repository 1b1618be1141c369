from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    """No models: the services and views that cross meetings and tasks, and the admin action
    that restores a deleted session (it brings back its tasks)."""

    name = "chidao.workflow"
    label = "workflow"
    default_auto_field = "django.db.models.BigAutoField"
