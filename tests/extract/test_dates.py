"""The session date: day and month from the lede, the year from the text or the caller.

Reports written for these tests (invented people; several provinces and years).
"""

from __future__ import annotations

import datetime as dt

from chidao.extract.dates import year_before
from chidao.extract.pipeline import process
from chidao.extract.spans import Options

DISTRICT_2022 = (
    "(Baonghean.vn) - Chiều 15-8, đồng chí Phan Quốc Bảo, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh "
    "đã có buổi làm việc với Ban Thường vụ Huyện ủy Yên Thành về kết quả thực hiện nhiệm vụ 6 tháng "
    "đầu năm 2022.\n"
    "Năm 2021, huyện đạt nhiều kết quả quan trọng. Đề nghị huyện hoàn thành trước ngày 30/9.\n"
)
CONFERENCE_JANUARY = (
    "Sáng 9/1, Ban Thường vụ Tỉnh ủy Bắc Ninh tổ chức hội nghị tổng kết công tác năm 2023 "
    "và triển khai nhiệm vụ năm 2024.\n"
    "Năm 2023, kết quả thu ngân sách đạt 30.100 tỷ đồng.\n"
)
COMMUNE_2026 = (
    "Ngày 12/5/2026, đồng chí Lò Văn Tiến, Phó Chủ tịch UBND tỉnh làm việc với Ban Thường vụ "
    "Đảng ủy xã Kỳ Xuân theo Nghị quyết số 12 ngày 07/12/2025 của Tỉnh ủy.\n"
)


def date_of(text: str, **options) -> dt.date | None:
    return process(text, Options(**options)).date


def test_it_takes_the_year_of_the_reported_period():
    doc = process(DISTRICT_2022)
    assert doc.date == dt.date(2022, 8, 15)
    assert doc.date_span is not None and doc.date_span.text == "Chiều 15-8"


def test_it_reads_day_slash_month_after_the_time_of_day():
    text = "Sáng ngày 20/2, đoàn công tác làm việc tại xã Yên Định về 9 tháng năm 2025 và những tháng cuối năm.\n"
    assert date_of(text) == dt.date(2025, 2, 20)


def test_it_puts_an_early_session_after_the_year_whose_results_it_reviews():
    assert date_of(CONFERENCE_JANUARY) == dt.date(2024, 1, 9)


def test_it_keeps_a_year_written_in_the_lede_and_ignores_document_references():
    doc = process(COMMUNE_2026)
    assert doc.date == dt.date(2026, 5, 12)
    assert doc.date_span.text == "Ngày 12/5/2026"


def test_a_document_reference_is_never_the_session_date():
    text = (
        "Thường trực Tỉnh ủy vừa làm việc với Huyện ủy Cẩm Xuyên về thực hiện Kết luận số 45 "
        "ngày 30/6/2023 của Ban Thường vụ Tỉnh ủy.\n"
    )
    assert date_of(text) is None


def test_a_deadline_is_never_the_session_date():
    text = "Đồng chí Bí thư Tỉnh ủy đề nghị hoàn thành trước ngày 30/6/2024 các công trình.\n"
    assert date_of(text) is None


def test_the_publication_date_wins_for_the_year():
    # the body speaks of 2023, but the page was published in January 2024
    text = "Chiều 28/12, Tỉnh ủy Quảng Bình tổng kết 6 tháng cuối năm 2023.\n"
    assert date_of(text, published=dt.date(2024, 1, 3)) == dt.date(2023, 12, 28)
    assert date_of(
        "Sáng 2/1, UBND tỉnh họp phiên thường kỳ.\n", published=dt.date(2024, 1, 3)
    ) == dt.date(2024, 1, 2)


def test_it_uses_the_page_dateline_when_the_body_names_no_year():
    text = (
        "Tin mới\n01/08/2023 07:10\nChiều 31/7, UBND tỉnh họp bàn công tác phòng chống thiên tai.\n"
    )
    assert date_of(text) == dt.date(2023, 7, 31)


