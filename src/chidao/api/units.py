"""GET /api/units: the units of the user's province (for mapping assignees, filters).

No ``from __future__ import annotations`` here: ninja's ``paginate`` reads the view's
annotations when the module is imported."""

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from chidao.api.pages import Page, Rows
from chidao.organisation.models import LEGACY_KINDS, Unit, UnitKind, search_key

from . import serialise
from .guards import ADMIN, LEADER, OFFICE, OFFICER, require_role
from .schemas import Error, UnitOut

router = Router(tags=["units"])


class UnitFilters(Schema):
    q: str | None = None  # name, with or without diacritics ("an binh")
    kind: str | None = None  # UnitKind value
    legacy: bool = False  # include the districts and communes from before July 2025


@router.get(
    "/units", response={200: list[UnitOut], 403: Error, 422: Error}, summary="Units of the province"
)
@paginate(Page)
def list_units(request: HttpRequest, filters: Query[UnitFilters]) -> Rows[Unit]:
    """Units of the user's province, current ones only unless ``legacy`` is true; paged by
    ``limit`` and ``offset`` (``chidao.api.pages``)."""
    province = require_role(request, OFFICE, LEADER, OFFICER, ADMIN)
    qs = Unit.objects.filter(province_code=province)
    if filters.kind:
        if filters.kind not in UnitKind.values:
            raise HttpError(
                422,
                f"kind: unknown value {filters.kind!r}; expected one of {', '.join(UnitKind.values)}",
            )
        qs = qs.filter(kind=filters.kind)
    if not filters.legacy:
        qs = qs.exclude(kind__in=LEGACY_KINDS)
    if filters.q:
        qs = qs.filter(search_name__contains=search_key(filters.q))
    return Rows(qs.order_by("kind", "name", "pk"), serialise.unit)
