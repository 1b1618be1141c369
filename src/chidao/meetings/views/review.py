"""The actions of the review page: one small POST endpoint each, all through ``_act``.

Each parses its form, calls one draft service and answers the review page (its workspace
for htmx). A refused edit changes nothing and says why: 409 when someone else changed the
draft first (stale version), 400 for a bad value. htmx swaps only 2xx answers, so htmx
requests get the workspace with the message at 200.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from chidao.meetings import access, forms, queries, services
from chidao.meetings import draft as drafts
from chidao.meetings.models import SessionKind, SourceDocument
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
    kept: queries.Kept | None = None,
    typed: dict[str, Any] | None = None,
) -> HttpResponse:
    document = access.get_document_for_user(request.user, document.pk)  # the state after the action
    context = queries.review_context(request.user, document, error=error)
    context["notice"] = notice
    if kept is not None and typed is not None:
        context["kept"] = kept
        _refill(context, kept, typed)
    if request.htmx:
        return render(request, "meetings/review.html#workspace", context)
    return render(request, "meetings/review.html", context, status=status)


CONFLICT = gettext_lazy(
    "Văn bản vừa được người khác sửa; trang đã được tải lại với bản mới nhất. "
    "Hãy làm lại thay đổi của bạn."
)
CONFLICT_KEPT = gettext_lazy(
    "Văn bản vừa được người khác sửa nên thay đổi của bạn chưa được lưu. Nội dung bạn đã nhập "
    "vẫn còn trong biểu mẫu; hãy so với giá trị hiện tại rồi lưu lại."
)


def _shown(form: django_forms.Form, name: str, value: Any) -> str:
    """A typed value as the page shows it (days as dd/mm/yyyy, units by name, kinds by label)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if name in ("units", "support"):
        return queries.unit_names([int(v) for v in value])
    if name == "kind":
        return str(dict(SessionKind.choices).get(value, value))
    return str(value)


def _kept(
    document: SourceDocument, form: django_forms.Form, target: str, item_id: str
) -> queries.Kept:
    """What the user typed in ``form`` (an edit of ``target``) and the current values."""
    typed = [
        (str(form.fields[name].label), _shown(form, name, value))
        for name, value in form.cleaned_data.items()
        if name != "version" and value not in (None, "", [])
    ]
    current = queries.draft_values(document, target, item_id)
    return queries.Kept(target, item_id, typed, current, gone=not current)


def _refill(context: dict[str, Any], kept: queries.Kept, typed: dict[str, Any]) -> None:
    """Put what the user typed back in the form they sent (the page holds the current
    version, so saving again after a look at the current values works)."""
    if kept.target == "session":
        context["session_form"] = dict(typed)
        return
    if kept.target == "directives":
        for row in context["directives"]:
            if row["item"].get("id") == kept.item_id:
                chosen = set(typed.get("units") or [])
                shown = {u.pk for u in row["suggested"]}
                extra = [pk for pk in [*chosen, *(typed.get("support") or [])] if pk not in shown]
                row.update(
                    item={
                        **row["item"],
                        "text": typed.get("text", ""),
                        "issuer": typed.get("issuer", ""),
                        "topic": typed.get("topic", ""),
                    },
                    suggested=[*row["suggested"], *queries.units_by_pks(extra)],
                    chosen_ids=chosen,
                    support_ids=set(typed.get("support") or []),
                    deadline=typed.get("deadline"),
                    assignees=typed.get("assignees", ""),
                    kept=True,
                )
        return
    for group in context["groups"]:
        if group["key"] != kept.target:
            continue
        for entry in group["items"]:
            if entry["item"].get("id") == kept.item_id:
                titles = _split_names(typed.get("titles") or "")
                entry["item"] = {
                    **entry["item"],
                    **{k: typed.get(k) for k in ("text", "value", "unit", "by")},
                    "titles": titles,
                }
                entry["kept"] = True


def _act(
    request: AppRequest,
    pk: int,
    form: django_forms.Form,
    call: Call,
    done: str = "",
    *,
    target: str = "",
    item_id: str = "",
) -> HttpResponse:
    """Run ``call`` with the valid ``form``; ``target`` (with ``item_id``) names what the form
    edits, so that a conflict keeps what the user typed."""
    document = access.get_document_for_user(request.user, pk)
    if not form.is_valid():
        return _answer(request, document, _errors(form), 400)
    try:
        call(document, form.cleaned_data)
    except services.ConflictError:
        if not target:
            return _answer(request, document, str(CONFLICT), 409)
        document = access.get_document_for_user(request.user, pk)
        kept = _kept(document, form, target, item_id)
        return _answer(
            request, document, str(CONFLICT_KEPT), 409, kept=kept, typed=form.cleaned_data
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
    draft = drafts.assign_ids(copy.deepcopy(document.draft or {}))
    directives = draft.get("directives") or []
    index = drafts.position(draft, "directives", request.GET.get("item", ""))
    shown: set[int] = set()
    if index >= 0:
        shown = {
            int(u)
            for u in [
                *(directives[index].get("units") or []),
                *(directives[index].get("suggested") or []),
            ]
        }
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
        old = {c["name"]: c for c in doc.draft.get("chairs") or []}
        chairs = [old.get(name, {"name": name, "titles": []}) for name in _split_names(d["chairs"])]
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
        request,
        pk,
        forms.SessionForm(request.POST),
        call,
        _("Đã lưu thông tin buổi làm việc."),
        target="session",
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
    draft = drafts.assign_ids(copy.deepcopy(document.draft or {}))
    n = drafts.position(draft, "directives", item_id) + 1
    done = _("Đã lưu chỉ đạo số %(n)d.") % {"n": n}
    return _act(request, pk, form, call, done, target="directives", item_id=item_id)


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

    return _act(request, pk, forms.ItemForm(request.POST), call, target=kind, item_id=item_id)


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
