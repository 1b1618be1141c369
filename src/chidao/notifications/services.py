"""Writes of notifications: ``notify``, the events of tasks, the daily reminders, reading,
preferences and the e-mails.

Every notice goes through :func:`notify`, which keeps only the recipients the access layer
lets see the task (``chidao.tasks.access.can_view``), leaves the actor out, follows each
recipient's preferences and stores one row per recipient and key (the database's unique
constraint, not a check before the write). E-mails go after the transaction commits
(:func:`deliver_pending`); one that fails stays pending and the next ``chidao remind`` sends it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chidao.notifications.models import (
    EMAIL_BY_DEFAULT,
    OFFICE_KINDS,
    OFFICER_KINDS,
    Notification,
    NotificationKind,
    Preference,
)
from chidao.notifications.render import message_of
from chidao.organisation.models import Role
from chidao.tasks import access
from chidao.tasks.models import EventKind, Task, TaskEvent, TaskState

log = logging.getLogger(__name__)

# the tasks a unit still works on: the ones the reminders are about
REMINDED_STATES = (TaskState.NEW, TaskState.IN_PROGRESS, TaskState.EXTENDED)
OVERDUE_REPEAT_DAYS = 7


@dataclass(frozen=True)
class Channels:
    """How one user wants one kind of notice."""

    in_app: bool
    email: bool

    @property
    def any(self) -> bool:
        return self.in_app or self.email


def default_channels(kind: str) -> Channels:
    """The channels of a kind for a user who has not chosen: in the application always, by
    e-mail what a unit must act on."""
    return Channels(in_app=True, email=kind in EMAIL_BY_DEFAULT)


def channels_for(user_ids: Collection[int], kind: str) -> dict[int, Channels]:
    """Each user's channels for ``kind`` (their preference, else the defaults)."""
    found = {
        p.user_id: Channels(in_app=p.in_app, email=p.email)
        for p in Preference.objects.filter(user_id__in=list(user_ids), kind=kind)
    }
    default = default_channels(kind)
    return {pk: found.get(pk, default) for pk in user_ids}


# ---------------------------------------------------------------- who hears about a task


def unit_officers(unit_ids: Iterable[int]) -> dict[int, list[Any]]:
    """The active officers of each unit (profiles loaded, for the access predicates)."""
    by_unit: dict[int, list[Any]] = defaultdict(list)
    users = (
        get_user_model()
        .objects.filter(
            is_active=True, profile__role=Role.OFFICER, profile__unit_id__in=set(unit_ids)
        )
        .select_related("profile")
        .order_by("pk")
    )
    for user in users:
        if user.profile.unit_id is not None:
            by_unit[user.profile.unit_id].append(user)
    return by_unit


def province_office(province_code: str) -> list[Any]:
    """The active office staff of a province."""
    return list(
        get_user_model()
        .objects.filter(
            is_active=True, profile__role=Role.OFFICE, profile__province_code=province_code
        )
        .select_related("profile")
        .order_by("pk")
    )


# ---------------------------------------------------------------- notify


