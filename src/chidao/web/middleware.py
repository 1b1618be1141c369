"""Middleware of the web application: htmx login redirects, Vietnamese-first language."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class HtmxLoginRedirectMiddleware:
    """An htmx request redirected to the login page gets 204 with HX-Redirect, so that the
    whole page goes to the login instead of the login form landing inside a fragment."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "htmx", False) and response.status_code == 302:
            from django.conf import settings
            from django.shortcuts import resolve_url

            path = urlsplit(response.get("Location", "")).path
            if path == resolve_url(settings.LOGIN_URL) or path.endswith("/login/"):
                location = response["Location"]
                response.status_code = 204
                response["HX-Redirect"] = location
        return response


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Vietnamese unless the user chose another language with the switcher (its cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language, and most browsers
    in Vietnamese offices say English; the application speaks Vietnamese first.
    """

    def process_request(self, request: HttpRequest) -> None:
        from django.conf import settings

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()  # type: ignore[attr-defined]


class ForcePasswordChangeMiddleware:
    """A user whose password is temporary (``Profile.must_change_password``) reaches only the
    password change page (and logout, language, static files) until they have changed it."""

    ALLOWED = ("password_change", "logout", "set_language")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and self._must_change(user):
            from django.conf import settings
            from django.shortcuts import redirect
            from django.urls import Resolver404, resolve, reverse

            try:
                name = resolve(request.path_info).url_name
            except Resolver404:
                name = None
            static = settings.STATIC_URL and request.path.startswith(str(settings.STATIC_URL))
            if name not in self.ALLOWED and not static:
                url = reverse("password_change")
                if getattr(request, "htmx", False):
                    # a fragment asked for by the password page itself (the bell) gets
                    # nothing: redirecting it there would reload that page forever
                    response = HttpResponse(status=204)
                    if not _is_current_page(request, url):
                        response["HX-Redirect"] = url
                    return response
                return redirect(url)
        return self.get_response(request)

    @staticmethod
    def _must_change(user: object) -> bool:
        from chidao.organisation.access import profile_of

        profile = profile_of(user)
        return bool(profile is not None and profile.must_change_password)


def _is_current_page(request: HttpRequest, path: str) -> bool:
    """Whether an htmx request comes from the page at ``path`` (its HX-Current-URL)."""
    from urllib.parse import urlsplit

    current = request.headers.get("HX-Current-URL", "")
    return bool(current) and urlsplit(current).path == path
