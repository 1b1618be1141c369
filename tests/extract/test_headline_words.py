"""The words of a headline that states a leader's instruction are reviewed data
(``data/headline_words.tsv``).

Each row of each kind is put to work: the test writes a headline with the entry in its
kind's slot and checks that it states an instruction (and so stays in the text); the same
headline with a word that is not of the kind (``CONTROL``) does not, so each check can fail.
"""

from __future__ import annotations

import pytest

from chidao.extract import lexicon
from chidao.extract.clean import (
    _BYLINE_PREFIX,
    _SITE_PREFIX,
    KINDS_OF_WORDS,
    WORDS,
    attributes_headline,
    dateline_date,
    headline_words,
    instruction_headline,
    notice_attributes,
)
from chidao.extract.spans import fold

# kind -> (headline with the entry at "{}", a word not of the kind)
EXAMPLES: dict[str, tuple[str, str]] = {
    "order": ("Bí thư Tỉnh ủy: {} giải ngân hết vốn đầu tư công trong năm", "đã"),
    "subject": ("{} Tân Phú phải hoàn thành giải phóng mặt bằng trước ngày 15/5", "Nông dân"),
    "subject_order": ("Xã Tân Phú {} hoàn thành giải phóng mặt bằng trước ngày 15/5", "đã"),
    "leader_verb": ("Chủ tịch UBND tỉnh {} hoàn thành giải phóng mặt bằng", "thăm"),
    "visit_lead": ("Bí thư Tỉnh ủy {} huyện Lệ Thủy: Tập trung xây dựng nông thôn mới", "và"),
    "headline_action": (
        "Bí thư Tỉnh ủy làm việc với huyện Lệ Thủy: {} xây dựng nông thôn mới",
        "Đã",
    ),
    "headline_deadline": (
        "Chủ tịch UBND tỉnh làm việc với xã Ba Tơ: Di dời các hộ ở vùng sạt lở {} 30/6",
        "từ ngày",
    ),
    # the paragraph after an action headline: the notice of the leader's conclusions
    "notice_lead": (
        "Tại {} số 112/TB-UBND ngày 8/5/2024, Chủ tịch UBND tỉnh Võ Văn Bình kết luận tại buổi"
        " kiểm tra.",
        "Báo cáo",
    ),
    # the paragraph after the headline, which makes any headline an instruction
    "attribution": ("{} chỉ đạo của đồng chí Vương Đình Khang, Bí thư Tỉnh ủy.", "Hôm nay là"),
    "attributed": ("Đó là {} của đồng chí Vương Đình Khang, Bí thư Tỉnh ủy.", "thành tích"),
    "leader_head": ("Phó {} UBND tỉnh yêu cầu hoàn thành giải phóng mặt bằng", "Giám đốc"),
    "visit_leader": (
        "{} tỉnh làm việc với xã Ba Tơ: Di dời các hộ ở vùng sạt lở trước ngày 30/6",
        "Nông dân",
    ),
    "modal": ("Đắk Glei {} đẩy nhanh tiến độ giải ngân vốn đầu tư công", "đã"),
    "one_of": (
        "Đây là một trong {} chỉ đạo của đồng chí Vương Đình Khang, Bí thư Tỉnh ủy.",
        "ba",
    ),
    "content_word": (
        "Đây là {} chỉ đạo của đồng chí Vương Đình Khang, Bí thư Tỉnh ủy.",
        "thành tích và",
    ),
    "by_whom": ("Đó là chỉ đạo {} đồng chí Vương Đình Khang, Bí thư Tỉnh ủy.", "với"),
    "notice_prep": (
        "{} Thông báo số 112/TB-UBND ngày 8/5/2024, Chủ tịch UBND tỉnh Võ Văn Bình kết luận tại"
        " buổi kiểm tra.",
        "Ngoài",
    ),
    "notice_verb": (
        "Tại Thông báo số 112/TB-UBND ngày 8/5/2024, Chủ tịch UBND tỉnh Võ Văn Bình {} tại buổi"
        " kiểm tra.",
        "phát biểu",
    ),
    "site_suffix": ("(Baonghean.{}) - Sáng 5/4, đoàn công tác làm việc với xã.", "xyz"),
    "byline_head": ("{} và ảnh: Thu Trang", "Thơ"),
    "byline_and": ("Bài {} ảnh: Thu Trang", "hay"),
    "byline_photo": ("Bài và {}: Thu Trang", "nhạc"),
    "byline_word": ("{}: Thu Trang", "Nguồn"),
    "byline_team": ("{} PV: Thu Trang", "Tổ"),
    "byline_reporter": ("Nhóm {}: Thu Trang", "BTV"),
    "dateline_weekday_head": ("{} Hai, 11/10/2021 - 14:30", "Tuần"),
    "dateline_word": ("{} 11/10/2021 - 14:30", "Hạn"),
    "dateline_posted": ("{} ngày 11/10/2021", "Hạn"),
    "dateline_posted_what": ("Đăng {} 11/10/2021", "hạn"),
    "dateline_posted_day": ("{}: 11/10/2021", "Hạn chót"),
    "dateline_zone": ("11/10/2021 - 14:30 ({}+7)", "XYZ"),
    "dateline_meridiem": ("11/10/2021 - 2:30 {}", "XY"),
}
NEXT_PARAGRAPH = ("attribution", "attributed", "one_of", "content_word", "by_whom")
NOTICE = ("notice_lead", "notice_prep", "notice_verb")
# the headline before a notice paragraph (kind notice_lead)
NOTICE_HEADLINE = "Đẩy nhanh tiến độ dự án đường ven biển qua huyện Triệu Phong"


