"""Every list to XLSX and CSV, in constant memory.

A list is a sequence of :class:`Column` (header, how to read the value from a row, its kind)
and an iterator of rows read in chunks (``QuerySet.iterator``). XLSX: openpyxl's write-only
workbook (rows go to a temporary file as they come, dates typed dd/mm/yyyy, header bold and
frozen, auto-filter), then the file is streamed. CSV: UTF-8 with a BOM (Excel opens it as
UTF-8), dates dd/mm/yyyy, streamed row by row. Every text goes through the one safe-cell
helper, so no cell ever becomes a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from chidao.documents.models import Notice
from chidao.meetings.models import Petition, SessionItem
from chidao.safe_cells import safe_cell
from chidao.tasks.models import ProgressReport, Task

DATE = "dd/mm/yyyy"
CHUNK = 2000
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv; charset=utf-8"


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    width: float = 14
    kind: str = "text"  # text | date | number


@dataclass(frozen=True)
class Listing:
    """What an export writes: a title (sheet name, file name), columns, rows, the filters used."""

    title: str
    filename: str
    columns: Sequence[Column]
    rows: Iterable[Any]
    filters: Sequence[tuple[str, str]] = ()


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _xlsx_cell(sheet: Any, value: Any, kind: str) -> Any:
    value = _plain(value)
    if isinstance(value, str):
        return safe_cell(value, sheet)
    cell = WriteOnlyCell(sheet, value=value)
    if kind == "date" and value is not None:
        cell.number_format = DATE
    return cell


def write_xlsx(listing: Listing, target: Any) -> None:
    """Write ``listing`` to the file object ``target`` with a write-only workbook."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(listing.title[:31])
    ws.freeze_panes = "A2"
    for i, column in enumerate(listing.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = column.width
    last = get_column_letter(len(listing.columns))
    ws.auto_filter.ref = f"A1:{last}1"
    header = []
    for column in listing.columns:
        cell = safe_cell(column.header, ws)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    for row in listing.rows:
        ws.append([_xlsx_cell(ws, c.value(row), c.kind) for c in listing.columns])
    if listing.filters:
        info = wb.create_sheet(_("Bộ lọc")[:31])
        info.append([safe_cell(_("Bộ lọc"), info), safe_cell(_("Giá trị"), info)])
        for name, value in listing.filters:
            info.append([safe_cell(name, info), safe_cell(value, info)])
    wb.save(target)


def xlsx_response(listing: Listing) -> FileResponse:
    """The listing as a streamed .xlsx download (built in a temporary file, not in memory)."""
    spool = tempfile.TemporaryFile()
    write_xlsx(listing, spool)
    spool.seek(0)
    response = FileResponse(spool, as_attachment=True, filename=f"{listing.filename}.xlsx")
    response["Content-Type"] = XLSX_MIME
    return response


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_value(value: Any) -> Any:
    value = _plain(value)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if value is None:
        return ""
    return safe_cell(value)


def csv_lines(listing: Listing) -> Iterator[str]:
    """The listing as CSV lines, the first one starting with a BOM."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([safe_cell(c.header) for c in listing.columns])
    for row in listing.rows:
        yield writer.writerow([_csv_value(c.value(row)) for c in listing.columns])


def csv_response(listing: Listing) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in csv_lines(listing)), content_type=CSV_MIME
    )
    response["Content-Disposition"] = f'attachment; filename="{listing.filename}.csv"'
    return response


def response_for(listing: Listing, kind: str) -> Any:
    return csv_response(listing) if kind == "csv" else xlsx_response(listing)


# ---------------------------------------------------------------- the lists


def with_latest_report(tasks: QuerySet[Task]) -> QuerySet[Task]:
    """Annotate each task with its latest progress report's text and time."""
    latest = ProgressReport.objects.filter(task=OuterRef("pk")).order_by("-at", "-id")
    notice = Notice.objects.filter(session=OuterRef("directive__session"))
    return tasks.annotate(
        latest_text=Subquery(latest.values("text")[:1]),
        latest_at=Subquery(latest.values("at")[:1]),
        notice_number=Subquery(notice.values("number")[:1]),
        notice_symbol=Subquery(notice.values("symbol")[:1]),
        notice_format=Subquery(notice.values("format")[:1]),
        notice_date=Subquery(notice.values("issued_on")[:1]),
    )


def _notice_ref(t: Task) -> str:
    number = getattr(t, "notice_number", "")
    if not number:
        return ""
    sep = "-" if getattr(t, "notice_format", "") == "party" else "/"
    day = getattr(t, "notice_date", None)
    return f"{number}{sep}{t.notice_symbol}" + (f" ({day:%d/%m/%Y})" if day else "")  # type: ignore[attr-defined]


def task_columns() -> list[Column]:
    """The tracking sheet's columns, one row per task (directive × unit)."""
    return [
        Column(_("Ngày làm việc"), lambda t: t.directive.session.date, 13, "date"),
        Column(_("Buổi làm việc"), lambda t: t.directive.session.title, 40),
        Column(
            _("Lãnh đạo chỉ đạo"),
            lambda t: (
                t.directive.issuer.full_name if t.directive.issuer else t.directive.issuer_name
            ),
            22,
        ),
        Column(_("Nội dung chỉ đạo"), lambda t: t.directive.text, 70),
        Column(_("Lĩnh vực"), lambda t: t.directive.topic, 16),
        Column(_("Đơn vị"), lambda t: t.unit.name, 26),
        Column(_("Vai trò"), lambda t: t.get_role_display(), 10),
        Column(_("Thời hạn"), lambda t: t.deadline, 13, "date"),
        Column(_("Thời hạn ban đầu"), lambda t: t.original_deadline, 13, "date"),
        Column(_("Tình trạng"), lambda t: t.get_state_display(), 22),
        Column(_("Quá hạn"), lambda t: _("Có") if getattr(t, "overdue", False) else "", 9),
        Column(_("Tiến độ (%)"), lambda t: t.progress, 10, "number"),
        Column(_("Báo cáo gần nhất"), lambda t: getattr(t, "latest_text", "") or "", 50),
        Column(_("Ngày báo cáo gần nhất"), lambda t: getattr(t, "latest_at", None), 13, "date"),
        Column(_("Ngày hoàn thành"), lambda t: t.completed_at, 13, "date"),
        Column(_("Thông báo kết luận"), _notice_ref, 22),
    ]


def task_listing(
    tasks: QuerySet[Task], *, title: str, filename: str, filters: Sequence[tuple[str, str]] = ()
) -> Listing:
    rows = with_latest_report(
        tasks.select_related("unit", "directive", "directive__session", "directive__issuer")
    ).iterator(chunk_size=CHUNK)
    return Listing(
        title=title, filename=filename, columns=task_columns(), rows=rows, filters=filters
    )


def _name(unit: Any) -> str:
    return unit.name if unit is not None else ""


def petition_listing(
    petitions: QuerySet[Petition],
    *,
    title: str,
    filename: str,
    filters: Sequence[tuple[str, str]] = (),
) -> Listing:
    """The petitions register, one row per petition, in the order of ``petitions`` (the
    register page's query, with its filters), read in chunks."""
    columns = [
        Column(_("Ngày làm việc"), lambda p: p.session.date, 13, "date"),
        Column(_("Buổi làm việc"), lambda p: p.session.title, 40),
        Column(_("Kiến nghị"), lambda p: p.item.text, 70),
        Column(_("Người kiến nghị"), lambda p: str((p.item.data or {}).get("by") or ""), 26),
        Column(_("Đơn vị kiến nghị"), lambda p: _name(p.raised_by), 24),
        Column(_("Cơ quan trả lời"), lambda p: _name(p.answerer), 26),
        Column(_("Trạng thái"), lambda p: str(p.get_state_display()), 16),
        Column(_("Trả lời"), lambda p: p.answer, 40),
    ]
    rows = petitions.select_related("item", "session", "raised_by", "answerer").iterator(
        chunk_size=CHUNK
    )
    return Listing(title=title, filename=filename, columns=columns, rows=rows, filters=filters)


def indicator_listing(items: QuerySet[SessionItem], *, title: str, filename: str) -> Listing:
    """The indicators read in the sessions, one row per item."""
    columns = [
        Column(_("Ngày làm việc"), lambda i: i.session.date, 13, "date"),
        Column(_("Buổi làm việc"), lambda i: i.session.title, 40),
        Column(_("Chỉ tiêu"), lambda i: i.text, 60),
        Column(_("Giá trị"), lambda i: (i.data or {}).get("value"), 12, "number"),
        Column(_("Đơn vị tính"), lambda i: str((i.data or {}).get("unit") or ""), 12),
        Column(_("Địa phương"), lambda i: i.unit.name if i.unit else "", 24),
    ]
    rows = (
        items.select_related("session", "unit")
        .order_by("-session__date", "session_id", "order")
        .iterator(chunk_size=CHUNK)
    )
    return Listing(title=title, filename=filename, columns=columns, rows=rows)
