"""Keeping ``Task.session_date``, ``Task.topic`` and ``Task.issuer`` (the stored copies of
the session's date and of the directive's topic and issuer) in step.

A task takes them when it is created (``Task.save``); when a session's date or a directive's
topic or issuer changes afterwards (the administration pages, the office's corrections), its
tasks follow here, in the same transaction as the session's or directive's save.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save

from chidao.meetings.models import Directive, Session
from chidao.tasks.models import Task


def _session_saved(sender: Any, instance: Session, raw: bool = False, **kw: Any) -> None:
    if raw:
        return
    mine = Task.objects.filter(directive__session=instance)
    if instance.date is None:
        mine.filter(session_date__isnull=False).update(session_date=None)
    else:  # exclude() on a nullable field also keeps the rows where it is NULL
        mine.exclude(session_date=instance.date).update(session_date=instance.date)


def _directive_saved(sender: Any, instance: Directive, raw: bool = False, **kw: Any) -> None:
    if raw:
        return
    mine = Task.objects.filter(directive=instance)
    mine.exclude(topic=instance.topic).update(topic=instance.topic)
    if instance.issuer_id is None:
        mine.filter(issuer__isnull=False).update(issuer=None)
    else:  # exclude() on a nullable field also keeps the rows where it is NULL
        mine.exclude(issuer_id=instance.issuer_id).update(issuer_id=instance.issuer_id)


def connect() -> None:
    post_save.connect(_session_saved, sender=Session, dispatch_uid="tasks-session-date")
    post_save.connect(_directive_saved, sender=Directive, dispatch_uid="tasks-directive-topic")
