"""The session record: the typed record the extractor returns, its JSON form and schema."""

from __future__ import annotations

import json

import pytest

from chidao.extract import RECORD_VERSION, RecordError, SessionRecord, json_schema, read_record
from chidao.extract.pipeline import extract, extract_text
from chidao.extract.record import Assignee

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


# ---------------------------------------------------------------- the typed record (version 2)

COMMUNE_VISIT_2026 = (
    "Sáng 5/4/2026, đồng chí Lương Văn Hòa, Phó Chủ tịch UBND tỉnh Thanh Hóa đã làm việc với "
    "xã Minh Tiến.\n"
    "Kết luận buổi làm việc, đồng chí Lương Văn Hòa yêu cầu UBND xã Minh Tiến hoàn thành giải "
    "phóng mặt bằng tuyến đường liên thôn trước ngày 30/6/2026; Sở Tài chính hướng dẫn xã "
    "quyết toán vốn.\n"
)


def test_the_record_is_typed_and_its_json_form_reads_back_to_the_same_record():
    record = extract(COMMUNE_VISIT_2026)

    assert isinstance(record, SessionRecord)
    assert record.version == RECORD_VERSION == 2
    assert read_record(json.loads(json.dumps(record.to_json()))) == record


def test_the_json_form_is_what_extract_text_returns_with_the_version_first():
    data = extract_text(COMMUNE_VISIT_2026)

    assert next(iter(data)) == "version"
    assert data == extract(COMMUNE_VISIT_2026).to_json()


def test_an_assignee_that_names_a_resolved_locality_carries_its_official_code():
    record = extract(COMMUNE_VISIT_2026)
    commune = record.locality_spans[0]
    directive = record.directives[0]

    assert commune.code
    first = directive.assignee_spans[0]
    assert first.text == "UBND xã Minh Tiến" and first.unit_code == commune.code
    assert first.role == "lead"
    assert record.text[first.start : first.end] == first.text


def test_an_assignee_naming_a_department_has_no_unit_code():
    record = extract(COMMUNE_VISIT_2026)

    departments = [
        a for d in record.directives for a in d.assignee_spans if a.text == "Sở Tài chính"
    ]
    assert departments and all(a.unit_code is None for a in departments)


def test_assignee_spans_are_parallel_to_assignees():
    for directive in extract(COMMUNE_VISIT_2026).directives:
        assert [a.text for a in directive.assignee_spans] == list(directive.assignees)


def test_a_version_1_record_still_reads_with_its_assignees_matched_to_their_spans():
    v1 = extract_text(COMMUNE_VISIT_2026)
    v1["version"] = 1
    for d in v1["directives"]:  # version 1: spans of the written assignees only, no role/code
        d["assignee_spans"] = [
            {"text": a["text"], "start": a["start"], "end": a["end"]}
            for a in d["assignee_spans"]
            if a["start"] is not None
        ]
        d["assignees"].append("huyện Nông Cống")  # one not written as such

    record = read_record(v1)

    assert record.version == 2
    first = record.directives[0]
    assert first.assignee_spans[0].unit_code == record.locality_spans[0].code
    assert first.assignee_spans[0].start is not None
    assert first.assignee_spans[-1] == Assignee("huyện Nông Cống", None, None, "lead", None)


def test_an_unknown_version_is_refused_naming_the_field():
    data = extract_text(COMMUNE_VISIT_2026)
    data["version"] = 9

    with pytest.raises(RecordError, match=r"record\.version: unknown version 9"):
        read_record(data)


def test_a_wrong_value_is_refused_naming_the_item_and_field():
    data = extract_text(COMMUNE_VISIT_2026)
    data["directives"][0]["deadline"] = "30/6/2026"

    with pytest.raises(RecordError, match=r"record\.directives\[0\]\.deadline: not an ISO date"):
        read_record(data)


def test_the_json_schema_describes_every_key_of_the_record_and_accepts_it():
    from pydantic import TypeAdapter

    schema = json_schema()
    data = extract_text(COMMUNE_VISIT_2026)

    assert set(schema["properties"]) == set(data)
    assert set(schema["$defs"]["Assignee"]["properties"]) == {
        "text",
        "start",
        "end",
        "role",
        "unit_code",
    }
    # the schema is derived from the same types: the JSON form validates back to the record
    assert TypeAdapter(SessionRecord).validate_json(json.dumps(data)) == extract(COMMUNE_VISIT_2026)
