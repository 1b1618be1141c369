"""The request the apps' views receive, typed: a signed-in Django user and django-htmx's
details (``request.htmx``), instead of ``Any``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User
    from django_htmx.middleware import HtmxDetails


class AppRequest(HttpRequest):
    """``HttpRequest`` with what the project's middleware adds (for type checking only)."""

    user: User | AnonymousUser
    htmx: HtmxDetails


class SignedInRequest(AppRequest):
    """The request of a view behind ``role_required`` (``chidao.organisation.access``), which
    lets only signed-in users through (for type checking only)."""

    user: User
