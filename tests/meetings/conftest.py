"""Short reports written for these tests (invented people and places, the genre of the press).

- ``AN_BINH``: the provincial chairman visits xã An Bình in 2026; he asks UBND xã An Bình to
  finish site clearance "trước ngày 30/6/2026" and the departments to answer the petition;
- ``BINH_MINH``: a vice-chairman inspects xã Bình Minh in 2026;
- ``HOANG_LOC``: a 2023 visit to a district (before the two-tier reform).
"""

from __future__ import annotations

import pytest

AN_BINH = """Chủ tịch UBND tỉnh làm việc với xã An Bình

Sáng 12/3, đồng chí Trịnh Văn Lâm, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh đã có buổi làm việc với xã An Bình về tình hình phát triển kinh tế - xã hội quý I năm 2026. Cùng dự có lãnh đạo Sở Tài chính, Sở Xây dựng và Văn phòng UBND tỉnh.

Báo cáo tại buổi làm việc cho biết, quý I năm 2026, thu ngân sách trên địa bàn xã đạt 12,5 tỷ đồng, bằng 35% dự toán. Tổng diện tích gieo trồng vụ chiêm xuân đạt 1.250 ha.

Tuy nhiên, xã còn gặp nhiều khó khăn, hạ tầng giao thông nông thôn xuống cấp, nguồn lực đầu tư còn hạn chế.

Tại buổi làm việc, đồng chí Lê Văn Hòa, Chủ tịch UBND xã An Bình kiến nghị tỉnh quan tâm hỗ trợ kinh phí nâng cấp tuyến đường liên xã.

Trước đó, đoàn công tác đã khảo sát thực tế dự án khu dân cư mới thôn Đông.

Phát biểu kết luận, Chủ tịch UBND tỉnh Trịnh Văn Lâm ghi nhận kết quả xã đạt được. Đồng chí đề nghị UBND xã An Bình tập trung hoàn thành công tác giải phóng mặt bằng dự án khu dân cư mới trước ngày 30/6/2026. Đồng chí yêu cầu các sở, ngành liên quan nghiên cứu, giải quyết kiến nghị của xã.
"""

BINH_MINH = """Phó Chủ tịch UBND tỉnh kiểm tra xây dựng nông thôn mới tại xã Bình Minh

Chiều 9-4, đồng chí Đỗ Minh Khôi, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh đã kiểm tra tiến độ xây dựng nông thôn mới năm 2026 tại xã Bình Minh. Tham gia đoàn có lãnh đạo Sở Nông nghiệp và Môi trường.

Quý I năm 2026, xã Bình Minh đạt 17/19 tiêu chí nông thôn mới, thu nhập bình quân đầu người đạt 62,4 triệu đồng.

Phát biểu chỉ đạo, đồng chí Đỗ Minh Khôi đề nghị xã Bình Minh rà soát các tiêu chí còn thiếu, hoàn thành trước ngày 31/10/2026.
"""

HOANG_LOC = """Bí thư Tỉnh ủy làm việc với huyện Hoằng Lộc

Sáng 14/9, đồng chí Phạm Quốc Tuấn, Bí thư Tỉnh ủy đã làm việc với Ban Thường vụ Huyện ủy Hoằng Lộc về kết quả 9 tháng năm 2023.

9 tháng năm 2023, tổng giá trị sản xuất của huyện tăng 9,8%.

Kết luận buổi làm việc, đồng chí Phạm Quốc Tuấn yêu cầu huyện Hoằng Lộc tập trung đẩy nhanh tiến độ các dự án trọng điểm.
"""


@pytest.fixture
def department_xd(db):
    from chidao.organisation.models import Unit, UnitKind

    return Unit.objects.create(
        province_code="38", kind=UnitKind.DEPARTMENT, level="sở", name="Sở Xây dựng"
    )


@pytest.fixture
def document(db, office, unit_a, unit_b, department):
    """The An Bình report ingested by the office, waiting for review."""
    from chidao.meetings.services import ingest_text

    doc, _created = ingest_text(
        text=AN_BINH, filename="an-binh.txt", province_code="38", actor=office
    )
    return doc
