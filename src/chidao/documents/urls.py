"""URLs of the documents that go out: conclusion notices, periodic reports, exports."""

from django.urls import path

from chidao.documents.views import account, exports, imports, notices, reports

app_name = "documents"
urlpatterns = [
    path("report/", reports.report, name="report"),
    path("account/", account.account, name="account"),
    path("calendar/<str:key>.ics", account.calendar_feed, name="calendar_feed"),
    path("import/", imports.upload, name="import"),
    path("import/<int:pk>/", imports.sheet, name="import_sheet"),
    path("export/register.<str:kind>", exports.register, name="export_register"),
    path("export/units/<int:pk>.<str:kind>", exports.unit, name="export_unit"),
    path("export/petitions.<str:kind>", exports.petitions, name="export_petitions"),
    path("export/indicators.<str:kind>", exports.indicators, name="export_indicators"),
    path("sessions/<int:pk>/notice/", notices.notice, name="notice"),
    path("sessions/<int:pk>/notice/issue/", notices.issue, name="notice_issue"),
    path("sessions/<int:pk>/notice.docx", notices.download, {"kind": "docx"}, name="notice_docx"),
    path("sessions/<int:pk>/notice.pdf", notices.download, {"kind": "pdf"}, name="notice_pdf"),
]
