"""tasks:task and tasks:task_history: the task page and its history timeline."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from chidao.organisation.models import LEGACY_KINDS
from chidao.tasks import access, forms, queries, services
from chidao.tasks.models import Task
from chidao.tasks.views.common import signed_in
from chidao.ui.http import AppRequest

# (URL name, button label, needs multipart) of each action, in the order the page shows them
ACTION_META: dict[str, tuple[str, Any, bool]] = {
    "start": ("tasks:start", _("Bắt đầu thực hiện"), False),
    "progress": ("tasks:report_progress", _("Báo cáo tiến độ"), True),
    "complete": ("tasks:report_completion", _("Báo cáo hoàn thành"), True),
    "extension": ("tasks:request_extension", _("Xin gia hạn"), False),
    "impossible": ("tasks:report_impossible", _("Báo cáo không thực hiện được"), False),
    "accept": ("tasks:accept_completion", _("Xác nhận hoàn thành"), False),
    "return": ("tasks:return_completion", _("Trả lại báo cáo hoàn thành"), False),
    "grant": ("tasks:grant_extension", _("Đồng ý gia hạn"), False),
    "refuse": ("tasks:refuse_extension", _("Không đồng ý gia hạn"), False),
    "reopen": ("tasks:reopen", _("Mở lại nhiệm vụ"), False),
    "edit": ("tasks:edit", _("Chỉnh sửa thời hạn, đơn vị"), False),
}

# the less frequent actions, shown folded (a <details> the user opens)
FOLDED = {"extension", "impossible", "edit", "reopen"}

# the form class behind each action offered on the page
ACTION_FORMS: dict[str, type[forms.VersionedForm]] = {
    "start": forms.VersionedForm,
    "progress": forms.ProgressForm,
    "complete": forms.CompletionForm,
    "extension": forms.ExtensionForm,
    "impossible": forms.ReasonForm,
    "accept": forms.NoteForm,
    "return": forms.RequiredNoteForm,
    "grant": forms.NoteForm,
    "refuse": forms.RequiredNoteForm,
    "reopen": forms.RequiredNoteForm,
    "edit": forms.EditForm,
}


def current_values(task: Task) -> list[tuple[Any, str]]:
    """The task as it is now, shown beside a form refused by a conflict."""
    last = task.reports.order_by("-at", "-id").first()
    values = [
        (_("Trạng thái"), task.get_state_display()),
        (_("Thời hạn"), task.deadline.strftime("%d/%m/%Y") if task.deadline else "—"),
        (_("Tiến độ"), f"{task.progress}%"),
        (_("Đơn vị thực hiện"), task.unit.name),
    ]
    if last is not None:
        values.append((_("Báo cáo gần nhất"), f"{last.percent}% · {last.text}"))
    return values


def task_context(
    request: AppRequest,
    task: Task,
    *,
    error: str = "",
    bound: dict[str, Any] | None = None,
    kept: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What the task page and its panel partial need; ``bound`` keeps a failed form's input;
    ``kept`` (after a conflict) what the user typed and the files not saved, shown with the
    task's current values."""
    actions = services.available_actions(request.user, task)
    action_forms: dict[str, Any] = {}
    for name in actions:
        if bound and name in bound:
            action_forms[name] = bound[name]
            continue
        initial: dict[str, Any] = {"version": task.version}
        if name == "edit":
            initial |= {"deadline": task.deadline, "unit": task.unit_id}
            units = access.units_visible_to(request.user).exclude(kind__in=LEGACY_KINDS)
            action_forms[name] = forms.EditForm(initial=initial, units=units, prefix="edit")
        elif name == "progress":
            action_forms[name] = forms.ProgressForm(
                initial=initial | {"percent": task.progress}, prefix=name
            )
        else:
            action_forms[name] = ACTION_FORMS[name](initial=initial, prefix=name)
    offered = [
        {
            "name": name,
            "url": reverse(url, args=[task.pk]),
            "label": label,
            "multipart": multipart,
            "form": action_forms[name],
            "open": name not in FOLDED or bool(bound and name in bound),
        }
        for name, (url, label, multipart) in ACTION_META.items()
        if name in action_forms
    ]
    return {
        "task": task,
        "detail": queries.task_detail(task),
        "actions": actions,
        "offered": offered,
        "error": error,
        "kept": kept,
        "kept_offered": bool(kept and bound and any(n in actions for n in bound)),
        "current": current_values(task) if kept is not None else [],
    }


@signed_in
def task(request: AppRequest, pk: int) -> HttpResponse:
    """The task with its directive, state, deadline, progress, reports, history and allowed actions."""
    obj = access.get_task_for_user(request.user, pk)
    template = "tasks/task.html#panel" if request.htmx else "tasks/task.html"
    return render(request, template, task_context(request, obj))


@signed_in
def task_history(request: AppRequest, pk: int) -> HttpResponse:
    """The task's history timeline alone (htmx refresh, or a printable list)."""
    obj = access.get_task_for_user(request.user, pk)
    return render(
        request, "tasks/task.html#history", {"task": obj, "detail": queries.task_detail(obj)}
    )
