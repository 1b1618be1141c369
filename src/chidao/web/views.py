"""Home, login and logout (owned by the web foundation)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse

from chidao.organisation.access import person_of, role_of
from chidao.organisation.models import Role
from chidao.organisation.users import RequestUser
from chidao.ui.http import AppRequest, signed_in_user
from chidao.web.forms import ThrottledAuthenticationForm


def home_url(user: RequestUser) -> str | None:
    """Where a user lands after signing in, by role (None when the page does not exist)."""
    role = role_of(user)
    targets: list[tuple[str, list[int]]] = []
    if role == Role.OFFICE:
        targets = [("tasks:worklist", [])]
    elif role == Role.LEADER:
        person = person_of(user)
        if person is not None:
            targets.append(("tasks:leader", [person.pk]))
        targets.append(("tasks:register", []))
    elif role == Role.OFFICER:
        targets = [("tasks:inbox", [])]
    elif role == Role.ADMIN:
        targets = [("organisation:unit_list", [])]
    for name, args in targets:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return None


@login_required
def home(request: AppRequest) -> HttpResponse:
    """Send the user to the first page of their role; a user without a role is told so."""
    url = home_url(request.user)
    if url is not None:
        return redirect(url)
    return render(request, "web/home.html", {"has_role": role_of(request.user) is not None})


def server_error(request: AppRequest) -> HttpResponse:
    """The 500 handler: a database busy past its timeout anywhere (a middleware saving the
    session, say) answers 503 with Retry-After like in the views; anything else is a 500."""
    import sys

    from django.views.defaults import server_error as django_server_error

    from chidao.web.limits import busy_response, is_database_busy

    error = sys.exc_info()[1]
    if error is not None and is_database_busy(error):
        return busy_response(request)
    return django_server_error(request)


def healthz(request: AppRequest) -> HttpResponse:
    """For a load balancer: 200 "ok" when this host reaches its database, else 503."""
    from django.db import DatabaseError, connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


class LoginView(auth_views.LoginView):
    """Django's login view with throttled failed attempts (429 once throttled)."""

    form_class = ThrottledAuthenticationForm
    redirect_authenticated_user = True

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_invalid(form)
        if form.has_error("__all__", "throttled"):
            response.status_code = 429
        return response


class LogoutView(auth_views.LogoutView):
    """Log out (POST only, as Django requires), then back to the login page."""


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change one's password (the account menu); a temporary password must be changed here
    before anything else. Django keeps the user signed in after the change."""

    template_name = "registration/password_change.html"

    def get_success_url(self) -> str:
        return home_url(self.request.user) or reverse("home")

    def form_valid(self, form: Any) -> HttpResponse:
        from django.contrib import messages
        from django.utils.translation import gettext as _

        from chidao.organisation.services import password_changed

        response = super().form_valid(form)
        password_changed(user=signed_in_user(self.request))
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from chidao.organisation.access import profile_of

        context = super().get_context_data(**kwargs)
        profile = profile_of(self.request.user)
        context["forced"] = bool(profile is not None and profile.must_change_password)
        return context
