"""Specification of ``chidao extract``: the office clerk runs it on a folder of reports."""

from __future__ import annotations

import io
import json

import pytest

from chidao.extract.batch import expand_paths, iter_records
from chidao.extract.cli import main
from chidao.extract.errors import ExtractError
from chidao.extract.render import mark_text, render_text
from chidao.extract.spans import Options

REPORT_A = """\
Phó Chủ tịch UBND tỉnh làm việc với xã Minh Tiến
Sáng 5/4, đồng chí Lương Văn Hòa, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh Thanh Hóa đã có buổi làm việc với xã Minh Tiến.
Theo báo cáo, thu ngân sách trên địa bàn xã đạt 12,4 tỷ đồng.
Kết luận buổi làm việc, đồng chí Lương Văn Hòa yêu cầu UBND xã Minh Tiến hoàn thành giải phóng mặt bằng tuyến đường liên thôn trước ngày 30/6/2026.
"""
REPORT_B = """\
Chiều 9/10/2021, đồng chí Đoàn Minh Châu, Bí thư Tỉnh ủy Hà Tĩnh làm việc với huyện Hương Khê.
Đồng chí đề nghị huyện Hương Khê tập trung chỉ đạo sản xuất vụ đông.
"""


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text(REPORT_B, encoding="utf-8")
    (tmp_path / "b" / "ghi-chu.xlsx").write_bytes(b"PK")
    return tmp_path


def test_it_prints_one_json_record_for_one_file(folder):
    code, out, err = run([str(folder / "a.txt")])
    assert code == 0, err
    record = json.loads(out)
    assert record["source"] == str(folder / "a.txt")
    assert record["title"] == "Phó Chủ tịch UBND tỉnh làm việc với xã Minh Tiến"


def test_a_folder_means_its_supported_files_sorted_and_recursive(folder):
    assert expand_paths([folder]) == [str(folder / "a.txt"), str(folder / "b" / "c.txt")]
    code, out, _ = run([str(folder)])
    assert code == 0
    records = json.loads(out)
    assert [r["source"] for r in records] == [str(folder / "a.txt"), str(folder / "b" / "c.txt")]


def test_jsonl_prints_one_record_per_line(folder):
    code, out, _ = run([str(folder), "--format", "jsonl"])
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert [json.loads(x)["source"] for x in lines] == [
        str(folder / "a.txt"),
        str(folder / "b" / "c.txt"),
    ]


def test_one_bad_file_never_stops_the_batch(folder):
    (folder / "hong.docx").write_bytes(b"not a zip")
    code, out, err = run(
        [str(folder / "hong.docx"), str(folder / "a.txt"), str(folder / "thieu.txt")]
    )
    assert code == 1
    assert [r["source"] for r in json.loads(out)] == [str(folder / "a.txt")]
    assert f"{folder / 'hong.docx'}: not a valid .docx" in err
    assert f"{folder / 'thieu.txt'}: cannot read" in err


def test_a_bad_published_date_is_a_usage_error_naming_the_value(folder, capsys):
    code, out, _ = run([str(folder / "a.txt"), "--published", "2024-13-45"])
    assert code == 2 and out == ""
    assert "invalid date '2024-13-45'" in capsys.readouterr().err


def test_the_province_may_be_given_without_diacritics(folder):
    code, out, _ = run([str(folder / "b" / "c.txt"), "--province", "ha tinh"])
    assert code == 0
    assert json.loads(out)["province"] == "Hà Tĩnh"


def test_an_unknown_province_is_a_usage_error_naming_it(folder, capsys):
    code, out, _ = run([str(folder / "a.txt"), "--province", "Atlantis"])
    assert code == 2 and out == ""
    assert "unknown province 'Atlantis'" in capsys.readouterr().err


def test_the_publication_date_gives_the_year(folder):
    code, out, _ = run([str(folder / "a.txt"), "--published", "2026-04-06"])
    assert code == 0
    assert json.loads(out)["date"] == "2026-04-05"


def test_the_day_received_bounds_the_year(folder):
    # the deadline says 2026, but a text received on 1/3/2026 cannot report a 5/4/2026 session
    code, out, _ = run([str(folder / "a.txt"), "--received", "2026-03-01"])
    assert code == 0
    assert json.loads(out)["date"] == "2025-04-05"


