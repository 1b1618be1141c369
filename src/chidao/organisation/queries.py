"""Reads of the organisation app: units for the unit list, people's positions over time."""

from __future__ import annotations

from datetime import date

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone

from chidao.organisation.models import LEGACY_KINDS, LOCAL_KINDS, Person, Position, Unit, search_key


class Period:
    """The ``period`` filter of the unit list."""

    ALL = ""
    CURRENT = "current"
    LEGACY = "legacy"


def units_for(
    *, province_code: str, text: str = "", kind: str = "", period: str = ""
) -> QuerySet[Unit]:
    """The units of a province matching a search text (diacritic- and case-insensitive),
    a kind and a period (current / before July 2025), with parent and successors prefetched;
    current units first."""
    qs = Unit.objects.filter(province_code=province_code)
    key = " ".join(search_key(text).split())
    if key:
        qs = qs.filter(search_name__contains=key)
    if kind:
        qs = qs.filter(kind=kind)
    if period == Period.CURRENT:
        qs = qs.exclude(kind__in=LEGACY_KINDS)
    elif period == Period.LEGACY:
        qs = qs.filter(kind__in=LEGACY_KINDS)
    successors = Unit.objects.only("id", "name", "kind").order_by("name")
    return (
        qs.select_related("parent")
        .prefetch_related(Prefetch("successors", queryset=successors))
        .order_by(F("valid_to").asc(nulls_first=True), "kind", "search_name", "pk")
    )


def positions_on(person: Person, on: date) -> list[Position]:
    """The positions ``person`` held on the day ``on`` (open ends count as still held)."""
    held = person.positions.filter(
        Q(start__isnull=True) | Q(start__lte=on), Q(end__isnull=True) | Q(end__gte=on)
    )
    return list(held.select_related("unit").order_by("start", "pk"))


def current_title(person: Person) -> str:
    """The titles ``person`` holds today, most recent first, joined with ", " ("" when none).

    When no position is open any more, the title of the last one held.
    """
    today = timezone.localdate()
    current = sorted(
        positions_on(person, today), key=lambda p: (p.start or date.min, p.pk), reverse=True
    )
    if current:
        return ", ".join(dict.fromkeys(p.title for p in current))
    last = person.positions.order_by("-end", "-start", "-pk").first()
    return last.title if last is not None else ""


def unit_by_code(*, province_code: str, code: str, legacy: bool | None = None) -> Unit | None:
    """The territorial unit of the province with the official ``code`` (a commune, ward,
    special zone, district or pre-2025 commune), or None.

    ``legacy`` True looks among the pre-2025 units (districts, old communes), False among
    today's, None among both (today's first): the codes of the two eras overlap.
    """
    if not code:
        return None
    kinds: tuple[str, ...] = (*LOCAL_KINDS, *LEGACY_KINDS)
    if legacy is True:
        kinds = LEGACY_KINDS
    elif legacy is False:
        kinds = LOCAL_KINDS
    found = list(Unit.objects.filter(province_code=province_code, code=code, kind__in=kinds))
    found.sort(key=lambda u: u.kind in LEGACY_KINDS)
    return found[0] if found else None
