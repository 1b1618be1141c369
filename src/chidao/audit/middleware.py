"""Middleware of the audit trail: the current request for signals, and refusals recorded."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from chidao.audit.context import reset_current_request, set_current_request


class CurrentRequestMiddleware:
    """Make the request known to the signals that record events (role changes)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = set_current_request(request)
        try:
            return self.get_response(request)
        finally:
            reset_current_request(token)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        """A permission refusal (403) is an event; Django then answers it as usual."""
        if isinstance(exception, PermissionDenied):
            from chidao.audit.models import EventKind
            from chidao.audit.services import record_event

            record_event(
                kind=EventKind.PERMISSION_DENIED,
                request=request,
                summary=f"{request.method} {request.path}"[:500],
            )
        return None