def test_it_reads_the_quarter_of_the_year():
    text = "Sáng 5/4, Chủ tịch UBND tỉnh làm việc với Sở Tài chính về kết quả quý I năm 2024.\n"
    assert date_of(text) == dt.date(2024, 4, 5)


def test_a_session_without_any_year_has_no_date():
    assert date_of("Sáng 5/4, đoàn công tác làm việc tại xã Yên Định.\n") is None


def test_year_before_puts_the_day_on_or_before_the_anchor():
    assert year_before(28, 12, dt.date(2024, 1, 3)) == 2023
    assert year_before(3, 1, dt.date(2024, 1, 3)) == 2024
    assert year_before(29, 2, dt.date(2025, 3, 1)) == 2024


def test_it_reads_the_day_in_brackets_after_this_morning():
    text = (
        "Sáng nay (18/8), Bí thư Tỉnh ủy làm việc với Đảng ủy phường Đồng Hới.\n18/08/2025 15:20\n"
    )
    doc = process(text)
    assert doc.date == dt.date(2025, 8, 18)
    assert doc.date_span.text == "Sáng nay (18/8"


def test_it_reads_other_ways_of_writing_the_day():
    assert date_of("Sáng 5.9, Ban Thường vụ Tỉnh ủy Nghệ An họp về quý III năm 2024.\n") == dt.date(
        2024, 9, 5
    )
    assert date_of("Sáng thứ Năm (5/9), Tỉnh ủy Nghệ An họp về quý III năm 2024.\n") == dt.date(
        2024, 9, 5
    )
    assert date_of(
        "Ngày 5 tháng 9 năm 2024, UBND tỉnh Nghệ An làm việc với huyện Anh Sơn.\n"
    ) == dt.date(2024, 9, 5)


def test_a_year_end_review_puts_the_session_in_its_year_or_early_in_the_next():
    text = (
        "Chiều 28/12, Tỉnh ủy Nghệ An tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024.\n"
    )
    assert date_of(text) == dt.date(2023, 12, 28)
    assert date_of("Sáng 8/1, UBND tỉnh Nghệ An đánh giá kết quả quý IV năm 2023.\n") == dt.date(
        2024, 1, 8
    )
    assert date_of("Sáng 8/4, UBND tỉnh Nghệ An đánh giá kết quả quý I/2024.\n") == dt.date(
        2024, 4, 8
    )


def test_a_weekday_page_date_gives_the_year_but_is_not_the_session():
    text = "Thứ Hai, 10/10/2022\nSáng 9/10, Thường trực Tỉnh ủy làm việc với Huyện ủy Anh Sơn.\n"
    assert date_of(text) == dt.date(2022, 10, 9)


def test_an_update_stamp_is_the_page_date_not_the_session():
    text = "Cập nhật lúc 08:30 ngày 10/10/2022\nSáng 9/10, Thường trực Tỉnh ủy làm việc với Huyện ủy Anh Sơn.\n"
    assert date_of(text) == dt.date(2022, 10, 9)


def test_this_morning_and_yesterday_count_from_the_publication_date():
    text = "Sáng nay, Thường trực Tỉnh ủy làm việc với Huyện ủy Anh Sơn.\n"
    assert date_of(text, published=dt.date(2022, 10, 9)) == dt.date(2022, 10, 9)
    text = "Chiều qua, Thường trực Tỉnh ủy làm việc với Huyện ủy Anh Sơn.\n"
    assert date_of(text, published=dt.date(2022, 10, 9)) == dt.date(2022, 10, 8)
    assert date_of(text) is None


def test_this_year_s_tasks_early_in_the_year_stay_in_that_year():
    text = "Sáng 9/3, UBND tỉnh Hà Nam họp triển khai thực hiện nhiệm vụ năm 2021.\n"
    assert date_of(text) == dt.date(2021, 3, 9)


