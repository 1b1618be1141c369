"""The words of the session's date are reviewed data (``data/date_words.tsv``).

Each row of each kind is put to work: the test writes a short report with the entry in
its kind's slot and checks that the entry does what the kind says (a lede's time read, a
document's date left out, a year taken from a period, a plan or a result, a deadline set
by an instruction); the same report with a word that is not of the kind (``CONTROL``)
must not do it, so each check can fail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from lexicon_contract import lexicon_contract

from chidao.extract import lexicon
from chidao.extract.dates import (
    KINDS,
    WORDS,
    _is_reference,
    date_words,
    find_dateline,
    find_lede_date,
)
from chidao.extract.pipeline import process
from chidao.extract.spans import Options, fold

READ_ON = dt.date(2026, 12, 7)


def session(text: str, **options: dt.date) -> dt.date | None:
    return process(text, Options(received=options.get("received", READ_ON),
                                 published=options.get("published"))).date  # fmt: skip


def lede(text: str) -> tuple[int, int] | None:
    found = find_lede_date(process(text, Options(received=READ_ON)))
    return None if found is None else (found[0], found[1])


def lede_5_april(text: str) -> bool:
    return lede(text) == (5, 4)


def no_lede(text: str) -> bool:
    return lede(text) is None


def lede_8_october(text: str) -> bool:
    return lede(text) == (8, 10)


def lede_15_september(text: str) -> bool:
    return lede(text) == (15, 9)


def page_dated(text: str) -> bool:
    return find_dateline(process(text, Options(received=READ_ON))) == dt.date(2023, 7, 31)


def referenced(text: str) -> bool:
    """The date "12/11" (or "20/6") of the text follows a document reference."""
    folded = fold(text)
    at = folded.find("12/11") if "12/11" in folded else folded.find("20/6")
    return _is_reference(folded, at)


def not_referenced(text: str) -> bool:
    return not referenced(text)


def in_2023(text: str) -> bool:
    return session(text) == dt.date(2023, 7, 5)


def in_2024(text: str) -> bool:
    return session(text) == dt.date(2024, 7, 5)


def no_year(text: str) -> bool:
    return session(text) is None


def planned_late_in_the_year_before(text: str) -> bool:
    return session(text) == dt.date(2024, 10, 15)


def reviewed_in_its_year(text: str) -> bool:
    return session(text) == dt.date(2025, 10, 15)


def reported_early_in_the_year_after(text: str) -> bool:
    return session(text) == dt.date(2026, 2, 15)


def in_the_running_year(text: str) -> bool:
    """A May session stating a year's figure as an estimate: the running year's."""
    return session(text) == dt.date(2025, 5, 14)


def the_day_before_the_page(text: str) -> bool:
    return session(text, published=dt.date(2024, 3, 10)) == dt.date(2024, 3, 9)


def relative_to_the_page(text: str) -> bool:
    doc = process(text, Options(published=dt.date(2024, 3, 10)))
    return doc.date_span is not None and doc.date_span.rule == "relative"


def after_the_reform(text: str) -> bool:
    return session(text, received=dt.date(2026, 3, 1)) == dt.date(2025, 8, 5)


def the_nth_year_of_the_term(n: int) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        return session(text) == dt.date(2020 + n, 12, 20)

    return check


def in_the_term_s_first_year(text: str) -> bool:
    return session(text) == dt.date(2021, 12, 20)


def in_the_period_s_first_year(text: str) -> bool:
    return session(text) == dt.date(2020, 12, 20)


TERM = (
    "Chiều 20/12, xã Tân Phú báo cáo kết quả {} thực hiện Nghị quyết Đại hội, nhiệm kỳ 2020-2025."
)
FIRST_YEAR = "Chiều 20/12, xã Tân Phú báo cáo kết quả năm đầu thực hiện Nghị quyết, {} 2020-2025."

ASKED = (
    "Sáng 5/4/2026, Chủ tịch UBND tỉnh Nghệ An làm việc với xã Tân Phú.\n"
    "Chủ tịch UBND tỉnh yêu cầu xã hoàn thành việc rà soát đất công {}."
)


def deadlines(text: str) -> list[dt.date | None]:
    doc = process(text, Options(received=READ_ON))
    return [d.data.get("deadline") for d in doc.directives]


def due_30_june(text: str) -> bool:
    return deadlines(text) == [dt.date(2026, 6, 30)]


def due_in_20_days(text: str) -> bool:
    return deadlines(text) == [dt.date(2026, 4, 25)]


def due_at_the_lunar_new_year(text: str) -> bool:
    # the example names the Lunar New Year's day it means last: "(ngày 6/2/2027)."
    d, m, y = text.rsplit("ngày ", 1)[1].rstrip(").").split("/")
    return deadlines(text) == [dt.date(int(y), int(m), int(d))]


def due_at_the_end_of_the_year(text: str) -> bool:
    return deadlines(text) == [dt.date(2026, 12, 31)]


def due(*ymd: int) -> Callable[[str], bool]:
    """The directive's deadline is that day."""
    return lambda text: deadlines(text) == [dt.date(*ymd)]


