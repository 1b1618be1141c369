"""Keeping ``Task.session_date`` (the stored copy of the session's date) in step.

A task takes the date when it is created (``Task.save``); when a session's date changes
afterwards (the administration pages can change it), its tasks follow here, in the same
transaction as the session's save.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save

from chidao.meetings.models import Session
from chidao.tasks.models import Task


def _session_saved(sender: Any, instance: Session, raw: bool = False, **kw: Any) -> None:
    if raw:
        return
    mine = Task.objects.filter(directive__session=instance)
    if instance.date is None:
        mine.filter(session_date__isnull=False).update(session_date=None)
    else:  # exclude() on a nullable field also keeps the rows where it is NULL
        mine.exclude(session_date=instance.date).update(session_date=instance.date)


def connect() -> None:
    post_save.connect(_session_saved, sender=Session, dispatch_uid="tasks-session-date")