def test_last_year_s_results_reported_early_in_the_year():
    text = (
        "Chiều 9-3, Thường trực Tỉnh ủy làm việc với Huyện ủy Nga Sơn về kết quả thực hiện nhiệm vụ "
        "phát triển kinh tế - xã hội năm 2020.\n"
    )
    assert date_of(text) == dt.date(2021, 3, 9)


def test_results_of_last_year_s_tasks_early_in_the_year():
    text = "Sáng 10/2, UBND tỉnh Hà Nam đánh giá kết quả thực hiện nhiệm vụ năm 2023.\n"
    assert date_of(text) == dt.date(2024, 2, 10)


def test_a_deadline_or_a_target_in_an_instruction_is_not_the_session_year():
    lede = (
        "Sáng 20/10, đồng chí Trịnh Văn Khải, Chủ tịch UBND tỉnh Quảng Ngãi làm việc với "
        "huyện Sơn Tịnh về kết quả phát triển kinh tế - xã hội năm 2022.\n"
    )
    for instruction in (
        "Đồng chí yêu cầu huyện hoàn thành dự án trước ngày 30/6/2023.",
        "Đồng chí yêu cầu huyện hoàn thành dự án trong quý II/2023.",
        "Năm 2023, huyện phấn đấu thu ngân sách 520 tỷ đồng.",
    ):
        assert date_of(lede + instruction + "\n") == dt.date(2022, 10, 20), instruction


def test_with_no_other_year_a_deadline_puts_the_session_before_it():
    lede = "Chiều 20/10, Thường trực Huyện ủy Sơn Tịnh báo cáo kết quả 9 tháng.\n"
    text = lede + "Đồng chí yêu cầu huyện hoàn thành dự án trước ngày 30/6/2023.\n"
    assert date_of(text) == dt.date(2022, 10, 20)
    text = lede + "Đồng chí yêu cầu huyện hoàn thành dự án trong quý II/2023.\n"
    assert date_of(text) == dt.date(2022, 10, 20)
    text = lede + "Phấn đấu đến năm 2030, huyện trở thành thị xã.\n"  # a horizon tells nothing
    assert date_of(text) is None


def test_the_state_of_this_year_s_tasks_late_in_the_year_stays_in_that_year():
    text = (
        "Sáng 20/10, đồng chí Trịnh Văn Khải, Chủ tịch UBND tỉnh Quảng Ngãi làm việc với huyện "
        "Sơn Tịnh về tình hình thực hiện nhiệm vụ năm 2022.\n"
    )
    assert date_of(text) == dt.date(2022, 10, 20)


def test_a_session_over_two_days_starts_on_the_first():
    for lede in (
        "Trong 2 ngày 12 và 13/6, đoàn công tác của Tỉnh ủy Sơn La làm việc với huyện Mộc Châu "
        "về công tác năm 2024.\n",
        "Hai ngày 12-13/6, đoàn công tác của Tỉnh ủy Sơn La làm việc với huyện Mộc Châu về công "
        "tác năm 2024.\n",
    ):
        assert date_of(lede) == dt.date(2024, 6, 12), lede
    assert date_of("Ngày 12-6-2024, Tỉnh ủy Sơn La họp.\n") == dt.date(2024, 6, 12)
    lede = "Từ ngày 12 đến 14/6, đoàn công tác Tỉnh ủy Sơn La làm việc với huyện Mộc Châu về quý II/2024.\n"
    assert date_of(lede) == dt.date(2024, 6, 12)


# ---- the session is never after the day the text was received (issue 9) --------------------

