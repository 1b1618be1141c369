"""Reading an existing tracking sheet (XLSX or CSV) into sessions, directives and tasks.

1. :func:`read_sheet` opens the upload (XLSX through the extractor's guarded ZIP reader, CSV in
   UTF-8 with or without BOM, or Windows-1258/cp1252 fallback) and finds the header row;
2. :func:`guess_mapping` maps the sheet's columns to the fields from their headers;
3. :func:`plan_rows` reads each row into a :class:`PlannedRow` with its errors (unknown unit,
   unreadable deadline, ...); deadlines such as "Quý II/2026" or "trước 30/6" are read by the
   extractor's deadline reader;
4. ``services.apply_import`` writes the rows without errors in one transaction.

A row is one directive with its lead units ("Đơn vị chủ trì") and supporting units ("Đơn vị
phối hợp"), or, as the register export writes it, one task (one unit with its role): rows of
the same session and directive text are merged.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from chidao.extract.deadlines import find_deadline
from chidao.extract.errors import ExtractError
from chidao.extract.lexicon import alternation, assignee_words
from chidao.extract.read import xlsx_workbook
from chidao.extract.spans import Document
from chidao.organisation.models import Unit, search_key

MAX_ROWS = 20000
FIELDS: tuple[tuple[str, str], ...] = (
    ("text", "Nội dung chỉ đạo"),
    ("lead", "Đơn vị chủ trì"),
    ("support", "Đơn vị phối hợp"),
    ("unit", "Đơn vị (một đơn vị mỗi dòng)"),
    ("role", "Vai trò (chủ trì / phối hợp)"),
    ("deadline", "Thời hạn"),
    ("state", "Tình trạng"),
    ("session_date", "Ngày chỉ đạo"),
    ("leader", "Lãnh đạo chỉ đạo"),
    ("session_title", "Buổi làm việc / văn bản"),
    ("topic", "Lĩnh vực"),
    ("progress", "Tiến độ (%)"),
    ("completed", "Ngày hoàn thành"),
)
# header words (without diacritics) that name each field, most specific first
_HEADER_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("support", ("don vi phoi hop", "phoi hop")),
    ("lead", ("don vi chu tri", "chu tri", "don vi thuc hien", "co quan thuc hien")),
    ("role", ("vai tro",)),
    ("text", ("noi dung chi dao", "noi dung", "y kien chi dao", "nhiem vu")),
    ("deadline", ("thoi han", "han hoan thanh", "han xu ly")),
    ("state", ("tinh trang", "trang thai", "ket qua thuc hien")),
    ("session_date", ("ngay chi dao", "ngay lam viec", "ngay hop", "ngay ban hanh")),
    ("leader", ("lanh dao chi dao", "nguoi chi dao", "lanh dao")),
    ("session_title", ("buoi lam viec", "van ban", "thong bao", "nguon")),
    ("topic", ("linh vuc",)),
    ("progress", ("tien do",)),
    ("completed", ("ngay hoan thanh",)),
    ("unit", ("don vi", "co quan")),
)
_SKIP_HEADERS = ("ngay bao cao", "thoi han ban dau", "bao cao gan nhat")
STATES = {
    "hoan thanh": "done",
    "da hoan thanh": "done",
    "xong": "done",
    "dang thuc hien": "in_progress",
    "dang trien khai": "in_progress",
    "qua han": "in_progress",
    "cho xac nhan hoan thanh": "awaiting",
    "xin gia han": "extension_requested",
    "da gia han": "extended",
    "khong thuc hien duoc": "impossible",
    "moi giao": "new",
    "chua thuc hien": "new",
    "chua trien khai": "new",
    "": "new",
}


class SheetError(ValueError):
    """The upload is not a sheet that can be read; the message names the file and why."""


@dataclass(frozen=True)
class Sheet:
    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    header_line: int  # 1-based line of the header row in the file


@dataclass
class PlannedRow:
    line: int
    text: str
    lead: list[Unit] = field(default_factory=list)
    support: list[Unit] = field(default_factory=list)
    deadline: dt.date | None = None
    state: str = "new"
    session_date: dt.date | None = None
    leader: str = ""
    session_title: str = ""
    topic: str = ""
    progress: int = 0
    completed: dt.date | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def state_label(self) -> str:
        from chidao.tasks.models import TaskState

        return str(TaskState(self.state).label)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _find_header(rows: list[tuple[Any, ...]]) -> int:
    """The index of the first row that names the directive's text (within the first 15)."""
    for i, row in enumerate(rows[:15]):
        keys = [search_key(_cell_text(c)) for c in row]
        if any(k.startswith(("noi dung", "y kien chi dao")) for k in keys):
            return i
    return 0


