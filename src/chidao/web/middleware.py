"""htmx and login: a fragment request that hits the login redirect gets HX-Redirect."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class HtmxLoginRedirectMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "htmx", False) and response.status_code == 302:
            from django.conf import settings

            location = response.get("Location", "")
            if location.startswith(str(settings.LOGIN_URL)) or "/login/" in location:
                response.status_code = 204
                response["HX-Redirect"] = location
        return response