PASTED_DECEMBER = (
    "Sáng 4/12, đồng chí Đặng Minh Châu, Phó Chủ tịch UBND tỉnh làm việc với UBND xã Ea Kao "
    "về dự án hồ chứa nước.\n"
    "Kết luận buổi làm việc, đồng chí yêu cầu UBND xã Ea Kao hoàn thành giải phóng mặt bằng "
    "trong quý I/2027. Phấn đấu năm 2027 hoàn thành dự án.\n"
)
NO_YEAR_AT_ALL = (
    "Chiều 18/11, đồng chí Vũ Hải Đăng, Phó Chủ tịch UBND tỉnh làm việc với xã Tam Nông về "
    "việc vận hành chính quyền địa phương hai cấp.\n"
    "Đồng chí đề nghị xã Tam Nông rà soát quỹ đất công.\n"
)
TERM_BEING_PREPARED = (
    "Ngày 14/8, Thường trực Tỉnh ủy họp nghe báo cáo công tác chuẩn bị đại hội đảng bộ các xã "
    "nhiệm kỳ 2025–2030.\n"
    "Đồng chí Bí thư Tỉnh ủy yêu cầu các đảng bộ hoàn thành văn kiện trước ngày 30/8.\n"
)
NOTICE_ISSUED_LATER = (
    "ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nSố: 17/TB-UBND\nBắc Ninh, ngày 09 tháng 02 năm 2026\n\n"
    "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại buổi làm việc với UBND phường Đông Ngàn\n\n"
    "Ngày 03/02, đồng chí Ngô Tân Phượng, Chủ tịch UBND tỉnh làm việc với UBND phường Đông Ngàn.\n"
)


def test_a_year_inferred_from_the_body_never_puts_the_session_after_the_day_received():
    # the deadlines and targets say 2027; received on 7/12/2026, "Sáng 4/12" is 4/12/2026
    assert date_of(PASTED_DECEMBER, received=dt.date(2026, 12, 7)) == dt.date(2026, 12, 4)
    # received on 30/11/2026: the 4/12 before it is in 2025
    assert date_of(PASTED_DECEMBER, received=dt.date(2026, 11, 30)) == dt.date(2025, 12, 4)


def test_the_publication_date_is_a_ceiling_too():
    assert date_of(PASTED_DECEMBER, published=dt.date(2026, 12, 5)) == dt.date(2026, 12, 4)


def test_with_no_year_clue_the_date_is_null_and_the_day_and_month_are_kept():
    # two-tier government: on or after 1/7/2025, but both 18/11/2025 and 18/11/2026 fit
    doc = process(NO_YEAR_AT_ALL, Options(received=dt.date(2026, 12, 7)))
    assert doc.date is None
    assert doc.date_partial == (18, 11)
    assert doc.date_span is not None and doc.date_span.text == "Chiều 18/11"


def test_the_two_tier_government_gives_the_year_when_only_one_fits():
    # received 7/12/2025: 18/11 after 1/7/2025 and before that day is 2025 only
    doc = process(NO_YEAR_AT_ALL, Options(received=dt.date(2025, 12, 7)))
    assert doc.date == dt.date(2025, 11, 18)
    assert doc.date_partial is None


def test_a_term_range_is_not_a_year_of_the_session_but_the_congress_it_prepares_is():
    assert date_of(TERM_BEING_PREPARED, received=dt.date(2026, 12, 7)) == dt.date(2025, 8, 14)


def test_the_day_a_notice_was_issued_is_not_the_session_date_but_bounds_its_year():
    doc = process(NOTICE_ISSUED_LATER, Options(received=dt.date(2026, 12, 7)))
    assert doc.date == dt.date(2026, 2, 3)
    assert doc.date_span is not None and doc.date_span.text == "Ngày 03/02"


def test_a_period_that_bounds_a_bulleted_task_is_not_the_session_year():
    text = (
        "Chiều 19/11, Thường trực Tỉnh ủy họp nghe báo cáo kết quả 10 tháng năm 2021 và "
        "nhiệm vụ năm học 2021 - 2022.\n"
        "Kết luận hội nghị, Bí thư Tỉnh ủy Lò Văn Khanh đề nghị:\n"
        "- Ban cán sự đảng UBND tỉnh hoàn thành đề án, trình Ban Thường vụ Tỉnh ủy trong quý I "
        "năm 2022.\n"
    )
    assert process(text, Options(received=dt.date(2026, 12, 7))).date == dt.date(2021, 11, 19)


