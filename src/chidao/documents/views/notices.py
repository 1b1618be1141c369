"""documents:notice (edit, generate, issue) and the downloads of a session's conclusion notice."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.documents import queries, services
from chidao.documents.forms import IssueForm, NoticeForm
from chidao.documents.models import Notice
from chidao.documents.pdf import PdfUnavailable
from chidao.meetings.models import Session
from chidao.meetings.queries import get_session_for_user
from chidao.organisation.access import role_required
from chidao.organisation.models import Role
from chidao.ui.http import SignedInRequest

office_only = role_required(Role.OFFICE)
province_readers = role_required(Role.OFFICE, Role.LEADER, Role.ADMIN)


def _initial(notice: Notice) -> dict[str, object]:
    return {f: getattr(notice, f) for f in NoticeForm.base_fields}


def _page(
    request: SignedInRequest,
    session: Session,
    notice: Notice,
    form: NoticeForm | None = None,
    issue_form: IssueForm | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    context = {
        "session": session,
        "notice": notice,
        "status": queries.notice_status(session),
        "form": form or NoticeForm(initial=_initial(notice)),
        "issue_form": issue_form
        or IssueForm(
            initial={
                "version": notice.version,
                "number": notice.number,
                "issued_on": notice.issued_on,
            }
        ),
        "error": error,
    }
    return render(request, "documents/notice.html", context, status=status)


@office_only
def notice(request: SignedInRequest, pk: int) -> HttpResponse:
    """The notice of session ``pk``: its text sections to edit, then DOCX/PDF, then issue."""
    session = get_session_for_user(request.user, pk)
    if request.method != "POST":
        return _page(request, session, services.proposed_notice(session))
    obj = services.ensure_notice(session=session, actor=request.user)
    form = NoticeForm(request.POST)
    if not form.is_valid():
        return _page(request, session, obj, form=form, status=400)
    try:
        obj = services.save_notice_text(
            notice=obj, actor=request.user, version=form.cleaned_data["version"], text=form.text()
        )
        action = request.POST.get("action", "save")
        if action in ("docx", "pdf"):
            obj = services.generate_notice(notice=obj, actor=request.user, with_pdf=action == "pdf")
            messages.success(request, _("Đã tạo tệp thông báo kết luận."))
        else:
            messages.success(request, _("Đã lưu nội dung thông báo."))
    except services.NoticeConflict as e:
        return _page(request, session, obj, form=form, error=str(e), status=409)
    except services.NoticeError as e:
        return _page(request, session, obj, form=form, error=str(e), status=400)
    except PdfUnavailable:
        messages.warning(
            request, _("Máy chủ chưa cài LibreOffice nên chưa tạo được PDF; tệp DOCX đã được lưu.")
        )
        services.generate_notice(notice=obj, actor=request.user)
    return redirect("documents:notice", pk=session.pk)


@office_only
@require_POST
def issue(request: SignedInRequest, pk: int) -> HttpResponse:
    """Record the number and date of issue of session ``pk``'s notice."""
    session = get_session_for_user(request.user, pk)
    obj = services.ensure_notice(session=session, actor=request.user)
    form = IssueForm(request.POST)
    if not form.is_valid():
        return _page(request, session, obj, issue_form=form, status=400)
    try:
        services.issue_notice(
            notice=obj,
            actor=request.user,
            version=form.cleaned_data["version"],
            number=form.cleaned_data["number"],
            issued_on=form.cleaned_data["issued_on"],
        )
    except services.NoticeConflict as e:
        return _page(request, session, obj, issue_form=form, error=str(e), status=409)
    except services.NoticeError as e:
        return _page(request, session, obj, issue_form=form, error=str(e), status=400)
    messages.success(request, _("Đã ghi số và ngày ban hành thông báo."))
    return redirect("documents:notice", pk=session.pk)


@province_readers
def download(request: SignedInRequest, pk: int, kind: str) -> FileResponse:
    """The kept DOCX or PDF of session ``pk``'s notice (404 until it has been generated)."""
    session = get_session_for_user(request.user, pk)
    obj = Notice.objects.filter(session=session).first()
    field = None if obj is None else (obj.file if kind == "docx" else obj.pdf)
    if not field:
        raise Http404("no file")
    name = f"thong-bao-ket-luan-{session.pk}.{kind}"
    return FileResponse(field.open("rb"), as_attachment=True, filename=name)
