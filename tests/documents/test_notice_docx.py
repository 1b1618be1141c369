"""The conclusion notice's DOCX read back with python-docx: heading, number, title, directives
grouped by assignee, signature, page size, margins and font."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from docx.shared import Pt

from chidao.documents.content import notice_content
from chidao.documents.models import NoticeFormat
from chidao.documents.notice_docx import notice_docx
from chidao.documents.services import ensure_notice

from .conftest import DIRECTIVE_1, DIRECTIVE_2

pytestmark = pytest.mark.django_db


def _read(notice):
    return Document(io.BytesIO(notice_docx(notice_content(notice))))


def _all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


def test_state_notice_has_the_heading_block_number_title_and_date(directives, session, office):
    notice = ensure_notice(session=session, actor=office)
    notice.number, notice.issued_on = "27", dt.date(2026, 2, 24)
    doc = _read(notice)
    left, right = (c.text for c in doc.tables[0].rows[0].cells)
    assert "ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA" in left
    assert "Số: 27/TB-UBND" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Độc lập - Tự do - Hạnh phúc" in right
    assert "Thanh Hóa, ngày 24 tháng 02 năm 2026" in right
    body = [p.text for p in doc.paragraphs]
    assert "THÔNG BÁO" in body
    assert "Kết luận của Chủ tịch UBND tỉnh Trịnh Văn Lâm tại buổi làm việc với xã An Bình" in body


def test_every_directive_is_numbered_under_its_lead_units_with_deadline(
    directives, session, office
):
    doc = _read(ensure_notice(session=session, actor=office))
    text = _all_text(doc)
    assert "1. UBND xã An Bình:" in text
    assert "1.1. " + DIRECTIVE_1.rstrip(".") + " (thời hạn: 30/06/2026)." in text
    assert "2. Sở Tài chính:" in text
    assert (
        "2.1. "
        + DIRECTIVE_2.rstrip(".")
        + " (thời hạn: 30/06/2026; đơn vị phối hợp: UBND xã Bình Minh)."
        in text
    )


def test_signature_block_and_recipients(directives, session, office):
    doc = _read(ensure_notice(session=session, actor=office))
    left, right = (c.text for c in doc.tables[-1].rows[0].cells)
    assert left.startswith("Nơi nhận:")
    assert "- UBND xã An Bình;" in left and "- Lưu: VT." in left
    assert right.split("\n")[:3] == ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]


def test_page_is_a4_with_the_decree_margins_font_and_body_paragraphs(directives, session, office):
    doc = _read(ensure_notice(session=session, actor=office))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    mm = {
        side: round(getattr(section, f"{side}_margin").mm)
        for side in ("top", "bottom", "left", "right")
    }
    assert 20 <= mm["top"] <= 25 and 20 <= mm["bottom"] <= 25
    assert 30 <= mm["left"] <= 35 and 15 <= mm["right"] <= 20
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    directive_paragraph = next(p for p in doc.paragraphs if DIRECTIVE_1.rstrip(".") in p.text)
    assert directive_paragraph.alignment == 3  # justified
    assert 1.0 <= directive_paragraph.paragraph_format.first_line_indent.cm <= 1.27
    # page number: a PAGE field in the header, none on the first page
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_party_format_when_the_chair_is_of_the_party_committee(
    directives, session, office, leader_person
):
    leader_person.positions.update(title="Bí thư Tỉnh ủy")
    notice = ensure_notice(session=session, actor=office)
    assert notice.format == NoticeFormat.PARTY
    notice.number = "127"
    doc = _read(notice)
    left, right = (c.text for c in doc.tables[0].rows[0].cells)
    assert "TỈNH ỦY THANH HÓA\n*" in left and "Số 127-TB/TU" in left
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in right and "CỘNG HÒA" not in right
    assert notice.reference == "127-TB/TU"


def test_the_format_can_be_changed_by_the_office(directives, session, office):
    notice = ensure_notice(session=session, actor=office)
    notice.format = NoticeFormat.PARTY
    notice.symbol = "TB/TU"
    doc = _read(notice)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in doc.tables[0].rows[0].cells[1].text
