"""documents:import (upload) and documents:import_sheet (mapping, preview, confirm)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chidao.documents import imports
from chidao.documents.forms import SheetUploadForm, mapping_form_class
from chidao.documents.importer import FIELDS, SheetError
from chidao.documents.models import ImportStatus, SheetImport
from chidao.organisation.access import province_code_of, role_required
from chidao.organisation.models import Role
from chidao.organisation.users import RequestUser
from chidao.ui.http import SignedInRequest

office_only = role_required(Role.OFFICE)
PREVIEW_ROWS = 300


def _get(user: RequestUser, pk: int) -> SheetImport:
    upload = SheetImport.objects.filter(pk=pk, province_code=province_code_of(user) or "-").first()
    if upload is None:
        raise Http404("no such import")
    return upload


@office_only
def upload(request: SignedInRequest) -> HttpResponse:
    """Upload a tracking sheet; it is read at once so a bad file is refused with the reason."""
    form = SheetUploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            f = form.cleaned_data["file"]
            try:
                sheet = imports.upload_sheet(
                    data=f.read(),
                    filename=f.name,
                    province_code=province_code_of(request.user) or "",
                    actor=request.user,
                )
            except SheetError as e:
                form.add_error("file", str(e))
            else:
                return redirect("documents:import_sheet", pk=sheet.pk)
        status = 400
    recent = SheetImport.objects.filter(province_code=province_code_of(request.user) or "-")[:10]
    return render(request, "documents/import.html", {"form": form, "recent": recent}, status=status)


@office_only
def sheet(request: SignedInRequest, pk: int) -> HttpResponse:
    """The column mapping (guessed, editable), each row's errors, and the confirmation."""
    upload_obj = _get(request.user, pk)
    try:
        data = imports.load(upload_obj)
    except SheetError as e:
        raise Http404(str(e)) from e
    Form = mapping_form_class(data.headers)
    source = request.POST if request.method == "POST" else request.GET
    bound = any(name in source for name, _label in FIELDS)
    form = (
        Form(source)
        if bound
        else Form(initial={k: v for k, v in upload_obj.mapping.items() if v is not None})
    )
    mapping = dict(upload_obj.mapping)
    if bound and form.is_valid():
        mapping = {name: form.cleaned_data.get(name) for name, _label in FIELDS}
    rows = imports.preview(upload_obj, mapping)
    error = ""
    status = 200
    if request.method == "POST":
        if upload_obj.status == ImportStatus.IMPORTED:
            error, status = _("Tệp này đã được nhập."), 409
        elif bound and not form.is_valid():
            error, status = _("Cách ghép cột không hợp lệ."), 400
        else:
            try:
                result = imports.confirm_import(
                    upload=upload_obj, actor=request.user, mapping=mapping
                )
            except imports.ImportRefused as e:
                error, status = str(e), 400
            else:
                messages.success(
                    request,
                    _(
                        "Đã nhập %(s)d buổi làm việc, %(d)d chỉ đạo, %(t)d nhiệm vụ; "
                        "%(u)d dòng đã có sẵn, không thay đổi."
                    )
                    % {
                        "s": result.sessions,
                        "d": result.directives,
                        "t": result.tasks,
                        "u": result.unchanged_rows,
                    },
                )
                return redirect("documents:import_sheet", pk=upload_obj.pk)
    context = {
        "upload": upload_obj,
        "form": form,
        "headers": data.headers,
        "rows": rows[:PREVIEW_ROWS],
        "total": len(rows),
        "bad": sum(1 for r in rows if not r.ok),
        "error": error,
    }
    template = (
        "documents/import_sheet.html#preview" if request.htmx else "documents/import_sheet.html"
    )
    return render(request, template, context, status=status)
