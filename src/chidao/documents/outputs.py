"""The files of notices and reports as HTTP responses and as bytes for the command line."""

from __future__ import annotations

from django.http import HttpResponse

from chidao.documents.report import ReportContent
from chidao.documents.report_docx import report_docx, report_xlsx

REPORT_FORMATS = ("docx", "pdf", "xlsx")
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def report_bytes(content: ReportContent, kind: str) -> bytes:
    """The report as ``docx``, ``pdf`` (LibreOffice from the DOCX) or ``xlsx`` bytes."""
    if kind == "xlsx":
        return report_xlsx(content)
    docx = report_docx(content)
    if kind == "pdf":
        from chidao.documents.pdf import docx_to_pdf

        return docx_to_pdf(docx)
    if kind != "docx":
        raise ValueError(f"unknown format {kind!r}; expected one of {', '.join(REPORT_FORMATS)}")
    return docx


def report_filename(content: ReportContent, kind: str) -> str:
    p = content.period
    return f"bao-cao-chi-dao-{p.start:%Y%m%d}-{p.end:%Y%m%d}.{kind}"


def report_response(content: ReportContent, kind: str) -> HttpResponse:
    response = HttpResponse(report_bytes(content, kind), content_type=MIME[kind])
    response["Content-Disposition"] = f'attachment; filename="{report_filename(content, kind)}"'
    return response
