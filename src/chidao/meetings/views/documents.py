"""meetings:document_list and meetings:review: the documents waiting for review, and one of them."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render

from chidao.meetings import access, queries
from chidao.meetings.models import DocumentStatus
from chidao.meetings.views.common import office_only
from chidao.ui.http import AppRequest


@office_only
def document_list(request: AppRequest) -> HttpResponse:
    """The office's documents waiting for review, newest first."""
    return render(
        request,
        "meetings/document_list.html",
        {"documents": queries.documents_waiting(request.user)},
    )


@office_only
def review(request: AppRequest, pk: int) -> HttpResponse:
    """The source text beside the record (a confirmed document goes to its session)."""
    document = access.get_document_for_user(request.user, pk)
    if document.status == DocumentStatus.CONFIRMED and hasattr(document, "session"):
        return redirect("meetings:session", pk=document.session.pk)
    context = queries.review_context(request.user, document)
    template = "meetings/review.html#workspace" if request.htmx else "meetings/review.html"
    return render(request, template, context)
