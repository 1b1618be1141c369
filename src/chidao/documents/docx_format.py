"""The administrative document format shared by notices and reports (python-docx).

Nghị định 30/2020/NĐ-CP, Phụ lục I (and Hướng dẫn 36-HD/VPTW for the Party): A4; margins top and
bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; body 14 pt justified, first-line indent
1.27 cm, 6 pt after each paragraph, line spacing 1.15; page numbers centred in the top margin
from page 2. The heading block is a borderless two-column table: issuing body, number and
symbol on the left; national title and motto (state) or "ĐẢNG CỘNG SẢN VIỆT NAM" (Party), then
place and date, on the right.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FONT = "Times New Roman"
BODY_PT = 14
INDENT = Cm(1.27)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
STATE = "state"
PARTY = "party"


def new_document(*, landscape: bool = False) -> DocxDocument:
    """An empty A4 document in the format: margins, Times New Roman 14 pt, page numbers."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    _page_numbers(section)
    return doc


def _page_numbers(section: Section) -> None:
    """A centred PAGE field in the header of every page but the first (first-page header empty)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    run.font.size = Pt(13)
    for kind, text in (
        ("begin", None),
        (None, "PAGE"),
        ("separate", None),
        (None, "2"),
        ("end", None),
    ):
        if kind is not None:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
            run._r.append(el)
        else:
            el = OxmlElement("w:t")
            el.text = text
            run._r.append(el)
    section.first_page_header.paragraphs[0].text = ""


def _fmt(
    paragraph: Paragraph,
    *,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: bool = False,
    after: float = 0,
    before: float = 0,
    spacing: float | None = None,
) -> Paragraph:
    pf = paragraph.paragraph_format
    if align is not None:
        paragraph.alignment = align
    pf.first_line_indent = INDENT if indent else None
    pf.space_after = Pt(after)
    pf.space_before = Pt(before)
    if spacing is not None:
        pf.line_spacing = spacing
    return paragraph


def run(
    paragraph: Paragraph,
    text: str,
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> Run:
    r = paragraph.add_run(text)
    r.font.size = Pt(size)
    r.font.name = FONT
    r.bold = bold
    r.italic = italic
    r.underline = underline
    return r


def body(
    doc_or_cell: DocxDocument | _Cell,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    indent: bool = True,
) -> Paragraph:
    """A body paragraph: 14 pt, justified, first-line indent 1.27 cm, 6 pt after, spacing 1.15."""
    p = doc_or_cell.add_paragraph()
    _fmt(p, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=indent, after=6, spacing=1.15)
    run(p, text, bold=bold, italic=italic)
    return p


def centred(
    doc_or_cell: DocxDocument | _Cell,
    text: str,
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    after: float = 0,
    before: float = 0,
) -> Paragraph:
    p = doc_or_cell.add_paragraph()
    _fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER, after=after, before=before)
    run(p, text, size=size, bold=bold, italic=italic, underline=underline)
    return p


def _cell_first(cell: _Cell) -> Paragraph:
    """The cell's (empty) first paragraph, reused so that the cell does not start with a blank line."""
    return cell.paragraphs[0]


def place_and_date(place: str, day: dt.date | None) -> str:
    """ "Thanh Hóa, ngày 05 tháng 03 năm 2026" (dots for a date not known yet)."""
    if day is None:
        return f"{place}, ngày     tháng     năm"
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def number_line(fmt: str, number: str, symbol: str) -> str:
    """ "Số: 123/TB-UBND" (state), "Số 123-TB/TU" (Party); blanks before the number is given."""
    if fmt == PARTY:
        return f"Số {number or '     '}-{symbol}"
    return f"Số: {number or '     '}/{symbol}"


def heading_block(
    doc: DocxDocument,
    *,
    fmt: str,
    issuing_body: Sequence[str],
    number: str,
    symbol: str,
    place: str,
    day: dt.date | None,
) -> Table:
    """The two-column heading of the first page in the state or the Party format."""
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _widths(table, (Cm(6), Cm(10.5)))
    left, right = table.rows[0].cells
    lines = list(issuing_body) or [""]
    for i, line in enumerate(lines):
        p = _cell_first(left) if i == 0 else left.add_paragraph()
        _fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER)
        run(p, line, size=13, bold=line.strip() != "*")
    if fmt != PARTY:
        centred(left, "\u2014\u2014\u2014\u2014\u2014", size=10)
    centred(left, number_line(fmt, number, symbol), size=13, before=4)
    if fmt == PARTY:
        p = _cell_first(right)
        _fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER)
        run(p, "ĐẢNG CỘNG SẢN VIỆT NAM", size=14, bold=True, underline=True)
        centred(right, place_and_date(place, day), size=14, italic=True, before=8)
    else:
        p = _cell_first(right)
        _fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER)
        run(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True)
        centred(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, underline=True)
        centred(right, place_and_date(place, day), size=14, italic=True, before=8)
    return table


def signature_block(
    doc: DocxDocument, *, recipients: Sequence[str], signature: Sequence[str], signer: str
) -> Table:
    """ "Nơi nhận:" with its list on the left; the signing authority and name on the right."""
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    _widths(table, (Cm(8), Cm(8.5)))
    left, right = table.rows[0].cells
    p = _cell_first(left)
    _fmt(p, before=12)
    run(p, "Nơi nhận:", size=12, bold=True, italic=True)
    for line in recipients:
        q = left.add_paragraph()
        _fmt(q)
        run(q, line, size=11)
    for i, line in enumerate(signature):
        q = _cell_first(right) if i == 0 else right.add_paragraph()
        _fmt(q, align=WD_ALIGN_PARAGRAPH.CENTER, before=12 if i == 0 else 0)
        run(q, line, size=14, bold=True)
    for _ in range(4):
        right.add_paragraph()
    if signer:
        centred(right, signer, size=14, bold=True)
    return table


def grid_table(
    doc: DocxDocument,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths_cm: Sequence[float] | None = None,
    size: float = 12,
) -> Table:
    """A bordered table with a bold header row (figures, per-unit rates, overdue lists)."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        p = _cell_first(cell)
        _fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER)
        run(p, text, size=size, bold=True)
    for row in rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
            p = _cell_first(cell)
            _fmt(p, align=WD_ALIGN_PARAGRAPH.LEFT if i == 1 else WD_ALIGN_PARAGRAPH.CENTER)
            run(p, str(text), size=size)
    if widths_cm:
        _widths(table, [Cm(w) for w in widths_cm])
    return table


def _widths(table: Table, widths: Sequence[Any]) -> None:
    """Column widths that Word and LibreOffice both honour (grid columns and every cell)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def to_bytes(doc: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
