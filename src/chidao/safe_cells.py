"""The one safe-cell helper: every export cell written from user or report text goes through it.

A spreadsheet opens a text that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
return) as a formula: ``=HYPERLINK("http://…"&E2,"…")`` in a report's text would become a
live link that sends the row's data away (formula or CSV injection). So:

- in an .xlsx (openpyxl, normal or write-only sheets), ``safe_cell(value, sheet)`` gives a
  cell typed as text: the words are kept exactly and never evaluated;
- in a CSV (or any other sink without types), ``safe_cell(value)`` puts an apostrophe before
  such a text, the convention spreadsheets read as "this is text".

Control characters that an .xlsx cannot hold (all below U+0020 but tab and line ends) are
dropped so that a stray one never breaks an export.  Numbers, dates and None pass unchanged.

    ws.append(safe_row([n, task.deadline, directive.text, unit.name], ws))
    writer.writerow(safe_row([n, directive.text]))
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_cell(value: Any, sheet: Any = None) -> Any:
    """``value`` made safe for an export cell: for an openpyxl ``sheet``, a str becomes a
    text-typed cell of that sheet; without one (CSV), a str that a spreadsheet would read as a
    formula gets a leading apostrophe.  Other values are returned unchanged."""
    if not isinstance(value, str):
        return value
    text = _ILLEGAL.sub("", value)
    if sheet is None:
        return "'" + text if text.startswith(FORMULA_START) else text
    from openpyxl.cell.cell import Cell

    cell = Cell(sheet, row=1, column=1, value=text)  # placed by append()
    cell.data_type = "s"  # text, even when it starts with "=": never a formula
    return cell


def safe_row(values: Iterable[Any], sheet: Any = None) -> list[Any]:
    """Every value of a row through :func:`safe_cell` (``ws.append(safe_row(values, ws))``)."""
    return [safe_cell(v, sheet) for v in values]
