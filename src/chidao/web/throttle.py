"""Login throttling: failed attempts counted in the cache per username and per address.

A username gets ``LOGIN_THROTTLE_ATTEMPTS`` failures within ``LOGIN_THROTTLE_SECONDS``;
an address gets ``LOGIN_THROTTLE_ADDRESS_ATTEMPTS`` (more, since an office shares one
address). Once either is reached, logins are refused without checking the password until
the window (counted from the first failure) has passed.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"login-fail:{kind}:{digest}"


def client_address(request: HttpRequest | None) -> str:
    """The address the request came from (REMOTE_ADDR; forwarded headers are not trusted)."""
    if request is None:
        return ""
    return str(request.META.get("REMOTE_ADDR", ""))


def _keys(username: str, address: str) -> list[tuple[str, int]]:
    keys = []
    if username:
        keys.append((_key("user", username), settings.LOGIN_THROTTLE_ATTEMPTS))
    if address:
        keys.append((_key("addr", address), settings.LOGIN_THROTTLE_ADDRESS_ATTEMPTS))
    return keys


def _count(entry: object, now: float) -> int:
    """The failures of a cache entry ``(count, window end)`` still inside its window."""
    if isinstance(entry, tuple | list) and len(entry) == 2 and entry[1] > now:
        return int(entry[0])
    return 0


def is_throttled(username: str, address: str) -> bool:
    """Whether logins for this username or from this address are refused for now."""
    keys = _keys(username, address)
    entries = cache.get_many([k for k, _ in keys])
    now = time.time()
    return any(_count(entries.get(k), now) >= limit for k, limit in keys)


def record_failure(username: str, address: str) -> None:
    """Count one failed login for the username and the address.

    The window starts at the first failure; the entry is stored as ``(count, window end)``
    so that counting again never extends it.
    """
    now = time.time()
    for key, _limit in _keys(username, address):
        entry = cache.get(key)
        count = _count(entry, now)
        end = entry[1] if count else now + settings.LOGIN_THROTTLE_SECONDS  # type: ignore[index]
        cache.set(key, (count + 1, end), timeout=max(1, int(end - now) + 1))


def clear_failures(username: str) -> None:
    """Forget the failures of a username after a successful login."""
    cache.delete(_key("user", username))