def test_the_day_a_notice_was_issued_gives_way_to_the_session_s_day_named_after_it():
    doc = process(
        "Ngày 28/6/2022, Ban Thường vụ Tỉnh ủy đã ban hành Thông báo số 311-TB/TU kết luận buổi "
        "làm việc với Ban Thường vụ Huyện ủy Kon Plông ngày 20/6/2022.\n",
        Options(received=dt.date(2026, 12, 7)),
    )
    assert doc.date == dt.date(2022, 6, 20)


def test_the_results_of_an_earlier_year_do_not_move_the_next_year_s_tasks():
    doc = process(
        "(YBĐT) - Chiều 19/3, đồng chí Bí thư Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Mù Cang "
        "Chải về kết quả phát triển kinh tế - xã hội năm 2023 và nhiệm vụ năm 2024.\n",
        Options(received=dt.date(2026, 12, 7)),
    )
    assert doc.date == dt.date(2024, 3, 19)


def test_a_whole_year_s_result_stated_after_the_year_puts_an_early_session_in_the_next():
    lede = "Sáng 14/{m}, Phó Chủ tịch UBND tỉnh Lê Văn Khánh làm việc với xã Tân Lập.\n"
    body = "Năm 2025, thu ngân sách của xã ước đạt 21 tỷ đồng, tăng 8% so với cùng kỳ.\n"
    received = dt.date(2026, 12, 7)
    assert date_of(lede.format(m=1) + body, received=received) == dt.date(2026, 1, 14)
    # in May, "năm 2025, ... đạt" is the running year's
    assert date_of(lede.format(m=5) + body, received=received) == dt.date(2025, 5, 14)
    # the year of an event, not of a result: its own year
    event = "Năm 2025, cơn bão số 3 làm tốc mái 215 ngôi nhà.\n"
    assert date_of(lede.format(m=1) + event, received=received) == dt.date(2025, 1, 14)


def test_a_whole_past_year_s_achieved_result_puts_a_first_half_session_in_the_next_year():
    # issue 6 class 2 (held-out Hưng Yên 2020): "thu nhập bình quân đầu người năm 2019 đạt ..."
    # told in May is 2019's result, over; the congress prepared ("nhiệm kỳ 2020 - 2025") agrees
    lede = "Chiều 14/{m}, Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Khoái Châu.\n"
    body = "Thu nhập bình quân đầu người năm 2019 đạt 52,6 triệu đồng.\n"
    received = dt.date(2026, 12, 7)
    assert date_of(lede.format(m=5) + body, received=received) == dt.date(2020, 5, 14)
    # late in the year, the running year's figure
    assert date_of(lede.format(m=11) + body, received=received) == dt.date(2019, 11, 14)
    # an estimate in May: the running year's
    estimate = "Thu nhập bình quân đầu người năm 2019 ước đạt 52,6 triệu đồng.\n"
    assert date_of(lede.format(m=5) + estimate, received=received) == dt.date(2019, 5, 14)


def test_a_target_clause_beside_a_result_clause_names_no_reported_period():
    # issue 6 class 2 (held-out Bến Tre 2023): "... đã đạt 46% khối lượng; ... phấn đấu thông
    # xe vào cuối năm 2024" sets a target in its clause; the year-end is not a period reported
    text = (
        "Chiều 17/3, Phó Thủ tướng Lưu Đình Khải làm việc với tỉnh Bến Tre.\n"
        "Bộ trưởng cho biết, dự án cầu đã đạt 46% khối lượng; Bộ sẽ yêu cầu nhà đầu tư tăng "
        "ca, phấn đấu thông xe kỹ thuật vào cuối năm 2024.\n"
        "Năm 2022, tốc độ tăng trưởng GRDP của tỉnh đạt 7,12%.\n"
    )
    assert date_of(text, received=dt.date(2026, 12, 7)) == dt.date(2023, 3, 17)


