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
