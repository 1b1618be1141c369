"""What a notice says, in the current language: its title, one line of detail and its link."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from chidao.notifications.models import Notification, NotificationKind


@dataclass(frozen=True)
class Message:
    title: str
    detail: str
    url: str


def _day(value: object) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""  # type: ignore[attr-defined]


def message_of(notice: Notification) -> Message:
    """The words of ``notice`` (its task's unit and directive must be loaded)."""
    task = notice.task
    what = Truncator(task.directive.text).chars(160)
    unit = task.unit.name
    values = {"unit": unit, "deadline": _day(notice.deadline), "who": notice.actor_name}
    kind = notice.kind
    if kind == NotificationKind.NEW_TASK:
        title = _("Nhiệm vụ mới cho %(unit)s") % values
    elif kind == NotificationKind.DUE_SOON:
        title = _("Sắp đến hạn %(deadline)s") % values
    elif kind == NotificationKind.OVERDUE:
        title = _("Quá hạn từ %(deadline)s") % values
    elif kind == NotificationKind.REPORT_RETURNED:
        title = _("Văn phòng trả lại báo cáo hoàn thành")
    elif kind == NotificationKind.EXTENSION_GRANTED:
        title = _("Đồng ý gia hạn đến %(deadline)s") % values
    elif kind == NotificationKind.EXTENSION_REFUSED:
        title = _("Không đồng ý gia hạn")
    elif kind == NotificationKind.FOLLOW_UP:
        title = (
            _("Ý kiến chỉ đạo thêm của %(who)s") % values
            if notice.actor_name
            else _("Ý kiến chỉ đạo thêm")
        )
    elif kind == NotificationKind.COMPLETION_REPORTED:
        title = _("%(unit)s báo cáo hoàn thành") % values
    elif kind == NotificationKind.EXTENSION_REQUESTED:
        title = _("%(unit)s xin gia hạn đến %(deadline)s") % values
    else:
        title = notice.get_kind_display()
    note = Truncator(" ".join(notice.note.split())).chars(200) if notice.note else ""
    detail = f"{what} — {note}" if note else what
    return Message(title=title, detail=detail, url=reverse("tasks:task", args=[task.pk]))
