"""Short reports written for the tests, in the style of provincial news pages.

Names, places and figures are invented; the provinces are real ones so that the
other stages (dates, places) behave as on real pages.
"""

from __future__ import annotations

# A visit to a commune after July 2025: lede chair, colon petition, conclusion with deadlines.
COMMUNE_VISIT_2026 = """\
Sáng 12/3, đồng chí Phan Minh Khôi, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh đã có buổi làm việc với xã Tân Lập về tiến độ xây dựng nông thôn mới năm 2026.
Cùng đi có đồng chí Lương Thị Hạnh, Giám đốc Sở Tài chính; đại diện lãnh đạo Sở Nông nghiệp và Môi trường.
Theo báo cáo của UBND xã Tân Lập, năm 2025 thu ngân sách trên địa bàn đạt 12,5 tỷ đồng. Xã đã tập trung chỉ đạo gieo cấy hết diện tích lúa vụ đông xuân.
Chủ tịch UBND xã Tân Lập Vi Văn Sơn cho biết, xã còn thiếu quỹ đất tái định cư. Tăng cường vận động Nhân dân hiến đất là nhiệm vụ trọng tâm của xã.
Bí thư Đảng ủy xã Tân Lập Lò Thị Mai: Đề nghị tỉnh hỗ trợ kinh phí làm đường liên thôn.
Đồng chí Phan Minh Khôi, Phó Chủ tịch UBND tỉnh phát biểu kết luận buổi làm việc.
Kết luận buổi làm việc, Phó Chủ tịch UBND tỉnh Phan Minh Khôi biểu dương những kết quả mà xã Tân Lập đạt được trong thời gian qua.
Đồng chí yêu cầu UBND xã Tân Lập khẩn trương hoàn thành công tác giải phóng mặt bằng tuyến đường liên thôn trước ngày 30/6/2026. Cùng với đó, xã cần rà soát các tiêu chí nông thôn mới còn thiếu. Tăng cường tuyên truyền, vận động Nhân dân tham gia hiến đất.
Đồng chí Phó Chủ tịch UBND tỉnh lưu ý: các thôn phải hoàn thành kế hoạch chuyển đổi cây trồng trong quý III.
Về kiến nghị của xã, đồng chí giao Sở Tài chính tổng hợp, tham mưu UBND tỉnh xem xét giải quyết.
"""

# A provincial conference before July 2025: chair "dưới sự chủ trì", a list of people
# separated by semicolons, captions placed after the paragraphs they illustrate.
CONFERENCE_2023 = """\
Chiều 20/7, dưới sự chủ trì của đồng chí Hoàng Đức Thắng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2023.
Dự hội nghị có các đồng chí: Nguyễn Văn Lực, Phó Bí thư Thường trực Tỉnh ủy; Lê Hồng Vân, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; Đại tá Trần Quốc Bảo, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh; lãnh đạo các huyện, thị xã, thành phố.
Báo cáo tại hội nghị cho biết, 6 tháng đầu năm 2023 tăng trưởng kinh tế của tỉnh đạt 7,2%.
Đề nghị các địa phương đẩy nhanh tiến độ giải ngân vốn đầu tư công, phấn đấu hoàn thành 60% kế hoạch vốn trước ngày 30/9. Đồng thời, các sở, ngành cần tháo gỡ vướng mắc cho doanh nghiệp.
Chủ tịch UBND tỉnh Lê Hồng Vân
Các huyện, thị xã cần tiếp tục rà soát, sắp xếp đơn vị hành chính cấp xã theo lộ trình.
Phó Bí thư Thường trực Tỉnh ủy Nguyễn Văn Lực
Bí thư Huyện ủy Quỳnh Lưu Hồ Minh Tâm: Đề nghị tỉnh sớm phê duyệt quy hoạch vùng nuôi trồng thủy sản.
Đại tá Trần Quốc Bảo - Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh: Công tác quốc phòng địa phương được triển khai đúng kế hoạch.
Phát biểu kết luận hội nghị, Bí thư Tỉnh ủy Hoàng Đức Thắng khẳng định: 6 tháng đầu năm, tình hình chính trị tiếp tục ổn định, kinh tế tăng trưởng khá.
Bí thư Tỉnh ủy yêu cầu các cấp ủy, chính quyền tập trung lãnh đạo hoàn thành các chỉ tiêu năm 2023 trong năm 2023. Tiếp tục siết chặt kỷ luật, kỷ cương hành chính.
“Người đứng đầu phải chịu trách nhiệm đến cùng về tiến độ các công trình”, Bí thư Tỉnh ủy nhấn mạnh.
"""

# A district visit in 2021 with a summary lede (sapo) before the dateline, several chairs
# "chủ trì", a praise sentence, a discussion of the lower side, and a title-only speaker.
DISTRICT_VISIT_2021 = """\
Bí thư Tỉnh ủy Quảng Bình Đinh Văn Hào đề nghị: Huyện Minh Hóa tập trung phát triển du lịch cộng đồng.
Sáng 5/4, Thường trực Tỉnh ủy Quảng Bình làm việc với Ban Thường vụ Huyện ủy Minh Hóa về kết quả quý I năm 2021.
Bí thư Tỉnh ủy Đinh Văn Hào, Chủ tịch UBND tỉnh Trương Thị Lan chủ trì buổi làm việc.
Quý I năm 2021, tổng giá trị sản xuất của huyện tăng 6,1%. Huyện đã hoàn thành 21/31 nhà văn hóa thôn.
Tại buổi làm việc, lãnh đạo huyện Minh Hóa đã báo cáo một số khó khăn, vướng mắc. Cần tiếp tục hỗ trợ các xã vùng cao.
Kết luận buổi làm việc, Bí thư Tỉnh ủy Đinh Văn Hào ghi nhận sự nỗ lực của huyện trong bối cảnh còn nhiều khó khăn.
Bí thư Tỉnh ủy cho rằng, bên cạnh kết quả đạt được, một số xã còn thiếu chủ động trong thu hút đầu tư.
Bí thư Tỉnh ủy đề nghị huyện Minh Hóa tập trung phát triển du lịch cộng đồng gắn với bảo tồn hang động. Cán bộ phải sâu sát cơ sở, nói đi đôi với làm.
Thực hiện nghiêm túc việc tiếp công dân. Rà soát, hoàn thiện đề án sắp xếp thôn, bản trong tháng 5.
"""

# A conclusion notice of 2024: "<unit>:" headings, bullets, a department's task after a colon.
CONCLUSION_NOTICE_2024 = """\
Chiều 20/9, đồng chí Bùi Văn Khánh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Hòa Bình đã làm việc với huyện Lạc Sơn về tiến độ các dự án năm 2024.
Sau khi nghe báo cáo và ý kiến của các sở, ngành, Chủ tịch UBND tỉnh kết luận như sau:
1. Nhiệm vụ thời gian tới
a) UBND huyện Lạc Sơn:
- Tập trung hoàn thành giải phóng mặt bằng dự án đường tỉnh 436 trước ngày 30/11/2024.
- Chỉ đạo các xã rà soát hộ nghèo, báo cáo kết quả trong tháng 12.
b) Sở Tài chính: Chủ trì, phối hợp với các đơn vị liên quan tham mưu bố trí vốn cho dự án trong quý IV.
Ông Đinh Công Sứ, Chủ tịch UBND huyện Lạc Sơn cho biết, huyện sẽ tập trung chỉ đạo các xã. Đẩy mạnh thu ngân sách là nhiệm vụ trọng tâm.
"""
