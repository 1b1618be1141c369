"""Pages that write across meetings and tasks: confirming a reviewed document, the corrections
of a confirmed session (office), and a leader's follow-up comment on a directive.

Each view parses its form, calls one service of ``chidao.workflow`` and goes back to the
session (or directive) page with a message saying what was done or why not. Their URLs are in
the ``meetings`` namespace (``chidao.workflow.urls``, joined in ``chidao.web.urls``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from chidao.meetings import access as meetings_access
from chidao.meetings import forms, queries
from chidao.meetings.services import DraftError
from chidao.meetings.views import review
from chidao.meetings.views.common import office_only
from chidao.organisation.access import role_required
from chidao.organisation.models import Role
from chidao.tasks import access as task_access
from chidao.ui.http import AppRequest
from chidao.workflow import corrections, sessions


def _errors(form: django_forms.Form) -> str:
    parts = []
    for f, errors in form.errors.items():
        text = " ".join(str(e) for e in errors)
        parts.append(f"{form.fields[f].label}: {text}" if f in form.fields else text)
    return "; ".join(parts)


def _run(
    request: HttpRequest,
    form: django_forms.Form,
    call: Callable[[dict[str, Any]], object],
    done: str,
) -> bool:
    if not form.is_valid():
        messages.error(request, _errors(form))
        return False
    try:
        call(form.cleaned_data)
    except corrections.DraftError as e:
        messages.error(request, str(e))
        return False
    messages.success(request, done)
    return True


def _directive(request: HttpRequest, session_pk: int, directive_pk: int) -> Any:
    session = queries.get_session_for_user(request.user, session_pk)
    directive = session.directives.filter(pk=directive_pk).first()
    if directive is None:
        from django.http import Http404

        raise Http404("no such directive in this session")
    return session, directive


def _back(session_pk: int, anchor: str = "") -> HttpResponse:
    from django.urls import reverse

    return redirect(
        reverse("meetings:session", args=[session_pk]) + (f"#{anchor}" if anchor else "")
    )


@office_only
@require_POST
def add_directive(request: HttpRequest, pk: int) -> HttpResponse:
    session = queries.get_session_for_user(request.user, pk)
    form = forms.NewDirectiveForm(request.POST, unit_ids=queries.unit_choices(request.user))
    _run(
        request,
        form,
        lambda d: corrections.add_directive(
            session=session,
            actor=request.user,
            text=d["text"],
            units=d["units"],
            support=d["support"],
            deadline=d["deadline"],
            issuer=d["issuer"],
            topic=d["topic"],
        ),
        _("Đã thêm chỉ đạo và giao nhiệm vụ cho các đơn vị."),
    )
    return _back(pk, "directives")


@office_only
@require_POST
def edit_directive(request: HttpRequest, pk: int, directive_pk: int) -> HttpResponse:
    _session, directive = _directive(request, pk, directive_pk)
    _run(
        request,
        forms.CorrectDirectiveForm(request.POST),
        lambda d: corrections.edit_directive(
            directive=directive,
            actor=request.user,
            text=d["text"],
            deadline=d["deadline"],
            issuer=d["issuer"],
            topic=d["topic"],
        ),
        _("Đã sửa chỉ đạo; các nhiệm vụ đang mở theo thời hạn mới."),
    )
    return _back(pk, f"directive-{directive_pk}")


@office_only
@require_POST
def withdraw_directive(request: HttpRequest, pk: int, directive_pk: int) -> HttpResponse:
    _session, directive = _directive(request, pk, directive_pk)
    _run(
        request,
        forms.ReasonForm(request.POST),
        lambda d: corrections.withdraw_directive(
            directive=directive, actor=request.user, reason=d["reason"]
        ),
        _("Đã rút chỉ đạo; các nhiệm vụ đang mở đã được hủy với lý do đã nêu."),
    )
    return _back(pk, f"directive-{directive_pk}")


@office_only
@require_POST
def reassign_directive(request: HttpRequest, pk: int, directive_pk: int) -> HttpResponse:
    _session, directive = _directive(request, pk, directive_pk)
    form = forms.ReassignForm(request.POST, unit_ids=queries.unit_choices(request.user))
    _run(
        request,
        form,
        lambda d: corrections.reassign_directive(
            directive=directive,
            actor=request.user,
            units=d["units"],
            support=d["support"],
            reason=d["reason"],
        ),
        _("Đã giao lại chỉ đạo; nhiệm vụ của các đơn vị đã được cập nhật."),
    )
    return _back(pk, f"directive-{directive_pk}")


@office_only
@require_POST
def delete_session(request: HttpRequest, pk: int) -> HttpResponse:
    session = queries.get_session_for_user(request.user, pk)
    if _run(
        request,
        forms.ReasonForm(request.POST),
        lambda d: corrections.delete_session(
            session=session, actor=request.user, reason=d["reason"]
        ),
        _("Đã xóa buổi làm việc «%(title)s»; quản trị viên có thể khôi phục.") % {"title": session},
    ):
        return redirect("meetings:session_list")
    return _back(pk)


@role_required(Role.LEADER, Role.OFFICE)
@require_POST
def comment(request: HttpRequest, directive_pk: int) -> HttpResponse:
    """A leader's follow-up instruction or comment on a directive (the units see it)."""
    directive = task_access.get_directive_for_user(request.user, directive_pk)
    _run(
        request,
        forms.CommentForm(request.POST),
        lambda d: corrections.add_comment(directive=directive, actor=request.user, text=d["text"]),
        _("Đã gửi ý kiến chỉ đạo; các đơn vị thực hiện sẽ thấy ý kiến này."),
    )
    from django.urls import reverse

    return redirect(reverse("tasks:directive", args=[directive.pk]) + "#comments")


