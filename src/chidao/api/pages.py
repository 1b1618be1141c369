"""Paging of the API's lists through django-ninja's own pagination.

``Page`` is ninja's ``LimitOffsetPagination`` with the project's bounds: ``limit`` 1–200
(default 50) and ``offset`` 0–``MAX_OFFSET``; a value out of range answers 422 (validation),
never a server error. The response keeps the documented shape ``{"items": [...], "count": n}``.

A list view decorated with ``@paginate(Page)`` returns ``Rows(queryset, serialiser)``: the
paginator slices it (one query for the page, one for the count) and only the rows of the page
are serialised.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from django.db.models import Model, QuerySet
from ninja import Schema
from ninja.pagination import LimitOffsetPagination

from chidao.api.params import MAX_LIMIT, Limit, Offset

M = TypeVar("M", bound=Model)

DEFAULT_LIMIT = 50


class Rows(Generic[M]):
    """A queryset seen through a serialiser: slicing gives the serialised rows of the slice,
    ``len`` the number of rows (a COUNT query)."""

    def __init__(self, queryset: QuerySet[M], serialiser: Callable[[M], Any]) -> None:
        self.queryset = queryset
        self.serialiser = serialiser

    def __getitem__(self, window: slice) -> list[Any]:
        return [self.serialiser(row) for row in self.queryset[window]]

    def __len__(self) -> int:
        return self.queryset.count()


class Page(LimitOffsetPagination):
    """``limit``/``offset`` paging, bounded (see ``chidao.api.params``)."""

    class Input(Schema):
        limit: Limit = DEFAULT_LIMIT
        offset: Offset = 0

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
