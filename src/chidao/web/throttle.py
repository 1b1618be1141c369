"""Login throttling, counted atomically per address and per account-from-an-address.

Two counters, as django-axes counts ``[["username", "ip_address"], "ip_address"]``:

- an account from one address gets ``LOGIN_THROTTLE_ATTEMPTS`` failures in
  ``LOGIN_THROTTLE_SECONDS``: someone guessing from elsewhere never locks the owner out;
- an address gets ``LOGIN_THROTTLE_ADDRESS_ATTEMPTS`` whatever the usernames (higher: an
  office shares one address).

An attempt is *reserved* (the counters incremented in one short write transaction, a row
lock on PostgreSQL) before the password is checked; over a limit, the password is not
checked at all.  So sixty parallel attempts check at most the limit's worth of passwords,
on any number of workers.  A successful login gives its reservation back.  The window runs
from the first attempt.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from chidao.audit.models import LoginCounter
from chidao.audit.services import client_address

__all__ = ["client_address", "is_throttled", "release", "reserve"]


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.encode()).hexdigest()[:40]
    return f"{kind}:{digest}"


def _norm(username: str) -> str:
    return username.strip().lower()


def _scopes(username: str, address: str) -> list[tuple[str, int]]:
    scopes = [(_key("addr", address), settings.LOGIN_THROTTLE_ADDRESS_ATTEMPTS)]
    if username:
        scopes.append(
            (_key("user", f"{_norm(username)}|{address}"), settings.LOGIN_THROTTLE_ATTEMPTS)
        )
    return scopes


def _increment(key: str) -> int:
    """Add one to a counter (a new window when it has expired); the count after it."""
    now = timezone.now()
    window = dt.timedelta(seconds=settings.LOGIN_THROTTLE_SECONDS)
    for _attempt in range(3):
        try:
            with transaction.atomic():
                row = LoginCounter.objects.select_for_update().filter(key=key).first()
                if row is None:
                    LoginCounter.objects.create(key=key, count=1, window_end=now + window)
                    return 1
                if row.window_end <= now:
                    LoginCounter.objects.filter(pk=row.pk).update(count=1, window_end=now + window)
                    return 1
                LoginCounter.objects.filter(pk=row.pk).update(count=F("count") + 1)
                return row.count + 1
        except IntegrityError:  # created by a parallel attempt: count on its row
            continue
    raise RuntimeError("login counter kept changing")  # pragma: no cover


def reserve(username: str, address: str) -> bool:
    """Count one attempt; False when a limit is now exceeded (refuse without checking)."""
    allowed = True
    for key, limit in _scopes(username, address):
        if _increment(key) > limit:
            allowed = False
    return allowed


def release(username: str, address: str) -> None:
    """A successful login: forget the account's failures from this address and give the
    address its reserved attempt back."""
    scopes = _scopes(username, address)
    with transaction.atomic():
        if len(scopes) > 1:
            LoginCounter.objects.filter(key=scopes[1][0]).delete()
        LoginCounter.objects.filter(key=scopes[0][0], count__gt=0).update(count=F("count") - 1)


def is_throttled(username: str, address: str, request: HttpRequest | None = None) -> bool:
    """Whether a login for this account from this address would be refused now (read only)."""
    now = timezone.now()
    rows = {
        r.key: r
        for r in LoginCounter.objects.filter(
            key__in=[k for k, _ in _scopes(username, address)], window_end__gt=now
        )
    }
    return any(k in rows and rows[k].count >= limit for k, limit in _scopes(username, address))
