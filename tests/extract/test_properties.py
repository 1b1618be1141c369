"""Properties that hold for any input: a record or an ExtractError, in bounded time
(hypothesis deadlines), and every offset points at its item's text."""

from __future__ import annotations

import datetime as dt
import zipfile
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scorer import assert_offsets

from chidao.extract import extract_file, extract_text
from chidao.extract.clean import clean, normalise_lines
from chidao.extract.errors import ExtractError
from chidao.extract.spans import Options

# Sentences in the genre, written for these tests; hypothesis shuffles, cuts and mixes them.
FRAGMENTS = [
    "Sáng 5/4, đồng chí Lương Văn Hòa, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh đã làm việc với xã Minh Tiến.",
    "Chiều 9-3, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức hội nghị cán bộ chủ chốt quý II năm 2024.",
    "Dự có các đồng chí: Đoàn Minh Châu, Bí thư Tỉnh ủy; Hà Thị Ngọc Lan, Giám đốc Sở Tài chính; lãnh đạo Sở Nội vụ.",
    "Thu ngân sách trên địa bàn đạt 11.710 tỷ đồng, bằng 96% dự toán; 21/31 nhà văn hóa đã hoàn thành.",
    "Tuy nhiên, tiến độ giải ngân vốn đầu tư công còn chậm, nhiều dự án còn vướng mắc mặt bằng.",
    "Bí thư Đảng ủy xã Minh Tiến Lò Văn Sáu: Đề nghị tỉnh hỗ trợ kinh phí làm đường liên thôn.",
    "Chủ tịch UBND tỉnh Trịnh Quốc Hưng",
    "Kết luận buổi làm việc, đồng chí yêu cầu UBND xã Minh Tiến hoàn thành giải phóng mặt bằng trước ngày 30/6/2026.",
    "Các cấp, các ngành cần tập trung rà soát, tháo gỡ khó khăn trong quý III.",
    "Về kiến nghị của xã, đồng chí giao Sở Tài chính tổng hợp, tham mưu UBND tỉnh giải quyết.",
    "Đoàn đã khảo sát thực tế dự án đường nối hai xã và kiểm tra tiến độ Cụm công nghiệp Bắc Sơn.",
    "Phó Chủ tịch UBND tỉnh làm việc với xã Minh Tiến - Ảnh 2.",
    "{name} - {time}",
    "0 bình luận",
    "Đọc thêm",
    "09:15 , 02/04/2026",
]
SEPARATORS = ["\n", "\n\n", " ", ". ", ": ", "; ", ", ", "\r\n", "\u00a0", ""]

report_like = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(max_size=30),
        st.sampled_from(FRAGMENTS).map(lambda s: s[: len(s) // 2]),
    ),
    max_size=14,
).flatmap(
    lambda parts: st.lists(
        st.sampled_from(SEPARATORS), min_size=len(parts), max_size=len(parts)
    ).map(lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True)))
)

FAST = settings(
    max_examples=40,
    deadline=dt.timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

extract_text(FRAGMENTS[0])  # load the lexicons and unit tables before the deadlines apply


@FAST
@given(report_like)
def test_any_report_like_text_gives_a_record_whose_offsets_hold(raw):
    assert_offsets(extract_text(raw, Options(published=dt.date(2026, 5, 1))))


@FAST
@given(report_like)
def test_the_cleaner_accounts_for_every_line(raw):
    doc = clean(raw, Options())
    kept = doc.text.split("\n") if doc.text else []
    removed = set(doc.removed)
    for line in normalise_lines(raw):
        assert line in removed or any(k in line for k in kept), line


@FAST
@given(st.text())
def test_any_unicode_text_gives_a_record(raw):
    assert_offsets(extract_text(raw))


@FAST
@given(st.text(alphabet=st.sampled_from(".,;:!?…-–—()[]{}\"'“”/\\*#@%&"), max_size=300))
def test_text_of_punctuation_only_gives_a_record(raw):
    assert_offsets(extract_text(raw))


@FAST
@given(
    st.lists(
        st.sampled_from(
            [
                "Sáng 5/4 Hà Tĩnh",
                "中文报道",
                "Доклад",
                "تقرير",
                "😀🎉",
                "ไทย",
                "\u0301\u0303",
                "A\u200bB",
            ]
        ),
        max_size=20,
    )
)
def test_mixed_scripts_give_a_record(parts):
    assert_offsets(extract_text(" ".join(parts)))


def _record_or_error(path) -> dict[str, Any] | None:
    try:
        record = extract_file(path)
    except ExtractError as e:
        assert str(path) in str(e)
        return None
    assert_offsets(record)
    return record


@FAST
@given(data=st.binary(max_size=2000))
def test_any_bytes_in_a_txt_file_give_a_record_or_an_error_naming_it(tmp_path, data):
    f = tmp_path / "bat-ky.txt"
    f.write_bytes(data)
    _record_or_error(f)


@FAST
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div>",
                "</span>",
                "<b>",
                "<script>",
                "</script>",
                "<!--",
                "-->",
                "<![CDATA[",
                "&amp;",
                "&#x1;",
                "<br/>",
            ]
        )
        | st.sampled_from(FRAGMENTS),
        max_size=30,
    )
)
def test_unbalanced_html_gives_a_record_or_an_error(tmp_path, parts):
    f = tmp_path / "trang.html"
    f.write_text("".join(parts), encoding="utf-8")
    _record_or_error(f)


@FAST
@given(st.binary(max_size=3000))
def test_corrupt_docx_and_pdf_give_a_record_or_an_error(tmp_path, data):
    for name, head in (("hong.docx", b"PK\x03\x04"), ("hong.pdf", b"%PDF-1.4\n")):
        f = tmp_path / name
        f.write_bytes(head + data)
        _record_or_error(f)


@settings(max_examples=1, deadline=dt.timedelta(seconds=30))
@given(st.just(None))
def test_ten_megabytes_of_one_character_end_in_an_error_naming_the_file(tmp_path_factory, _):
    f = tmp_path_factory.mktemp("lon") / "mot-ky-tu.txt"
    f.write_bytes(b"a" * (10 * 1024 * 1024))
    with pytest.raises(ExtractError, match=r"mot-ky-tu\.txt: file too large"):
        extract_file(f)


@settings(max_examples=1, deadline=dt.timedelta(seconds=30))
@given(st.sampled_from(["a", "đ", ".", " ", "\n"]))
def test_a_long_run_of_one_character_gives_a_record(ch):
    assert_offsets(extract_text(ch * 300_000))


def test_a_zip_bomb_posing_as_a_docx_ends_in_an_error(tmp_path):
    f = tmp_path / "bom.docx"
    with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for i in range(3):
            z.writestr(f"word/media/anh{i}.bin", b"\0" * (50 * 1024 * 1024))
        z.writestr("word/document.xml", "<w:document/>")
    assert _record_or_error(f) is None
