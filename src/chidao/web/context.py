"""Template context shared by every page (navigation by role)."""

from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict:
    return {}
