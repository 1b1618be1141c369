"""The session record: the JSON-ready dictionary that the extractor returns."""

from __future__ import annotations

from chidao.extract.pipeline import extract_text

DISTRICT_VISIT_2022 = (
    "Chiều 12-5, đồng chí Đặng Quốc Hưng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Hà Tĩnh "
    "đã làm việc với Ban Thường vụ Huyện ủy Đức Thọ về kết quả 6 tháng đầu năm 2022.\n"
    "Theo báo cáo, thu ngân sách của huyện đạt 212,4 tỷ đồng.\n"
)


def test_it_names_each_locality_span_by_its_label_and_keeps_the_unit_name_apart():
    record = extract_text(DISTRICT_VISIT_2022)
    assert record["localities"] == ["huyện Đức Thọ"]
    span = record["locality_spans"][0]
    assert span["name"] == "huyện Đức Thọ"  # the label of ``localities``, as the record lists it
    assert span["unit_name"] == "Đức Thọ"
    assert span["level"] == "huyện" and span["era"] == "legacy" and span["province"] == "Hà Tĩnh"
    assert record["text"][span["start"] : span["end"]] == span["text"] == "Huyện ủy Đức Thọ"


def test_it_lists_a_locality_named_twice_once_with_a_span_for_each_mention():
    record = extract_text(DISTRICT_VISIT_2022 + "Bí thư Huyện ủy Đức Thọ phát biểu.\n")
    assert record["localities"] == ["huyện Đức Thọ"]
    assert [s["start"] for s in record["locality_spans"]] == [114, 228]
    assert all(s["name"] == "huyện Đức Thọ" for s in record["locality_spans"])
