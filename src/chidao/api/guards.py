"""Role checks of the API, on top of the page gatekeepers of ``chidao.organisation.access``.

Authentication itself is Django's session (``ninja.security.django_auth``): an anonymous
request answers 401 before any of these run; a signed-in user without the role answers 403.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from ninja.errors import HttpError

from chidao.organisation import access

OFFICE = "office"
LEADER = "leader"
OFFICER = "officer"
ADMIN = "admin"

_PREDICATES: dict[str, Callable[..., bool]] = {
    OFFICE: access.is_office,
    LEADER: access.is_leader,
    OFFICER: access.is_officer,
    ADMIN: access.is_admin,
}


def require_role(request: HttpRequest, *roles: str) -> str:
    """The user's province code when they hold one of ``roles``; otherwise HTTP 403."""
    user = request.user
    if not any(_PREDICATES[r](user) for r in roles):
        raise HttpError(403, "Bạn không có quyền truy cập tài nguyên này.")
    province = access.province_code_of(user)
    if not province:
        raise HttpError(403, "Tài khoản chưa được gán tỉnh.")
    return province
