"""Confirming a reviewed document: the session (``chidao.meetings``), then its tasks
(``chidao.tasks``), in one transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from chidao.audit.models import EventKind
from chidao.audit.services import record_event
from chidao.meetings.models import Session, SourceDocument
from chidao.meetings.services import store_session
from chidao.tasks import services as tasks
from chidao.themes import services as themes


@transaction.atomic
def confirm(*, document: SourceDocument, actor: Any, reason: str = "") -> Session:
    """Store the reviewed draft as a confirmed session with its tasks, in one transaction.

    Side effects: everything ``meetings.services.store_session`` stores (the Session, its
    items and directives; the document CONFIRMED, version +1); one task per unit of each
    directive (the supporting units' tasks with the role SUPPORT) through
    ``tasks.services.create_tasks``; each directive's recurring theme (``chidao.themes``); one
    audit event SESSION_CONFIRMED.
    Any failure stores nothing. Raises ``meetings.services.DraftError`` as ``store_session``
    does (no date, a directive without a unit, missing essentials without a reason, a document
    no longer in review).
    """
    session, assignments = store_session(document=document, actor=actor, reason=reason)
    for a in assignments:
        tasks.create_tasks(
            directive=a.directive,
            units=a.units,
            deadline=a.directive.deadline,
            actor=actor,
            support=a.support,
        )
    themes.assign(directives=session.directives.all(), province_code=session.province_code)
    record_event(
        kind=EventKind.SESSION_CONFIRMED,
        actor=actor,
        target=session,
        summary=session.title[:500],
        data={"document": document.pk, "directives": session.directives.count()},
    )
    return session