def notify(
    *,
    kind: str,
    task: Task,
    recipients: Iterable[Any],
    key: str,
    actor: Any = None,
    note: str = "",
    deadline: dt.date | None = None,
    day: dt.date | None = None,
) -> int:
    """Store the notice ``kind`` about ``task`` for each recipient who may see the task.

    Left out: recipients the access layer does not let see ``task`` (another unit's officer,
    another province's office), the ``actor`` themselves, and those who chose neither channel.
    ``key`` identifies the event or the reminder slot; a recipient who already has a notice
    with that key keeps it unchanged (nothing is stored or sent twice).

    Side effects: ``Notification`` rows (``shown`` and ``email_pending`` from each recipient's
    preferences); after the transaction commits, the e-mails of the new notices.
    Returns the number of recipients kept (stored now or before).
    """
    actor_pk = getattr(actor, "pk", None)
    kept = [
        u
        for u in recipients
        if u.pk != actor_pk and getattr(u, "is_active", False) and access.can_view(u, task)
    ]
    if not kept:
        return 0
    channels = channels_for([u.pk for u in kept], kind)
    today = day or timezone.localdate()
    actor_name = _name(actor)
    rows = [
        Notification(
            recipient=u,
            kind=kind,
            task=task,
            key=key[:80],
            day=today,
            deadline=deadline,
            note=note[:4000],
            actor_name=actor_name,
            shown=channels[u.pk].in_app,
            email_pending=channels[u.pk].email and bool(u.email),
        )
        for u in kept
        if channels[u.pk].any
    ]
    with transaction.atomic():
        Notification.objects.bulk_create(rows, ignore_conflicts=True)
    if any(r.email_pending for r in rows):
        ids = [r.recipient_id for r in rows if r.email_pending]
        transaction.on_commit(lambda: _deliver_quietly(ids))
    return len(kept)


def on_task_events(events: Sequence[TaskEvent], *, actor: Any) -> None:
    """Notify what these task events mean for the units and the office.

    - a task created, or given to another unit: the unit's officers (new task);
    - a completion report returned, an extension granted or refused, a follow-up comment: the
      unit's officers;
    - a completion reported, an extension requested: the province's office.

    Each event's ``task`` must have its ``unit`` loaded. Side effects: those of :func:`notify`.
    """
    officers = unit_officers({e.task.unit_id for e in events})
    offices: dict[str, list[Any]] = {}
    for event in events:
        task = event.task
        target = _kind_of(event)
        if target is None:
            continue
        if target in OFFICE_KINDS:
            code = task.unit.province_code
            if code not in offices:
                offices[code] = province_office(code)
            recipients = offices[code]
        else:
            recipients = officers.get(task.unit_id, [])
        notify(
            kind=target,
            task=task,
            recipients=recipients,
            key=f"event:{event.pk}",
            actor=actor,
            note=event.note,
            deadline=_deadline_of(event, task),
            day=timezone.localdate(event.at),
        )


def _kind_of(event: TaskEvent) -> str | None:
    simple: dict[str, str] = {
        EventKind.CREATED: NotificationKind.NEW_TASK,
        EventKind.COMPLETION_RETURNED: NotificationKind.REPORT_RETURNED,
        EventKind.EXTENSION_GRANTED: NotificationKind.EXTENSION_GRANTED,
        EventKind.EXTENSION_REFUSED: NotificationKind.EXTENSION_REFUSED,
        EventKind.COMMENT: NotificationKind.FOLLOW_UP,
        EventKind.COMPLETION_REPORTED: NotificationKind.COMPLETION_REPORTED,
        EventKind.EXTENSION_REQUESTED: NotificationKind.EXTENSION_REQUESTED,
    }
    if event.kind in simple:
        return simple[event.kind]
    if event.kind == EventKind.EDITED and "unit" in (event.changes or {}):
        return NotificationKind.NEW_TASK  # the task now belongs to another unit
    return None


def _deadline_of(event: TaskEvent, task: Task) -> dt.date | None:
    requested = (event.changes or {}).get("requested_deadline")
    if event.kind == EventKind.EXTENSION_REQUESTED and requested:
        return dt.date.fromisoformat(requested[1])
    return task.deadline


def _name(user: Any) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return (user.get_full_name() or user.get_username())[:150]


# ---------------------------------------------------------------- the daily reminders


@dataclass(frozen=True)
class Reminders:
    """What one run of ``chidao remind`` did."""

    due_soon: int  # notices stored now (not those stored by an earlier run)
    overdue: int
    emails: int


