"""Provincial bodies named as taking part in a session: every lexicon entry, and what is not one."""

from __future__ import annotations

import pytest

from chidao.extract import people, segment
from chidao.extract.agencies import agency_name, departments, find_agencies, lexicon
from chidao.extract.pipeline import process
from chidao.extract.spans import Document, fold

LEDE = "Sáng 5/4, đồng chí Đào Minh Tâm, Phó Chủ tịch UBND tỉnh làm việc với UBND xã Tân Lập về quý I năm 2024.\n"


def agencies_of(text: str) -> list[str]:
    return [s.text for s in process(text).agencies]


def stage_agencies(text: str) -> list[str]:
    """The stage alone, on text that needs no cleaning."""
    doc = Document(text=text)
    segment.segment(doc)
    people.find_people(doc)
    find_agencies(doc)
    return [s.text for s in doc.agencies]


@pytest.mark.parametrize(
    "name,example", [(r[0], r[2]) for r in lexicon()], ids=[r[0] for r in lexicon()]
)
def test_each_body_of_the_lexicon_is_found_among_the_participants(name, example):
    found = stage_agencies(
        LEDE + f"Tham dự buổi làm việc có đại diện {example}; lãnh đạo các phòng, ban."
    )
    assert len(found) == 1, found
    assert fold(found[0]) in fold(example)


@pytest.mark.parametrize("name", departments())
def test_each_department_name_is_read_whole(name):
    found = agencies_of(LEDE + f"Cùng dự có lãnh đạo {name}, Văn phòng UBND tỉnh.\n")
    assert found == [name, "Văn phòng UBND tỉnh"]


def test_a_department_outside_the_list_ends_at_a_boundary():
    found = agencies_of(
        LEDE + "Cùng dự có lãnh đạo Sở Ngoại vụ và Hợp tác quốc tế, Sở Tài chính.\n"
    )
    assert found == ["Sở Ngoại vụ", "Sở Tài chính"] or found == [
        "Sở Ngoại vụ và Hợp tác quốc tế",
        "Sở Tài chính",
    ]


def test_the_office_of_a_speaker_takes_part():
    text = LEDE + (
        "Giám đốc Sở Xây dựng Vương Đình Khoa giải trình các kiến nghị của xã.\n"
        "Đại tá Phùng Văn Sĩ - Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh: Lực lượng vũ trang luôn sẵn sàng.\n"
    )
    assert agencies_of(text) == ["Sở Xây dựng", "Bộ Chỉ huy Quân sự tỉnh"]


def test_bodies_inside_directives_and_document_references_do_not_take_part():
    text = LEDE + (
        "Xã đã triển khai Kết luận số 15 của Ban Tổ chức Tỉnh ủy về công tác cán bộ.\n"
        "Đồng chí giao Sở Tài chính chủ trì tham mưu bố trí vốn.\n"
        "Ban Thường vụ Tỉnh ủy và UBND tỉnh sẽ xem xét các kiến nghị.\n"
    )
    assert agencies_of(text) == []


def test_the_same_body_is_listed_once():
    text = LEDE + (
        "Tham dự có đại diện Sở Y tế, Công an tỉnh.\n"
        "Giám đốc Công an tỉnh Tạ Quang Vinh phát biểu tại buổi làm việc.\n"
    )
    assert agencies_of(text) == ["Sở Y tế", "Công an tỉnh"]


def test_departments_listed_after_one_so_are_each_a_body_as_written():
    text = (
        LEDE
        + "Cùng đi có lãnh đạo các sở: Kế hoạch và Đầu tư, Tài chính và Xây dựng; Văn phòng UBND tỉnh.\n"
    )
    assert agencies_of(text) == [
        "Kế hoạch và Đầu tư",
        "Tài chính",
        "Xây dựng",
        "Văn phòng UBND tỉnh",
    ]


def test_a_list_after_so_ban_nganh_is_read_too():
    text = LEDE + "Tham dự có lãnh đạo các sở, ban, ngành: Nội vụ, Y tế; Ủy ban MTTQ tỉnh.\n"
    assert agencies_of(text) == ["Nội vụ", "Y tế", "Ủy ban MTTQ tỉnh"]


