"""Deadlines: the time limits written in a directive, as dates."""

from __future__ import annotations

import datetime as dt

import pytest

from chidao.extract.deadlines import find_deadline
from chidao.extract.spans import Document

SESSION = dt.date(2026, 3, 12)  # a Thursday


def deadline(text: str, session: dt.date | None = SESSION) -> tuple[dt.date | None, str | None]:
    doc = Document(text=text)
    doc.date = session
    date, span = find_deadline(doc, doc.span(0, len(text), "directive"))
    if span is not None:
        assert doc.text[span.start : span.end] == span.text
    return date, (span.text if span else None)


@pytest.mark.parametrize(
    ("text", "expected", "written"),
    [
        ("hoàn thành trước ngày 30/6/2026.", dt.date(2026, 6, 30), "trước ngày 30/6/2026"),
        ("xong trước 31/12.", dt.date(2026, 12, 31), "trước 31/12"),
        ("bàn giao mặt bằng trước 30-9.", dt.date(2026, 9, 30), "trước 30-9"),
        (
            "trình UBND tỉnh trước ngày 15 tháng 8 năm 2026.",
            dt.date(2026, 8, 15),
            "trước ngày 15 tháng 8 năm 2026",
        ),
        ("báo cáo chậm nhất ngày 20/4.", dt.date(2026, 4, 20), "chậm nhất ngày 20/4"),
        ("hoàn thành trong quý II.", dt.date(2026, 6, 30), "trong quý II"),
        ("hoàn thành trong quý 4 năm 2027.", dt.date(2027, 12, 31), "trong quý 4 năm 2027"),
        ("khởi công trong tháng 4.", dt.date(2026, 4, 30), "trong tháng 4"),
        ("phê duyệt trong tháng 10/2026.", dt.date(2026, 10, 31), "trong tháng 10/2026"),
        ("giải ngân hết vốn trong năm 2026.", dt.date(2026, 12, 31), "trong năm 2026"),
        ("hoàn thành trong tuần.", dt.date(2026, 3, 15), "trong tuần"),
        ("báo cáo kết quả trong 15 ngày.", dt.date(2026, 3, 27), "trong 15 ngày"),
        ("hoàn thành trước cuối năm.", dt.date(2026, 12, 31), "trước cuối năm"),
        ("đạt chuẩn trong 6 tháng đầu năm.", dt.date(2026, 6, 30), "trong 6 tháng đầu năm"),
        ("hoàn thành ngay trong tháng này.", dt.date(2026, 3, 31), "trong tháng này"),
        ("hoàn thiện hồ sơ trong vòng 3 tháng.", dt.date(2026, 6, 12), "trong vòng 3 tháng"),
        ("khắc phục trong 11 tháng.", dt.date(2027, 2, 12), "trong 11 tháng"),
        ("báo cáo trong 2 tuần.", dt.date(2026, 3, 26), "trong 2 tuần"),
    ],
)
def test_it_reads_the_deadline_expressions_of_the_genre(text, expected, written):
    assert deadline(text) == (expected, written)


def test_a_date_without_a_year_that_has_passed_is_next_year_s():
    assert deadline("hoàn thành trước 28/2.") == (dt.date(2027, 2, 28), "trước 28/2")
    assert deadline("hoàn thành trong quý I.") == (dt.date(2026, 3, 31), "trong quý I")
    assert deadline("hoàn thành trong quý I.", session=dt.date(2026, 5, 5)) == (
        dt.date(2027, 3, 31),
        "trong quý I",
    )


def test_dates_of_documents_and_plans_are_not_deadlines():
    assert deadline("thực hiện Nghị quyết số 15 ngày 12/11/2024 của Tỉnh ủy.") == (None, None)
    assert deadline("định hướng phát triển đến năm 2030, tầm nhìn 2045.") == (None, None)


def test_the_first_deadline_of_a_sentence_wins():
    assert deadline("hoàn thành trước ngày 30/6, quyết toán trước 31/12.")[0] == dt.date(
        2026, 6, 30
    )


