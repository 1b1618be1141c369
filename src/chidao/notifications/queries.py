"""Reads of notifications, and the gatekeeper of one notice (``get_notification_for_user``).

A user reads only their own notices, and only those about tasks they may still see (an
officer moved to another unit no longer sees the old unit's)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from chidao.notifications.models import Notification, NotificationKind, Preference
from chidao.notifications.services import Channels, default_channels, kinds_for
from chidao.tasks import access


def _mine(user: Any) -> QuerySet[Notification]:
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(access.visible_task_q(user, "task__"), recipient=user)


def notifications_for(user: Any, *, unread_only: bool = False) -> QuerySet[Notification]:
    """The notices shown to ``user`` in the application, newest first."""
    rows = _mine(user).filter(shown=True)
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    return rows.select_related("task__unit", "task__directive").order_by("-created_at", "-id")


def unread_count(user: Any) -> int:
    """How many notices the bell shows (one COUNT query)."""
    return _mine(user).filter(shown=True, read_at__isnull=True).count()


def get_notification_for_user(user: Any, pk: Any) -> Notification:
    """The notice ``pk`` if it is ``user``'s; Http404 for missing and not-yours alike."""
    try:
        key = int(pk)
    except (TypeError, ValueError) as e:
        raise Http404 from e
    notice = notifications_for(user).filter(pk=key).first()
    if notice is None:
        raise Http404("Không tìm thấy thông báo.")
    return notice


@dataclass(frozen=True)
class PreferenceRow:
    kind: str
    label: str
    in_app: bool
    email: bool


def preferences_of(user: Any) -> list[PreferenceRow]:
    """The user's channels for each kind of notice their role receives."""
    stored = {p.kind: p for p in Preference.objects.filter(user=user)}
    rows = []
    for kind in kinds_for(user):
        pref = stored.get(kind)
        chosen = Channels(pref.in_app, pref.email) if pref else default_channels(kind)
        rows.append(
            PreferenceRow(
                kind=kind,
                label=str(NotificationKind(kind).label),
                in_app=chosen.in_app,
                email=chosen.email,
            )
        )
    return rows
