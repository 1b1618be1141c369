"""meetings:ingest: paste a report or upload files; then review (or see the duplicate)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chidao.extract import ExtractError
from chidao.meetings import services
from chidao.meetings.forms import IngestForm
from chidao.meetings.language import looks_vietnamese, vietnamese_error
from chidao.meetings.models import SourceDocument
from chidao.meetings.views.common import office_only
from chidao.organisation.access import province_code_of
from chidao.ui.http import SignedInRequest


@dataclass(frozen=True)
class _Outcome:
    """What became of one pasted text or uploaded file."""

    name: str
    document: SourceDocument | None = None
    created: bool = False
    error: str | None = None


@office_only
def ingest(request: SignedInRequest) -> HttpResponse:
    """GET the form; POST ingests the pasted text and every uploaded file.

    One new document goes straight to its review page; several, or only duplicates, go to
    the list of documents waiting for review with one message per file.
    """
    # no publication date by default: a page's own dated line ("Thứ Năm, 14/11/2013") gives
    # the year of an old report, and the day the text is read is the ceiling anyway
    # (services.ingest_text passes it as ``received``); today as the publication date made
    # every archived report this year's
    form = IngestForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return render(
            request, "meetings/ingest.html", {"form": form}, status=400 if form.is_bound else 200
        )
    code = province_code_of(request.user) or ""
    data = form.cleaned_data
    outcomes: list[_Outcome] = []
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
            outcomes.append(_Outcome(name or _("văn bản dán"), doc, created))
        except ExtractError as e:
            outcomes.append(_Outcome(name or _("văn bản dán"), error=e.message))
    for upload in data.get("files") or []:
        try:
            doc, created = services.ingest_file(
                file=upload, province_code=code, actor=request.user, published=data.get("published")
            )
            outcomes.append(_Outcome(upload.name, doc, created))
        except ExtractError as e:
            outcomes.append(_Outcome(upload.name, error=e.message))
    for outcome in outcomes:
        if outcome.error is not None:
            messages.error(
                request,
                _("%(name)s: không đọc được: %(error)s.")
                % {"name": outcome.name, "error": vietnamese_error(outcome.error)},
            )
        elif outcome.document is not None and not outcome.created:
            known = outcome.document
            messages.warning(
                request,
                format_html(
                    '{}: {} <a href="{}">{}</a>',
                    outcome.name,
                    _("đã nhập trước đây:"),
                    reverse("meetings:review", args=[known.pk])
                    if known.status == "review"
                    else _session_url(known),
                    known.title or known.filename or _("xem văn bản"),
                ),
            )
    created_docs = [o.document for o in outcomes if o.created and o.document is not None]
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
    if all(o.error is not None for o in outcomes):
        return render(request, "meetings/ingest.html", {"form": form}, status=400)
    return redirect("meetings:document_list")


def _session_url(doc: object) -> str:
    session = getattr(doc, "session", None)
    return (
        reverse("meetings:session", args=[session.pk])
        if session is not None
        else reverse("meetings:document_list")
    )
