"""Reads of themes, and the gatekeeper of one theme (``get_theme_for_user``): the province's
readers (office, leaders, administrators) see its themes; anyone else gets 404."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.http import Http404

from chidao.meetings.models import Directive
from chidao.organisation.access import can_read_province, province_code_of
from chidao.tasks.models import Task, TaskState
from chidao.themes.models import Membership, Theme

UNITS_SHOWN = 8


def _province(user: Any) -> str | None:
    return province_code_of(user) if can_read_province(user) else None


def themes_for(user: Any) -> QuerySet[Theme]:
    """The recurring themes (two directives or more) of the user's province, largest first."""
    code = _province(user)
    if not code:
        return Theme.objects.none()
    return Theme.objects.filter(province_code=code, merged_into__isnull=True, size__gte=2).order_by(
        "-size", "id"
    )


def get_theme_for_user(user: Any, pk: Any) -> Theme:
    """The theme ``pk`` of the user's province; Http404 for missing and not-yours alike."""
    code = _province(user)
    try:
        key = int(pk)
    except (TypeError, ValueError) as e:
        raise Http404 from e
    theme = Theme.objects.filter(pk=key, province_code=code).first() if code else None
    if theme is None:
        raise Http404("Không tìm thấy chủ đề.")
    return theme


@dataclass(frozen=True)
class StateCount:
    state: str
    label: str
    count: int


@dataclass(frozen=True)
class Summary:
    """A theme's tasks: how many in each state, and the units (the busiest first)."""

    tasks: int
    states: list[StateCount]
    units: list[tuple[int, str, int]]  # (unit id, name, tasks)
    more_units: int


def summaries(themes: Sequence[Theme] | None, province_code: str = "") -> dict[int, Summary]:
    """The summary of each theme counted now, in two queries whatever the number of themes
    (``None``: every theme of ``province_code``)."""
    if themes is None:
        tasks = Task.objects.filter(directive__theme_membership__province_code=province_code)
        ids = list(Theme.objects.filter(province_code=province_code).values_list("pk", flat=True))
    else:
        ids = [t.pk for t in themes]
        tasks = Task.objects.filter(directive__theme_membership__theme_id__in=ids)
    tasks = tasks.filter(directive__theme_membership__theme__isnull=False)
    states: dict[int, list[StateCount]] = defaultdict(list)
    totals: dict[int, int] = defaultdict(int)
    labels = dict(TaskState.choices)
    for row in (
        tasks.values("directive__theme_membership__theme_id", "state")
        .annotate(n=Count("id"))
        .order_by("directive__theme_membership__theme_id", "state")
    ):
        theme = row["directive__theme_membership__theme_id"]
        states[theme].append(
            StateCount(row["state"], str(labels.get(row["state"], row["state"])), row["n"])
        )
        totals[theme] += row["n"]
    units: dict[int, list[tuple[int, str, int]]] = defaultdict(list)
    for row in (
        tasks.values("directive__theme_membership__theme_id", "unit_id", "unit__name")
        .annotate(n=Count("id"))
        .order_by("directive__theme_membership__theme_id", "-n", "unit__name")
    ):
        theme = row["directive__theme_membership__theme_id"]
        units[theme].append((row["unit_id"], row["unit__name"], row["n"]))
    return {
        pk: Summary(
            tasks=totals[pk],
            states=states[pk],
            units=units[pk][:UNITS_SHOWN],
            more_units=max(0, len(units[pk]) - UNITS_SHOWN),
        )
        for pk in ids
    }


def stored_summaries(themes: Sequence[Theme]) -> dict[int, Summary]:
    """The summaries stored with the themes (``Theme.stats``), without reading any task."""
    labels = dict(TaskState.choices)
    found = {}
    for t in themes:
        stats = t.stats or {}
        found[t.pk] = Summary(
            tasks=int(stats.get("tasks", 0)),
            states=[
                StateCount(state, str(labels.get(state, state)), int(n))
                for state, n in stats.get("states", [])
            ],
            units=[(int(u), str(name), int(n)) for u, name, n in stats.get("units", [])],
            more_units=int(stats.get("more_units", 0)),
        )
    return found


def theme_directives(theme: Theme) -> QuerySet[Directive]:
    """The theme's directives, in the order they were recorded (the index's order: a page of a
    large theme reads its rows only)."""
    return (
        Directive.objects.filter(theme_membership__theme=theme)
        .select_related("session", "issuer", "theme_membership")
        .order_by("id")
    )


def tasks_of(directives: Sequence[Directive]) -> dict[int, list[Task]]:
    """The tasks of the given directives (one query), by directive."""
    found: dict[int, list[Task]] = defaultdict(list)
    for task in (
        Task.objects.filter(directive__in=[d.pk for d in directives])
        .select_related("unit")
        .order_by("directive_id", "role", "unit__name")
    ):
        found[task.directive_id].append(task)
    return found


@dataclass(frozen=True)
class DirectiveTheme:
    theme: Theme | None
    by_office: bool
    others: int  # other directives of the theme


def theme_of(directive: Directive) -> DirectiveTheme:
    """The theme of one directive (for its page)."""
    membership = Membership.objects.filter(directive=directive).select_related("theme").first()
    if membership is None or membership.theme is None:
        return DirectiveTheme(None, bool(membership and membership.by_office), 0)
    return DirectiveTheme(membership.theme, membership.by_office, max(0, membership.theme.size - 1))
