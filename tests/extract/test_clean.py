"""Specification of the cleaner: a news page in, the session's own lines out.

The pages below are written for these tests in the layout of provincial news sites
(invented people and figures).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from chidao.extract.clean import clean, dateline_date, is_byline, lexicon, lexicon_kind
from chidao.extract.spans import Options, fold

HEADLINE = "Phó Chủ tịch UBND tỉnh làm việc với xã Minh Tiến"
LEDE = (
    "Sáng 5/4, đồng chí Lương Văn Hòa, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh "
    "đã có buổi làm việc với xã Minh Tiến về tình hình phát triển kinh tế - xã hội quý I năm 2026."
)
RESULTS = (
    "Theo báo cáo, quý I năm 2026 thu ngân sách trên địa bàn xã đạt 12,4 tỷ đồng, bằng 35% dự toán; "
    "xã đã giải quyết đúng hạn 640 hồ sơ thủ tục hành chính."
)
CONCLUSION = (
    "Kết luận buổi làm việc, đồng chí Lương Văn Hòa yêu cầu xã Minh Tiến tập trung hoàn thành "
    "công tác giải phóng mặt bằng tuyến đường liên thôn trước ngày 30/6/2026."
)
SPEAKER_CAPTION = "Phó Chủ tịch UBND tỉnh Lương Văn Hòa"

PAGE = f"""\
ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH TỈNH
Provincial Radio and Television
Đường dây nóng: 0237 3000 000

{HEADLINE}

Ngọc Lan – Văn Hưng

05/04/2026 18:20

(Baotinh.vn) - {LEDE}

{HEADLINE}

{LEDE}

Toàn cảnh buổi làm việc.

{RESULTS}

{HEADLINE} - Ảnh 2.

Chủ tịch UBND xã Minh Tiến báo cáo tại buổi làm việc - Ảnh 3.

{CONCLUSION}{HEADLINE}

{SPEAKER_CAPTION}

Nguồn: Bản tin thời sự tối 5/4/2026

Văn Hưng

 {{name}} - {{time}}

 Trả lời

{{body}}

0 bình luận

Ý kiến của bạn sẽ được biên tập trước khi đăng. Vui lòng gõ tiếng Việt có dấu

Tin liên quan

Khánh thành cầu dân sinh ở xã Đồng Tâm

Khánh thành cầu dân sinh ở xã Đồng Tâm

09:15 , 02/04/2026

Sáng 2/4, UBND tỉnh tổ chức lễ khánh thành cầu dân sinh; đồng chí Chủ tịch UBND tỉnh đề nghị xã Đồng Tâm quản lý, bảo trì công trình.

