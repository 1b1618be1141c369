"""documents:report — the periodic report on directives, previewed then downloaded as
DOCX, PDF or XLSX."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from chidao.documents import outputs
from chidao.documents.forms import ReportForm
from chidao.documents.pdf import PdfUnavailable
from chidao.documents.report import Scope, report_content
from chidao.meetings.queries import session_leaders
from chidao.organisation.access import province_code_of, role_required, units_visible_to
from chidao.organisation.models import Role
from chidao.tasks.access import tasks_visible_to
from chidao.ui.http import AppRequest

province_readers = role_required(Role.OFFICE, Role.LEADER, Role.ADMIN)


@province_readers
def report(request: AppRequest) -> HttpResponse:
    """The report's form and figures; ``download=docx|pdf|xlsx`` answers the file."""
    user = request.user
    units = list(units_visible_to(user).filter(tasks__isnull=False).distinct().order_by("name"))
    leaders = list(session_leaders(user))
    today = timezone.localdate()
    data = request.POST if request.method == "POST" else (request.GET or None)
    initial = {"kind": "quarter", "year": today.year, "number": (today.month - 1) // 3 + 1}
    form = ReportForm(data, units=units, leaders=leaders, initial=initial)
    content = None
    error = ""
    if data is not None and form.is_valid():
        cd = form.cleaned_data
        scope = Scope(
            unit=next((u for u in units if u.pk == cd.get("unit")), None),
            leader=next((p for p in leaders if p.pk == cd.get("leader")), None),
        )
        content = report_content(
            tasks_visible_to(user),
            province_code=province_code_of(user) or "",
            period=cd["period"],
            scope=scope,
            assessment=cd.get("assessment") or "",
            proposals=cd.get("proposals") or "",
        )
        kind = request.POST.get("download") if request.method == "POST" else None
        if kind in outputs.REPORT_FORMATS:
            try:
                return outputs.report_response(content, kind)
            except PdfUnavailable:
                error = _("Máy chủ chưa cài LibreOffice nên chưa tạo được PDF; hãy tải DOCX.")
    status = 400 if data is not None and not form.is_valid() else 200
    template = "documents/report.html#figures" if request.htmx else "documents/report.html"
    return render(
        request, template, {"form": form, "content": content, "error": error}, status=status
    )
