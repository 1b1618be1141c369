"""Middleware of the audit trail: the current request for signals, and refusals recorded."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from chidao.audit.context import reset_current_request, set_current_request


def _record_download(request: HttpRequest, response: HttpResponse) -> None:
    """Every file sent as a download (an export of a list, a notice, an attachment) is an
    EXPORT event: the file name, the page and its filters."""
    import re

    from chidao.audit.models import EventKind
    from chidao.audit.services import record_event

    m = re.search(r'filename\*?=(?:UTF-8\'\')?"?([^";]+)', response["Content-Disposition"])
    record_event(
        kind=EventKind.EXPORT,
        request=request,
        object_type=request.resolver_match.view_name if request.resolver_match else "",
        summary=(m.group(1) if m else request.path)[:500],
        data={"path": request.path, "query": request.GET.urlencode()[:1000]},
    )


class CurrentRequestMiddleware:
    """Make the request known to the signals that record events (role changes), and record
    downloads and permission refusals."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = set_current_request(request)
        try:
            response = self.get_response(request)
            if response.status_code == 200 and response.get("Content-Disposition", "").startswith(
                "attachment"
            ):
                _record_download(request, response)
            return response
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