Chia sẻ thông tin với bạn bè!
Tắt [X]
"""


@pytest.fixture
def page():
    return clean(PAGE, Options())


def test_it_keeps_every_line_of_the_session(page):
    lines = page.text.split("\n")
    assert lines == [
        LEDE,
        RESULTS,
        "Chủ tịch UBND xã Minh Tiến báo cáo tại buổi làm việc",
        CONCLUSION,
        SPEAKER_CAPTION,
    ]


def test_it_keeps_the_headline_in_the_title_and_out_of_the_text(page):
    assert page.title == HEADLINE
    assert HEADLINE not in page.text
    assert page.removed.count(HEADLINE) >= 2


def test_it_drops_captions_that_repeat_the_headline_with_their_photo_marker(page):
    assert f"{HEADLINE} - Ảnh 2." in page.removed
    assert "Ảnh 2" not in page.text


def test_it_strips_the_photo_marker_of_a_caption_and_keeps_the_caption(page):
    assert "Chủ tịch UBND xã Minh Tiến báo cáo tại buổi làm việc" in page.text
    assert "- Ảnh 3." in page.removed


def test_it_drops_the_repeated_lede_and_the_site_prefix(page):
    assert page.text.count(LEDE) == 1
    assert "Baotinh.vn" not in page.text


@pytest.mark.parametrize(
    "prefix", ["(Baonghean.vn) - ", "(TTXVN) – ", "(TTXVN/Vietnam+) - ", "(Chinhphu.vn) — "]
)
def test_it_strips_the_source_prefix_of_a_lede(prefix):
    assert clean(f"{HEADLINE}\n{prefix}{LEDE}", Options()).text == LEDE


def test_it_strips_a_headline_glued_to_the_end_of_a_paragraph(page):
    assert CONCLUSION in page.text.split("\n")


def test_it_keeps_a_speaker_caption_after_its_paragraph(page):
    assert SPEAKER_CAPTION in page.text.split("\n")


def test_it_drops_generic_photo_captions(page):
    assert "Toàn cảnh buổi làm việc." in page.removed


def test_it_drops_mastheads_bylines_and_source_lines(page):
    for line in (
        "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH TỈNH",
        "Provincial Radio and Television",
        "Đường dây nóng: 0237 3000 000",
        "Ngọc Lan – Văn Hưng",
        "Văn Hưng",
        "Nguồn: Bản tin thời sự tối 5/4/2026",
    ):
        assert line in page.removed
        assert line not in page.text


def test_it_keeps_the_date_of_the_page_dateline(page):
    assert page.dateline == dt.date(2026, 4, 5)
    assert "05/04/2026 18:20" in page.removed


def test_it_cuts_comments_and_related_articles_to_the_end(page):
    assert "Đồng Tâm" not in page.text
    assert "{body}" not in page.text
    assert "Khánh thành cầu dân sinh ở xã Đồng Tâm" in page.removed
    assert "Tắt [X]" in page.removed


def test_the_dateline_of_a_related_article_is_not_the_page_dateline():
    text = f"{HEADLINE}\n{LEDE}\nĐọc thêm\nKhánh thành cầu\nKhánh thành cầu\n09:15 , 02/04/2026\nSáng 2/4, lễ khánh thành."
    doc = clean(text, Options())
    assert doc.dateline is None
    assert doc.text == LEDE


def test_it_cuts_a_related_article_list_that_has_no_marker():
    text = f"{LEDE}\n{CONCLUSION}\nHội nghị xúc tiến đầu tư năm 2026\nHội nghị xúc tiến đầu tư năm 2026\n15:10 , 12/03/2026\nChiều 12/3, đồng chí Phó Chủ tịch UBND tỉnh đề nghị các sở tháo gỡ vướng mắc."
    doc = clean(text, Options())
    assert doc.text == f"{LEDE}\n{CONCLUSION}"


def test_it_keeps_a_topic_heading_followed_by_the_session_text():
    text = f"{HEADLINE}\n{LEDE}\nChủ đề buổi làm việc năm nay\n{RESULTS}\n{CONCLUSION}"
    doc = clean(text, Options())
    assert doc.text.split("\n") == [LEDE, "Chủ đề buổi làm việc năm nay", RESULTS, CONCLUSION]


def test_a_petition_of_the_delegates_is_no_photo_caption():
    line = "Các đại biểu tham dự đề nghị tỉnh sớm hỗ trợ kinh phí làm đường."
    doc = clean(f"{HEADLINE}\n{LEDE}\n{line}\n{CONCLUSION}", Options())
    assert line in doc.text


def test_a_masthead_phrase_after_the_headline_is_session_text():
    line = "Đài Phát thanh và Truyền hình tỉnh đưa tin trực tiếp"
    doc = clean(f"{HEADLINE}\n{LEDE}\n{line}\n{CONCLUSION}", Options())
    assert line in doc.text


def test_a_plain_report_without_a_headline_is_kept_whole():
    doc = clean(f"{LEDE}\n\n{RESULTS}\n{CONCLUSION}\n", Options())
    assert doc.title is None
    assert doc.text == f"{LEDE}\n{RESULTS}\n{CONCLUSION}"


def test_the_fullest_title_above_the_lede_is_the_headline():
    doc = clean(f"Thời sự\n{HEADLINE}\n{LEDE}\n{CONCLUSION}", Options())
    assert doc.title == HEADLINE
    assert doc.text == f"Thời sự\n{LEDE}\n{CONCLUSION}"


@pytest.mark.parametrize(
    ("caption", "kept"),
    [
        (
            "Đồng chí Lương Văn Hòa phát biểu kết luận. Ảnh: Thu Trang",
            "Đồng chí Lương Văn Hòa phát biểu kết luận.",
        ),
        ("Quang cảnh khu tái định cư (Ảnh: TTXVN)", "Quang cảnh khu tái định cư"),
        (
            "Chủ tịch xã nói: Ảnh hưởng của bão rất lớn",
            "Chủ tịch xã nói: Ảnh hưởng của bão rất lớn",
        ),
    ],
)
def test_it_strips_the_photo_credit_of_a_caption(caption, kept):
    doc = clean(f"{HEADLINE}\n{LEDE}\n{caption}\n{CONCLUSION}", Options())
    assert doc.text.split("\n")[1] == kept


def test_a_conclusion_notice_keeps_its_header_and_signer():
    notice = "\n".join([
        "TỈNH ỦY NGHỆ AN", "Số 215-TB/TU", "Nghệ An, ngày 20 tháng 5 năm 2024", "THÔNG BÁO",
        "Kết luận của Thường trực Tỉnh ủy tại buổi làm việc với huyện Yên Thành",
        "Ngày 17/5/2024, Thường trực Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Yên Thành về tình hình thực hiện nhiệm vụ năm 2024.",
        "1. Huyện ủy Yên Thành tập trung lãnh đạo hoàn thành các chỉ tiêu năm 2024.",
        "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Lê Minh Đức",
    ])  # fmt: skip
    doc = clean(notice, Options())
    assert doc.title == "Kết luận của Thường trực Tỉnh ủy tại buổi làm việc với huyện Yên Thành"
    assert doc.text.split("\n")[:3] == [
        "TỈNH ỦY NGHỆ AN",
        "Số 215-TB/TU",
        "Nghệ An, ngày 20 tháng 5 năm 2024",
    ]
    assert doc.text.endswith("PHÓ BÍ THƯ THƯỜNG TRỰC\nLê Minh Đức")


def test_it_normalises_to_nfc_and_collapses_white_space():
    decomposed = unicodedata.normalize(
        "NFD", "Sáng 5/4,\u00a0 đồng chí   Lương Văn Hòa\tphát biểu."
    )
    doc = clean("\r\n" + decomposed + "\r\n\r\n", Options())
    assert doc.text == "Sáng 5/4, đồng chí Lương Văn Hòa phát biểu."


def test_a_related_list_is_not_needed_to_cut_a_tail_of_widgets():
    doc = clean(f"{LEDE}\n{CONCLUSION}\nÝ kiến bạn đọc\nGửi bình luận\nThời tiết", Options())
    assert doc.text == f"{LEDE}\n{CONCLUSION}"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("31/07/2023 19:46", dt.date(2023, 7, 31)),
        ("20:04 , 21/02/2025", dt.date(2025, 2, 21)),
        ("Thứ Hai, 11/10/2021 - 14:30 (GMT+7)", dt.date(2021, 10, 11)),
        ("Cập nhật: 08:05 ngày 12-03-2026", dt.date(2026, 3, 12)),
        ("Sáng 5/4/2024, đồng chí Lương Văn Hòa làm việc", None),
        ("31/02/2023", None),
        ("Ngày 18 tháng 10 năm 2018", dt.date(2018, 10, 18)),
        ("Thứ Năm, ngày 18 tháng 10 năm 2018 - 16:45", dt.date(2018, 10, 18)),
        ("Hưng Yên, ngày 21 tháng 01 năm 2026", None),  # a notice's place and date
        ("Sáng 18 tháng 10 năm 2018, đồng chí Lương Văn Hòa làm việc", None),
        # issue 6 class 2 (held-out Hải Dương 2021): a publication stamp in ISO order
        ("2021-05-13 09:10", dt.date(2021, 5, 13)),
        ("Cập nhật: 2021-05-13T09:10:00+07:00", dt.date(2021, 5, 13)),
        ("2021-02-30 09:10", None),
        ("Giai đoạn 2021-2025", None),
    ],
)
def test_it_reads_only_standalone_datelines(line, date):
    assert dateline_date(line) == date


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Thu Hà – Minh Quân", True),
        ("Bài và ảnh: Minh Tâm", True),
        ("Thanh Hà (TTXVN)", True),
        ("Phó Chủ tịch UBND tỉnh Lương Văn Hòa", False),
        ("Nỗ lực vượt khó thực hiện nhiệm vụ", False),
    ],
)
def test_it_tells_bylines_from_captions(line, byline):
    assert is_byline(line) is byline


def _page_with(entry_kind: str, line: str) -> str:
    """A page where ``line`` stands where its kind of boilerplate stands."""
    if entry_kind == "banner":
        return f"{line}\n{HEADLINE}\n{LEDE}\n{CONCLUSION}\n{HEADLINE}"
    if entry_kind in ("end", "section"):
        return f"{HEADLINE}\n{LEDE}\n{CONCLUSION}\n{line}\nLễ ra quân\nLễ ra quân\n07:30 , 01/03/2026\nSáng 1/3, lễ ra quân."
    return f"{HEADLINE}\n{LEDE}\n{line}\n{CONCLUSION}"


@pytest.mark.parametrize("entry", lexicon(), ids=lambda e: f"{e.kind}:{e.pattern}")
def test_every_lexicon_entry_removes_its_example(entry):
    assert lexicon_kind(entry.example) == entry.kind
    doc = clean(_page_with(entry.kind, entry.example), Options())
    assert doc.text == f"{LEDE}\n{CONCLUSION}"
    assert entry.example in doc.removed


def test_a_participant_line_naming_the_radio_station_is_kept_with_or_without_a_headline():
    line = "Cùng dự có lãnh đạo Sở Tài chính, Sở Nội vụ, Đài Phát thanh và Truyền hình tỉnh."
    for page in (f"{LEDE}\n{line}\n{CONCLUSION}", f"{HEADLINE}\n{LEDE}\n{line}\n{CONCLUSION}"):
        doc = clean(page, Options())
        assert line in doc.text.split("\n")
    # the masthead alone on its line above the headline is still dropped
    doc = clean(
        f"Đài Phát thanh và Truyền hình tỉnh Nghệ An\n{HEADLINE}\n{LEDE}\n{CONCLUSION}", Options()
    )
    assert "Đài Phát thanh và Truyền hình tỉnh Nghệ An" in doc.removed


@pytest.mark.parametrize(
    "entry", [e for e in lexicon() if e.match != "line"], ids=lambda e: e.pattern
)
def test_the_lexicon_read_at_once_gives_each_line_the_kind_of_its_first_matching_entry(entry):
    key = fold(entry.example).strip().rstrip(".!?… ")
    first = next(e for e in lexicon() if e.matches(key))
    assert lexicon_kind(entry.example) == first.kind


def test_the_lexicon_read_by_first_character_gives_every_line_the_kind_of_its_first_entry():
    # lexicon_kind tries only the entries that may start with the line's first character:
    # the same kind as a loop over all of them, on the samples' lines, on each example with
    # words before and after it, and on lines opening with every entry's first letter
    samples = Path(__file__).resolve().parents[2] / "src" / "chidao" / "demo" / "samples"
    lines = [x for f in sorted(samples.iterdir()) for x in f.read_text("utf-8").splitlines()]
    for e in lexicon():
        lines += [e.example, f"{e.example} mới", f"Tin {e.example}", e.example[:1] + " / a › b"]
        lines += [e.pattern[:1] + " > " + e.example, e.pattern[:1] + "5 bình luận"]
    lines += ["", "5 bình luận", "Trang chủ / Thời sự", "Đài Phát thanh và Truyền hình tỉnh A"]
    checked = 0
    for line in lines:
        key = fold(line).strip().rstrip(".!?… ")
        if len(line) > 220:
            continue
        if key in {e.pattern for e in lexicon() if e.match == "line"}:
            continue  # whole lines are looked up first
        first = next((e.kind for e in lexicon() if e.match != "line" and e.matches(key)), None)
        assert lexicon_kind(line) == first, line
        checked += 1
    assert checked > 300


def test_a_headline_that_states_an_instruction_stays_in_the_text_and_a_plain_one_does_not():
    order = "Xã Na Sang phải xong đường vào bản trước mùa mưa\n\nSáng 3/4, đồng chí ... làm việc.\n"
    plain = "Phó Chủ tịch UBND tỉnh làm việc tại xã Na Sang\n\nSáng 3/4, đồng chí ... làm việc.\n"
    kept = clean(order, Options())
    assert kept.title == "Xã Na Sang phải xong đường vào bản trước mùa mưa"
    assert kept.text.startswith(kept.title)
    dropped = clean(plain, Options())
    assert dropped.title == "Phó Chủ tịch UBND tỉnh làm việc tại xã Na Sang"
    assert not dropped.text.startswith("Phó Chủ tịch")


def test_a_headline_naming_a_unit_without_its_level_before_cần_stays_and_a_plain_name_does_not():
    kept = clean("Sa Thầy cần đẩy nhanh giao đất, giao rừng\n\nNgày 6/10, ...\n", Options())
    assert kept.text.startswith("Sa Thầy cần")
    dropped = clean("Nông dân cần chủ động nguồn nước tưới\n\nNgày 6/10, ...\n", Options())
    assert not dropped.text.startswith("Nông dân")


def test_an_instruction_headline_under_a_breadcrumb_stays_and_the_breadcrumb_goes():
    order = "Xã Na Sang phải xong đường vào bản trước mùa mưa"
    for crumbs in ("Trang chủ / Thời sự / Chính trị", "Thời sự › Địa phương"):
        doc = clean(f"{crumbs}\n{order}\n\nSáng 3/4, đồng chí ... làm việc.\n", Options())
        assert doc.text.startswith(order), crumbs
        assert crumbs in doc.removed
    # a ratio or a date in a sentence has no spaces around its slash: no breadcrumb
    assert lexicon_kind("Toàn huyện có 9/16 xã đạt chuẩn") is None


def test_a_tail_heading_written_with_a_colon_still_opens_the_tail():
    tail = (
        "Tin cùng chuyên mục:\n- Khánh thành cầu dân sinh\n- Hơn 1.200 hộ dân được hỗ trợ sửa nhà"
    )
    doc = clean(f"{HEADLINE}\n{LEDE}\n{CONCLUSION}\n{tail}", Options())
    assert doc.text == f"{LEDE}\n{CONCLUSION}"
    assert lexicon_kind("Tin cùng chuyên mục:") == "end"
    assert lexicon_kind("Nguồn:") == "widget"  # an entry written with its colon still matches


def test_a_related_article_printed_whole_in_the_tail_is_cut_with_its_body():
    # issue 6 page parts (held-out Hòa Bình 2013): a dated item of the related list prints
    # another session's lede and a paragraph of its body, with their own "yêu cầu ..."
    tail = (
        "Tin liên quan\n"
        "Chủ tịch UBND tỉnh kiểm tra công trình thủy lợi tại xã Đồng Lạc\n"
        "Chủ tịch UBND tỉnh kiểm tra công trình thủy lợi tại xã Đồng Lạc\n"
        "10:12 , 02/04/2026\n"
        "Sáng 1/4, đồng chí Hà Quang Vũ, Chủ tịch UBND tỉnh kiểm tra hồ chứa nước xã Đồng Lạc. "
        "Đồng chí yêu cầu xã hoàn thành nạo vét kênh trước ngày 30/4/2026.\n"
        "Năm 2025, xã đã kiên cố hóa 12 km kênh mương. Đồng chí giao Sở Tài chính cân đối "
        "vốn sửa chữa đập tràn, báo cáo trước ngày 15/5/2026.\n"
        "Xã Yên Hòa: Thu ngân sách quý I đạt 31% dự toán\n"
        "08:40 , 30/03/2026\n"
        "Thời tiết\n"
    )
    doc = clean(f"{LEDE}\n{RESULTS}\n{CONCLUSION}\nMinh Thu\n{tail}", Options())
    assert doc.text == f"{LEDE}\n{RESULTS}\n{CONCLUSION}"


def test_a_long_paragraph_after_an_undated_related_link_is_not_cut():
    # an inline "Đọc thêm" link (no time stamp of its own) inside the article: what follows
    # its lead is still the session
    page = (
        f"{LEDE}\nĐọc thêm\nXã Minh Tiến ra quân làm đường liên thôn\n"
        "Xã Minh Tiến ra quân làm đường liên thôn\n"
        f"{RESULTS}\n{CONCLUSION}"
    )
    doc = clean(page, Options())
    assert CONCLUSION in doc.text.split("\n")


def test_a_portal_s_related_list_with_dates_after_the_headlines_is_cut_with_its_bodies():
    # issue 6 page parts (held-out Hưng Yên 2019): the portal prints each related article's
    # date after its headline, one of them with another session's lede and body; comment
    # templates in double braces, a visitor counter and the portal's footer follow
    tail = (
        "Ý kiến\n"
        "{{comment.name}} - {{comment.time}}\n"
        "{{comment.content}}\n"
        "Số bình luận: 0\n"
        "Tin cùng chuyên mục\n"
        "Phó Chủ tịch UBND tỉnh kiểm tra đê hữu sông Luộc (02/04/2026)\n"
        "Phó Chủ tịch UBND tỉnh kiểm tra đê hữu sông Luộc (02/04/2026)\n"
        "Sáng 1/4, đồng chí Hà Quang Vũ kiểm tra đê hữu sông Luộc. Đồng chí yêu cầu xã gia cố "
        "các điểm xung yếu trước ngày 30/4/2026.\n"
        "Đồng chí giao Sở Nông nghiệp và Môi trường kiểm tra, đề xuất phương án xử lý.\n"
        "Xã Yên Hòa đẩy mạnh chuyển đổi số (28/03/2026)\n"
        "Đang truy cập: 152\n"
        "Chịu trách nhiệm chính: Ông Lại Văn Sơn - Chánh Văn phòng UBND tỉnh\n"
        'Ghi rõ nguồn "Cổng thông tin điện tử tỉnh" khi phát hành lại thông tin từ website này.\n'
    )
    doc = clean(f"{LEDE}\n{RESULTS}\n{CONCLUSION}\n{tail}", Options())
    assert doc.text == f"{LEDE}\n{RESULTS}\n{CONCLUSION}"


def test_a_masthead_above_a_headline_printed_twice_is_dropped_and_the_headline_kept():
    # issue 6 page parts (held-out Bình Định 2023): the outlet's names, its menu and a ticker
    # of other articles stand above the headline, which states the leader's instruction
    head = "Xã Minh Tiến cần hoàn thành giải phóng mặt bằng trước tháng 6"
    page = (
        "BÁO TỈNH NHÀ\nPROVINCIAL NEWSPAPER\n"
        "Thời sự | Chính trị | Kinh tế\nTin mới\n"
        "Bí thư Tỉnh ủy kiểm tra hồ chứa nước tại xã Đồng Lạc (02/04/2026)\n"
        f"{head}\n{head}\n{LEDE}\n{CONCLUSION}"
    )
    doc = clean(page, Options())
    assert doc.text == f"{head}\n{LEDE}\n{CONCLUSION}"


def test_a_list_of_dated_articles_above_the_page_s_text_is_no_tail():
    # "Tin mới nhất" and dated items in the masthead: the article below them is not the
    # bodies of those items
    page = (
        "Tin mới nhất\n"
        "Bí thư Tỉnh ủy kiểm tra hồ chứa nước tại xã Đồng Lạc\n"
        "Bí thư Tỉnh ủy kiểm tra hồ chứa nước tại xã Đồng Lạc\n"
        "10:12 , 02/04/2026\n"
        f"{HEADLINE}\n05/04/2026 16:20\n{LEDE}\n{RESULTS}\n{CONCLUSION}"
    )
    doc = clean(page, Options())
    assert CONCLUSION in doc.text.split("\n")
    assert RESULTS in doc.text.split("\n")


def test_a_history_box_and_a_list_of_headlines_printed_once_with_their_leads_are_page_tail():
    # issue 6 page parts (held-out Tiền Giang 2016): "Ngày này năm xưa" and its paragraph, then
    # "Các tin khác" whose items are a headline and another session's lead, with no dates
    tail = (
        "Chia sẻ\n"
        "Ngày này năm xưa\n"
        "Ngày 2/9/1945, tại Quảng trường Ba Đình, Chủ tịch Hồ Chí Minh đọc bản Tuyên ngôn độc lập.\n"
        "Các tin khác\n"
        "Chủ tịch UBND tỉnh kiểm tra đê biển xã Đồng Lạc\n"
        "Chiều 20/9, đồng chí Hà Quang Vũ kiểm tra đê biển. Đồng chí yêu cầu xã gia cố các đoạn "
        "đê xung yếu trước ngày 30/10/2026.\n"
        "Xã Yên Hòa: Thu ngân sách 9 tháng đạt 91% dự toán\n"
        "Năm 2026, xã phấn đấu thu ngân sách đạt 26 tỷ đồng.\n"
        "Ý kiến bạn đọc\n"
    )
    doc = clean(f"{LEDE}\n{RESULTS}\n{CONCLUSION}\nMinh Thu\n{tail}", Options())
    assert doc.text == f"{LEDE}\n{RESULTS}\n{CONCLUSION}"
