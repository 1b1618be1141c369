"""Small display helpers of the task templates: state badges."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from chidao.tasks.models import TaskState

register = template.Library()

_BADGES: dict[str, str] = {
    TaskState.NEW: "badge-info",
    TaskState.IN_PROGRESS: "badge-info",
    TaskState.AWAITING_CONFIRMATION: "badge-warn",
    TaskState.DONE: "badge-ok",
    TaskState.EXTENSION_REQUESTED: "badge-warn",
    TaskState.EXTENDED: "badge-info",
    TaskState.IMPOSSIBLE: "badge-muted",
}


@register.filter
def state_badge(state: str) -> str:
    """The badge class for a task state ("badge-ok" for done ...)."""
    return _BADGES.get(state, "")


@register.filter
def state_label(state: str) -> str:
    """The Vietnamese (translated) label of a state value, '' for an empty one."""
    try:
        return str(TaskState(state).label)
    except ValueError:
        return state or ""


_FIELDS = {
    "state": _("Trạng thái"),
    "deadline": _("Thời hạn"),
    "original_deadline": _("Thời hạn ban đầu"),
    "requested_deadline": _("Thời hạn đề nghị"),
    "unit": _("Đơn vị"),
    "progress": _("Tiến độ (%)"),
    "reason": _("Lý do"),
    "attachments": _("Tệp đính kèm"),
    "completed_at": _("Ngày hoàn thành"),
}


def _show(field: str, value: Any) -> str:
    if value in (None, "", []):
        return "—"
    if field == "state":
        return state_label(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value[:10]).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return str(value)


@register.filter
def change_rows(changes: dict[str, list[Any]]) -> list[tuple[str, str, str]]:
    """An event's ``{"field": [old, new]}`` as (label, old, new) for display, dates as dd/mm/yyyy."""
    rows = []
    for field, pair in (changes or {}).items():
        old, new = [*pair, None, None][:2] if isinstance(pair, list | tuple) else (None, pair)
        rows.append((str(_FIELDS.get(field, field)), _show(field, old), _show(field, new)))
    return rows


@register.simple_tag
def options(pairs: Iterable[tuple[Any, Any]], selected: Any) -> str:
    """``<option>`` elements for (value, label) pairs, ``selected`` marked: built in one pass
    (a select of the province's hundreds of units costs a template loop per row otherwise)."""
    chosen = "" if selected is None else str(selected)
    return mark_safe(
        "".join(
            f'<option value="{escape(value)}"{" selected" if str(value) == chosen else ""}>'
            f"{escape(label)}</option>"
            for value, label in pairs
        )
    )


_ID = 2_147_483_647  # the id a row's URL is reversed with once, then replaced (``url_id``)


@register.simple_tag(takes_context=True)
def url_id(context: template.Context, name: str, pk: Any) -> str:
    """The URL of ``name`` for the object ``pk``, as ``{% url name pk %}``: the pattern is
    reversed once a rendering and each row's id put in its place. A list's rows reversed four
    URLs each, a quarter of the register's table (``reverse`` walks the resolver each time)."""
    rendering: Any = context.render_context  # typed by django-stubs for the loader's use only
    patterns: dict[str, list[str]] = rendering.setdefault("url_id", {})
    if name not in patterns:
        patterns[name] = reverse(name, args=[_ID]).split(str(_ID))
    parts = patterns[name]
    if len(parts) != 2:  # the sentinel elsewhere in the URL too: no shortcut
        return reverse(name, args=[pk])
    return f"{parts[0]}{int(pk)}{parts[1]}"


@register.filter(expects_localtime=True)
def dmy(value: dt.date | None) -> str:
    """A date as dd/mm/yyyy, as ``|date:"d/m/Y"`` ('' for none; a moment in the local time, as
    Django converts it for both), without Django's format machinery (the active language and
    the format settings looked up for every value)."""
    if not isinstance(value, dt.date):
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