def test_without_a_session_date_only_a_written_year_gives_a_date():
    assert deadline("hoàn thành trước ngày 30/6/2026.", session=None) == (
        dt.date(2026, 6, 30),
        "trước ngày 30/6/2026",
    )
    assert deadline("hoàn thành trong quý II.", session=None) == (None, "trong quý II")


def test_an_impossible_date_is_no_deadline():
    assert deadline("hoàn thành trước ngày 31/2.") == (None, "trước ngày 31/2")


def test_before_a_month_quarter_or_year_is_the_end_of_the_period_before_it():
    assert deadline("đưa vào sử dụng trước tháng 6.") == (dt.date(2026, 5, 31), "trước tháng 6")
    assert deadline("hoàn thành trước quý III.") == (dt.date(2026, 6, 30), "trước quý III")
    assert deadline("hoàn thành trước năm 2028.") == (dt.date(2027, 12, 31), "trước năm 2028")


def test_a_time_of_day_may_stand_before_the_day():
    assert deadline("gửi báo cáo trước 15h ngày 20/3.") == (
        dt.date(2026, 3, 20),
        "trước 15h ngày 20/3",
    )


def test_the_last_six_months_end_with_the_year():
    assert deadline("hoàn thành trong 6 tháng cuối năm.") == (
        dt.date(2026, 12, 31),
        "trong 6 tháng cuối năm",
    )


@pytest.mark.parametrize(
    ("text", "session", "expected"),
    [
        # issue 6 class 2 (held-out Quảng Nam 2012): tháng Chạp of Nhâm Thìn opened 12/1/2013,
        # the Lunar New Year of Quý Tỵ was 10/2/2013
        ("hoàn thành trước ngày 15 tháng Chạp.", dt.date(2012, 12, 18), dt.date(2013, 1, 26)),
        ("gieo sạ xong trước rằm tháng Giêng.", dt.date(2012, 12, 18), dt.date(2013, 2, 24)),
        ("chậm nhất mùng 10 tháng Giêng âm lịch.", dt.date(2012, 12, 18), dt.date(2013, 2, 19)),
        # "tháng 12 âm lịch" is tháng Chạp, not December
        ("trước ngày 20 tháng 12 âm lịch.", dt.date(2023, 11, 2), dt.date(2024, 1, 30)),
        # a day of tháng Giêng already past: the next year's
        ("trước rằm tháng Giêng.", dt.date(2024, 3, 1), dt.date(2025, 2, 12)),
    ],
)
def test_a_day_of_the_first_or_last_lunar_month_is_mapped_through_the_reviewed_tables(
    text, session, expected
):
    assert deadline(text, session)[0] == expected


def test_during_the_lunar_new_year_is_no_deadline():
    # "không để hộ nào thiếu đói trong dịp Tết": during the festival, not before it
    assert deadline("không để hộ nào thiếu đói trong dịp Tết Nguyên đán.")[0] is None
    assert deadline("xong trước dịp Tết Nguyên đán.")[0] == dt.date(2027, 2, 6)


def test_the_targets_of_a_year_are_no_deadline_but_within_the_year_is():
    # issue 6 class 2 (held-out Hà Giang 2019): "phấn đấu hoàn thành các chỉ tiêu năm 2019" names
    # the year's targets, no time limit (the guide: a deadline only where the text sets one);
    # "trong năm 2019", "đến hết năm 2019" set one
    session = dt.date(2019, 8, 15)
    assert deadline("phấn đấu hoàn thành các chỉ tiêu năm 2019, nhất là giảm nghèo.", session) == (
        None,
        None,
    )
    assert deadline("phấn đấu hoàn thành chỉ tiêu trong năm 2019.", session)[0] == dt.date(
        2019, 12, 31
    )
    assert deadline("phấn đấu đến hết năm 2019 hoàn thành chỉ tiêu.", session)[0] == dt.date(
        2019, 12, 31
    )
