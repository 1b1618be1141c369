"""The actions of the review page: one small POST endpoint each, all through ``_act``.

Each parses its form, calls one draft service and answers the review page (its workspace
for htmx). A refused edit changes nothing and says why: 409 when someone else changed the
draft first (stale version), 400 for a bad value. htmx swaps only 2xx answers, so htmx
requests get the workspace with the message at 200.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from chidao.meetings import access, forms, queries, services
from chidao.meetings.models import SourceDocument
from chidao.meetings.reviewdraft import Chair, DirectiveItem, read_draft
from chidao.meetings.views.common import office_only
from chidao.ui.http import AppRequest

Call = Callable[[SourceDocument, dict[str, Any]], object]


def _errors(form: django_forms.Form) -> str:
    return "; ".join(
        f"{form.fields[f].label}: {' '.join(map(str, errs))}"
        if f in form.fields and f != "version"
        else " ".join(map(str, errs))
        for f, errs in form.errors.items()
    )


def _answer(
    request: AppRequest,
    document: SourceDocument,
    error: str = "",
    status: int = 200,
    notice: str = "",
) -> HttpResponse:
    document = access.get_document_for_user(request.user, document.pk)  # the state after the action
    context = queries.review_context(request.user, document, error=error)
    context["notice"] = notice
    if request.htmx:
        return render(request, "meetings/review.html#workspace", context)
    return render(request, "meetings/review.html", context, status=status)


def _act(
    request: AppRequest, pk: int, form: django_forms.Form, call: Call, done: str = ""
) -> HttpResponse:
    document = access.get_document_for_user(request.user, pk)
    if not form.is_valid():
        return _answer(request, document, _errors(form), 400)
    try:
        call(document, form.cleaned_data)
    except services.ConflictError:
        return _answer(
            request,
            document,
            _(
                "Văn bản vừa được người khác sửa; trang đã được tải lại với bản mới nhất. Hãy làm lại thay đổi của bạn."
            ),
            409,
        )
    except services.DraftError as e:
        return _answer(request, document, str(e), 400)
    done = done or _("Đã lưu thay đổi.")
    if request.htmx:
        return _answer(request, document, notice=done)
    messages.success(request, done)
    return redirect("meetings:review", pk=document.pk)


def _split_names(text: str) -> list[str]:
    return [part.strip() for part in (text or "").split(";") if part.strip()]


@office_only
@require_GET
def unit_search(request: AppRequest, pk: int) -> HttpResponse:
    """The units of the province matching ``q`` (a fragment for the "add unit" box of a directive).

    ``item`` names the directive (its id): the units it already shows are left out.
    """
    document = access.get_document_for_user(request.user, pk)
    found = read_draft(document.draft).find("directives", request.GET.get("item", ""))
    shown: set[int] = set()
    if found is not None and isinstance(directive := found[1], DirectiveItem):
        shown = {*directive.units, *directive.suggested}
    query = (request.GET.get("q") or "").strip()[:100]
    context = {
        "document": document,
        "query": query,
        "results": queries.search_units(document, query, exclude=shown) if query else [],
        "before_reform": queries.is_before_reform(document),
    }
    return render(request, "meetings/review.html#unit_results", context)


@office_only
@require_POST
def set_session(request: AppRequest, pk: int) -> HttpResponse:
    """Date, title, kind, chairs and localities of the session."""

    def call(doc: SourceDocument, d: dict[str, Any]) -> object:
        old = {c.name: c for c in read_draft(doc.draft).chairs}
        chairs = [old.get(name) or Chair(name=name) for name in _split_names(d["chairs"])]
        return services.set_session(
            document=doc,
            version=d["version"],
            date=d["date"],
            title=d["title"],
            kind=d["kind"],
            chairs=chairs,
            localities=_split_names(d["localities"]),
        )

    return _act(
        request, pk, forms.SessionForm(request.POST), call, _("Đã lưu thông tin buổi làm việc.")
    )


@office_only
@require_POST
def edit_directive(request: AppRequest, pk: int, item_id: str) -> HttpResponse:
    """Text, issuer, assignees, units, deadline and topic of one directive."""
    form = forms.DirectiveForm(request.POST, unit_ids=queries.unit_choices(request.user))

    def call(doc: SourceDocument, d: dict[str, Any]) -> object:
        return services.edit_item(
            document=doc,
            version=d["version"],
            kind="directives",
            item_id=item_id,
            text=d["text"],
            issuer=d["issuer"],
            assignees=_split_names(d["assignees"]),
            units=d["units"],
            support=d["support"],
            deadline=d["deadline"],
            topic=d["topic"],
        )

    document = access.get_document_for_user(request.user, pk)
    found = read_draft(document.draft).find("directives", item_id)
    n = found[0] + 1 if found is not None else 0
    return _act(request, pk, form, call, _("Đã lưu chỉ đạo số %(n)d.") % {"n": n})


@office_only
@require_POST
def edit_item(request: AppRequest, pk: int, kind: str, item_id: str) -> HttpResponse:
    """The text of an item (a petition, a difficulty, a person...) and the field of its kind."""

    def call(doc: SourceDocument, d: dict[str, Any]) -> object:
        fields: dict[str, Any] = {"text": d["text"]}
        if kind == "people":
            fields["titles"] = _split_names(d["titles"])
        elif kind == "indicators":
            fields.update(value=d["value"] or None, unit=d["unit"])
        elif kind == "petitions":
            fields["by"] = d["by"] or None
        return services.edit_item(
            document=doc, version=d["version"], kind=kind, item_id=item_id, **fields
        )

    return _act(request, pk, forms.ItemForm(request.POST), call)


@office_only
@require_POST
def split_directive(request: AppRequest, pk: int, item_id: str) -> HttpResponse:
    return _act(
        request,
        pk,
        forms.SplitForm(request.POST),
        lambda doc, d: services.split_directive(
            document=doc, version=d["version"], item_id=item_id, offset=d["offset"]
        ),
    )


@office_only
@require_POST
def merge_directives(request: AppRequest, pk: int, item_id: str) -> HttpResponse:
    return _act(
        request,
        pk,
        forms.VersionedForm(request.POST),
        lambda doc, d: services.merge_directives(
            document=doc, version=d["version"], item_id=item_id
        ),
    )


@office_only
@require_POST
def drop_item(request: AppRequest, pk: int, kind: str, item_id: str) -> HttpResponse:
    return _act(
        request,
        pk,
        forms.VersionedForm(request.POST),
        lambda doc, d: services.drop_item(
            document=doc, version=d["version"], kind=kind, item_id=item_id
        ),
    )


@office_only
@require_POST
def restore_dropped(request: AppRequest, pk: int) -> HttpResponse:
    """Undo the last drop."""
    return _act(
        request,
        pk,
        forms.VersionedForm(request.POST),
        lambda doc, d: services.restore_dropped(document=doc, version=d["version"]),
    )


@office_only
@require_POST
def add_item(request: AppRequest, pk: int) -> HttpResponse:
    """An item from a selection of the source: offsets, or a fragment copied from it."""
    form = forms.AddItemForm(request.POST)

    def call(doc: SourceDocument, d: dict[str, Any]) -> object:
        where = form.offsets(doc.text)
        if where is None:
            raise services.DraftError(_("Không tìm thấy đoạn văn bản này trong bản gốc."))
        return services.add_item(
            document=doc, version=d["version"], kind=d["kind"], start=where[0], end=where[1]
        )

    return _act(request, pk, form, call)


@office_only
@require_POST
def discard(request: AppRequest, pk: int) -> HttpResponse:
    """Set the document aside (not a session report); back to the review list."""
    document = access.get_document_for_user(request.user, pk)
    form = forms.VersionedForm(request.POST)
    if not form.is_valid():
        return _answer(request, document, _errors(form), 400)
    try:
        services.discard(document=document, version=form.cleaned_data["version"])
    except services.ConflictError:
        return _answer(
            request,
            document,
            _("Văn bản vừa được người khác sửa; hãy xem lại trước khi loại."),
            409,
        )
    except services.DraftError as e:
        return _answer(request, document, str(e), 400)
    messages.success(request, _("Đã loại văn bản «%(doc)s».") % {"doc": document})
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("meetings:document_list")
        return response
    return redirect("meetings:document_list")
