"""The request the apps' views receive, typed: a signed-in Django user and django-htmx's
details (``request.htmx``), instead of ``Any``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails


class AppRequest(HttpRequest):
    """``HttpRequest`` with what the project's middleware adds (for type checking only)."""

    user: User | AnonymousUser
    htmx: HtmxDetails


class SignedInRequest(AppRequest):
    """The request of a view behind ``role_required`` (``chidao.organisation.access``), which
    lets only signed-in users through (for type checking only)."""

    user: User


def signed_in_user(request: HttpRequest) -> User:
    """The user of a request that only signed-in users reach (a view behind a login check, the
    admin); an anonymous user there is refused (403) rather than passed on as an actor."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user