def test_an_abbreviation_s_full_stop_does_not_hide_the_session_s_day_after_a_notice():
    doc = process(
        "Ngày 22/4, Văn phòng UBND tỉnh ban hành Thông báo số 77/TB-VP kết luận của Chủ tịch "
        "UBND tỉnh tại buổi làm việc với UBND TP. Cao Lãnh ngày 12/4.\n"
        "UBND thành phố đã giải ngân 30 tỷ đồng trong 6 tháng đầu năm 2019.\n",
        Options(received=dt.date(2026, 12, 7)),
    )
    assert doc.date == dt.date(2019, 4, 12)


TERM_YEAR = (
    "Chiều 20/12, Thường trực Tỉnh ủy làm việc với huyện Tân Phú về kết quả {} thực hiện "
    "Nghị quyết Đại hội, {}.\n"
)


def test_the_nth_year_of_a_term_or_a_plan_s_period_gives_the_session_s_year():
    received = dt.date(2026, 12, 7)
    # a local congress sits late in 2020: its term's first year is 2021
    assert date_of(TERM_YEAR.format("năm đầu", "nhiệm kỳ 2020 - 2025"), received=received) == (
        dt.date(2021, 12, 20)
    )
    assert date_of(TERM_YEAR.format("năm thứ ba", "nhiệm kỳ 2015 - 2020"), received=received) == (
        dt.date(2018, 12, 20)
    )
    # the national congress sits in January 2021: 2021 is the first year of its term
    assert date_of(TERM_YEAR.format("năm đầu", "nhiệm kỳ 2021 - 2026"), received=received) == (
        dt.date(2021, 12, 20)
    )
    # a plan's period begins with its range
    assert date_of(TERM_YEAR.format("năm cuối", "giai đoạn 2016 - 2020"), received=received) == (
        dt.date(2020, 12, 20)
    )
    # without the ordinal, only the congress's own year (the term's first) is read
    assert date_of(TERM_YEAR.format("những năm", "nhiệm kỳ 2020 - 2025"), received=received) == (
        dt.date(2020, 12, 20)
    )


def test_a_notice_s_year_gives_the_year_of_the_session_day_named_after_it():
    received = dt.date(2026, 12, 7)
    notice = (
        "Ngày 5/1/2022, Văn phòng UBND tỉnh {} kết luận của Chủ tịch UBND tỉnh tại {} với huyện "
        "Chợ Gạo {} 28/12.\n"
    )
    for verb, session, day in (
        ("ban hành Thông báo số 3/TB-VP", "buổi làm việc", "hôm"),
        ("phát đi Thông báo số 3/TB-VP", "chuyến công tác", "ngày"),
        ("truyền đạt ý kiến", "buổi đối thoại", "trưa"),
    ):
        text = notice.format(verb, session, day)
        assert date_of(text, received=received) == dt.date(2021, 12, 28), text
    # a notice read at a session is no notice issued: that day is the session's
    text = notice.format("đọc báo cáo", "buổi làm việc", "ngày")
    assert date_of(text, received=received) == dt.date(2022, 1, 5)


def test_the_session_s_day_in_the_sentence_after_the_notice_s_is_the_session_date():
    notice = (
        "Ngày 15/3/2021, Văn phòng UBND tỉnh ban hành Thông báo số 98/TB-VP kết luận của Chủ tịch "
        "UBND tỉnh tại buổi làm việc với UBND TP. Bến Tre. {}\n"
    )
    received = dt.date(2026, 12, 7)
    for follow in (
        "Tại buổi làm việc chiều 5/3, thành phố báo cáo tiến độ dự án.",
        "Buổi làm việc diễn ra ngày 5/3.",
    ):
        assert date_of(notice.format(follow), received=received) == dt.date(2021, 3, 5)
    # the next sentence about something else: the notice's day is the only one given
    follow = "Thành phố đã giải ngân 30 tỷ đồng."
    assert date_of(notice.format(follow), received=received) == dt.date(2021, 3, 15)
