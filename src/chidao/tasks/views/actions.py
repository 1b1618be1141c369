"""The task actions: one small POST endpoint each, all through ``_act``.

Each checks who may act before reading the form (403 otherwise), parses the form, calls the
service and answers the task page (or its panel for htmx). A refused write changes nothing
and shows why: 409 for a conflict or a state that no longer allows it, 400 for bad input.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from chidao.organisation.models import LEGACY_KINDS
from chidao.organisation.users import User
from chidao.tasks import access, forms, services
from chidao.tasks.models import Task
from chidao.tasks.views.common import signed_in
from chidao.tasks.views.task import ACTION_FORMS, task_context
from chidao.ui.http import SignedInRequest

Call = Callable[[Task, User, dict[str, Any]], object]

# what each action says once done (every action confirms itself)
DONE_MESSAGES: dict[str, Any] = {
    "start": _("Đã bắt đầu thực hiện nhiệm vụ."),
    "progress": _("Đã gửi báo cáo tiến độ."),
    "complete": _("Đã gửi báo cáo hoàn thành; chờ Văn phòng xác nhận."),
    "extension": _("Đã gửi đề nghị gia hạn; chờ Văn phòng xem xét."),
    "impossible": _("Đã báo cáo không thực hiện được."),
    "accept": _("Đã xác nhận hoàn thành nhiệm vụ."),
    "return": _("Đã trả lại báo cáo hoàn thành cho đơn vị."),
    "grant": _("Đã đồng ý gia hạn; thời hạn mới đã được cập nhật."),
    "refuse": _("Đã không đồng ý gia hạn."),
    "reopen": _("Đã mở lại nhiệm vụ."),
    "edit": _("Đã lưu thay đổi của nhiệm vụ."),
}


def _form(request: SignedInRequest, name: str, data: Any, files: Any = None) -> forms.VersionedForm:
    if name == "edit":
        units = access.units_visible_to(request.user).exclude(kind__in=LEGACY_KINDS)
        return forms.EditForm(data, units=units, prefix=name)
    return ACTION_FORMS[name](data, files, prefix=name)


def _kept_after_conflict(
    request: SignedInRequest, name: str, form: forms.VersionedForm, task: Task
) -> tuple[forms.VersionedForm, dict[str, Any]]:
    """After a 409: the form again with what the user typed (now against the current version,
    so that sending it again after a look at the current values works), the names of the
    files that were not saved, and what the user typed as text for when the action is no
    longer offered."""
    data = request.POST.copy()
    data[f"{name}-version"] = str(task.version)
    again = _form(request, name, data)
    typed = [
        (form.fields[f].label, str(value))
        for f, value in form.cleaned_data.items()
        if f not in ("version", "files") and value not in (None, "", [])
    ]
    files = [f.name for f in request.FILES.getlist(f"{name}-files")]
    return again, {"typed": typed, "files": files}


def _act(request: SignedInRequest, pk: int, name: str, call: Call) -> HttpResponse:
    task = access.get_task_for_user(request.user, pk)
    allowed = access.can_report if name in services.UNIT_ACTIONS else access.can_decide
    if not allowed(request.user, task):
        raise PermissionDenied
    form = _form(request, name, request.POST, request.FILES)
    error, status = "", 200
    if form.is_valid():
        try:
            call(task, request.user, form.cleaned_data)
        except services.ConflictError as e:
            error, status = str(e), 409
        except services.TransitionError as e:
            error, status = str(e), 409
        except services.TaskInputError as e:
            error, status = str(e), 400
        else:
            messages.success(request, DONE_MESSAGES[name])
            if not request.htmx:
                return redirect(reverse("tasks:task", args=[task.pk]))
            task = access.get_task_for_user(request.user, pk)
    else:
        error = "; ".join(
            f"{form.fields[f].label if f in form.fields else ''}: {' '.join(str(e) for e in errs)}".lstrip(
                ": "
            )
            for f, errs in form.errors.items()
        )
        status = 400
    bound = {name: form} if error and status == 400 else None
    kept = None
    if error:
        task = access.get_task_for_user(request.user, pk)
    if error and status == 409:  # keep what the user typed, beside the current values
        again, kept = _kept_after_conflict(request, name, form, task)
        bound = {name: again}
    context = task_context(request, task, error=error, bound=bound, kept=kept)
    if request.htmx:  # htmx swaps only 2xx answers: the error is shown inside the panel
        return render(request, "tasks/task.html#panel", context)
    return render(request, "tasks/task.html", context, status=status)


def _v(data: dict[str, Any]) -> int:
    return data["version"]


@signed_in
@require_POST
def start(request: SignedInRequest, pk: int) -> HttpResponse:
    return _act(
        request, pk, "start", lambda t, u, d: services.start(task=t, actor=u, version=_v(d))
    )


@signed_in
@require_POST
def report_progress(request: SignedInRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "progress",
        lambda t, u, d: services.report_progress(
            task=t,
            actor=u,
            version=_v(d),
            text=d["text"],
            percent=d["percent"],
            files=d["files"],
            lower_reason=d["lower_reason"],
        ),
    )


@signed_in
@require_POST
def report_completion(request: SignedInRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "complete",
        lambda t, u, d: services.report_completion(
            task=t, actor=u, version=_v(d), text=d["text"], files=d["files"]
        ),
    )


@signed_in
@require_POST
def request_extension(request: SignedInRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "extension",
        lambda t, u, d: services.request_extension(
            task=t, actor=u, version=_v(d), new_deadline=d["new_deadline"], reason=d["reason"]
        ),
    )


@signed_in
@require_POST
def report_impossible(request: SignedInRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "impossible",
        lambda t, u, d: services.report_impossible(
            task=t, actor=u, version=_v(d), reason=d["reason"]
        ),
    )


@signed_in
@require_POST
def accept_completion(request: SignedInRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "accept",
        lambda t, u, d: services.accept_completion(task=t, actor=u, version=_v(d), note=d["note"]),
    )


@signed_in
@require_POST
def return_completion(request: SignedInRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "return",
        lambda t, u, d: services.return_completion(task=t, actor=u, version=_v(d), note=d["note"]),
    )


@signed_in
@require_POST
def grant_extension(request: SignedInRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "grant",
        lambda t, u, d: services.grant_extension(task=t, actor=u, version=_v(d), note=d["note"]),
    )


@signed_in
@require_POST
def refuse_extension(request: SignedInRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "refuse",
        lambda t, u, d: services.refuse_extension(task=t, actor=u, version=_v(d), note=d["note"]),
    )


@signed_in
@require_POST
def reopen(request: SignedInRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "reopen",
        lambda t, u, d: services.reopen(task=t, actor=u, version=_v(d), note=d["note"]),
    )


@signed_in
@require_POST
def edit(request: SignedInRequest, pk: int) -> HttpResponse:
    def call(t: Task, u: User, d: dict[str, Any]) -> object:
        return services.edit_task(
            task=t, actor=u, version=_v(d), deadline=d["deadline"], unit=d["unit"], note=d["note"]
        )

    return _act(request, pk, "edit", call)