@office_only
@require_POST
def confirm(request: AppRequest, pk: int) -> HttpResponse:
    """Confirm the reviewed draft: the session, its directives and tasks; then the session page."""
    document = meetings_access.get_document_for_user(request.user, pk)
    form = forms.ConfirmForm(request.POST)
    if not form.is_valid():
        return review._answer(request, document, review._errors(form), 400)
    if form.cleaned_data["version"] != document.version:
        return review._answer(
            request,
            document,
            _("Văn bản vừa được người khác sửa; hãy xem lại bản mới nhất trước khi xác nhận."),
            409,
        )
    problems = queries.confirm_problems(document)
    if problems:
        return review._answer(request, document, " ".join(problems), 400)
    try:
        session = sessions.confirm(
            document=document, actor=request.user, reason=form.cleaned_data["reason"]
        )
    except DraftError as e:
        return review._answer(request, document, str(e), 400)
    given = session.directives.count()
    messages.success(
        request,
        ngettext(
            "Đã xác nhận buổi làm việc và giao %(n)d chỉ đạo.",
            "Đã xác nhận buổi làm việc và giao %(n)d chỉ đạo.",
            given,
        )
        % {"n": given},
    )
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("meetings:session", args=[session.pk])
        return response
    return redirect("meetings:session", pk=session.pk)


@office_only
@require_POST
def petition_task(request: AppRequest, pk: int) -> HttpResponse:
    """Turn a petition into a task: to the new task's directive, or the petition's page again
    (400/409) with what the office typed."""
    from chidao.meetings.petitions import PetitionError
    from chidao.meetings.services import ConflictError
    from chidao.meetings.views import petitions as petition_views
    from chidao.organisation.models import Unit
    from chidao.workflow.petitions import petition_to_task

    found = meetings_access.get_petition_for_user(request.user, pk)
    form = forms.PetitionTaskForm(request.POST, units=queries.answerer_choices(request.user))
    if not form.is_valid():
        return petition_views.page(
            request, found, task_form=form, error=petition_views.errors_of(form), status=400
        )
    data = form.cleaned_data
    try:
        directive = petition_to_task(
            petition=found,
            actor=request.user,
            version=data["version"],
            unit=Unit.objects.filter(pk=data["unit"]).first() if data.get("unit") else None,
            deadline=data.get("deadline"),
            text=data.get("text") or "",
        )
    except ConflictError as e:
        return petition_views.page(request, found, task_form=form, error=str(e), status=409)
    except PetitionError as e:
        return petition_views.page(request, found, task_form=form, error=str(e), status=400)
    messages.success(request, _("Đã giao kiến nghị thành nhiệm vụ."))
    return redirect(reverse("tasks:directive", args=[directive.pk]))