# the page's parts around the text: a site's mark before the lede, a byline's prefix
PAGE = {
    "site_suffix": lambda text: _SITE_PREFIX.match(text) is not None,
    "byline_and": lambda text: _BYLINE_PREFIX.match(text) is not None,
}
DATELINE = (
    "dateline_weekday_head",
    "dateline_word",
    "dateline_posted",
    "dateline_posted_what",
    "dateline_posted_day",
    "dateline_zone",
    "dateline_meridiem",
)
BYLINE = ("byline_head", "byline_photo", "byline_word", "byline_team", "byline_reporter")


def _states(kind: str, text: str) -> bool:
    """Whether ``text`` makes the headline an instruction (the headline itself, or the
    paragraph after it for the attribution kinds); for the page's kinds, whether the line is
    read as that part of the page."""
    if kind in PAGE:
        return PAGE[kind](text)
    if kind in DATELINE:  # the page's dateline: its date is the publication date
        return dateline_date(text) is not None
    if kind in BYLINE:
        return _BYLINE_PREFIX.match(text) is not None
    if kind in NOTICE:
        return notice_attributes(NOTICE_HEADLINE, text)
    return attributes_headline(text) if kind in NEXT_PARAGRAPH else instruction_headline(text)


ROWS = lexicon.load(WORDS, KINDS_OF_WORDS)


def test_every_kind_has_rows_and_a_written_example():
    assert {r.kind for r in ROWS} == set(KINDS_OF_WORDS) == set(EXAMPLES)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.where)
def test_each_entry_makes_the_headline_an_instruction(row):
    template, _ = EXAMPLES[row.kind]
    example = row.example or template.format(row.text)
    assert row.folded in fold(example)
    assert _states(row.kind, example), example


@pytest.mark.parametrize("kind", KINDS_OF_WORDS)
def test_a_word_not_of_the_kind_does_not(kind):
    template, control = EXAMPLES[kind]
    assert fold(control) not in headline_words()[kind]
    assert not _states(kind, template.format(control)), template.format(control)


def test_a_page_s_dateline_reads_the_weekdays_of_the_date_lexicon():
    from chidao.extract.clean import dateline_date
    from chidao.extract.dates import date_words

    for day in date_words()["weekday"]:
        assert dateline_date(f"Thứ {day}, 11/10/2021 - 14:30 (GMT+7)") is not None, day
    assert dateline_date("Thứ mười, 11/10/2021 - 14:30 (GMT+7)") is None