def test_two_jobs_give_the_same_records_in_the_same_order(folder):
    (folder / "hong.pdf").write_bytes(b"%PDF-1.4 broken")
    one = run([str(folder), "--format", "jsonl", "--jobs", "1"])
    two = run([str(folder), "--format", "jsonl", "--jobs", "2"])
    assert one == two
    assert one[0] == 1 and "hong.pdf" in one[2]


def test_standard_input_is_a_path(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(REPORT_B.encode())))
    code, out, _ = run(["-", "--format", "jsonl"])
    assert code == 0
    assert json.loads(out)["source"] == "-"


def test_a_folder_without_reports_is_an_error(tmp_path):
    code, out, err = run([str(tmp_path)])
    assert code == 1 and out == ""
    assert "no supported files" in err


def test_text_format_marks_the_items_for_a_reader(folder):
    code, out, _ = run([str(folder / "a.txt"), "--format", "text"])
    assert code == 0
    assert "Tiêu đề: Phó Chủ tịch UBND tỉnh làm việc với xã Minh Tiến" in out
    assert "Chú giải:" in out
    assert "⟦CHỈ ĐẠO " in out and "hạn: 2026-06-30" in out


def test_iter_records_yields_records_and_errors_in_input_order(folder):
    paths = [folder / "a.txt", folder / "khong-co.txt", folder / "b" / "c.txt"]
    results = list(iter_records(paths, Options(), jobs=2))
    assert [p for p, _ in results] == [str(p) for p in paths]
    assert isinstance(results[1][1], ExtractError)
    assert results[1][1].source == str(folder / "khong-co.txt")
    assert results[2][1]["text"].startswith("Chiều 9/10/2021")


def test_iter_records_takes_texts_instead_of_files():
    results = list(iter_records([], texts=[("mot", REPORT_A), ("hai", REPORT_B)]))
    assert [(name, rec["source"]) for name, rec in results] == [("mot", "mot"), ("hai", "hai")]


def test_marks_nest_and_keep_the_text():
    text = "Xã cần hoàn thành 60% kế hoạch vốn."
    items = [(0, len(text), "CHỈ ĐẠO", " {hạn: 2026-06-30}"), (18, 21, "SỐ LIỆU", "")]
    marked = mark_text(text, items)
    assert marked == "⟦CHỈ ĐẠO Xã cần hoàn thành ⟦SỐ LIỆU 60%⟧ kế hoạch vốn.⟧ {hạn: 2026-06-30}"


def test_crossing_marks_are_closed_and_reopened():
    text = "abcdefghij"
    marked = mark_text(text, [(0, 6, "A", ""), (3, 10, "B", "")])
    assert marked == "⟦A abc⟦B def⟧⟧⟦B …ghij⟧"
    assert marked.count("⟦") == marked.count("⟧")


def test_render_text_names_the_date_province_and_chairs():
    record = {
        "source": "a.txt", "title": "Làm việc với xã Minh Tiến", "date": "2026-04-05",
        "province": "Thanh Hóa", "chairs": [{"name": "Lương Văn Hòa", "titles": ["Phó Chủ tịch UBND tỉnh"]}],
        "text": "Xã cần hoàn thành kế hoạch.", "directives": [{"start": 0, "end": 27, "issuer": "Lương Văn Hòa", "assignees": ["Xã"]}],
    }  # fmt: skip
    out = render_text(record)
    assert "Ngày: 2026-04-05    Tỉnh: Thanh Hóa" in out
    assert "Chủ trì: Lương Văn Hòa (Phó Chủ tịch UBND tỉnh)" in out
    assert (
        "⟦CHỈ ĐẠO Xã cần hoàn thành kế hoạch.⟧ {người chỉ đạo: Lương Văn Hòa; thực hiện: Xã}" in out
    )


def test_schema_prints_the_json_schema_of_the_record():
    code, out, _ = run(["--schema"])

    schema = json.loads(out)
    assert code == 0
    assert schema["title"] == "Chỉ đạo session record"
    assert {"version", "directives", "locality_spans", "text"} <= set(schema["properties"])


def test_no_path_and_no_schema_is_a_usage_error(capsys):
    code, _, err = run([])

    assert code == 2 and "PATH" in err