def overdue_slot(deadline: dt.date, today: dt.date) -> dt.date:
    """The day an overdue reminder is for: the first day late, then every week after it, so a
    missed run catches up and a second run the same day finds its slot taken."""
    late = (today - deadline).days
    return deadline + dt.timedelta(
        days=1 + OVERDUE_REPEAT_DAYS * ((late - 1) // OVERDUE_REPEAT_DAYS)
    )


def remind(*, today: dt.date, days: int, chunk: int = 2000) -> Reminders:
    """Remind the units' officers of their tasks due within ``days`` days and of their overdue
    tasks (tasks the unit still works on: new, in progress, extended).

    One due-soon notice per task and deadline (a new deadline after an extension reminds
    again); one overdue notice on the first day late, then one a week. Run twice the same day,
    the second run stores and sends nothing: the keys are taken (the database refuses them).
    Side effects: ``Notification`` rows, then the pending e-mails (one per recipient).
    """
    if days < 0:
        raise ValueError(
            _("Số ngày nhắc trước hạn phải từ 0 trở lên, nhận được %(days)s.") % {"days": days}
        )
    before = _counts(today)
    officers = unit_officers(
        get_user_model()
        .objects.filter(is_active=True, profile__role=Role.OFFICER)
        .values_list("profile__unit_id", flat=True)
    )
    tasks = (
        Task.objects.filter(
            state__in=REMINDED_STATES,
            deadline__isnull=False,
            deadline__lte=today + dt.timedelta(days=days),
            unit_id__in=list(officers),
        )
        .select_related("unit")
        .only("id", "unit_id", "deadline", "state", "unit__province_code")
        .order_by("pk")
    )
    batch: list[tuple[str, Task, str, dt.date]] = []
    for task in tasks.iterator(chunk_size=chunk):
        assert task.deadline is not None
        if task.deadline >= today:
            batch.append((NotificationKind.DUE_SOON, task, f"due:{task.pk}:{task.deadline}", today))
        else:
            slot = overdue_slot(task.deadline, today)
            batch.append((NotificationKind.OVERDUE, task, f"overdue:{task.pk}:{slot}", today))
        if len(batch) >= chunk:
            _store_reminders(batch, officers)
            batch = []
    _store_reminders(batch, officers)
    after = _counts(today)
    emails = deliver_pending()
    return Reminders(due_soon=after[0] - before[0], overdue=after[1] - before[1], emails=emails)


def _counts(today: dt.date) -> tuple[int, int]:
    rows = Notification.objects.filter(day=today)
    return (
        rows.filter(kind=NotificationKind.DUE_SOON).count(),
        rows.filter(kind=NotificationKind.OVERDUE).count(),
    )


def _store_reminders(
    batch: list[tuple[str, Task, str, dt.date]], officers: dict[int, list[Any]]
) -> None:
    """One transaction per batch: the rows of many tasks in a few statements."""
    if not batch:
        return
    users = {u.pk for rows in officers.values() for u in rows}
    prefs: dict[str, dict[int, Channels]] = {
        kind: channels_for(users, kind)
        for kind in (NotificationKind.DUE_SOON, NotificationKind.OVERDUE)
    }
    rows = []
    for kind, task, key, today in batch:
        for user in officers.get(task.unit_id, []):
            chosen = prefs[kind][user.pk]
            if not chosen.any or not access.can_view(user, task):
                continue
            rows.append(
                Notification(
                    recipient=user,
                    kind=kind,
                    task=task,
                    key=key,
                    day=today,
                    deadline=task.deadline,
                    shown=chosen.in_app,
                    email_pending=chosen.email and bool(user.email),
                )
            )
    with transaction.atomic():
        Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)


# ---------------------------------------------------------------- e-mail


