"""Home, login and logout (owned by the web foundation)."""

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


def home(request: HttpRequest) -> HttpResponse:
    return redirect("login")


class LoginView(auth_views.LoginView):
    pass


class LogoutView(auth_views.LogoutView):
    pass
