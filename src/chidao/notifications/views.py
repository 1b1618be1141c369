"""Pages of notifications: the list, the bell (an htmx fragment), reading, preferences."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.notifications import queries, services
from chidao.notifications.forms import PreferencesForm
from chidao.notifications.render import message_of
from chidao.organisation.access import role_required
from chidao.organisation.models import Role
from chidao.ui.http import AppRequest

signed_in = role_required(*Role.values)
PAGE_SIZE = 30


@signed_in
def notification_list(request: AppRequest) -> HttpResponse:
    """The user's notices, newest first, 30 a page; ``?unread=1`` the unread ones only."""
    unread_only = request.GET.get("unread") == "1"
    page = Paginator(
        queries.notifications_for(request.user, unread_only=unread_only), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    rows = [(n, message_of(n)) for n in page.object_list]
    context = {
        "page": page,
        "rows": rows,
        "unread_only": unread_only,
        "unread": queries.unread_count(request.user),
    }
    return render(request, "notifications/list.html", context)


@signed_in
def bell(request: AppRequest) -> HttpResponse:
    """The bell with the unread count (htmx loads it into every page's header)."""
    return render(
        request, "notifications/_bell.html", {"unread": queries.unread_count(request.user)}
    )


@signed_in
@require_POST
def read(request: AppRequest, pk: int) -> HttpResponse:
    """Mark one notice read; ``open=1`` goes on to its task. htmx gets the row again."""
    notice = queries.get_notification_for_user(request.user, pk)
    services.mark_read(notification=notice)
    if request.POST.get("open") == "1":
        return redirect(message_of(notice).url)
    if request.htmx:
        return render(
            request,
            "notifications/_row.html",
            {
                "notice": notice,
                "message": message_of(notice),
                "oob_bell": True,
                "unread": queries.unread_count(request.user),
            },
        )
    return redirect(_back(request))


@signed_in
@require_POST
def read_all(request: AppRequest) -> HttpResponse:
    """Mark every notice of the user read."""
    count = services.mark_all_read(user=request.user)
    messages.success(request, _("Đã đánh dấu %(count)d thông báo là đã đọc.") % {"count": count})
    return redirect(_back(request))


@signed_in
def preferences(request: AppRequest) -> HttpResponse:
    """What the user receives, and by which channel (their role's kinds of notice)."""
    rows = queries.preferences_of(request.user)
    if request.method == "POST":
        form = PreferencesForm(request.POST, rows=rows)
        if form.is_valid():
            services.save_preferences(user=request.user, choices=form.choices())
            messages.success(request, _("Đã lưu lựa chọn nhận thông báo."))
            return redirect("notifications:preferences")
    else:
        form = PreferencesForm(rows=rows)
    context = {
        "form": form,
        "rows": [(row, form[f"{row.kind}__in_app"], form[f"{row.kind}__email"]) for row in rows],
        "has_email": bool(getattr(request.user, "email", "")),
    }
    return render(request, "notifications/preferences.html", context)


def _back(request: AppRequest) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("notifications:list")
