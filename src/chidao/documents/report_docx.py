"""The periodic report as DOCX (and, through LibreOffice, PDF) and as an XLSX workbook."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from chidao.documents import docx_format as f
from chidao.documents.report import ReportContent
from chidao.safe_cells import safe_row
from chidao.tasks.outcomes import Outcomes

DATE = "dd/mm/yyyy"
UNIT_HEADERS = [
    "STT",
    "Đơn vị",
    "Tổng số",
    "Hoàn thành đúng hạn",
    "Hoàn thành quá hạn",
    "Đang thực hiện trong hạn",
    "Quá hạn",
    "Không có thời hạn",
    "Tỷ lệ hoàn thành (%)",
    "Tỷ lệ đúng hạn (%)",
]


def _pct(value: float | None) -> str:
    return f"{value or 0:.1f}".replace(".", ",")


def _unit_cells(counts: Outcomes) -> list[str]:
    return [
        str(counts.total),
        str(counts.done_on_time),
        str(counts.done_late),
        str(counts.in_time),
        str(counts.overdue),
        str(counts.no_deadline),
        _pct(counts.done_rate),
        _pct(counts.on_time_rate),
    ]


def report_docx(content: ReportContent) -> bytes:
    """The report in the state format: heading block, title, figures, tables, texts, signature."""
    doc = f.new_document()
    f.heading_block(
        doc,
        fmt=f.STATE,
        issuing_body=content.issuing_body,
        number="",
        symbol="BC-VP",
        place=content.province,
        day=None,
    )
    f.centred(doc, "BÁO CÁO", bold=True, before=18)
    f.centred(doc, content.title, bold=True, after=2)
    f.centred(doc, "\u2014\u2014\u2014\u2014\u2014", size=10, after=12)
    t = content.totals
    f.body(
        doc,
        f"Số liệu tính đến ngày {content.as_of:%d/%m/%Y}, gồm các nhiệm vụ được giao đến hết kỳ báo cáo "
        "và chưa hoàn thành trước kỳ.",
        italic=True,
    )
    f.body(doc, "I. KẾT QUẢ CHUNG", bold=True, indent=False)
    f.body(
        doc,
        f"Tổng số nhiệm vụ theo dõi: {t.total}; đã hoàn thành {t.done} ({_pct(t.done_rate)}%), "
        f"trong đó đúng hạn {t.done_on_time} ({_pct(t.on_time_rate)}%); quá hạn chưa hoàn thành "
        f"{t.overdue} ({_pct(t.overdue_rate)}%).",
    )
    rows = [[str(i), label, str(n), _pct(p)] for i, (_c, label, n, p) in enumerate(t.shares(), 1)]
    rows.append(["", "Tổng số", str(t.total), "100,0" if t.total else "0,0"])
    f.grid_table(
        doc, ["STT", "Phân loại", "Số nhiệm vụ", "Tỷ lệ (%)"], rows, widths_cm=[1.2, 9, 3, 3]
    )
    f.body(doc, "II. KẾT QUẢ THEO ĐƠN VỊ", bold=True, indent=False)
    unit_rows = [[str(i), u.name, *_unit_cells(u.counts)] for i, u in enumerate(content.units, 1)]
    if unit_rows:
        f.grid_table(
            doc,
            UNIT_HEADERS,
            unit_rows,
            widths_cm=[0.9, 4.1, 1.2, 1.4, 1.4, 1.5, 1.2, 1.3, 1.7, 1.7],
            size=10,
        )
    else:
        f.body(doc, "Không có nhiệm vụ trong kỳ.")
    f.body(doc, "III. NHIỆM VỤ QUÁ HẠN, CHƯA HOÀN THÀNH", bold=True, indent=False)
    if content.overdue:
        f.grid_table(
            doc,
            ["STT", "Nội dung chỉ đạo", "Đơn vị", "Thời hạn", "Số ngày quá hạn"],
            [
                [
                    str(i),
                    o.text,
                    f"{o.unit} ({o.role.lower()})",
                    f"{o.deadline:%d/%m/%Y}",
                    str(o.days_late),
                ]
                for i, o in enumerate(content.overdue, 1)
            ],
            widths_cm=[1, 8, 3.5, 2.2, 1.8],
            size=11,
        )
    else:
        f.body(doc, "Không có nhiệm vụ quá hạn.")
    f.body(
        doc,
        "IV. KIẾN NGHỊ, ĐỀ XUẤT CỦA CÁC ĐỊA PHƯƠNG, ĐƠN VỊ VÀ KẾT QUẢ TRẢ LỜI",
        bold=True,
        indent=False,
    )
    if content.petitions:
        f.grid_table(
            doc,
            ["STT", "Kiến nghị", "Buổi làm việc", "Trả lời"],
            [
                [
                    str(i),
                    p.text + (f" ({p.by})" if p.by else ""),
                    (f"{p.session_date:%d/%m/%Y} " if p.session_date else "") + p.session_title,
                    p.answer or "Chưa có trả lời",
                ]
                for i, p in enumerate(content.petitions, 1)
            ],
            widths_cm=[1, 7, 4.5, 4],
            size=11,
        )
    else:
        f.body(doc, "Không có kiến nghị trong kỳ.")
    f.body(doc, "V. ĐÁNH GIÁ CHUNG", bold=True, indent=False)
    for text in content.assessment or ("(Văn phòng bổ sung đánh giá.)",):
        f.body(doc, text)
    f.body(doc, "VI. ĐỀ XUẤT, KIẾN NGHỊ", bold=True, indent=False)
    for text in content.proposals or ("(Văn phòng bổ sung đề xuất.)",):
        f.body(doc, text)
    f.signature_block(
        doc,
        recipients=("- Thường trực Tỉnh ủy;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT."),
        signature=("CHÁNH VĂN PHÒNG",),
        signer="",
    )
    return f.to_bytes(doc)


def report_xlsx(content: ReportContent) -> bytes:
    """The report's figures as a workbook: summary, per unit, overdue list, petitions."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    ws.append(safe_row([f"Báo cáo {content.title}"], ws))
    ws.append(safe_row(["Số liệu tính đến ngày", content.as_of], ws))
    ws["B2"].number_format = DATE
    ws.append(safe_row(["Phân loại", "Số nhiệm vụ", "Tỷ lệ (%)"], ws))
    for _c, label, n, p in content.totals.shares():
        ws.append(safe_row([label, n, p], ws))
    ws.append(
        safe_row(["Tổng số", content.totals.total, 100.0 if content.totals.total else 0.0], ws)
    )
    for cell in ws[3]:
        cell.font = Font(bold=True)

    units = wb.create_sheet("Theo đơn vị")
    units.append(safe_row(UNIT_HEADERS, units))
    for i, u in enumerate(content.units, 1):
        c = u.counts
        units.append(
            safe_row(
                [
                    i,
                    u.name,
                    c.total,
                    c.done_on_time,
                    c.done_late,
                    c.in_time,
                    c.overdue,
                    c.no_deadline,
                    c.done_rate,
                    c.on_time_rate,
                ],
                units,
            )
        )
    overdue = wb.create_sheet("Quá hạn")
    overdue.append(
        safe_row(
            [
                "STT",
                "Nội dung chỉ đạo",
                "Đơn vị",
                "Vai trò",
                "Người chỉ đạo",
                "Ngày làm việc",
                "Thời hạn",
                "Số ngày quá hạn",
            ],
            overdue,
        )
    )
    for i, o in enumerate(content.overdue, 1):
        overdue.append(
            safe_row(
                [i, o.text, o.unit, o.role, o.leader, o.session_date, o.deadline, o.days_late],
                overdue,
            )
        )
        overdue.cell(row=overdue.max_row, column=6).number_format = DATE
        overdue.cell(row=overdue.max_row, column=7).number_format = DATE
    petitions = wb.create_sheet("Kiến nghị")
    petitions.append(
        safe_row(
            ["STT", "Kiến nghị", "Người kiến nghị", "Ngày làm việc", "Buổi làm việc", "Trả lời"],
            petitions,
        )
    )
    for i, p in enumerate(content.petitions, 1):
        petitions.append(
            safe_row([i, p.text, p.by, p.session_date, p.session_title, p.answer], petitions)
        )
        petitions.cell(row=petitions.max_row, column=4).number_format = DATE
    for sheet in (units, overdue, petitions):
        sheet.freeze_panes = "A2"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