def deliver_pending(*, recipient_ids: Collection[int] | None = None) -> int:
    """Send the e-mails still pending: one message per recipient listing their new notices.

    Each notice is claimed by an update that only one process can win (``email_pending`` from
    True to False), so two runs at once never send one notice twice. A message the mail server
    refuses puts its notices back to pending for the next run.
    Side effects: e-mails through Django's e-mail backend; ``email_pending``/``emailed_at``.
    Returns the number of messages sent.
    """
    pending = Notification.objects.filter(email_pending=True)
    if recipient_ids is not None:
        pending = pending.filter(recipient_id__in=list(recipient_ids))
    by_user: dict[int, list[int]] = defaultdict(list)
    for pk, user_id in pending.order_by("recipient_id", "pk").values_list("pk", "recipient_id"):
        by_user[user_id].append(pk)
    sent = 0
    connection = get_connection()
    for user_id, ids in by_user.items():
        now = timezone.now()
        claimed = [
            pk
            for pk in ids
            if Notification.objects.filter(pk=pk, email_pending=True).update(
                email_pending=False, emailed_at=now
            )
        ]
        if not claimed:
            continue
        notices = list(
            Notification.objects.filter(pk__in=claimed)
            .select_related("recipient", "task__unit", "task__directive")
            .order_by("pk")
        )
        try:
            connection.send_messages([_message(notices)])
        except Exception:
            log.exception("notifications: e-mail to user %s failed; kept for the next run", user_id)
            Notification.objects.filter(pk__in=claimed).update(email_pending=True, emailed_at=None)
            continue
        sent += 1
    return sent


def _deliver_quietly(recipient_ids: list[int]) -> None:
    try:
        deliver_pending(recipient_ids=recipient_ids)
    except Exception:  # the write is done; a mail problem must not turn it into an error page
        log.exception("notifications: e-mail delivery failed; kept for chidao remind")


def _message(notices: list[Notification]) -> EmailMessage:
    user = notices[0].recipient
    base = settings.CHIDAO_BASE_URL.rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        if len(notices) == 1:
            subject = message_of(notices[0]).title
        else:
            subject = ngettext(
                "%(count)d thông báo mới", "%(count)d thông báo mới", len(notices)
            ) % {"count": len(notices)}
        lines = [_("Kính gửi %(name)s,") % {"name": _name(user)}, ""]
        for notice in notices:
            text = message_of(notice)
            lines += [f"- {text.title}", f"  {text.detail}", f"  {base}{text.url}", ""]
        lines.append(
            _("Chọn những thông báo muốn nhận: %(url)s")
            % {"url": f"{base}/notifications/preferences/"}
        )
    prefix = _("[Chỉ đạo]")
    return EmailMessage(
        subject=f"{prefix} {subject}"[:200],
        body="\n".join(lines),
        to=[user.email],
    )


# ---------------------------------------------------------------- reading and preferences


def mark_read(*, notification: Notification) -> Notification:
    """The recipient has read one notice. Side effects: ``read_at`` (once)."""
    with transaction.atomic():
        if notification.read_at is None:
            notification.read_at = timezone.now()
            Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
                read_at=notification.read_at
            )
    return notification


def mark_all_read(*, user: Any) -> int:
    """Every unread notice of ``user`` read. Side effects: ``read_at``. Returns how many."""
    with transaction.atomic():
        return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
            read_at=timezone.now()
        )


def kinds_for(user: Any) -> tuple[str, ...]:
    """The kinds of notices a user's role receives (officers: their unit's; the office: what it
    must decide)."""
    if access.is_officer(user):
        return tuple(OFFICER_KINDS)
    if access.is_office(user):
        return tuple(OFFICE_KINDS)
    return ()


def save_preferences(*, user: Any, choices: dict[str, Channels]) -> None:
    """Store the user's channels for each kind of their role (kinds of other roles refused).

    Side effects: one ``Preference`` per kind, created or updated.
    """
    allowed = set(kinds_for(user))
    unknown = sorted(set(choices) - allowed)
    if unknown:
        raise ValueError(
            _("Loại thông báo không hợp lệ: %(kinds)s.") % {"kinds": ", ".join(unknown)}
        )
    with transaction.atomic():
        for kind, chosen in choices.items():
            Preference.objects.update_or_create(
                user=user, kind=kind, defaults={"in_app": chosen.in_app, "email": chosen.email}
            )
