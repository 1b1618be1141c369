"""Creating, revoking and checking API tokens; the per-token rate limit.

A request with ``Authorization: Bearer <token>`` is authenticated as the token's user: the
same gatekeepers then decide what it may read or write, and no CSRF token is needed (there is
no cookie to forge). Each token may make ``CHIDAO_API_RATE_PER_MINUTE`` requests a minute;
beyond that the API answers 429.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer

from chidao.api.models import ApiToken
from chidao.organisation.users import User

PREFIX = "cd_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``: (the stored row, the token to show once).

    Side effects: one ``ApiToken`` row (only the hash of the token is stored).
    """
    name = (name or "").strip()[:80] or "script"
    token = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        row = ApiToken.objects.create(
            user=user, name=name, key_hash=_hash(token), prefix=token[:10]
        )
    return row, token


def revoke_token(*, user: User, pk: Any) -> ApiToken:
    """Revoke ``user``'s token ``pk`` (404-like LookupError for someone else's or a missing one).

    Side effects: sets ``revoked_at``; the token stops working at once.
    """
    with transaction.atomic():
        row = ApiToken.objects.select_for_update().filter(user=user, pk=pk).first()
        if row is None:
            raise LookupError("no such token")
        if row.revoked_at is None:
            row.revoked_at = timezone.now()
            row.save(update_fields=["revoked_at"])
    return row


def user_for_token(token: str) -> Any:
    """The active user of a live token, or None."""
    if not token or not token.startswith(PREFIX) or len(token) > 200:
        return None
    row = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_hash(token), revoked_at=None)
        .first()
    )
    if row is None or not row.user.is_active:
        return None
    _rate_limit(row)
    now = timezone.now()
    if row.last_used_at is None or (now - row.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return row.user


def _rate_limit(row: ApiToken) -> None:
    limit = getattr(settings, "CHIDAO_API_RATE_PER_MINUTE", 120)
    window = int(time.time() // 60)
    key = f"api-rate:{row.pk}:{window}"
    cache.add(key, 0, timeout=120)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=120)
        used = 1
    if used > limit:
        raise HttpError(429, f"Quá {limit} yêu cầu mỗi phút cho khóa này; thử lại sau.")


class TokenAuth(HttpBearer):
    """``Authorization: Bearer cd_...``: the request runs as the token's user."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user
