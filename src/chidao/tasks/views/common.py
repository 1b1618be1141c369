"""What the task views share: the sign-in gate and the reading of ``?today=`` in tests."""

from __future__ import annotations

from django.core.paginator import Page, Paginator

from chidao.organisation.access import role_required
from chidao.organisation.models import Role
from chidao.ui.http import AppRequest

signed_in = role_required(*Role.values)
"""Any role (anonymous users go to the login page; users without a role get 403)."""

province_readers = role_required(Role.OFFICE, Role.LEADER, Role.ADMIN)
"""Office, leaders and administrators: the pages that read the whole province."""

PAGE_SIZE = 50


def paginate(request: AppRequest, rows: object, size: int | None = None) -> Page:
    """The page of ``rows`` asked for by ``?page=`` (the last one when out of range)."""
    return Paginator(rows, size or PAGE_SIZE).get_page(request.GET.get("page"))  # type: ignore[arg-type]


def query_without(request: AppRequest, *names: str) -> str:
    """The current query string without ``names`` (to build sort and page links)."""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()