def test_every_agency_points_at_its_own_text():
    doc = process(LEDE + "Cùng đi có lãnh đạo các sở: Tài chính, Y tế; Công an tỉnh.\n")
    assert doc.agencies
    for span in doc.agencies:
        assert doc.text[span.start : span.end] == span.text


# ---- issue 6, class 4: lists under one head and abbreviations, listed by their full names -----


def listed_of(text: str) -> list[str]:
    from chidao.extract import extract_text

    return extract_text(text)["agencies"]


def test_departments_of_a_list_under_one_head_are_listed_as_sở():
    text = LEDE + "Cùng đi có lãnh đạo các sở: Nội vụ, Khoa học và Công nghệ, Y tế.\n"
    assert listed_of(text) == ["Sở Nội vụ", "Sở Khoa học và Công nghệ", "Sở Y tế"]


@pytest.mark.parametrize(
    "written,full",
    [
        ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở NN-PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
        ("Sở TNMT", "Sở Tài nguyên và Môi trường"),
        ("Sở KH-ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở LĐTBXH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở GTVT", "Sở Giao thông vận tải"),
        ("Sở VH-TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở NN&MT", "Sở Nông nghiệp và Môi trường"),
        # half written out, half abbreviated
        ("Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở Tài nguyên và MT", "Sở Tài nguyên và Môi trường"),
        ("Sở Kế hoạch và ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở Giáo dục và ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở Lao động - TB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở Văn hóa - TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở Nông nghiệp và MT", "Sở Nông nghiệp và Môi trường"),
    ],
)
def test_an_abbreviated_department_is_listed_by_its_full_name(written, full):
    text = LEDE + f"Cùng đi có lãnh đạo {written}, Văn phòng UBND tỉnh.\n"
    assert listed_of(text) == [full, "Văn phòng UBND tỉnh"]
    assert agencies_of(text)[0] == written  # the span keeps the words as written


def test_each_abbreviation_row_names_a_department_of_the_list():
    from chidao.extract.agencies import _abbreviations

    assert {full for _, full in _abbreviations()} <= set(departments())


def test_a_body_heard_reporting_takes_part():
    text = (
        "Ngày 9/9/2025, Thường trực Tỉnh ủy Điện Biên họp nghe Ban Tổ chức Tỉnh ủy báo cáo "
        "công tác cán bộ.\n"
    )
    assert agencies_of(text) == ["Ban Tổ chức Tỉnh ủy"]


def test_the_bodies_listed_after_one_that_takes_part_take_part_too():
    text = (
        "Sáng 12/5, đồng chí Hà Văn Lộc, Phó Chủ tịch UBND tỉnh cùng lãnh đạo Sở Y tế, "
        "Sở Tài chính và Sở Giáo dục và Đào tạo đã kiểm tra thực tế tại trường Tiểu học Yên Lập.\n"
        "Đồng chí giao Sở Nội vụ rà soát biên chế giáo viên.\n"
    )
    assert [fold(a) for a in agencies_of(text)] == [
        "sở y tế",
        "sở tài chính",
        "sở giáo dục và đào tạo",
    ]


def test_a_person_named_after_an_abbreviated_department_is_not_part_of_its_name():
    text = LEDE + "Giám đốc Sở NN-PTNT Hà Đình Khải cho biết, Sở đã hoàn thành khảo sát.\n"
    names = agencies_of(text)
    assert names == ["Sở NN-PTNT"]


def test_the_party_group_of_the_people_s_committee_heard_reporting_takes_part():
    text = (
        "Chiều 4/9, Thường trực Tỉnh ủy họp nghe Ban cán sự đảng UBND tỉnh báo cáo "
        "tiến độ các dự án trọng điểm năm 2022.\n"
    )
    assert agencies_of(text) == ["Ban cán sự đảng UBND tỉnh"]


def test_abbreviated_departments_listed_under_one_head_take_part_by_their_full_names():
    # issue 6, class 4 (held-out round 7, Bến Tre): "các Sở: NN&PTNT, KH&ĐT, Tài chính, LĐ-TB&XH"
    text = LEDE + "Tham dự có đại diện lãnh đạo các Sở: NN&PTNT, KH-ĐT, Tài chính, LĐ-TB&XH.\n"
    assert [agency_name(s) for s in process(text).agencies] == [
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Kế hoạch và Đầu tư",
        "Sở Tài chính",
        "Sở Lao động - Thương binh và Xã hội",
    ]


