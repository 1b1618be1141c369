"""The notice's PDF, converted by LibreOffice from the same DOCX: its text extracted and checked.

Skipped with a message where LibreOffice is not installed (scripts/ensure-libreoffice.sh);
in CI (``CI`` set) a missing LibreOffice fails instead."""

from __future__ import annotations

import io
import os

import pytest
from pypdf import PdfReader

from chidao.documents.content import notice_content
from chidao.documents.notice_docx import notice_docx
from chidao.documents.pdf import docx_to_pdf, soffice_path
from chidao.documents.services import ensure_notice

pytestmark = pytest.mark.django_db


@pytest.fixture
def soffice():
    if soffice_path() is None:
        if os.environ.get("CI"):
            pytest.fail(
                "LibreOffice (soffice) missing in CI: scripts/ensure-libreoffice.sh should install it"
            )
        pytest.skip("LibreOffice not installed: run scripts/ensure-libreoffice.sh")


def test_pdf_has_the_notice_text_on_a4_pages(soffice, directives, session, office):
    notice = ensure_notice(session=session, actor=office)
    notice.number = "31"
    pdf = PdfReader(io.BytesIO(docx_to_pdf(notice_docx(notice_content(notice)))))
    page = pdf.pages[0]
    width_mm, height_mm = (
        float(v) * 25.4 / 72 for v in (page.mediabox.width, page.mediabox.height)
    )
    assert round(width_mm) == 210 and round(height_mm) == 297
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "THÔNG BÁO" in text
    assert "Số: 31/TB-UBND" in text
    assert "giải phóng mặt bằng cụm công nghiệp Đồng Vàng" in text
    assert "Nơi nhận" in text
