"""Paragraphs and sentences: where a report's sentences begin and end."""

from __future__ import annotations

import pytest

from chidao.extract.segment import DATELINE, MAX_SENTENCE, segment
from chidao.extract.spans import Document, fold


def sentences(text: str) -> list[str]:
    doc = Document(text=text)
    segment(doc)
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
    return [s.text for s in doc.sentences]


def test_it_makes_one_paragraph_per_line_with_offsets():
    doc = Document(text="Sáng 5/4, đoàn làm việc.\nHuyện báo cáo kết quả.")
    segment(doc)
    assert [p.text for p in doc.paragraphs] == [
        "Sáng 5/4, đoàn làm việc.",
        "Huyện báo cáo kết quả.",
    ]
    assert doc.paragraphs[1].start == 25


def test_it_splits_sentences_at_full_stops_before_a_capital():
    assert sentences("Kinh tế tăng trưởng khá. Thu ngân sách vượt dự toán.") == [
        "Kinh tế tăng trưởng khá.",
        "Thu ngân sách vượt dự toán.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Đoàn làm việc tại TP. Vinh với lãnh đạo thành phố.",
        "Đoàn làm việc tại Tp. Đồng Hới và thăm bệnh viện.",
        "Báo cáo của ThS. Lê Văn Bình được thông qua.",
        "Thu ngân sách đạt 2.845 tỷ đồng, bằng 103% dự toán.",
        "Tốc độ tăng trưởng đạt 12,36% so với cùng kỳ.",
        "Hoàn thành trước ngày 30/6/2026 theo kế hoạch.",
        "Chiều 9-3, đoàn công tác làm việc tại huyện.",
        "Các ngành như giao thông, thủy lợi, v.v. được ưu tiên vốn.",
        "Trong đó có UBND, HĐND, MTTQ các cấp.",
    ],
)
def test_it_keeps_abbreviations_numbers_and_dates_inside_one_sentence(text):
    assert sentences(text) == [text]


def test_an_ellipsis_ends_a_sentence_before_a_capital_but_not_before_lower_case():
    assert sentences("Tránh hình thức... Đồng thời, xử lý vi phạm.") == [
        "Tránh hình thức...",
        "Đồng thời, xử lý vi phạm.",
    ]
    assert sentences("Các địa phương… và các sở cần vào cuộc.") == [
        "Các địa phương… và các sở cần vào cuộc."
    ]


def test_a_sentence_may_start_in_lower_case_after_a_full_stop():
    assert sentences("Nâng cao chất lượng chi bộ. tăng cường quản lý đảng viên.") == [
        "Nâng cao chất lượng chi bộ.",
        "tăng cường quản lý đảng viên.",
    ]


def test_a_full_stop_glued_to_the_next_sentence_still_ends_it():
    assert sentences("tạo sự đoàn kết, thống nhất.Phó Bí thư Tỉnh ủy kết luận.") == [
        "tạo sự đoàn kết, thống nhất.",
        "Phó Bí thư Tỉnh ủy kết luận.",
    ]


def test_closing_quotes_stay_with_their_sentence():
    assert sentences("Đồng chí nhấn mạnh “phải làm đến cùng.” Sau đó đoàn kiểm tra dự án.") == [
        "Đồng chí nhấn mạnh “phải làm đến cùng.”",
        "Sau đó đoàn kiểm tra dự án.",
    ]


def test_a_list_number_does_not_make_a_sentence_of_its_own():
    assert sentences("1. Tập trung giải ngân vốn đầu tư công.") == [
        "1. Tập trung giải ngân vốn đầu tư công."
    ]


def test_a_long_paragraph_of_stops_and_abbreviations_is_split_at_each_stop():
    # (how long it takes is measured by bench/extract.py, not here)
    text = "Tại TP. Vinh, ông A. nói... các xã. 1.2.3 đạt 2.845 tỷ đồng! Xong.Tiếp " * 4000
    out = sentences(text)
    assert out[:4] == [
        "Tại TP. Vinh, ông A. nói... các xã.",
        "1.2.3 đạt 2.845 tỷ đồng!",
        "Xong.",
        "Tiếp Tại TP. Vinh, ông A. nói... các xã.",
    ]
    assert len(out) == 3 * 4000 + 1


@pytest.mark.parametrize(
    "lede",
    [
        "Sáng 5/4, đồng chí ...",
        "QNO - Chiều 2.10, Phó Chủ tịch ...",
        "(Báo Yên Bái) - Chiều 3-4, Bí thư ...",
        "BẮC KẠN - Sáng nay (12/6), ...",
        "Ngày 25/11/2025, đồng chí ...",
        "Ngày 25 tháng 11 năm 2025, đồng chí ...",
        "Chiều qua, Chủ tịch ...",
        "Trong 2 ngày 12 và 13/6, Bí thư ...",
        "Vừa qua, Phó Chủ tịch ...",
    ],
)
def test_it_recognises_the_dateline_a_lede_opens_with(lede):
    assert DATELINE.match(fold(lede))


@pytest.mark.parametrize(
    "paragraph",
    ["Phó Chủ tịch UBND tỉnh kiểm tra tại Đại Lộc", "Năm 2024, huyện đã di dời 120 hộ dân."],
)
def test_a_paragraph_without_the_time_of_the_session_is_no_dateline(paragraph):
    assert DATELINE.match(fold(paragraph)) is None


def test_an_overlong_sentence_is_cut_at_clause_breaks_into_pieces_of_bounded_length():
    clause = "xã Tân Lộc đã hoàn thành kênh mương nội đồng, "
    text = clause * 120  # about 5,600 characters, no full stop
    doc = Document(text=text)
    segment(doc)
    assert len(doc.sentences) > 3
    assert all(len(s) <= MAX_SENTENCE for s in doc.sentences)
    assert all(s.text.endswith(",") for s in doc.sentences[:-1])
    # the pieces follow each other and lose nothing but the spaces between them
    assert "".join(s.text for s in doc.sentences).replace(" ", "") == text.replace(" ", "")


def test_a_text_with_no_space_is_cut_at_the_limit():
    doc = Document(text="a" * (2 * MAX_SENTENCE + 7))
    segment(doc)
    assert [len(s) for s in doc.sentences] == [MAX_SENTENCE, MAX_SENTENCE, 7]


def test_a_sentence_of_ordinary_length_is_not_cut():
    text = "Đồng chí Lò Văn Khánh, Bí thư Huyện ủy, " * 20 + "phát biểu tại hội nghị."
    assert len(text) < MAX_SENTENCE
    assert sentences(text) == [text]
