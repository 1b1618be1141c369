"""documents:account — a user's API tokens and private calendar feeds; documents:calendar_feed —
the ICS feed behind its secret URL (no sign-in: the URL is the secret)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from chidao.api import tokens
from chidao.api.models import ApiToken
from chidao.documents import calendar
from chidao.documents.models import CalendarFeed
from chidao.organisation.access import role_required
from chidao.organisation.models import Role
from chidao.tasks.access import units_visible_to
from chidao.ui.http import SignedInRequest

signed_in = role_required(*Role.values)


def _context(request: SignedInRequest, **extra: Any) -> dict[str, Any]:
    user = request.user
    return {
        "tokens": ApiToken.objects.filter(user=user),
        "feeds": CalendarFeed.objects.filter(owner=user).select_related("unit"),
        "units": units_visible_to(user)
        .exclude(kind__in=("district", "legacy_commune"))
        .order_by("name")[:500],
        "api_url": request.build_absolute_uri("/api/"),
        **extra,
    }


@signed_in
def account(request: SignedInRequest) -> HttpResponse:
    """List, create and revoke; a new token or feed URL is shown once, right after creation."""
    if request.method != "POST":
        return render(request, "documents/account.html", _context(request))
    action = request.POST.get("action", "")
    user = request.user
    try:
        if action == "create_token":
            _row, secret = tokens.create_token(user=user, name=request.POST.get("name", ""))
            return render(request, "documents/account.html", _context(request, new_token=secret))
        if action == "revoke_token":
            tokens.revoke_token(user=user, pk=_int(request.POST.get("pk")))
            messages.success(request, _("Đã thu hồi khóa API."))
        elif action == "create_feed":
            unit_pk = request.POST.get("unit") or None
            unit = None
            if unit_pk:
                unit = units_visible_to(user).filter(pk=_int(unit_pk)).first()
                if unit is None:
                    raise LookupError
            _feed, key = calendar.create_feed(owner=user, unit=unit)
            url = request.build_absolute_uri(reverse("documents:calendar_feed", args=[key]))
            return render(request, "documents/account.html", _context(request, new_feed_url=url))
        elif action == "revoke_feed":
            calendar.revoke_feed(owner=user, pk=_int(request.POST.get("pk")))
            messages.success(request, _("Đã thu hồi đường dẫn lịch."))
        else:
            return render(request, "documents/account.html", _context(request), status=400)
    except LookupError as e:
        raise Http404("not yours") from e
    return redirect("documents:account")


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError) as e:
        raise LookupError from e


@require_GET
def calendar_feed(request: SignedInRequest, key: str) -> HttpResponse:
    """The feed's ICS text; 404 for an unknown or revoked key."""
    feed = calendar.feed_for_key(key)
    if feed is None:
        raise Http404("no such feed")
    body = calendar.ics(feed, request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="chidao.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
