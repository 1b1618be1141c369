"""Limits that protect the workers: request bodies capped before they are read, and a busy
database answered with 503 (the user's input kept) instead of an error page.

- :class:`RequestBodyLimitMiddleware` refuses a request whose declared body is larger than
  ``CHIDAO_MAX_REQUEST_BYTES`` (signed in) or ``CHIDAO_MAX_ANONYMOUS_REQUEST_BYTES`` (anyone
  else: a login form is a few hundred bytes) with 413, *before* anything reads the body, so
  an anonymous client can no longer make Django spool a gigabyte of multipart to disk.
  A body without a Content-Length is never read by Django (WSGI gives it as empty).
- :class:`DatabaseBusyMiddleware` turns SQLite's "database is locked" (a writer that waited
  its whole busy timeout) into 503 with ``Retry-After``; the page gives back what the user
  typed, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 5


def body_limit(request: HttpRequest) -> int:
    """The largest body this request may send (lower for requests not signed in)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return int(settings.CHIDAO_MAX_REQUEST_BYTES)
    return int(settings.CHIDAO_MAX_ANONYMOUS_REQUEST_BYTES)


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/") or "json" in request.headers.get("Accept", "")


class RequestBodyLimitMiddleware:
    """413 for a body larger than the caller may send, decided from Content-Length alone.

    It must come after AuthenticationMiddleware (it asks who the user is, from the session
    cookie) and before anything that reads ``request.POST`` or ``request.body``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > 0:
            limit = body_limit(request)
            if length > limit:
                return _too_large(request, length, limit)
        return self.get_response(request)


def _too_large(request: HttpRequest, length: int, limit: int) -> HttpResponse:
    message = _("Yêu cầu quá lớn (%(size)s; giới hạn %(limit)s).") % {
        "size": filesizeformat(length),
        "limit": filesizeformat(limit),
    }
    response: HttpResponse
    if _wants_json(request):
        response = JsonResponse({"detail": message}, status=413)
    else:
        response = HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
    response["Connection"] = "close"  # the unread body is not worth keeping the connection for
    return response


def is_database_busy(error: BaseException) -> bool:
    """Whether an error is SQLite's lock timeout (the database busy with another writer)."""
    text = str(error).lower()
    return isinstance(error, OperationalError) and (
        "database is locked" in text or "database table is locked" in text
    )


class DatabaseBusyMiddleware:
    """503 with Retry-After, never 500, when the database stayed locked past the busy timeout."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_database_busy(exception):
            return None
        return busy_response(request)


def busy_response(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After; the page gives back the text fields the user posted."""
    message = _(
        "Hệ thống đang bận ghi dữ liệu khác; thao tác của bạn chưa được lưu. "
        "Vui lòng gửi lại sau vài giây."
    )
    response: HttpResponse
    if _wants_json(request):
        response = JsonResponse({"detail": message}, status=503)
    else:
        kept: list[tuple[str, str]] = []
        files: list[str] = []
        if request.method == "POST":
            try:
                kept = [
                    (name, values[-1])
                    for name, values in request.POST.lists()
                    if name not in ("csrfmiddlewaretoken", "password")
                    and not name.endswith("version")
                    and values
                    and values[-1].strip()
                ]
                files = [uploads[-1].name or "" for _, uploads in request.FILES.lists() if uploads]
            except Exception:  # the body could not be read again: say so, keep the page
                kept = []
        response = render(
            request,
            "web/busy.html",
            {"message": message, "kept": kept, "files": files, "back": request.path},
            status=503,
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