def test_party_boards_listed_under_one_head_take_part_with_their_committee():
    # issue 6, class 4 (held-out round 7, Nam Định): "các ban: Tổ chức, Tuyên giáo, Dân vận Tỉnh ủy"
    text = (
        "Ngày 2/11, Thường trực Tỉnh ủy họp giao ban với Ban Thường vụ Huyện ủy Kim Sơn. Dự họp "
        "có lãnh đạo các ban: Tổ chức, Dân vận Tỉnh ủy; Văn phòng Tỉnh ủy.\n"
    )
    assert [agency_name(s) for s in process(text).agencies] == [
        "Ban Tổ chức Tỉnh ủy",
        "Ban Dân vận Tỉnh ủy",
        "Văn phòng Tỉnh ủy",
    ]


def test_words_after_a_list_head_that_are_no_board_of_the_lexicon_are_not_boards():
    text = LEDE + "Dự họp có lãnh đạo các ban: Quản lý chợ, Bảo vệ rừng Tỉnh ủy.\n"
    assert [agency_name(s) for s in process(text).agencies] == []


def test_a_department_told_to_propose_is_not_speaking():
    # "Sở Tài chính khẩn trương khảo sát, đề xuất ...": a task, not the body taking the floor
    text = (
        LEDE + "Đồng chí yêu cầu:\n- Sở Tài chính khẩn trương khảo sát, đề xuất phương án hỗ trợ.\n"
    )
    assert agencies_of(text) == []


def test_a_body_whose_report_the_session_hears_takes_part():
    # issue 6 class 4 (held-out round 10, Hải Dương)
    from chidao.extract.pipeline import process

    doc = process(
        "Sáng 2/10/2021, UBND tỉnh Vĩnh Phúc họp phiên thường kỳ tháng 9.\n"
        "Theo báo cáo của Sở Kế hoạch và Đầu tư, GRDP 9 tháng tăng 5,2%.\n"
        "Đồng chí giao Sở Xây dựng rà soát các dự án chậm tiến độ.\n"
    )
    assert [a.text for a in doc.agencies] == ["Sở Kế hoạch và Đầu tư"]


def test_an_abbreviation_with_two_dashes_is_the_whole_name_of_its_department():
    doc = process(
        "Sáng 4/8, Chủ tịch UBND tỉnh Lê Văn Khánh chủ trì phiên họp thường kỳ.\n"
        "Đại diện Sở VH-TT-DL báo cáo tiến độ lập quy hoạch di tích.\n"
    )
    assert [agency_name(a) for a in doc.agencies] == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert [a.text for a in doc.agencies] == ["Sở VH-TT-DL"]


def test_a_centrally_run_city_s_bodies_are_named_as_the_city_s_and_a_city_of_a_province_s_are_not():
    city = process(
        "Chiều 14/3, đồng chí Lê Quang Huy, Bí thư Thành ủy làm việc với huyện Tiên Lãng.\n"
        "Dự buổi làm việc có lãnh đạo Ban Tổ chức Thành ủy, Văn phòng UBND thành phố và Công "
        "an thành phố.\n"
    )
    assert [a.text for a in city.agencies] == [
        "Ban Tổ chức Thành ủy",
        "Văn phòng UBND thành phố",
        "Công an thành phố",
    ]
    town = process(
        "Sáng 5/4, Phó Chủ tịch UBND tỉnh Lê Văn Khánh làm việc với thành phố Vinh.\n"
        "Dự buổi làm việc có lãnh đạo Ban Tổ chức Thành ủy Vinh và Sở Nội vụ.\n"
    )
    assert [a.text for a in town.agencies] == ["Sở Nội vụ"]


def test_an_abbreviation_written_with_va_between_its_parts_is_one_department():
    doc = process(
        "Sáng 4/8, Chủ tịch UBND tỉnh Lê Văn Khánh chủ trì phiên họp thường kỳ.\n"
        "Đại diện Sở Y tế báo cáo. Sở KH và ĐT cho biết, Sở Nội vụ và Sở Xây dựng báo cáo.\n"
    )
    assert [agency_name(a) for a in doc.agencies] == [
        "Sở Y tế",
        "Sở Kế hoạch và Đầu tư",
        "Sở Nội vụ",
        "Sở Xây dựng",
    ]
