"""Writes of the audit trail: :func:`record_event` (the one way to add an event) and
:func:`purge` (the retention).  Other apps call ``record_event`` where something worth
keeping happens (a confirmed, reopened or deleted session, an export, a refusal)."""

from __future__ import annotations

import datetime as dt
import ipaddress
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from chidao.audit.models import AuditEvent, EventKind
from chidao.organisation.users import User


def client_address(request: HttpRequest | None) -> str:
    """The address the request came from.

    REMOTE_ADDR, unless it is one of ``CHIDAO_TRUSTED_PROXIES`` (nginx on the same host, a
    load balancer): then the right-most address of ``X-Forwarded-For`` that is not a trusted
    proxy (the one the proxy saw; a client cannot forge it by sending its own header).
    """
    if request is None:
        return ""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    trusted = set(getattr(settings, "CHIDAO_TRUSTED_PROXIES", ()))
    if remote not in trusted:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([a for a in forwarded if a]):
        if address not in trusted:
            return address if _valid_ip(address) else remote
    return remote


def _valid_ip(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def record_event(
    *,
    kind: str,
    actor: User | None = None,
    request: HttpRequest | None = None,
    username: str = "",
    target: Any = None,
    object_type: str = "",
    object_id: str | int = "",
    summary: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add one event to the audit trail and return it.

    ``kind`` is an :class:`EventKind`; ``actor`` the user who acted (else the request's user);
    ``target`` a model instance the event is about (or ``object_type``/``object_id``);
    ``summary`` one line for people, ``data`` details (JSON).  Called inside a transaction,
    the event is part of it (a rolled-back confirmation leaves no event).
    Side effects: one AuditEvent row.
    """
    if kind not in EventKind.values:
        raise ValueError(f"unknown audit event kind {kind!r}")
    if actor is None and request is not None:
        actor = getattr(request, "user", None)
    user = actor if getattr(actor, "is_authenticated", False) else None
    if target is not None:
        object_type = object_type or target._meta.label_lower
        object_id = object_id or target.pk
    with transaction.atomic():
        return AuditEvent.objects.create(
            kind=kind,
            actor=user,
            username=(username or (user.get_username() if user is not None else ""))[:150],
            address=_valid_ip(client_address(request)),
            path=(request.get_full_path() if request is not None else "")[:300],
            object_type=object_type[:60],
            object_id=str(object_id)[:64],
            summary=summary[:500],
            data=data or {},
        )


def retention_days() -> int:
    return int(getattr(settings, "CHIDAO_AUDIT_RETENTION_DAYS", 730))


def purge(*, days: int | None = None, now: dt.datetime | None = None) -> int:
    """Delete the events older than ``days`` (default ``CHIDAO_AUDIT_RETENTION_DAYS``) and the
    expired login counters; returns how many events were deleted.

    Side effects: deletes AuditEvent and LoginCounter rows, in batches (short transactions).
    """
    from chidao.audit.models import LoginCounter

    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=retention_days() if days is None else days)
    deleted = 0
    while True:
        with transaction.atomic():
            ids = list(AuditEvent.objects.filter(at__lt=cutoff).values_list("pk", flat=True)[:5000])
            if not ids:
                break
            deleted += AuditEvent.objects.filter(pk__in=ids).delete()[0]
    LoginCounter.objects.filter(window_end__lt=now).delete()
    return deleted