def read_sheet(data: bytes, filename: str) -> Sheet:
    """The first sheet of an .xlsx or a .csv: headers and rows (values as the file types them)."""
    name = filename or "sheet"
    lower = name.lower()
    rows: list[tuple[Any, ...]]
    if lower.endswith(".xlsx"):
        try:
            wb = xlsx_workbook(data, name)
        except ExtractError as e:
            raise SheetError(str(e)) from e
        ws = wb.worksheets[0]
        rows = []
        for row in ws.iter_rows(values_only=True):
            rows.append(tuple(row))
            if len(rows) > MAX_ROWS + 15:
                raise SheetError(f"{name}: more than {MAX_ROWS:,} rows; split the sheet")
        wb.close()
    elif lower.endswith(".csv"):
        for encoding in ("utf-8-sig", "cp1258", "cp1252"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - cp1252 decodes almost anything
            raise SheetError(f"{name}: not a text file (UTF-8 expected)")
        if "\x00" in text:
            raise SheetError(f"{name}: contains NUL bytes; not a CSV file")
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = [tuple(r) for r in csv.reader(io.StringIO(text), dialect)]
        if len(rows) > MAX_ROWS + 15:
            raise SheetError(f"{name}: more than {MAX_ROWS:,} rows; split the sheet")
    else:
        raise SheetError(f"{name}: only .xlsx and .csv tracking sheets can be imported")
    rows = [r for r in rows if any(_cell_text(c) for c in r)] if rows else []
    if not rows:
        raise SheetError(f"{name}: the sheet is empty")
    at = _find_header(rows)
    headers = tuple(_cell_text(c) for c in rows[at])
    width = len(headers)
    body = tuple(tuple(list(r[:width]) + [None] * (width - len(r))) for r in rows[at + 1 :])
    return Sheet(name=name, headers=headers, rows=body, header_line=at + 1)


def guess_mapping(headers: Sequence[str]) -> dict[str, int | None]:
    """Which column (0-based) holds each field, guessed from the headers; None when absent."""
    mapping: dict[str, int | None] = {f: None for f, _label in FIELDS}
    taken: set[int] = set()
    keys = [search_key(h) for h in headers]
    for name, words in _HEADER_KEYS:
        for i, key in enumerate(keys):
            if i in taken or not key or key.startswith(_SKIP_HEADERS):
                continue
            if any(key == w or key.startswith(w) for w in words):
                mapping[name] = i
                taken.add(i)
                break
    return mapping


# "UBND xã An Bình" is the unit "xã An Bình": data/assignees.tsv, kind government_prefix
_UNIT_PREFIX = re.compile(
    rf"^(?:{alternation(assignee_words('government_prefix', marks=False), marks=False)})\s+"
)
_SPLIT = re.compile(r"\s*(?:[;\n]|,(?![^()]*\)))\s*")


class UnitIndex:
    """The province's units by their comparable names ("xa an binh", "an binh", "so tai chinh")."""

    def __init__(self, units: Sequence[Unit]) -> None:
        self.by_key: dict[str, list[Unit]] = {}
        for u in units:
            for key in {u.search_name or search_key(u.name), search_key(u.short_name or "")}:
                if key:
                    self.by_key.setdefault(key, []).append(u)

    def find(self, name: str) -> Unit | None:
        key = _UNIT_PREFIX.sub("", search_key(name)).strip(" .")
        found = self.by_key.get(key, [])
        current = [u for u in found if not u.is_legacy] or found
        return current[0] if len(current) == 1 else None


def _units(value: str, index: UnitIndex, column: str, errors: list[str]) -> list[Unit]:
    units = []
    for name in _SPLIT.split(value or ""):
        name = name.strip(" -+.")
        if not name or search_key(name) in ("cac don vi lien quan", "cac co quan lien quan"):
            continue
        unit = index.find(name)
        if unit is None:
            errors.append(f"{column}: không tìm thấy đơn vị “{name}” trong tỉnh")
        elif unit not in units:
            units.append(unit)
    return units


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _cell_text(value)
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def read_deadline(value: Any, session_date: dt.date | None) -> dt.date | None:
    """A deadline cell: a date, "30/6/2026", or words the extractor reads ("Quý II/2026",
    "trước 30/6", "trong tháng 4"); None for an empty cell; ValueError when unreadable."""
    if value is None or _cell_text(value) == "":
        return None
    try:
        return _date(value)
    except ValueError:
        pass
    text = _cell_text(value)
    base = session_date or dt.date.today()
    for candidate in (text, "trong " + text):
        doc = Document(text=candidate)
        found, _span = find_deadline(doc, doc.span(0, len(candidate), "directive", "import"), base)
        if found is not None:
            return found
    raise ValueError(text)


def plan_rows(
    sheet: Sheet, mapping: dict[str, int | None], units: Sequence[Unit]
) -> list[PlannedRow]:
    """Each data row of ``sheet`` read with ``mapping`` (field → column), with its errors."""
    index = UnitIndex(units)
    headers = sheet.headers

    def cell(row: tuple[Any, ...], name: str) -> Any:
        col = mapping.get(name)
        return row[col] if col is not None and col < len(row) else None

    def label(name: str) -> str:
        col = mapping.get(name)
        return headers[col] if col is not None and col < len(headers) else name

    planned = []
    for n, row in enumerate(sheet.rows, start=sheet.header_line + 1):
        errors: list[str] = []
        text = _cell_text(cell(row, "text"))
        if not text:
            errors.append(f"{label('text')}: trống")
        session_date = None
        if _cell_text(cell(row, "session_date")):
            try:
                session_date = _date(cell(row, "session_date"))
            except ValueError:
                errors.append(
                    f"{label('session_date')}: “{_cell_text(cell(row, 'session_date'))}” không phải ngày"
                )
        lead = _units(_cell_text(cell(row, "lead")), index, label("lead"), errors)
        support = _units(_cell_text(cell(row, "support")), index, label("support"), errors)
        if mapping.get("unit") is not None:
            one = _units(_cell_text(cell(row, "unit")), index, label("unit"), errors)
            role = search_key(_cell_text(cell(row, "role")))
            (support if role.startswith("phoi hop") else lead).extend(
                u for u in one if u not in lead + support
            )
        if (
            not lead
            and not support
            and not any(e.startswith(label("lead")) or e.startswith(label("unit")) for e in errors)
        ):
            errors.append(f"{label('lead')}: chưa có đơn vị thực hiện")
        deadline = None
        try:
            deadline = read_deadline(cell(row, "deadline"), session_date)
        except ValueError as e:
            errors.append(f"{label('deadline')}: không đọc được thời hạn “{e}”")
        state_text = search_key(_cell_text(cell(row, "state")))
        state = STATES.get(state_text)
        if state is None:
            errors.append(
                f"{label('state')}: tình trạng “{_cell_text(cell(row, 'state'))}” không rõ"
            )
            state = "new"
        progress = 0
        raw = _cell_text(cell(row, "progress")).rstrip("%").strip()
        if raw:
            try:
                progress = max(0, min(100, round(float(raw.replace(",", ".")))))
            except ValueError:
                errors.append(f"{label('progress')}: “{raw}” không phải số")
        completed = None
        if _cell_text(cell(row, "completed")):
            try:
                completed = _date(cell(row, "completed"))
            except ValueError:
                errors.append(
                    f"{label('completed')}: “{_cell_text(cell(row, 'completed'))}” không phải ngày"
                )
        if state == "done":
            progress = 100
        planned.append(
            PlannedRow(
                line=n,
                text=text,
                lead=lead,
                support=[u for u in support if u not in lead],
                deadline=deadline,
                state=state,
                session_date=session_date,
                leader=_cell_text(cell(row, "leader")),
                session_title=_cell_text(cell(row, "session_title")),
                topic=_cell_text(cell(row, "topic"))[:120],
                progress=progress,
                completed=completed if state == "done" else None,
                errors=errors,
            )
        )
    return planned