def due_at_a_quarter_s_end(text: str) -> bool:
    found = deadlines(text)
    return (
        len(found) == 1
        and found[0] is not None
        and (found[0] + dt.timedelta(days=1)).month in (1, 4, 7, 10)
        and (found[0] + dt.timedelta(days=1)).day == 1
    )


def due_at_a_half_s_end(text: str) -> bool:
    return deadlines(text) in ([dt.date(2026, 6, 30)], [dt.date(2026, 12, 31)])


def has_a_deadline(text: str) -> bool:
    return [d is not None for d in deadlines(text)] == [True]


def deadline_text(text: str) -> list[str]:
    doc = process(text, Options(received=READ_ON))
    return [d.data["deadline_text"].text for d in doc.directives if d.data.get("deadline_text")]


def the_year_s_second_half(text: str) -> bool:
    """The deadline is the end of the year, read from "... 6 tháng cuối năm" (not "cuối năm")."""
    doc = process(text, Options(received=READ_ON))
    found = [d.data.get("deadline_text") for d in doc.directives]
    return [s.rule if s else None for s in found] == ["year"] and due_at_the_end_of_the_year(text)


LEAD = "đồng chí Bí thư Tỉnh ủy làm việc với xã Tân Phú."
PERIOD = "Sáng 5/7, xã Tân Phú sơ kết công tác {} năm 2023 và bàn nhiệm vụ năm 2024."
# kind -> (text with the entry at "{}", what the entry makes of it, a word not of the kind)
EXAMPLES: dict[str, tuple[str, Callable[[str], bool], str]] = {
    "time_of_day": ("{} 5/4, " + LEAD, lede_5_april, "khoảng"),
    "day_prefix": ("Sáng {} 5/4, " + LEAD, lede_5_april, "số"),
    "weekday": ("Thứ {}, 31/07/2023\nSáng 28/7, " + LEAD, page_dated, "mười"),
    "dateline_head": ("{}: 31/07/2023\nSáng 28/7, " + LEAD, page_dated, "Nguồn"),
    "page_head": ("{} ngày 10/10/2022\nSáng 8/10, " + LEAD, lede_8_october, "Hôm"),
    "document": (
        "Thực hiện {} 15 của tỉnh ngày 12/11/2024, xã Tân Phú họp dân.",
        referenced,
        "ý kiến",
    ),
    "document_dated": (
        "Thực hiện Nghị quyết 15 của tỉnh {} 12/11/2024, xã Tân Phú họp dân.",
        referenced,
        "và",
    ),
    "session_noun": (
        "Thông báo kết luận {} với xã Tân Phú ngày 20/6/2024.",
        not_referenced,
        "ý kiến",
    ),
    "issue_verb": (
        "Ngày 21/9, Ban Thường vụ Tỉnh ủy {} thông báo kết luận buổi làm việc với xã "
        "Tân Phú ngày 15/9.",
        lede_15_september,
        "đọc",
    ),
    "issued_document": (
        "Ngày 21/9, Ban Thường vụ Tỉnh ủy ban hành {} về buổi làm việc với xã Tân Phú ngày 15/9.",
        lede_15_september,
        "quà",
    ),
    "session_day_head": (
        "Ngày 21/9, Ban Thường vụ Tỉnh ủy ban hành thông báo kết luận buổi làm việc với xã Tân "
        "Phú {} 15/9.",
        lede_15_september,
        "sau",
    ),
    "month_count": (PERIOD.format("{} tháng"), in_2023, "vài"),
    "year_part": (PERIOD, in_2023, "trong"),
    "period_bound": (
        "Sáng 5/7, xã Tân Phú sơ kết công tác 6 tháng năm 2023, hoàn thành {} 6 tháng năm 2024.",
        in_2023,
        "với",
    ),
    "deadline_head": ("Xã Tân Phú họp dân {} ngày 30/6 về việc làm đường.", no_lede, "vào"),
    "relative_time": ("{} qua, " + LEAD, the_day_before_the_page, "Tuần"),
    "relative_day": ("Chiều {}, " + LEAD, relative_to_the_page, "mai"),
    "future": ("Sáng 5/7, xã Tân Phú đã bàn {} năm 2024.", no_year, "về"),
    "horizon": (
        "Sáng 5/7, đồng chí Bí thư yêu cầu xã Tân Phú phát triển du lịch {} năm 2024.",
        no_year,
        "trong",
    ),
    "instruction": (
        "Sáng 5/7, xã Tân Phú {} hoàn thành đường giao thông trước 30/6/2025.",
        in_2024,
        "đã",
    ),
    "plan_word": (
        "Sáng 15/10, xã Tân Phú bàn {} phát triển kinh tế năm 2025.",
        planned_late_in_the_year_before,
        "việc",
    ),
    "review_word": (
        "Sáng 15/10, xã Tân Phú {} nhiệm vụ phát triển kinh tế năm 2025.",
        reviewed_in_its_year,
        "bàn",
    ),
    "result_word": (
        "Sáng 15/2, xã Tân Phú báo cáo {} năm 2025.",
        reported_early_in_the_year_after,
        "về",
    ),
    "result_done": (
        "Sáng 5/7, xã Tân Phú yêu cầu hoàn thành đường giao thông trước 30/6/2025 và {} "
        "80% khối lượng.",
        no_year,
        "còn",
    ),
    "compared": (
        "Sáng 5/7, xã Tân Phú họp bàn. Thu ngân sách đạt 12 tỷ đồng, cao hơn {} 2025.",
        no_year,
        "trong năm",
    ),
    "estimate": (
        "Sáng 14/5, xã Tân Phú họp bàn. Thu ngân sách năm 2025 {} đạt 21 tỷ đồng.",
        in_the_running_year,
        "đã",
    ),
    "two_tier": ("Sáng 5/8, xã Tân Phú họp bàn về {}.", after_the_reform, "bộ máy mới"),
    "term_year_1": (TERM, the_nth_year_of_the_term(1), "những năm"),
    "term_year_2": (TERM, the_nth_year_of_the_term(2), "năm đầu"),
    "term_year_3": (TERM, the_nth_year_of_the_term(3), "năm đầu"),
    "term_year_4": (TERM, the_nth_year_of_the_term(4), "năm đầu"),
    "term_year_5": (TERM, the_nth_year_of_the_term(5), "năm đầu"),
    "term_head": (FIRST_YEAR, in_the_term_s_first_year, "giai đoạn"),
    "period_head": (FIRST_YEAR, in_the_period_s_first_year, "nhiệm kỳ"),
    "deadline_mark": (ASKED.format("{} 30/6/2026"), due_30_june, "sau"),
    "within": (ASKED.format("{} 20 ngày"), due_in_20_days, "sau"),
    "year_mark": (ASKED.format("{} năm 2026"), due_at_the_end_of_the_year, "của"),
    "this_year": (ASKED.format("{}"), due_at_the_end_of_the_year, "năm trước"),
    "lunar_new_year": (
        ASKED.format("trước {} (ngày 6/2/2027)"),
        due_at_the_lunar_new_year,
        "mùa mưa",
    ),
    "lunar_new_year_day": (
        ASKED.format("trước Tết Nguyên đán (ngày {})"),
        due_at_the_lunar_new_year,
        "1/1/2020",
    ),
    # after the session of 5/4/2026: Tết 2027 is 6/2/2027, tháng Chạp of 2026 opens 8/1/2027
    "festival_mark": (
        ASKED.format("{} Tết Nguyên đán (ngày 6/2/2027)"),
        due_at_the_lunar_new_year,
        "trong dịp",
    ),
    "lunar_first_month": (
        ASKED.format("trước rằm {} (ngày 20/2/2027)"),
        due_at_the_lunar_new_year,
        "tháng sau",
    ),
    "lunar_last_month": (
        ASKED.format("trước ngày 20 {} (ngày 27/1/2027)"),
        due_at_the_lunar_new_year,
        "tháng sau",
    ),
    "lunar_full_moon": (
        ASKED.format("trước {} tháng Giêng (ngày 20/2/2027)"),
        due_at_the_lunar_new_year,
        "giữa",
    ),
    "lunar_twelfth_month_day": (
        ASKED.format("trước mùng 1 tháng Chạp (ngày {})"),
        due_at_the_lunar_new_year,
        "1/1/2020",
    ),
    "hour_word": (ASKED.format("trước 17{} ngày 30/6/2026"), due_30_june, "phút"),
    "day_word": (ASKED.format("trong 20 {}"), due_in_20_days, "tuần"),
    "month_word": (ASKED.format("trước ngày 30 {} 6 năm 2026"), due_30_june, "tuần"),
    "year_word": (ASKED.format("trước ngày 30/6 {} 2027"), due(2027, 6, 30), "khoảng"),
    "quarter_word": (ASKED.format("trong {} II"), due_30_june, "tháng"),
    "quarter_numeral": (ASKED.format("trong quý {}"), due_at_a_quarter_s_end, "v"),
    "half_mark": (ASKED.format("{} 6 tháng đầu năm"), due_30_june, "sau"),
    "first_half": (ASKED.format("trong {}"), due_30_june, "6 tháng cuối năm"),
    "second_half_mark": (ASKED.format("{} 6 tháng cuối năm"), the_year_s_second_half, "sau"),
    "second_half": (ASKED.format("trong {}"), due_at_the_end_of_the_year, "6 tháng đầu năm"),
    "this_month_mark": (ASKED.format("{} tháng này"), due(2026, 4, 30), "sau"),
    "this_word": (
        ASKED.format("trong tháng {}"),
        lambda t: deadline_text(t) == ["trong tháng này"],
        "sau",
    ),
    "festival_time": (
        ASKED.format("trước {} Tết Nguyên đán (ngày 6/2/2027)"),
        due_at_the_lunar_new_year,
        "giữa",
    ),
    "lunar_day_prefix": (
        ASKED.format("trước {} 10 tháng Giêng (ngày 15/2/2027)"),
        due_at_the_lunar_new_year,
        "khoảng",
    ),
    "lunar_calendar": (
        ASKED.format("trước rằm tháng Giêng {}"),
        lambda t: deadline_text(t) == ["trước rằm tháng Giêng âm lịch"],
        "năm sau",
    ),
    "week_mark": (ASKED.format("{} tuần"), due(2026, 4, 5), "sau"),
    "week_word": (ASKED.format("trong 2 {}"), due(2026, 4, 19), "ngày"),
    "half_side": (ASKED.format("trong 6 tháng {} năm"), due_at_a_half_s_end, "tới"),
    "period_word": (ASKED.format("trong {}"), has_a_deadline, "ngày"),
    "weekday_head": ("{} Hai, 31/07/2023\nSáng 28/7, " + LEAD, page_dated, "Tuần"),
    "sunday": ("Sáng {}, 5/4, " + LEAD, lede_5_april, "hôm ấy"),
    "lede_day": ("Sáng {} 5/4, " + LEAD, lede_5_april, "kia"),
    "day_joiner": ("Ngày 4 {} 5/4, " + LEAD, lambda t: lede(t) is not None, "hoặc"),
    "first_side": (PERIOD.format("tháng {}"), in_2023, "này"),
    "inside": (
        "Sáng 5/7, xã Tân Phú sơ kết công tác 6 tháng năm 2023, hoàn thành {} 6 tháng năm 2024.",
        in_2023,
        "với",
    ),
    "year_end_period": (
        "Sáng 15/2, xã Tân Phú sơ kết công tác {} năm 2025.",
        reported_early_in_the_year_after,
        "đầu",
    ),
    "last_quarter": (
        "Sáng 15/2, xã Tân Phú sơ kết công tác quý {} năm 2025.",
        reported_early_in_the_year_after,
        "ii",
    ),
}

ROWS = lexicon.load(WORDS, KINDS)


(
    test_every_kind_has_rows_and_a_written_example,
    test_each_entry_does_its_kind_s_work,
    test_a_word_not_of_the_kind_does_not,
) = lexicon_contract(ROWS, KINDS, EXAMPLES, date_words)
