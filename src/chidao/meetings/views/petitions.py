"""A petition's page (its session, who raised it, who must answer, its state and answer) and
the office's writes: record the answer, close it. Turning it into a task is a workflow page
(``chidao.workflow.views.petition_task``), whose form is on this page too."""

from __future__ import annotations

from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.meetings import access, forms, petitions, queries
from chidao.meetings.models import Petition, PetitionState
from chidao.meetings.services import ConflictError
from chidao.meetings.views.common import office_only
from chidao.organisation.access import can_read_province, is_office, role_required
from chidao.organisation.models import Role, Unit
from chidao.ui.http import AppRequest

signed_in = role_required(*Role.values)


def errors_of(form: django_forms.Form) -> str:
    """The form's errors in one line, each named by its field's label."""
    parts = []
    for name, errs in form.errors.items():
        text = " ".join(str(e) for e in errs)
        parts.append(f"{form.fields[name].label}: {text}" if name in form.fields else text)
    return "; ".join(parts)


def page(
    request: AppRequest,
    petition: Petition,
    *,
    answer_form: forms.PetitionAnswerForm | None = None,
    task_form: forms.PetitionTaskForm | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    """The petition's page; after a refused write, the forms keep what the user typed."""
    units = queries.answerer_choices(request.user) if is_office(request.user) else []
    initial = {"version": petition.version}
    context = {
        "petition": petition,
        "session_link": can_read_province(request.user),
        "can_act": is_office(request.user) and petition.state != PetitionState.CLOSED,
        "can_task": is_office(request.user)
        and petition.state in (PetitionState.OPEN, PetitionState.ANSWERED),
        "answer_form": answer_form
        or forms.PetitionAnswerForm(
            initial={**initial, "answer": petition.answer, "answerer": petition.answerer_id},
            units=units,
        ),
        "task_form": task_form
        or forms.PetitionTaskForm(initial={**initial, "unit": petition.answerer_id}, units=units),
        "close_form": forms.PetitionCloseForm(initial=initial),
        "error": error,
    }
    return render(request, "meetings/petition.html", context, status=status)


@signed_in
def petition(request: AppRequest, pk: int) -> HttpResponse:
    return page(request, access.get_petition_for_user(request.user, pk))


def _unit(pk: int | None) -> Unit | None:
    return Unit.objects.filter(pk=pk).first() if pk else None


@office_only
@require_POST
def answer(request: AppRequest, pk: int) -> HttpResponse:
    """Record the answer: back to the page, or the page again (400/409) with the typed text."""
    found = access.get_petition_for_user(request.user, pk)
    form = forms.PetitionAnswerForm(request.POST, units=queries.answerer_choices(request.user))
    if not form.is_valid():
        return page(request, found, answer_form=form, error=errors_of(form), status=400)
    data: dict[str, Any] = form.cleaned_data
    try:
        petitions.answer_petition(
            petition=found,
            actor=request.user,
            version=data["version"],
            answer=data["answer"],
            answerer=_unit(data.get("answerer")),
        )
    except ConflictError as e:
        return page(request, found, answer_form=form, error=str(e), status=409)
    except petitions.PetitionError as e:
        return page(request, found, answer_form=form, error=str(e), status=400)
    messages.success(request, _("Đã ghi trả lời kiến nghị."))
    return redirect(reverse("meetings:petition", args=[found.pk]))


@office_only
@require_POST
def close(request: AppRequest, pk: int) -> HttpResponse:
    found = access.get_petition_for_user(request.user, pk)
    form = forms.PetitionCloseForm(request.POST)
    if not form.is_valid():
        return page(request, found, error=errors_of(form), status=400)
    try:
        petitions.close_petition(
            petition=found, actor=request.user, version=form.cleaned_data["version"]
        )
    except ConflictError as e:
        return page(request, found, error=str(e), status=409)
    except petitions.PetitionError as e:
        return page(request, found, error=str(e), status=400)
    messages.success(request, _("Đã đóng kiến nghị."))
    return redirect(reverse("meetings:petition", args=[found.pk]))
