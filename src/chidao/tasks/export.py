"""The register as an .xlsx tracking sheet (the sheet the office used to type by hand)."""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from chidao.safe_cells import safe_row
from chidao.tasks.models import Task

DATE = "dd/mm/yyyy"


def register_workbook(rows: Iterable[Task]) -> bytes:
    """One sheet, one row per task: session date, leader, directive, unit, deadline, state, progress.

    ``rows`` come from ``queries.register`` (annotated with ``overdue``).
    """
    wb = Workbook()
    ws = wb.active
    ws.title = _("Theo dõi chỉ đạo")[:31]
    headers = [
        _("STT"),
        _("Ngày làm việc"),
        _("Buổi làm việc"),
        _("Người chỉ đạo"),
        _("Nội dung chỉ đạo"),
        _("Lĩnh vực"),
        _("Đơn vị thực hiện"),
        _("Thời hạn"),
        _("Thời hạn ban đầu"),
        _("Trạng thái"),
        _("Quá hạn"),
        _("Tiến độ (%)"),
        _("Ngày hoàn thành"),
    ]
    ws.append(safe_row(headers, ws))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [6, 13, 40, 22, 70, 16, 26, 13, 13, 24, 9, 11, 15]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for n, task in enumerate(rows, start=1):
        directive = task.directive
        overdue = getattr(task, "overdue", None)
        if overdue is None:
            overdue = task.is_overdue()
        completed = timezone.localtime(task.completed_at).date() if task.completed_at else None
        ws.append(
            safe_row(
                [
                    n,
                    directive.session.date,
                    directive.session.title,
                    directive.issuer.full_name if directive.issuer else directive.issuer_name,
                    directive.text,
                    directive.topic,
                    task.unit.name,
                    task.deadline,
                    task.original_deadline,
                    task.get_state_display(),
                    _("Có") if overdue else "",
                    task.progress,
                    completed,
                ],
                ws,
            )
        )
        row = ws.max_row
        for col in (2, 8, 9, 13):
            ws.cell(row=row, column=col).number_format = DATE
        ws.cell(row=row, column=5).alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
