"""meetings:ingest: paste a report or upload files; then review (or see the duplicate)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chidao.extract import ExtractError
from chidao.meetings import services
from chidao.meetings.forms import IngestForm
from chidao.meetings.language import looks_vietnamese, vietnamese_error
from chidao.meetings.views.common import office_only
from chidao.organisation.access import province_code_of


@office_only
def ingest(request: HttpRequest) -> HttpResponse:
    """GET the form; POST ingests the pasted text and every uploaded file.

    One new document goes straight to its review page; several, or only duplicates, go to
    the list of documents waiting for review with one message per file.
    """
    form = IngestForm(
        request.POST or None,
        request.FILES or None,
        initial={"published": timezone.localdate()},
    )
    if request.method != "POST" or not form.is_valid():
        return render(
            request, "meetings/ingest.html", {"form": form}, status=400 if form.is_bound else 200
        )
    code = province_code_of(request.user) or ""
    data = form.cleaned_data
    outcomes = []  # (name, document, created, error)
    if (data.get("text") or "").strip():
        name = data.get("filename") or ""
        try:
            doc, created = services.ingest_text(
                text=data["text"],
                filename=name,
                province_code=code,
                actor=request.user,
                published=data.get("published"),
            )
            outcomes.append((name or _("văn bản dán"), doc, created, None))
        except ExtractError as e:
            outcomes.append((name or _("văn bản dán"), None, False, e.message))
    for upload in data.get("files") or []:
        try:
            doc, created = services.ingest_file(
                file=upload, province_code=code, actor=request.user, published=data.get("published")
            )
            outcomes.append((upload.name, doc, created, None))
        except ExtractError as e:
            outcomes.append((upload.name, None, False, e.message))
    for name, doc, created, error in outcomes:
        if error is not None:
            messages.error(
                request,
                _("%(name)s: không đọc được: %(error)s.")
                % {"name": name, "error": vietnamese_error(error)},
            )
        elif not created:
            messages.warning(
                request,
                format_html(
                    '{}: {} <a href="{}">{}</a>',
                    name,
                    _("đã nhập trước đây:"),
                    reverse("meetings:review", args=[doc.pk])
                    if doc.status == "review"
                    else _session_url(doc),
                    doc.title or doc.filename or _("xem văn bản"),
                ),
            )
    created_docs = [doc for _name, doc, created, _error in outcomes if created]
    for doc in created_docs:
        if not looks_vietnamese(doc.text):
            messages.warning(
                request,
                _(
                    "«%(doc)s» có vẻ không phải là báo cáo tiếng Việt: hãy kiểm tra trước khi "
                    "xác nhận, hoặc loại văn bản."
                )
                % {"doc": doc},
            )
    if len(outcomes) == 1 and created_docs:
        messages.success(request, _("Đã nhập văn bản. Hãy rà soát trước khi xác nhận."))
        return redirect("meetings:review", pk=created_docs[0].pk)
    if created_docs:
        n = len(created_docs)
        messages.success(
            request,
            ngettext("Đã nhập %(n)d văn bản mới.", "Đã nhập %(n)d văn bản mới.", n) % {"n": n},
        )
    if all(error is not None for *_rest, error in outcomes):
        return render(request, "meetings/ingest.html", {"form": form}, status=400)
    return redirect("meetings:document_list")


def _session_url(doc: object) -> str:
    session = getattr(doc, "session", None)
    return (
        reverse("meetings:session", args=[session.pk])
        if session is not None
        else reverse("meetings:document_list")
    )
